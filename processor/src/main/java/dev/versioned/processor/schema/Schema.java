package dev.versioned.processor.schema;

import dev.versioned.processor.Message;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.SQLDialect;

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
 *
 * <p>Loading is done by {@link SchemaLoader}; this class holds the result (the part the cache
 * keeps) and finds tables and columns in it the way the database would.
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
    this.history = new History(data);
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
      throw new SchemaException(Message.SCHEMA_READ, roots, Failures.describe(e));
    }
    if (migrations.isEmpty()) {
      throw new SchemaException(Message.SCHEMA_EMPTY, option, roots.get(0));
    }
    List<byte[]> contents = new ArrayList<>();
    for (MigrationFiles.Migration m : migrations) {
      try {
        contents.add(Files.readAllBytes(m.path()));
      } catch (IOException | RuntimeException e) {
        throw new SchemaException(Message.SCHEMA_READ, m.path(), Failures.describe(e));
      }
    }
    String key = SchemaCache.key(dialect, placeholders, migrations, contents);
    Data cached = cache == null ? null : cache.read(key);
    if (cached != null) {
      return new Schema(dialect, cached);
    }
    Data data = new SchemaLoader(dialect, placeholders).load(migrations, contents);
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

  /**
   * The foreign keys of a table.
   *
   * @param table the table
   * @return its foreign keys, empty for none
   */
  public List<ForeignKeyInfo> foreignKeys(TableInfo table) {
    return data.foreignKeys().getOrDefault(table.key(), List.of());
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
}
