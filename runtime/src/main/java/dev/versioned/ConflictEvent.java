package dev.versioned;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One conflict a repository met: a version-checked write refused because the row changed since it
 * was read ({@link StaleRecordException}), or a write the database refused as a serialization
 * failure or deadlock (SQLSTATE {@code 40001} or {@code 40P01}, SQLite's {@code SQLITE_BUSY}).
 *
 * @param table the table, as in messages ({@code schema.table} or {@code table})
 * @param operation the repository method that met the conflict
 * @param key the key values of the row, in key order; empty when the database refused a whole
 *     batch without naming a row
 * @param attempt the attempt that met it, from 1 (always 1 but for {@code modify})
 * @param lockingRead whether that attempt had read the row with a locking read ({@code SELECT ...
 *     FOR UPDATE}, see {@link RetryPolicy#lockAfter()})
 * @param failure the exception of the conflict, as the repository throws it or retries it
 */
public record ConflictEvent(
    String table,
    ConflictEvent.Operation operation,
    List<Object> key,
    int attempt,
    boolean lockingRead,
    RuntimeException failure) {

  /** The repository methods that meet conflicts. */
  public enum Operation {
    /** {@code update}. */
    UPDATE,
    /** {@code updateChanged}. */
    UPDATE_CHANGED,
    /** {@code touch}. */
    TOUCH,
    /** {@code modify}: a conflict of one attempt, retried or not. */
    MODIFY,
    /** {@code delete}. */
    DELETE,
    /** {@code updateAll}: one event per stale row. */
    UPDATE_ALL,
    /** {@code deleteAll}: one event per stale row. */
    DELETE_ALL;

    private final String tag = tag(name());

    /**
     * The name of the repository method, for metrics and logs: {@code update}, {@code
     * updateChanged}, {@code touch}, {@code modify}, {@code delete}, {@code updateAll}, {@code
     * deleteAll}.
     *
     * @return the method's name
     */
    public String methodName() {
      return tag;
    }

    private static String tag(String constant) {
      StringBuilder sb = new StringBuilder();
      boolean upper = false;
      for (char c : constant.toLowerCase(Locale.ROOT).toCharArray()) {
        if (c == '_') {
          upper = true;
        } else {
          sb.append(upper ? Character.toUpperCase(c) : c);
          upper = false;
        }
      }
      return sb.toString();
    }
  }

  /**
   * Checks the event.
   *
   * @throws NullPointerException if a component but {@code failure} is null
   * @throws IllegalArgumentException if {@code attempt < 1}
   */
  public ConflictEvent {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(operation, "operation");
    key = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(key, "key")));
    Objects.requireNonNull(failure, "failure");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
    }
  }
}
