package dev.versioned.processor.schema;

import dev.versioned.processor.Message;
import dev.versioned.processor.schema.Schema.ColumnInfo;
import dev.versioned.processor.schema.Schema.Data;
import dev.versioned.processor.schema.Schema.ForeignKeyInfo;
import dev.versioned.processor.schema.Schema.TableInfo;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Log;
import org.jooq.Meta;
import org.jooq.Queries;
import org.jooq.SQLDialect;
import org.jooq.conf.InterpreterNameLookupCaseSensitivity;
import org.jooq.conf.ParseNameCase;
import org.jooq.conf.ParseUnknownFunctions;
import org.jooq.conf.ParseWithMetaLookups;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.ParserException;
import org.jooq.tools.JooqLogger;

/**
 * Parses and interprets the migrations of one build into a {@link Schema.Data}. Each statement is
 * classified ({@link Classifier}); a table-shaping one is parsed, whole, rewritten ({@link
 * Rewrites}) or clause by clause ({@link AlterClauses}), and kept for the {@link DdlInterpreter};
 * one that may change tables through dynamic SQL, or that cannot be parsed, makes the checks of
 * its tables warnings ({@link LoadWarnings}).
 */
final class SchemaLoader {
  private static final Pattern RENAME_COLUMN =
      Pattern.compile("(?is)\\bRENAME\\s+COLUMN\\s+([\\w$\"`]+)\\s+TO\\s+([\\w$\"`]+)\\s*$");

  /** {@code ALTER TABLE}, with the options that may follow it, before the table's name. */
  private static final String ALTER_TABLE =
      "ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?";

  private static final Pattern DROP_PKEY =
      Pattern.compile(
          "(?is)^(\\s*" + ALTER_TABLE + "([\\w$.\"]+)\\s+)"
              + "DROP\\s+CONSTRAINT\\s+(?:IF\\s+EXISTS\\s+)?([\\w$\"]+)"
              + "\\s*(?:CASCADE|RESTRICT)?\\s*$");

  private static final Pattern ALTER_HEAD =
      Pattern.compile("(?is)^\\s*" + ALTER_TABLE + Classifier.QUALIFIED);

  private final SQLDialect dialect;
  private final Map<String, String> placeholders;
  private final DSLContext dsl;
  private final boolean mysql;
  private final LoadWarnings warnings = new LoadWarnings();
  private final DdlInterpreter interpreter;
  private final Map<String, String> procedures = new HashMap<>();
  private final Map<String, String> variables = new HashMap<>();
  private final Set<String> knownTables = new HashSet<>();
  /** Per lower-cased table and column, the labels of an inline MySQL ENUM. */
  private final Map<String, Map<String, List<String>>> enumLabels = new HashMap<>();

  SchemaLoader(SQLDialect dialect, Map<String, String> placeholders) {
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
    this.interpreter = new DdlInterpreter(dsl, warnings);
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
    Meta meta = interpreter.interpretAll();
    List<TableInfo> tables = withEnumLabels(DdlInterpreter.snapshot(meta));
    Map<String, List<ForeignKeyInfo>> foreignKeys = DdlInterpreter.foreignKeys(meta);
    HistoryBuilder history = new HistoryBuilder(interpreter, migrations.size());
    return new Data(
        tables,
        history.tableFile,
        history.columnFile,
        history.droppedBy,
        history.droppedNames,
        warnings.unverified(),
        warnings.warnings(),
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
      tables.add(Schema.EVERY_TABLE);
    }
    warnings.warn(Message.SCHEMA_DYNAMIC, file, statement, tables);
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
        && Classifier.unquote(rename.group(1))
            .equalsIgnoreCase(Classifier.unquote(rename.group(2)))) {
      return; // MySQL compares column names without regard to case: nothing changes
    }
    if (Classifier.words(sql, 2).get(0).equals("CREATE")) {
      knownTables.addAll(tables);
    }
    String failure;
    try {
      interpreter.keep(step, file, statement, dsl.parser().parse(sql), tables);
      return;
    } catch (ParserException e) {
      failure = Failures.parserMessage(e);
    } catch (RuntimeException | StackOverflowError e) {
      failure = Failures.describe(e);
    }
    for (boolean enums : new boolean[] {false, true}) {
      String rewritten = Rewrites.rewrite(sql, enums);
      if (!rewritten.equals(sql)) {
        Queries parsed = interpreter.parse(rewritten);
        if (parsed != null) {
          interpreter.keep(step, file, statement, parsed, tables);
          return;
        }
      }
    }
    boolean alter = Classifier.words(sql, 2).equals(List.of("ALTER", "TABLE"));
    if (alter && alterClauseByClause(step, file, statement, Rewrites.rewrite(sql, true), tables)) {
      return;
    }
    if (!tables.isEmpty()) {
      warnings.warn(Message.SCHEMA_PARSE, file, statement, tables, failure, dialect.name());
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
        interpreter.keep(step, file, statement, parsed, tables);
      }
    }
    return all;
  }

  private Queries parseClauses(String prefix, List<String> clauses) {
    StringBuilder sb = new StringBuilder();
    for (String clause : clauses) {
      sb.append(prefix).append(' ').append(clause).append(";\n");
    }
    return interpreter.parse(sb.toString());
  }
}
