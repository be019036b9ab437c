package dev.versioned.processor.schema;

import dev.versioned.processor.schema.Schema.ColumnInfo;
import dev.versioned.processor.schema.Schema.TableInfo;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The migration that last changed each table, column and primary key of a {@link Schema}, and
 * what dropped what: the files that the schema checks name in their messages. {@link
 * HistoryBuilder} works it out when the migrations are loaded.
 */
final class History {
  /** The column key under which the files of a table's primary key are kept. */
  static final String PRIMARY_KEY = "\u0000pk";

  private final Schema.Data data;

  History(Schema.Data data) {
    this.data = data;
  }

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
    return column(table, PRIMARY_KEY);
  }

  /**
   * The migration that dropped (or renamed away) a table the record names.
   *
   * @param matcher whether a dropped table's display name is the one looked for
   * @return the table as it was named and the file, or null
   */
  String[] dropped(Predicate<String> matcher) {
    for (Map.Entry<String, String> e : data.droppedNames().entrySet()) {
      if (e.getValue() != null && matcher.test(e.getValue())) {
        return new String[] {e.getValue(), data.droppedBy().get(e.getKey())};
      }
    }
    return null;
  }
}
