package dev.versioned.support;

import dev.versioned.StaleRecordException;
import dev.versioned.VersionOverflowException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.SelectConditionStep;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.NoDataFoundException;

/**
 * The exceptions of keyed writes that matched no row or that the database refused, for both kinds
 * of version: stale rows, version and counter overflows, missing rows. Where the exception must
 * say what the database holds now, the row is read here. A version is an integer version when its
 * precision is null, else a timestamp version of that precision.
 */
final class Refusals {
  private Refusals() {}

  /** The exception for a version that cannot be incremented within its Java type. */
  static VersionOverflowException overflow(
      Table<?> table, Field<?> column, Number version, List<Object> key) {
    return new VersionOverflowException(
        "version overflow on "
            + Rows.name(table)
            + " key "
            + key
            + ": "
            + column.getName()
            + " is "
            + version
            + ", the largest value of its type; widen the version component (and column) to long");
  }

  /** The exception for a keyed read or write that found no row. */
  static NoDataFoundException notFound(
      Table<?> table, List<String> keyColumns, List<Object> key) {
    StringBuilder sb = new StringBuilder("no row of ").append(Rows.name(table)).append(" has ");
    for (int i = 0; i < key.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(keyColumns.get(i)).append('=').append(key.get(i));
    }
    return new NoDataFoundException(sb.toString());
  }

  /**
   * Explains an unconditional write guarded only against version overflow that matched no row:
   * either no row has the key, or its version is at {@code max}.
   */
  static RuntimeException missingOrOverflow(
      DSLContext ctx, Target target, Condition keyCondition, long max, List<Object> key) {
    Optional<? extends Record1<?>> current =
        ctx.select(target.version()).from(target.table()).where(keyCondition).fetchOptional();
    if (current.isEmpty()) {
      return notFound(target.table(), target.keyColumns(), key);
    }
    Number actual = (Number) current.get().value1();
    return overflow(target.table(), target.version(), actual == null ? max : actual, key);
  }

  /**
   * Explains a counter increment that matched no row: false when no row has the key, else throws
   * the overflow of the integer version (when it is at {@code max}) or of the counter.
   *
   * @param version the integer version column; null for a timestamp version (which never
   *     overflows)
   */
  static boolean incrementRefused(
      DSLContext ctx,
      Table<?> table,
      Condition keyCondition,
      Field<?> version,
      long max,
      Field<? extends Number> counter,
      Number delta,
      List<Object> key) {
    List<Field<?>> read = version == null ? List.of(counter) : List.of(version, counter);
    Optional<Record> current = ctx.select(read).from(table).where(keyCondition).fetchOptional();
    if (current.isEmpty()) {
      return false;
    }
    if (version != null) {
      Number actualVersion = (Number) current.get().get(version);
      if (actualVersion != null && actualVersion.longValue() >= max) {
        throw overflow(table, version, actualVersion, key);
      }
    }
    throw counterOverflow(table, counter, current.get().get(counter), delta, key);
  }

  private static DataAccessException counterOverflow(
      Table<?> table, Field<? extends Number> counter, Number value, Number delta,
      List<Object> key) {
    return new DataAccessException(
        "counter overflow on "
            + Rows.name(table)
            + " key "
            + key
            + ": "
            + counter.getName()
            + " is "
            + (value == null ? 0 : value)
            + ", and adding "
            + delta
            + " would leave the range of its type "
            + counter.getType().getSimpleName());
  }

  /**
   * The exception for a version-checked write that matched no row, reading the version now
   * committed to say what happened (see {@link RepositoryDescriptor#stale} for which read sees it).
   *
   * @param expected the caller's version ({@code Number} or {@code Temporal}), or null
   */
  static StaleRecordException stale(
      DSLContext ctx,
      Target target,
      Condition keyCondition,
      Object record,
      List<Object> key,
      StaleRecordException.Operation operation,
      Object expected,
      int batchIndex) {
    Transactions.Enclosing tx = Transactions.enclosing(ctx);
    if (tx.snapshotIsFixed()) {
      return target.exception(record, key, operation, expected, null, false, batchIndex,
          "the version now committed cannot be read inside this transaction's "
              + tx.isolationName() + " snapshot",
          null);
    }
    Optional<? extends Record1<?>> row =
        currentVersion(ctx, target.table(), keyCondition, target.version(),
            tx.plainReadsAreSnapshots());
    Object actual = row.map(Record1::value1).orElse(null);
    return target.exception(record, key, operation, expected, actual, row.isEmpty(), batchIndex,
        null, null);
  }

  /** Reads a row's version: empty when no row has the key. */
  private static <T> Optional<Record1<T>> currentVersion(
      DSLContext ctx, Table<?> table, Condition keyCondition, Field<T> version, boolean lock) {
    SelectConditionStep<Record1<T>> select = ctx.select(version).from(table).where(keyCondition);
    return (lock ? Locking.forUpdate(ctx, select) : select).fetchOptional();
  }

  /**
   * A version-checked write refused as a serialization failure (SQLSTATE {@code 40001}) as a
   * {@link StaleRecordException} whose actual version is unknown; any other failure as it is.
   *
   * @param expected the caller's version ({@code Number} or {@code Temporal}), or null
   */
  static RuntimeException refused(
      RuntimeException failure,
      Target target,
      Object record,
      List<Object> key,
      StaleRecordException.Operation operation,
      Object expected) {
    if (failure instanceof StaleRecordException || !Retry.hasSqlState(failure, "40001")) {
      return failure;
    }
    return target.exception(record, key, operation, expected, null, false, -1,
        "the database refused the write as a serialization failure (SQLSTATE 40001), so the"
            + " version now committed is unknown",
        failure);
  }

  /**
   * The rows a stale-row exception is about: their table, key column names and version column,
   * and the version's kind.
   *
   * @param table the table
   * @param keyColumns the key column names, in key order
   * @param version the version column
   * @param precision the precision of a timestamp version, null for an integer version
   */
  record Target(
      Table<?> table, List<String> keyColumns, Field<?> version, ChronoUnit precision) {
    StaleRecordException exception(
        Object record,
        List<Object> key,
        StaleRecordException.Operation operation,
        Object expected,
        Object actual,
        boolean rowDeleted,
        int batchIndex,
        String unknownActual,
        Throwable cause) {
      return new StaleRecordException(
          record,
          Rows.name(table),
          keyColumns,
          key,
          operation,
          version.getName(),
          number(expected),
          text(expected),
          number(actual),
          text(actual),
          rowDeleted,
          batchIndex,
          unknownActual,
          cause);
    }

    /** A version as {@link StaleRecordException#expectedVersion()} gives it. */
    private OptionalLong number(Object value) {
      if (precision != null) {
        return TimestampVersions.epochUnits((Temporal) value, precision);
      }
      return value == null ? OptionalLong.empty() : OptionalLong.of(((Number) value).longValue());
    }

    /** A version as the message names it: null where its number says it all. */
    private String text(Object value) {
      return precision == null || value == null ? null : value.toString();
    }
  }
}
