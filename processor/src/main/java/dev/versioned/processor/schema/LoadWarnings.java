package dev.versioned.processor.schema;

import dev.versioned.processor.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What loading the migrations could not see: per table, the first statement that may have changed
 * it unseen (its checks become warnings), and the warnings that say so, as {@link Schema.Data}
 * keeps them to report again on every build.
 */
final class LoadWarnings {
  private final Map<String, String> unverified = new LinkedHashMap<>();
  private final List<List<Object>> warnings = new ArrayList<>();

  /**
   * Reports a statement that could not be interpreted, once, and makes the checks of the tables
   * it touches warnings. A statement about tables already unverified adds nothing.
   */
  void warn(
      Message message, String file, SqlScript.Statement statement, Set<String> tables,
      Object... details) {
    Set<String> fresh = new LinkedHashSet<>(tables);
    fresh.removeAll(unverified.keySet());
    if (fresh.isEmpty() || unverified.containsKey(Schema.EVERY_TABLE)) {
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
   * Per lower-cased table name ({@code *} for every table), why its checks are warnings.
   *
   * @return a copy of the map
   */
  Map<String, String> unverified() {
    return Map.copyOf(unverified);
  }

  /**
   * The warnings reported, each as the catalog entry's name and then its arguments.
   *
   * @return a copy of the list
   */
  List<List<Object>> warnings() {
    return List.copyOf(warnings);
  }

  /** {@code table t}, {@code tables a, b}, or {@code every table}. */
  private static String describeTables(Set<String> tables) {
    if (tables.contains(Schema.EVERY_TABLE)) {
      return "every table";
    }
    return (tables.size() == 1 ? "table " : "tables ") + String.join(", ", tables);
  }
}
