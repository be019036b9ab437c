package dev.versioned.processor.schema;

import dev.versioned.processor.Message;
import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Map;
import org.jooq.AlterTableStep;
import org.jooq.DSLContext;
import org.jooq.Domain;
import org.jooq.Field;
import org.jooq.ForeignKey;
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
 * <p>Each script is split into statements ({@link SqlScript}); only those that shape tables
 * ({@link Classifier}) are parsed, one at a time, and interpreted: CREATE/ALTER/DROP/RENAME of
 * tables, CREATE/ALTER/DROP of schemas and domains, USE and SET of the search path. Everything else
 * (DML, indexes, views, sequences, functions, triggers, comments, grants, ...) is skipped without
 * being parsed: the checks do not need it. A table-shaping statement that jOOQ cannot parse, even
 * clause by clause and with the common dialect-specific clauses rewritten ({@link AlterClauses}),
 * or cannot apply, is a warning naming the file, line and statement, and the checks of the tables
 * it touches become warnings: the schema may differ from what the migrations leave there. The
 * same holds for a statement that may change tables through dynamic SQL.
 */
public final class Schema {
  private final SQLDialect dialect;
  private final Data data;
  private final History history;

  /**
   * What the migrations leave, as the cache keeps it between builds.
   *
   * @param tables the tables
   * @param tableFile per table key, the migration that last changed it
   * @param columnFile per table key and column, the migration that last changed the column
   * @param droppedBy per table key of a dropped table, the migration that dropped it
   * @param droppedNames per table key of a dropped table, its display name
   * @param unverified per lower-cased table name ({@code *} for every table), why its checks are
   *     warnings: the statement that could not be interpreted
   * @param warnings the warnings loading reported, replayed on every build: the catalog entry's
   *     name, then its arguments
   * @param foreignKeys per table key, the foreign keys of the table
   */
  record Data(
      List<TableInfo> tables,
      Map<String, String> tableFile,
      Map<String, Map<String, String>> columnFile,
      Map<String, String> droppedBy,
      Map<String, String> droppedNames,
      Map<String, String> unverified,
      List<List<Object>> warnings,
      Map<String, List<ForeignKeyInfo>> foreignKeys)
      implements Serializable {
    private static final long serialVersionUID = 2L;
  }

  /**
   * A foreign key of the final schema, however the DDL declared it (inline {@code REFERENCES}, a
   * table-level {@code FOREIGN KEY}, or {@code ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY}).
   *
   * @param columns the referencing columns, in order
   * @param schema the referenced table's schema, empty for the default schema
   * @param table the referenced table
   * @param referenced the referenced columns, in order
   */
  public record ForeignKeyInfo(
      List<String> columns, String schema, String table, List<String> referenced)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

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
      List<List<String>> uniqueKeys)
      implements Serializable {
    private static final long serialVersionUID = 1L;

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
  public record ColumnInfo(String name, boolean quoted, ColumnType type, boolean nullable)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  Schema(SQLDialect dialect, Data data) {
    this.dialect = dialect;
    this.data = data;
    this.history = new History();
  }

  /**
   * Parses and interprets the migrations of one or more locations, or reads what an earlier build
   * made of the same files from the cache.
   *
   * @param roots the resolved locations of {@code -Aversioned.schema}: files or folders
   * @param option the option's value as given, for messages
   * @param dialect the dialect the migrations are written in
   * @param placeholders the values of {@code -Aversioned.placeholders}
   * @param cache where the interpreted schema is kept between builds, or null for nowhere
   * @return the schema
   * @throws SchemaException when a file cannot be read, or a changelog is of a kind not read
   */
  public static Schema load(
      List<Path> roots,
      String option,
      SQLDialect dialect,
      Map<String, String> placeholders,
      SchemaCache cache)
      throws SchemaException {
    List<MigrationFiles.Migration> migrations;
    try {
      Changelogs.rejectUnsupported(roots);
      migrations = MigrationFiles.list(roots);
    } catch (SchemaException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new SchemaException(Message.SCHEMA_READ, roots, describe(e));
    }
    if (migrations.isEmpty()) {
      throw new SchemaException(Message.SCHEMA_EMPTY, option, roots.get(0));
    }
    List<byte[]> contents = new ArrayList<>();
    for (MigrationFiles.Migration m : migrations) {
      try {
        contents.add(Files.readAllBytes(m.path()));
      } catch (IOException | RuntimeException e) {
        throw new SchemaException(Message.SCHEMA_READ, m.path(), describe(e));
      }
    }
    String key = SchemaCache.key(dialect, placeholders, migrations, contents);
    Data cached = cache == null ? null : cache.read(key);
    if (cached != null) {
      return new Schema(dialect, cached);
    }
    Data data = new Loader(dialect, placeholders).load(migrations, contents);
    if (cache != null) {
      cache.write(key, data);
    }
    return new Schema(dialect, data);
  }

  /**
   * The warnings loading reported (statements that could not be interpreted), to report again on
   * every build, also when the schema comes from the cache.
   *
   * @return per warning, the catalog entry and its arguments
   */
  public List<Map.Entry<Message, Object[]>> warnings() {
    List<Map.Entry<Message, Object[]>> result = new ArrayList<>();
    for (List<Object> w : data.warnings()) {
      result.add(
          Map.entry(Message.valueOf((String) w.get(0)), w.subList(1, w.size()).toArray()));
    }
    return result;
  }

  /**
   * Why the checks of a table are warnings only, if they are: the statement of the migrations
   * that may have changed it and could not be interpreted.
   *
   * @param table the record's table name
   * @return the reason, or null when the table is verified
   */
  public String unverified(String table) {
    String reason = data.unverified().get(table.toLowerCase(Locale.ROOT));
    return reason != null ? reason : data.unverified().get(EVERY_TABLE);
  }

  /** The key of {@link Data#unverified} that stands for every table. */
  static final String EVERY_TABLE = "*";

  /** Parses and interprets the migrations of one build. */
  private static final class Loader {
    private final SQLDialect dialect;
    private final Map<String, String> placeholders;
    private final DSLContext dsl;
    private final boolean mysql;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, String> procedures = new HashMap<>();
    private final Map<String, String> variables = new HashMap<>();
    private final Set<String> knownTables = new HashSet<>();
    /** Per lower-cased table and column, the labels of an inline MySQL ENUM. */
    private final Map<String, Map<String, List<String>>> enumLabels = new HashMap<>();
    private final Map<String, String> unverified = new LinkedHashMap<>();
    private final List<List<Object>> warnings = new ArrayList<>();

    /** One interpreted statement, with where it comes from. */
    private record Entry(
        Query query,
        int step,
        String file,
        int line,
        String sql,
        Set<String> tables,
        boolean withoutForeignKeys) {}

    Loader(SQLDialect dialect, Map<String, String> placeholders) {
      this.dialect = dialect;
      this.placeholders = placeholders;
      // jOOQ logs its logo and tips through its own logger when first used: keep javac's output
      // clean. This is the processor's copy of jOOQ (annotation processor path), not the
      // application's.
      JooqLogger.globalThreshold(Log.Level.FATAL);
      Settings settings =
          new Settings()
              .withParseDialect(dialect)
              .withInterpreterDialect(dialect)
              .withParseIgnoreComments(true)
              .withParseUnknownFunctions(ParseUnknownFunctions.IGNORE)
              .withParseWithMetaLookups(ParseWithMetaLookups.OFF)
              .withInterpreterDelayForeignKeyDeclarations(false);
      if (dialect == SQLDialect.DEFAULT) {
        // No database to imitate: keep unquoted names as written (jOOQ's DEFAULT would upper-case
        // them), so messages show the names of the migration; lookups ignore case, leniently.
        settings.setParseNameCase(ParseNameCase.AS_IS);
        settings.setInterpreterNameLookupCaseSensitivity(
            InterpreterNameLookupCaseSensitivity.NEVER);
      }
      this.dsl = DSL.using(dialect, settings);
      SQLDialect family = dialect.family();
      this.mysql = family == SQLDialect.MYSQL || family == SQLDialect.MARIADB;
    }

    Data load(List<MigrationFiles.Migration> migrations, List<byte[]> contents)
        throws SchemaException {
      for (int i = 0; i < migrations.size(); i++) {
        MigrationFiles.Migration m = migrations.get(i);
        String text = decode(m, contents.get(i));
        text = Placeholders.replace(text, placeholders);
        for (SqlScript.Statement statement :
            SqlScript.split(text, mysql, dialect.family().name().toLowerCase(Locale.ROOT))) {
          read(i, m.display(), statement);
        }
      }
      Meta meta = interpretAll();
      List<TableInfo> tables = withEnumLabels(snapshot(meta));
      Map<String, List<ForeignKeyInfo>> foreignKeys = foreignKeys(meta);
      HistoryBuilder history = new HistoryBuilder(migrations.size());
      return new Data(
          tables,
          history.tableFile,
          history.columnFile,
          history.droppedBy,
          history.droppedNames,
          Map.copyOf(unverified),
          List.copyOf(warnings),
          foreignKeys);
    }

    /** The tables with their inline ENUM columns typed by the labels the DDL gave them. */
    private List<TableInfo> withEnumLabels(List<TableInfo> tables) {
      if (enumLabels.isEmpty()) {
        return tables;
      }
      List<TableInfo> result = new ArrayList<>();
      for (TableInfo t : tables) {
        Map<String, List<String>> labels = enumLabels.get(t.name().toLowerCase(Locale.ROOT));
        if (labels == null) {
          result.add(t);
          continue;
        }
        List<ColumnInfo> columns = new ArrayList<>();
        for (ColumnInfo c : t.columns()) {
          List<String> values = labels.get(c.name().toLowerCase(Locale.ROOT));
          columns.add(
              values == null || c.type().kind() != ColumnType.Kind.STRING
                  ? c
                  : new ColumnInfo(c.name(), c.quoted(), ColumnType.enumOf(values), c.nullable()));
        }
        result.add(
            new TableInfo(
                t.schema(), t.name(), t.quoted(), List.copyOf(columns), t.primaryKey(),
                t.uniqueKeys()));
      }
      return List.copyOf(result);
    }

    private String decode(MigrationFiles.Migration m, byte[] bytes) throws SchemaException {
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        throw new SchemaException(Message.SCHEMA_READ, m.path(), "it is not UTF-8 text");
      }
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private void read(int step, String file, SqlScript.Statement statement) {
      String sql = statement.sql();
      switch (Classifier.classify(sql)) {
        case SKIP:
          return;
        case PROCEDURE:
          procedures.put(Classifier.procedureName(sql), sql);
          return;
        case DYNAMIC:
          Classifier.recordVariable(sql, variables);
          dynamic(file, statement);
          return;
        case SHAPES:
        default:
          shapes(step, file, statement);
      }
    }

    /** A statement that may run table-shaping SQL not known before it runs. */
    private void dynamic(String file, SqlScript.Statement statement) {
      String sql = Classifier.withVariables(statement.sql(), variables);
      String called = Classifier.calledProcedure(sql);
      Set<String> tables = new LinkedHashSet<>();
      boolean ddl;
      String body = called == null ? null : procedures.get(called);
      if (body != null) {
        ddl = Classifier.dynamicDdl(body);
        tables.addAll(Classifier.dynamicTables(body));
        for (String name : Classifier.literalNames(sql)) {
          if (knownTables.contains(name)) {
            tables.add(name);
          }
        }
      } else {
        ddl = Classifier.dynamicDdl(sql);
        tables.addAll(Classifier.dynamicTables(sql));
      }
      if (!ddl) {
        return;
      }
      tables.remove("x");
      if (tables.isEmpty()) {
        tables.add(EVERY_TABLE);
      }
      warn(Message.SCHEMA_DYNAMIC, file, statement, tables);
    }

    private void shapes(int step, String file, SqlScript.Statement statement) {
      String sql = postgresPrimaryKeyName(statement.sql());
      Set<String> tables = Classifier.tables(sql);
      if (mysql && !tables.isEmpty()) {
        Map<String, List<String>> labels = new HashMap<>();
        sql = Rewrites.setTypes(Rewrites.inlineEnums(sql, labels));
        if (!labels.isEmpty()) {
          enumLabels.computeIfAbsent(tables.iterator().next(), k -> new HashMap<>()).putAll(labels);
        }
      }
      // Foreign keys are kept: the @Touch check reads them. One that jOOQ's interpreter rejects
      // (a reference to a table created later, or renamed since) is left out on the retry of its
      // statement (retryWithoutForeignKeys).
      Matcher rename = RENAME_COLUMN.matcher(sql);
      if (mysql
          && rename.find()
          && Classifier.unquote(rename.group(1)).equalsIgnoreCase(Classifier.unquote(rename.group(2)))) {
        return; // MySQL compares column names without regard to case: nothing changes
      }
      if (Classifier.words(sql, 2).get(0).equals("CREATE")) {
        knownTables.addAll(tables);
      }
      String failure;
      try {
        add(step, file, statement, dsl.parser().parse(sql), tables);
        return;
      } catch (ParserException e) {
        failure = parserMessage(e);
      } catch (RuntimeException | StackOverflowError e) {
        failure = describe(e);
      }
      for (boolean enums : new boolean[] {false, true}) {
        String rewritten = Rewrites.rewrite(sql, enums);
        if (!rewritten.equals(sql)) {
          Queries parsed = parse(rewritten);
          if (parsed != null) {
            add(step, file, statement, parsed, tables);
            return;
          }
        }
      }
      boolean alter = Classifier.words(sql, 2).equals(List.of("ALTER", "TABLE"));
      if (alter && alterClauseByClause(step, file, statement, Rewrites.rewrite(sql, true), tables)) {
        return;
      }
      if (!tables.isEmpty()) {
        warn(Message.SCHEMA_PARSE, file, statement, tables, failure, dialect.name());
      }
    }

    /**
     * PostgreSQL names a primary key declared without a name {@code <table>_pkey}; jOOQ leaves it
     * unnamed, so {@code DROP CONSTRAINT <table>_pkey} is read as {@code DROP PRIMARY KEY}.
     */
    private String postgresPrimaryKeyName(String sql) {
      if (dialect.family() != SQLDialect.POSTGRES && dialect.family() != SQLDialect.YUGABYTEDB) {
        return sql;
      }
      Matcher m = DROP_PKEY.matcher(sql);
      if (m.matches()
          && Classifier.unquote(m.group(3))
              .equalsIgnoreCase(Classifier.unquote(m.group(2)).replaceAll("^.*\\.", "") + "_pkey")) {
        return m.group(1) + "DROP PRIMARY KEY";
      }
      return sql;
    }

    private Queries parse(String sql) {
      try {
        return dsl.parser().parse(sql);
      } catch (RuntimeException | StackOverflowError e) {
        return null;
      }
    }

    /**
     * An ALTER TABLE that jOOQ cannot parse whole: its clauses one by one, the inert ones left
     * out and the common dialect-specific ones rewritten.
     *
     * @return whether every clause that shapes the table could be read
     */
    private boolean alterClauseByClause(
        int step, String file, SqlScript.Statement statement, String sql, Set<String> tables) {
      Matcher head = ALTER_HEAD.matcher(sql);
      if (!head.find()) {
        return false;
      }
      String prefix = head.group().trim();
      boolean all = true;
      for (String clause : AlterClauses.split(sql.substring(head.end()))) {
        if (!AlterClauses.shapes(clause)) {
          continue;
        }
        Queries parsed = parseClauses(prefix, AlterClauses.rewrite(clause, false));
        if (parsed == null) {
          parsed = parseClauses(prefix, AlterClauses.rewrite(clause, true));
        }
        if (parsed == null) {
          all = false;
        } else {
          add(step, file, statement, parsed, tables);
        }
      }
      return all;
    }

    private Queries parseClauses(String prefix, List<String> clauses) {
      StringBuilder sb = new StringBuilder();
      for (String clause : clauses) {
        sb.append(prefix).append(' ').append(clause).append(";\n");
      }
      try {
        return dsl.parser().parse(sb.toString());
      } catch (RuntimeException | StackOverflowError e) {
        return null;
      }
    }

    private void add(
        int step, String file, SqlScript.Statement statement, Queries queries, Set<String> tables) {
      for (Query query : queries) {
        if (shapesTables(query)) {
          entries.add(
              new Entry(query, step, file, statement.line(), statement.sql(), tables, false));
        }
      }
    }

    /**
     * Reports a statement that could not be interpreted, once, and makes the checks of the tables
     * it touches warnings. A statement about tables already unverified adds nothing.
     */
    private void warn(
        Message message, String file, SqlScript.Statement statement, Set<String> tables,
        Object... details) {
      Set<String> fresh = new LinkedHashSet<>(tables);
      fresh.removeAll(unverified.keySet());
      if (fresh.isEmpty() || unverified.containsKey(EVERY_TABLE)) {
        return;
      }
      String shown = Statements.shorten(statement.sql());
      String reason = file + ", line " + statement.line() + " (`" + shown + "`)";
      for (String table : fresh) {
        unverified.put(table, reason);
      }
      List<Object> warning = new ArrayList<>();
      warning.add(message.name());
      warning.add(file);
      warning.add(statement.line());
      warning.add(shown);
      warning.addAll(List.of(details));
      warning.add(describeTables(fresh));
      warnings.add(List.copyOf(warning));
    }

    /**
     * Interprets every kept statement. A statement jOOQ's interpreter rejects is found (the
     * shortest failing prefix ends with it), reported, left out, and the rest interpreted again.
     */
    private Meta interpretAll() {
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
        warn(
            Message.SCHEMA_INTERPRET,
            culprit.file(),
            new SqlScript.Statement(sql, culprit.line()),
            culprit.tables().isEmpty() ? Set.of(EVERY_TABLE) : culprit.tables(),
            interpreterMessage(failure));
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
            : new IllegalStateException(describe(e));
      }
    }

    private Meta interpret(int count) {
      Query[] queries = new Query[count];
      for (int i = 0; i < count; i++) {
        queries[i] = entries.get(i).query();
      }
      Meta meta = dsl.meta(queries);
      meta.getTables(); // interpretation is lazy: fail here, not later
      return meta;
    }

    /** Which migrations changed what: the schema after each migration, compared. */
    private final class HistoryBuilder {
      private final Map<String, String> tableFile = new HashMap<>();
      private final Map<String, Map<String, String>> columnFile = new HashMap<>();
      private final Map<String, String> droppedBy = new HashMap<>();
      private final Map<String, String> droppedNames = new LinkedHashMap<>();

      HistoryBuilder(int steps) {
        Map<String, Map<String, String>> before = Collections.emptyMap();
        Map<String, String> names = new HashMap<>();
        int count = 0;
        for (int step = 0; step < steps; step++) {
          int end = count;
          while (end < entries.size() && entries.get(end).step() == step) {
            end++;
          }
          if (end == count) {
            continue; // nothing of this migration is interpreted: it changed no table
          }
          count = end;
          String file = entries.get(count - 1).file();
          Map<String, Map<String, String>> after;
          try {
            after = signatures(interpret(count), names);
          } catch (RuntimeException | StackOverflowError e) {
            continue; // a prefix jOOQ cannot interpret alone: attribute it to a later file
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

      /** Per table key, per column, a signature that changes whenever the column does. */
      private Map<String, Map<String, String>> signatures(Meta meta, Map<String, String> names) {
        Map<String, Map<String, String>> result = new HashMap<>();
        for (TableInfo t : snapshot(meta)) {
          Map<String, String> columns = new LinkedHashMap<>();
          for (ColumnInfo c : t.columns()) {
            columns.put(c.name(), c.type().display() + (c.nullable() ? " NULL" : " NOT NULL"));
          }
          columns.put(PK, String.valueOf(t.primaryKey()));
          columns.put("\u0000uk", String.valueOf(t.uniqueKeys()));
          result.put(t.key(), columns);
          names.put(t.key(), t.display());
        }
        return result;
      }
    }
  }

  private static final String PK = "\u0000pk";

  private static final Pattern RENAME_COLUMN =
      Pattern.compile("(?is)\\bRENAME\\s+COLUMN\\s+([\\w$\"`]+)\\s+TO\\s+([\\w$\"`]+)\\s*$");

  private static final Pattern DROP_PKEY =
      Pattern.compile(
          "(?is)^(\\s*ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?([\\w$.\"]+)\\s+)"
              + "DROP\\s+CONSTRAINT\\s+(?:IF\\s+EXISTS\\s+)?([\\w$\"]+)\\s*(?:CASCADE|RESTRICT)?\\s*$");

  private static final Pattern ALTER_HEAD =
      Pattern.compile(
          "(?is)^\\s*ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?"
              + "(?:\"[^\"]+\"|`[^`]+`|\\[[^\\]]+\\]|[\\w$]+)"
              + "(?:\\s*\\.\\s*(?:\"[^\"]+\"|`[^`]+`|\\[[^\\]]+\\]|[\\w$]+))*");

  /** {@code table t}, {@code tables a, b}, or {@code every table}. */
  static String describeTables(Set<String> tables) {
    if (tables.contains(EVERY_TABLE)) {
      return "every table";
    }
    return (tables.size() == 1 ? "table " : "tables ") + String.join(", ", tables);
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

  /** Per table key, the foreign keys jOOQ's interpreter kept for the table. */
  private static Map<String, List<ForeignKeyInfo>> foreignKeys(Meta meta) {
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

  /**
   * The foreign keys of a table.
   *
   * @param table the table
   * @return its foreign keys, empty for none
   */
  public List<ForeignKeyInfo> foreignKeys(TableInfo table) {
    return data.foreignKeys().getOrDefault(table.key(), List.of());
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
    return data.tables();
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
    for (TableInfo t : data.tables()) {
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
   * Which migrations changed what.
   *
   * @return the history
   */
  History history() {
    return history;
  }

  /** The migration that last changed each table, column and primary key, and what dropped what. */
  final class History {
    private History() {}

    /**
     * The migration that last changed a table (created, altered or renamed it).
     *
     * @param table the table
     * @return the file, as messages name it
     */
    String table(TableInfo table) {
      return data.tableFile().getOrDefault(table.key(), "the migrations");
    }

    /**
     * The migration that last changed a column.
     *
     * @param table the table
     * @param column the column
     * @return the file, as messages name it
     */
    String column(TableInfo table, ColumnInfo column) {
      return column(table, column.name());
    }

    private String column(TableInfo table, String column) {
      Map<String, String> files = data.columnFile().get(table.key());
      String file = files == null ? null : files.get(column);
      return file != null ? file : table(table);
    }

    /**
     * The migration that last changed a table's primary key.
     *
     * @param table the table
     * @return the file, as messages name it
     */
    String primaryKey(TableInfo table) {
      return column(table, PK);
    }

    /**
     * The migration that dropped (or renamed away) a table the record names.
     *
     * @param matcher whether a dropped table's display name is the one looked for
     * @return the table as it was named and the file, or null
     */
    String[] dropped(java.util.function.Predicate<String> matcher) {
      for (Map.Entry<String, String> e : data.droppedNames().entrySet()) {
        if (e.getValue() != null && matcher.test(e.getValue())) {
          return new String[] {e.getValue(), data.droppedBy().get(e.getKey())};
        }
      }
      return null;
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
