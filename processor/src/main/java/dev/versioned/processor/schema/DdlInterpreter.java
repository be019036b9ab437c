package dev.versioned.processor.schema;

import dev.versioned.processor.Message;
import dev.versioned.processor.schema.Schema.ColumnInfo;
import dev.versioned.processor.schema.Schema.ForeignKeyInfo;
import dev.versioned.processor.schema.Schema.TableInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jooq.AlterTableStep;
import org.jooq.DSLContext;
import org.jooq.Domain;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Meta;
import org.jooq.Name;
import org.jooq.Queries;
import org.jooq.Query;
import org.jooq.Table;
import org.jooq.UniqueKey;
import org.jooq.impl.QOM;

/**
 * The parsed table-shaping statements of the migrations, in order, and what jOOQ's DDL
 * interpreter makes of them. A statement the interpreter rejects is tried again without its
 * foreign keys, or else left out with a warning; the tables that remain are read into {@link
 * TableInfo}s.
 */
final class DdlInterpreter {
  private final DSLContext dsl;
  private final LoadWarnings warnings;
  private final List<Entry> entries = new ArrayList<>();

  /** One interpreted statement, with where it comes from. */
  record Entry(
      Query query,
      int step,
      String file,
      int line,
      String sql,
      Set<String> tables,
      boolean withoutForeignKeys) {}

  DdlInterpreter(DSLContext dsl, LoadWarnings warnings) {
    this.dsl = dsl;
    this.warnings = warnings;
  }

  /**
   * The kept statements, in the order of the migrations.
   *
   * @return the statements
   */
  List<Entry> entries() {
    return entries;
  }

  /**
   * Keeps the statements of a parsed source statement that the interpreter needs.
   *
   * @param step the index of the migration
   * @param file the migration, as messages name it
   * @param statement the source statement
   * @param queries what it parsed into
   * @param tables the tables it names
   */
  void keep(
      int step, String file, SqlScript.Statement statement, Queries queries, Set<String> tables) {
    for (Query query : queries) {
      if (shapesTables(query)) {
        entries.add(
            new Entry(query, step, file, statement.line(), statement.sql(), tables, false));
      }
    }
  }

  /** Parses SQL, or null when jOOQ cannot. */
  Queries parse(String sql) {
    try {
      return dsl.parser().parse(sql);
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
  }

  /**
   * Interprets every kept statement. A statement jOOQ's interpreter rejects is found (the
   * shortest failing prefix ends with it), reported, left out, and the rest interpreted again.
   */
  Meta interpretAll() {
    for (int attempt = 0; attempt <= entries.size(); attempt++) {
      RuntimeException failure = tryInterpret(entries.size());
      if (failure == null) {
        break;
      }
      int low = 1;
      int high = entries.size();
      while (low < high) {
        int mid = (low + high) >>> 1;
        RuntimeException f = tryInterpret(mid);
        if (f != null) {
          high = mid;
          failure = f;
        } else {
          low = mid + 1;
        }
      }
      Entry culprit = entries.remove(high - 1);
      String sql = culprit.sql();
      if (retryWithoutForeignKeys(culprit, high - 1)) {
        continue;
      }
      warnings.warn(
          Message.SCHEMA_INTERPRET,
          culprit.file(),
          new SqlScript.Statement(sql, culprit.line()),
          culprit.tables().isEmpty() ? Set.of(Schema.EVERY_TABLE) : culprit.tables(),
          Failures.interpreterMessage(failure));
      // Other statements of the same source statement (its clauses) go with it.
      entries.removeIf(e -> e.sql() == sql && e.line() == culprit.line());
    }
    return interpret(entries.size());
  }

  /**
   * Puts back a statement that failed, without its foreign keys, when it has any and what is
   * left still parses. An emptied ALTER TABLE (it only added foreign keys) is simply left out.
   */
  private boolean retryWithoutForeignKeys(Entry culprit, int at) {
    if (culprit.withoutForeignKeys()) {
      return false;
    }
    String stripped =
        culprit.query() instanceof QOM.DropTable
                && !culprit.sql().toUpperCase(Locale.ROOT).contains("CASCADE")
            ? culprit.sql() + " CASCADE" // the foreign keys that reference it go with it
            : Rewrites.withoutForeignKeys(Rewrites.rewrite(culprit.sql(), true));
    if (stripped == null) {
      return false;
    }
    entries.removeIf(e -> e.sql() == culprit.sql() && e.line() == culprit.line());
    if (stripped.isBlank()) {
      return true;
    }
    Queries parsed = parse(stripped);
    if (parsed == null) {
      return false;
    }
    int index = Math.min(at, entries.size());
    for (Query query : parsed) {
      if (shapesTables(query)) {
        entries.add(
            index++,
            new Entry(query, culprit.step(), culprit.file(), culprit.line(), culprit.sql(),
                culprit.tables(), true));
      }
    }
    return true;
  }

  private RuntimeException tryInterpret(int count) {
    try {
      interpret(count);
      return null;
    } catch (RuntimeException | StackOverflowError e) {
      return e instanceof RuntimeException
          ? (RuntimeException) e
          : new IllegalStateException(Failures.describe(e));
    }
  }

  Meta interpret(int count) {
    Query[] queries = new Query[count];
    for (int i = 0; i < count; i++) {
      queries[i] = entries.get(i).query();
    }
    Meta meta = dsl.meta(queries);
    meta.getTables(); // interpretation is lazy: fail here, not later
    return meta;
  }

  /** Whether jOOQ's interpreter needs the statement to know the tables. */
  static boolean shapesTables(Query q) {
    return q instanceof QOM.CreateTable
        || q instanceof AlterTableStep
        || q instanceof QOM.DropTable
        || q instanceof QOM.CreateSchema
        || q instanceof QOM.AlterSchema
        || q instanceof QOM.DropSchema
        || q instanceof QOM.CreateDomain
        || q instanceof QOM.AlterDomain
        || q instanceof QOM.DropDomain
        || q instanceof QOM.SetSchema
        || q instanceof QOM.SetCommand;
  }

  static List<TableInfo> snapshot(Meta meta) {
    List<Domain<?>> domains = meta.getDomains();
    List<TableInfo> result = new ArrayList<>();
    for (Table<?> table : meta.getTables()) {
      UniqueKey<?> pk = table.getPrimaryKey();
      List<String> pkColumns = pk == null ? null : names(pk.getFields());
      List<ColumnInfo> columns = new ArrayList<>();
      for (Field<?> f : table.fields()) {
        boolean inKey = pkColumns != null && pkColumns.contains(f.getName());
        columns.add(
            new ColumnInfo(
                f.getName(),
                f.getUnqualifiedName().quoted() == Name.Quoted.QUOTED,
                ColumnType.of(f.getDataType(), domains),
                f.getDataType().nullable() && !inKey && !f.getDataType().identity()));
      }
      List<List<String>> uniqueKeys = new ArrayList<>();
      for (UniqueKey<?> uk : table.getUniqueKeys()) {
        uniqueKeys.add(names(uk.getFields()));
      }
      result.add(
          new TableInfo(
              table.getSchema() == null ? "" : table.getSchema().getName(),
              table.getName(),
              table.getUnqualifiedName().quoted() == Name.Quoted.QUOTED,
              List.copyOf(columns),
              pkColumns,
              List.copyOf(uniqueKeys)));
    }
    return List.copyOf(result);
  }

  /** Per table key, the foreign keys jOOQ's interpreter kept for the table. */
  static Map<String, List<ForeignKeyInfo>> foreignKeys(Meta meta) {
    Map<String, List<ForeignKeyInfo>> result = new HashMap<>();
    for (Table<?> table : meta.getTables()) {
      List<ForeignKeyInfo> keys = new ArrayList<>();
      for (ForeignKey<?, ?> fk : table.getReferences()) {
        Table<?> target = fk.getKey().getTable();
        keys.add(
            new ForeignKeyInfo(
                names(fk.getFields()),
                target.getSchema() == null ? "" : target.getSchema().getName(),
                target.getName(),
                names(fk.getKeyFields())));
      }
      if (!keys.isEmpty()) {
        String schema = table.getSchema() == null ? "" : table.getSchema().getName();
        result.put(schema + "\u0000" + table.getName(), List.copyOf(keys));
      }
    }
    return Map.copyOf(result);
  }

  private static List<String> names(List<? extends Field<?>> fields) {
    List<String> names = new ArrayList<>();
    for (Field<?> f : fields) {
      names.add(f.getName());
    }
    return List.copyOf(names);
  }
}
