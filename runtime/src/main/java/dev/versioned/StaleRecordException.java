package dev.versioned;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.jooq.exception.DataChangedException;

/**
 * A version-checked write found no row with the expected key and version: someone else changed or
 * deleted the row since the caller read it. Nothing was written, and the caller's record is
 * unchanged; re-read the row and try again (or use the repository's {@code modify}, which does).
 */
public class StaleRecordException extends DataChangedException {
  private static final long serialVersionUID = 1L;

  /** The kind of write that was refused. */
  public enum Operation {
    /** An {@code update} or {@code updateChanged}. */
    UPDATE,
    /** A {@code delete}. */
    DELETE
  }

  private final transient Object record;
  private final String table;
  private final transient List<Object> key;
  private final transient List<String> keyColumns;
  private final Operation operation;
  private final String versionColumn;
  private final boolean expectedPresent;
  private final long expected;
  private final boolean actualPresent;
  private final long actual;
  private final boolean rowDeleted;
  private final int batchIndex;
  private final String unknownActual;
  private final String note;
  private final String expectedText;
  private final String actualText;

  /**
   * Creates the exception. Generated repositories call this; the message is derived from the
   * arguments.
   *
   * @param record the caller's record, unchanged
   * @param table the table name as written in SQL ({@code schema.table} when a schema is set)
   * @param keyColumns the key column names, in key order
   * @param key the key values, in key order
   * @param operation the refused write
   * @param versionColumn the name of the version column
   * @param expectedVersion the version the caller's record carries, empty when it is null
   * @param actualVersion the version now in the database, empty when the row is gone or its version
   *     is null
   * @param rowDeleted whether the row no longer exists
   * @param batchIndex the record's index within a batch, or -1 outside a batch
   */
  public StaleRecordException(
      Object record,
      String table,
      List<String> keyColumns,
      List<Object> key,
      Operation operation,
      String versionColumn,
      OptionalLong expectedVersion,
      OptionalLong actualVersion,
      boolean rowDeleted,
      int batchIndex) {
    this(new Parts(record, table, keyColumns, key, operation, versionColumn)
            .expected(expectedVersion, null)
            .actual(actualVersion, null, rowDeleted)
            .rest(batchIndex, null, null),
        null);
  }

  /**
   * Creates the exception for a write whose outcome the database explained in a way that does not
   * tell the version now committed: a write refused as a serialization failure (SQLSTATE {@code
   * 40001}, the failure is the cause), or a row read inside a transaction whose snapshot is older
   * than what is committed. {@link #actualVersion()} is then empty and {@link #rowDeleted()} false,
   * and the message says {@code unknownActual} instead of a version.
   *
   * @param record the caller's record, unchanged
   * @param table the table name as written in SQL ({@code schema.table} when a schema is set)
   * @param keyColumns the key column names, in key order
   * @param key the key values, in key order
   * @param operation the refused write
   * @param versionColumn the name of the version column
   * @param expectedVersion the version the caller's record carries, empty when it is null
   * @param batchIndex the record's index within a batch, or -1 outside a batch
   * @param unknownActual why the version now committed is not known, as said in the message
   * @param cause the database's failure, or null
   */
  public StaleRecordException(
      Object record,
      String table,
      List<String> keyColumns,
      List<Object> key,
      Operation operation,
      String versionColumn,
      OptionalLong expectedVersion,
      int batchIndex,
      String unknownActual,
      Throwable cause) {
    this(new Parts(record, table, keyColumns, key, operation, versionColumn)
            .expected(expectedVersion, null)
            .rest(batchIndex, Objects.requireNonNull(unknownActual, "unknownActual"), null),
        cause);
  }

  /**
   * Creates the exception for a version whose number is not the whole story, a timestamp version:
   * {@link #expectedVersion()} and {@link #actualVersion()} return the numbers given (for a
   * timestamp version, the count of its precision's units since the epoch, see {@code
   * Version#precision()}), and the message names the versions by their text (ISO-8601).
   *
   * @param record the caller's record, unchanged
   * @param table the table name as written in SQL ({@code schema.table} when a schema is set)
   * @param keyColumns the key column names, in key order
   * @param key the key values, in key order
   * @param operation the refused write
   * @param versionColumn the name of the version column
   * @param expectedVersion the caller's version as a number, empty when it is null
   * @param expectedText the caller's version as the message names it, or null when it is null
   * @param actualVersion the version now in the database as a number, empty when unknown, null or
   *     gone
   * @param actualText the version now in the database as the message names it, or null
   * @param rowDeleted whether the row no longer exists
   * @param batchIndex the record's index within a batch, or -1 outside a batch
   * @param unknownActual why the version now committed is not known, or null when it is known
   * @param cause the database's failure, or null
   */
  public StaleRecordException(
      Object record,
      String table,
      List<String> keyColumns,
      List<Object> key,
      Operation operation,
      String versionColumn,
      OptionalLong expectedVersion,
      String expectedText,
      OptionalLong actualVersion,
      String actualText,
      boolean rowDeleted,
      int batchIndex,
      String unknownActual,
      Throwable cause) {
    this(new Parts(record, table, keyColumns, key, operation, versionColumn)
            .expected(expectedVersion, expectedText)
            .actual(actualVersion, actualText, rowDeleted)
            .rest(batchIndex, unknownActual, null),
        cause);
  }

  private StaleRecordException(Parts p, Throwable cause) {
    super(p.message(), cause);
    this.record = Objects.requireNonNull(p.record, "record");
    this.table = Objects.requireNonNull(p.table, "table");
    this.keyColumns = List.copyOf(p.keyColumns);
    this.key = Collections.unmodifiableList(new ArrayList<>(p.key));
    this.operation = Objects.requireNonNull(p.operation, "operation");
    this.versionColumn = p.versionColumn;
    this.expectedPresent = p.expectedVersion.isPresent();
    this.expected = p.expectedVersion.orElse(0);
    this.actualPresent = p.actualVersion.isPresent();
    this.actual = p.actualVersion.orElse(0);
    this.rowDeleted = p.rowDeleted;
    this.batchIndex = p.batchIndex;
    this.unknownActual = p.unknownActual;
    this.note = p.note;
    this.expectedText = p.expectedText;
    this.actualText = p.actualText;
  }

  /** The values of an exception being made: what each constructor gives, the rest unset. */
  private static final class Parts {
    final Object record;
    final String table;
    final List<String> keyColumns;
    final List<Object> key;
    final Operation operation;
    final String versionColumn;
    OptionalLong expectedVersion;
    String expectedText;
    OptionalLong actualVersion = OptionalLong.empty();
    String actualText;
    boolean rowDeleted;
    int batchIndex;
    String unknownActual;
    String note;

    Parts(
        Object record,
        String table,
        List<String> keyColumns,
        List<Object> key,
        Operation operation,
        String versionColumn) {
      this.record = record;
      this.table = table;
      this.keyColumns = keyColumns;
      this.key = key;
      this.operation = operation;
      this.versionColumn = versionColumn;
    }

    Parts expected(OptionalLong version, String text) {
      expectedVersion = version;
      expectedText = text;
      return this;
    }

    Parts actual(OptionalLong version, String text, boolean deleted) {
      actualVersion = version;
      actualText = text;
      rowDeleted = deleted;
      return this;
    }

    Parts rest(int index, String why, String sentence) {
      batchIndex = index;
      unknownActual = why;
      note = sentence;
      return this;
    }

    String message() {
      Objects.requireNonNull(versionColumn, "versionColumn");
      StringBuilder sb = new StringBuilder("stale ").append(table).append(' ');
      for (int i = 0; i < key.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(i < keyColumns.size() ? keyColumns.get(i) : "key" + i)
            .append('=')
            .append(key.get(i));
      }
      if (batchIndex >= 0) {
        sb.append(" (batch index ").append(batchIndex).append(')');
      }
      sb.append(": expected ").append(versionColumn).append(' ');
      sb.append(expectedText != null ? expectedText : text(expectedVersion));
      if (unknownActual != null) {
        sb.append(", ").append(unknownActual);
      } else if (rowDeleted) {
        sb.append(", the row no longer exists");
      } else {
        sb.append(", database has ");
        sb.append(actualText != null ? actualText : text(actualVersion));
      }
      if (note != null) {
        sb.append("; ").append(note);
      }
      return sb.toString();
    }

    private static String text(OptionalLong version) {
      return version.isPresent() ? Long.toString(version.getAsLong()) : "null";
    }
  }

  /**
   * Returns a copy of this exception that records its index within a batch.
   *
   * @param index the record's index in the batch's argument list
   * @return a new exception with {@link #batchIndex()} set
   */
  public StaleRecordException withBatchIndex(int index) {
    return copy(index, note);
  }

  /**
   * Returns a copy of this exception whose message ends with a further sentence; {@code modify}
   * uses it to say why it stopped retrying.
   *
   * @param sentence what to add to the message
   * @return a new exception, equal but for its message, with the same cause and stack trace
   */
  public StaleRecordException withNote(String sentence) {
    Objects.requireNonNull(sentence, "sentence");
    return copy(batchIndex, note == null ? sentence : note + "; " + sentence);
  }

  private StaleRecordException copy(int index, String newNote) {
    Parts parts =
        new Parts(record, table, keyColumns, key, operation, versionColumn)
            .expected(expectedVersion(), expectedText)
            .actual(actualVersion(), actualText, rowDeleted)
            .rest(index, unknownActual, newNote);
    StaleRecordException copy = new StaleRecordException(parts, getCause());
    copy.setStackTrace(getStackTrace());
    return copy;
  }

  /**
   * The caller's record, unchanged.
   *
   * @return the record whose write was refused
   */
  public Object record() {
    return record;
  }

  /**
   * The table, as written in SQL.
   *
   * @return the table name
   */
  public String table() {
    return table;
  }

  /**
   * The key values of the refused row, in key order.
   *
   * @return the key values
   */
  public List<Object> key() {
    return key;
  }

  /**
   * The refused write.
   *
   * @return {@link Operation#UPDATE} or {@link Operation#DELETE}
   */
  public Operation operation() {
    return operation;
  }

  /**
   * The version the caller's record carried. For a timestamp version it is the number of units of
   * the version's precision since the epoch ({@code 1970-01-01T00:00Z}; a {@code LocalDateTime}
   * read as UTC): epoch microseconds for the default {@code MICROS}. The message names a timestamp
   * version by its ISO-8601 text.
   *
   * @return the expected version, empty when the caller's version was null (or, for a {@code NANOS}
   *     version, beyond the range of a long: after the year 2262)
   */
  public OptionalLong expectedVersion() {
    return expectedPresent ? OptionalLong.of(expected) : OptionalLong.empty();
  }

  /**
   * The version committed in the database right after the refused write, read as committed also
   * inside a transaction (never the transaction's older snapshot). A timestamp version is counted
   * as {@link #expectedVersion()} says.
   *
   * @return the current version; empty when the row no longer exists, its version is null, or the
   *     database cannot tell from inside the caller's transaction (PostgreSQL and H2 at REPEATABLE
   *     READ and above), or the database refused the write as a serialization failure: the message
   *     then says so
   */
  public OptionalLong actualVersion() {
    return actualPresent ? OptionalLong.of(actual) : OptionalLong.empty();
  }

  /**
   * Whether the row no longer exists.
   *
   * @return true when no row has the record's key
   */
  public boolean rowDeleted() {
    return rowDeleted;
  }

  /**
   * The record's index within a batch.
   *
   * @return the index, or -1 outside a batch
   */
  public int batchIndex() {
    return batchIndex;
  }
}
