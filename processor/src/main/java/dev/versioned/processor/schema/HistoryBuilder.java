package dev.versioned.processor.schema;

import dev.versioned.processor.schema.Schema.ColumnInfo;
import dev.versioned.processor.schema.Schema.TableInfo;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Meta;

/**
 * Which migrations changed what: the schema after each migration, compared with the one before.
 * The result becomes the {@link History} that messages take their file names from.
 */
final class HistoryBuilder {
  /** Per table key, the migration that last changed it: {@link Schema.Data#tableFile}. */
  final Map<String, String> tableFile = new HashMap<>();
  /** Per table key and column, the migration that last changed the column. */
  final Map<String, Map<String, String>> columnFile = new HashMap<>();
  /** Per table key of a dropped table, the migration that dropped it. */
  final Map<String, String> droppedBy = new HashMap<>();
  /** Per table key of a dropped table, its display name. */
  final Map<String, String> droppedNames = new LinkedHashMap<>();

  /**
   * Interprets the kept statements migration by migration and compares.
   *
   * @param interpreter the statements, already interpreted as a whole
   * @param steps how many migrations there are
   */
  HistoryBuilder(DdlInterpreter interpreter, int steps) {
    List<DdlInterpreter.Entry> entries = interpreter.entries();
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
        after = signatures(interpreter.interpret(count), names);
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
    for (TableInfo t : DdlInterpreter.snapshot(meta)) {
      Map<String, String> columns = new LinkedHashMap<>();
      for (ColumnInfo c : t.columns()) {
        columns.put(c.name(), c.type().display() + (c.nullable() ? " NULL" : " NOT NULL"));
      }
      columns.put(History.PRIMARY_KEY, String.valueOf(t.primaryKey()));
      columns.put("\u0000uk", String.valueOf(t.uniqueKeys()));
      result.put(t.key(), columns);
      names.put(t.key(), t.display());
    }
    return result;
  }
}
