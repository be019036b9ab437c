package dev.versioned.processor.schema;

import dev.versioned.processor.Message;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.AlterTableStep;
import org.jooq.DSLContext;
import org.jooq.Domain;
import org.jooq.Field;
import org.jooq.Log;
import org.jooq.Meta;
import org.jooq.Name;
import org.jooq.Query;
import org.jooq.Queries;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.UniqueKey;
import org.jooq.conf.InterpreterNameLookupCaseSensitivity;
import org.jooq.conf.ParseNameCase;
import org.jooq.conf.ParseUnknownFunctions;
import org.jooq.conf.ParseWithMetaLookups;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.ParserException;
import org.jooq.impl.QOM;
import org.jooq.tools.JooqLogger;

/**
 * The tables that a list of migrations leaves, as jOOQ's parser and DDL interpreter see them, and
 * which migration last changed each table and column.
 *
 * <p>Only statements that shape tables are interpreted: CREATE/ALTER/DROP of schemas, tables and
 * domains, and SET (search path). Everything else (DML, indexes, views, sequences, comments,
 * grants, ...) is parsed, so a typo there is still reported, but not interpreted: the checks do not
 * need it, and jOOQ's interpreter rejects much of it.
 */
public final class Schema {
  private final SQLDialect dialect;
  private final DSLContext dsl;
  private final List<Step> steps;
  private final List<TableInfo> tables;
  private History history;

  /** One migration file and the statements of it that are interpreted. */
  private record Step(MigrationFiles.Migration migration, List<Query> queries) {}

  /**
   * A table of the final schema.
   *
   * @param schema its schema's name, empty for the default schema
   * @param name its name as the database stores it
   * @param quoted whether the DDL quoted the name (so its case is exact)
   * @param columns its columns, in order
   * @param primaryKey the names of its primary-key columns, or null without a primary key
   * @param uniqueKeys the names of the columns of each unique key
   */
  public record TableInfo(
      String schema,
      String name,
      boolean quoted,
      List<ColumnInfo> columns,
      List<String> primaryKey,
      List<List<String>> uniqueKeys) {

    /**
     * The table as messages name it.
     *
     * @return {@code schema.table} or {@code table}
     */
    public String display() {
      return schema.isEmpty() ? name : schema + "." + name;
    }

    String key() {
      return schema + "\u0000" + name;
    }
  }

  /**
   * A column of the final schema.
   *
   * @param name its name as the database stores it
   * @param quoted whether the DDL quoted the name
   * @param type what its type holds
   * @param nullable whether it allows NULL (primary-key and identity columns do not)
   */
  public record ColumnInfo(String name, boolean quoted, ColumnType type, boolean nullable) {}

  private Schema(SQLDialect dialect, DSLContext dsl, List<Step> steps, List<TableInfo> tables) {
    this.dialect = dialect;
    this.dsl = dsl;
    this.steps = steps;
    this.tables = tables;
  }

  /**
   * Parses and interprets the migrations of a file or folder.
   *
   * @param root the resolved {@code -Aversioned.schema}: a file, or a folder of {@code .sql} files
   * @param option the option's value as given, for messages
   * @param dialect the dialect the migrations are written in
   * @return the schema
   * @throws SchemaException when a file cannot be read, parsed or interpreted
   */
  public static Schema load(Path root, String option, SQLDialect dialect) throws SchemaException {
    // jOOQ logs its logo and tips through its own logger when first used: keep javac's output clean.
    // This is the processor's copy of jOOQ (annotation processor path), not the application's.
    JooqLogger.globalThreshold(Log.Level.FATAL);
    List<MigrationFiles.Migration> migrations;
    try {
      migrations = MigrationFiles.list(root);
    } catch (IOException | RuntimeException e) {
      throw new SchemaException(Message.SCHEMA_READ, root, describe(e));
    }
    if (migrations.isEmpty()) {
      throw new SchemaException(Message.SCHEMA_EMPTY, option, root);
    }
    Settings settings =
        new Settings()
            .withParseDialect(dialect)
            .withInterpreterDialect(dialect)
            .withParseIgnoreComments(true)
            .withParseUnknownFunctions(ParseUnknownFunctions.IGNORE)
            .withParseWithMetaLookups(ParseWithMetaLookups.OFF)
            .withInterpreterDelayForeignKeyDeclarations(true);
    if (dialect == SQLDialect.DEFAULT) {
      // No database to imitate: keep unquoted names as written (jOOQ's DEFAULT would upper-case
      // them), so messages show the names of the migration; lookups ignore case, leniently.
      settings.setParseNameCase(ParseNameCase.AS_IS);
      settings.setInterpreterNameLookupCaseSensitivity(
          InterpreterNameLookupCaseSensitivity.NEVER);
    }
    DSLContext dsl = DSL.using(dialect, settings);
    List<Step> steps = new ArrayList<>();
    for (MigrationFiles.Migration migration : migrations) {
      steps.add(new Step(migration, parse(dsl, dialect, migration)));
    }
    Meta meta = interpret(dsl, steps, steps.size(), true);
    return new Schema(dialect, dsl, steps, snapshot(meta));
  }

  private static List<Query> parse(DSLContext dsl, SQLDialect dialect, MigrationFiles.Migration m)
      throws SchemaException {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(m.path())))
              .toString();
    } catch (CharacterCodingException e) {
      throw new SchemaException(Message.SCHEMA_READ, m.path(), "it is not UTF-8 text");
    } catch (IOException | RuntimeException e) {
      throw new SchemaException(Message.SCHEMA_READ, m.path(), describe(e));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    Queries queries;
    try {
      queries = dsl.parser().parse(text);
    } catch (ParserException e) {
      throw new SchemaException(
          Message.SCHEMA_PARSE,
          m.display(),
          Math.max(1, e.line()),
          Math.max(1, e.column()),
          parserMessage(e),
          Statements.around(text, e.position()),
          dialect.name());
    } catch (RuntimeException | StackOverflowError e) {
      throw new SchemaException(
          Message.SCHEMA_PARSE,
          m.display(),
          1,
          1,
          describe(e),
          Statements.around(text, 0),
          dialect.name());
    }
    List<Query> kept = new ArrayList<>();
    for (Query query : queries) {
      if (shapesTables(query)) {
        kept.add(query);
      }
    }
    return kept;
  }

  /** Whether jOOQ's interpreter needs the statement to know the tables. */
  private static boolean shapesTables(Query q) {
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

  /**
   * Interprets the statements of the first {@code count} steps.
   *
   * @param locate whether a failure is turned into a message naming the file and statement
   */
  private static Meta interpret(DSLContext dsl, List<Step> steps, int count, boolean locate)
      throws SchemaException {
    List<Query> queries = new ArrayList<>();
    List<Step> owners = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      for (Query q : steps.get(i).queries()) {
        queries.add(q);
        owners.add(steps.get(i));
      }
    }
    try {
      Meta meta = dsl.meta(queries.toArray(new Query[0]));
      meta.getTables(); // interpretation is lazy: fail here, not later
      return meta;
    } catch (RuntimeException | StackOverflowError e) {
      if (!locate) {
        throw new SchemaException(Message.INTERNAL_ERROR, "", describe(e));
      }
      // The shortest failing prefix ends with the statement that fails.
      int low = 1;
      int high = queries.size();
      RuntimeException failure = e instanceof RuntimeException ? (RuntimeException) e : null;
      while (low < high) {
        int mid = (low + high) >>> 1;
        RuntimeException f = tryInterpret(dsl, queries.subList(0, mid));
        if (f != null) {
          high = mid;
          failure = f;
        } else {
          low = mid + 1;
        }
      }
      Query culprit = queries.get(high - 1);
      throw new SchemaException(
          Message.SCHEMA_INTERPRET,
          owners.get(high - 1).migration().display(),
          Statements.shorten(dsl.renderInlined(culprit)),
          interpreterMessage(failure != null ? failure : e));
    }
  }

  private static RuntimeException tryInterpret(DSLContext dsl, List<Query> queries) {
    try {
      dsl.meta(queries.toArray(new Query[0])).getTables();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  private static List<TableInfo> snapshot(Meta meta) {
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

  private static List<String> names(List<? extends Field<?>> fields) {
    List<String> names = new ArrayList<>();
    for (Field<?> f : fields) {
      names.add(f.getName());
    }
    return List.copyOf(names);
  }

  /**
   * The dialect the migrations were parsed in.
   *
   * @return the dialect
   */
  public SQLDialect dialect() {
    return dialect;
  }

  /**
   * The tables the migrations leave.
   *
   * @return the tables
   */
  public List<TableInfo> tables() {
    return tables;
  }

  /**
   * Whether the database compares this dialect's names without regard to case even when quoted.
   *
   * @return true for MySQL, MariaDB and SQLite, and for the lenient DEFAULT
   */
  boolean caseInsensitive() {
    SQLDialect family = dialect.family();
    return family == SQLDialect.DEFAULT
        || family == SQLDialect.MYSQL
        || family == SQLDialect.MARIADB
        || family == SQLDialect.SQLITE;
  }

  /**
   * Whether a name of the DDL stands for the name the generated code uses. The generated code
   * quotes its names, so an exact match always works. A match that ignores case is accepted when
   * the DDL did not quote the name (the database folded it: it then matches with jOOQ's
   * {@code RenderQuotedNames} setting, or on databases that ignore case), and on MySQL, MariaDB
   * and SQLite, which compare names without regard to case, and with the DEFAULT dialect.
   *
   * @param ddlName the name as the database stores it
   * @param ddlQuoted whether the DDL quoted it
   * @param ours the name the generated code uses
   * @return whether they match
   */
  boolean matches(String ddlName, boolean ddlQuoted, String ours) {
    return ddlName.equals(ours)
        || (ddlName.equalsIgnoreCase(ours) && (!ddlQuoted || caseInsensitive()));
  }

  /**
   * Finds a table; an exact match wins over one that ignores case.
   *
   * @param schema the record's schema, empty for none (then any schema's table of that name,
   *     preferring the default schema)
   * @param name the record's table
   * @return the table, or null
   */
  public TableInfo table(String schema, String name) {
    TableInfo best = null;
    int bestScore = -1;
    for (TableInfo t : tables) {
      if (!matches(t.name(), t.quoted(), name)) {
        continue;
      }
      int score;
      if (schema.isEmpty()) {
        score = t.schema().isEmpty() ? 2 : 0;
      } else if (t.schema().equals(schema)) {
        score = 2;
      } else if (t.schema().equalsIgnoreCase(schema)) {
        score = 0;
      } else {
        continue;
      }
      score += t.name().equals(name) ? 1 : 0;
      if (score > bestScore) {
        best = t;
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * Finds a column of a table; an exact match wins over one that ignores case.
   *
   * @param table the table
   * @param name the component's column
   * @return the column, or null
   */
  public ColumnInfo column(TableInfo table, String name) {
    ColumnInfo folded = null;
    for (ColumnInfo c : table.columns()) {
      if (c.name().equals(name)) {
        return c;
      }
      if (folded == null && matches(c.name(), c.quoted(), name)) {
        folded = c;
      }
    }
    return folded;
  }

  /**
   * Which migrations changed what, computed on first use: only messages need it.
   *
   * @return the history
   */
  History history() {
    if (history == null) {
      history = new History();
    }
    return history;
  }

  /** The migration that last changed each table, column and primary key, and what dropped what. */
  final class History {
    private final Map<String, String> tableFile = new HashMap<>();
    private final Map<String, Map<String, String>> columnFile = new HashMap<>();
    private final Map<String, String> droppedBy = new HashMap<>();

    private History() {
      Map<String, Map<String, String>> before = Collections.emptyMap();
      Map<String, String> names = new HashMap<>();
      for (int i = 0; i < steps.size(); i++) {
        String file = steps.get(i).migration().display();
        Map<String, Map<String, String>> after;
        try {
          after = signatures(interpret(dsl, steps, i + 1, false), names);
        } catch (SchemaException | RuntimeException e) {
          continue; // a prefix jOOQ cannot interpret alone: attribute its changes to a later file
        }
        for (Map.Entry<String, Map<String, String>> table : after.entrySet()) {
          Map<String, String> old = before.get(table.getKey());
          Map<String, String> files =
              columnFile.computeIfAbsent(table.getKey(), k -> new HashMap<>());
          if (old == null) {
            files.clear();
          }
          if (!table.getValue().equals(old)) {
            tableFile.put(table.getKey(), file);
            droppedBy.remove(table.getKey());
          }
          for (Map.Entry<String, String> column : table.getValue().entrySet()) {
            if (old == null || !column.getValue().equals(old.get(column.getKey()))) {
              files.put(column.getKey(), file);
            }
          }
        }
        for (String table : before.keySet()) {
          if (!after.containsKey(table)) {
            droppedBy.put(table, file);
            tableFile.remove(table);
            columnFile.remove(table);
          }
        }
        before = after;
      }
      for (Map.Entry<String, String> dropped : droppedBy.entrySet()) {
        droppedNames.put(dropped.getKey(), names.get(dropped.getKey()));
      }
    }

    private final Map<String, String> droppedNames = new LinkedHashMap<>();

    /** Per table key, per column, a signature that changes whenever the column does. */
    private Map<String, Map<String, String>> signatures(Meta meta, Map<String, String> names) {
      Map<String, Map<String, String>> result = new HashMap<>();
      for (TableInfo t : snapshot(meta)) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (ColumnInfo c : t.columns()) {
          columns.put(c.name(), c.type().display() + (c.nullable() ? " NULL" : " NOT NULL"));
        }
        columns.put("\u0000pk", String.valueOf(t.primaryKey()));
        columns.put("\u0000uk", String.valueOf(t.uniqueKeys()));
        result.put(t.key(), columns);
        names.put(t.key(), t.display());
      }
      return result;
    }

    /**
     * The migration that last changed a table (created, altered or renamed it).
     *
     * @param table the table
     * @return the file, as messages name it
     */
    String table(TableInfo table) {
      return tableFile.getOrDefault(table.key(), lastFile());
    }

    /**
     * The migration that last changed a column.
     *
     * @param table the table
     * @param column the column
     * @return the file, as messages name it
     */
    String column(TableInfo table, ColumnInfo column) {
      Map<String, String> files = columnFile.get(table.key());
      String file = files == null ? null : files.get(column.name());
      return file != null ? file : table(table);
    }

    /**
     * The migration that last changed a table's primary key.
     *
     * @param table the table
     * @return the file, as messages name it
     */
    String primaryKey(TableInfo table) {
      return column(table, new ColumnInfo("\u0000pk", false, null, false));
    }

    /**
     * The migration that dropped (or renamed away) a table the record names.
     *
     * @param matcher whether a dropped table's display name is the one looked for
     * @return the table as it was named and the file, or null
     */
    String[] dropped(java.util.function.Predicate<String> matcher) {
      for (Map.Entry<String, String> e : droppedNames.entrySet()) {
        if (e.getValue() != null && matcher.test(e.getValue())) {
          return new String[] {e.getValue(), droppedBy.get(e.getKey())};
        }
      }
      return null;
    }

    private String lastFile() {
      return steps.get(steps.size() - 1).migration().display();
    }
  }

  private static String parserMessage(ParserException e) {
    String message = String.valueOf(e.getMessage());
    int at = message.indexOf(": [");
    return at > 0 ? message.substring(0, at) : message;
  }

  private static String interpreterMessage(Throwable e) {
    String message = String.valueOf(e.getMessage());
    int at = message.indexOf(". Query: ");
    if (at > 0) {
      message = message.substring(0, at);
    }
    if (e instanceof NullPointerException || e.getMessage() == null) {
      message = "jOOQ's DDL interpreter failed (" + e.getClass().getSimpleName() + ")";
    }
    return message;
  }

  private static String describe(Throwable e) {
    return e.getMessage() == null
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage().trim();
  }
}
