package dev.versioned.support;

import dev.versioned.ConflictEvent;
import dev.versioned.StaleRecordException;
import dev.versioned.VersionOverflowException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.NoDataFoundException;
import org.jooq.exception.TooManyRowsException;
import org.jooq.impl.DSL;

/**
 * What a generated repository's checks and exceptions need to know of its table: the table, its key
 * columns, its version column and the version's kind (an integer version with its largest value, or
 * a timestamp version with its precision), and how to take the key values of a record. A repository
 * holds one, as a constant, and calls it where a write matched no row or the database refused it;
 * the exceptions themselves are built by {@code Refusals}, one code path for both kinds of version.
 *
 * <p>Like the rest of this package, not an API for applications: it may change between releases
 * together with the processor that generates calls to it.
 *
 * @param <R> the repository's record type
 */
public final class RepositoryDescriptor<R> {
  private final Table<?> table;
  private final List<Field<?>> key;

  /** The table, key column names, version column and, for a timestamp version, its precision. */
  private final Refusals.Target target;

  /** The largest value of an integer version's Java type. */
  private final long max;

  private final Function<? super R, List<Object>> keyOf;

  private RepositoryDescriptor(
      Table<?> table,
      List<? extends Field<?>> key,
      Field<?> version,
      long max,
      ChronoUnit precision,
      Function<? super R, List<Object>> keyOf) {
    this.table = Objects.requireNonNull(table, "table");
    this.key = List.copyOf(key);
    if (this.key.isEmpty()) {
      throw new IllegalArgumentException("the key of " + Rows.name(table) + " has no column");
    }
    List<String> names = new ArrayList<>(this.key.size());
    for (Field<?> column : this.key) {
      names.add(column.getName());
    }
    this.target =
        new Refusals.Target(
            table, List.copyOf(names), Objects.requireNonNull(version, "version"), precision);
    this.max = max;
    this.keyOf = Objects.requireNonNull(keyOf, "keyOf");
  }

  /**
   * The descriptor of a table with an integer version ({@code short}, {@code int}, {@code long} or
   * their boxes).
   *
   * @param table the table
   * @param key the key columns, in key order
   * @param version the version column
   * @param max the largest value of the version's Java type
   * @param keyOf the key values of a record, in key order
   * @param <R> the record type
   * @return the descriptor
   */
  public static <R> RepositoryDescriptor<R> counting(
      Table<?> table,
      List<? extends Field<?>> key,
      Field<? extends Number> version,
      long max,
      Function<? super R, List<Object>> keyOf) {
    return new RepositoryDescriptor<>(table, key, version, max, null, keyOf);
  }

  /**
   * The descriptor of a table with a timestamp version. The arguments are those of {@link
   * #counting}, but for the version.
   *
   * @param table the table
   * @param key the key columns
   * @param version the version column: an {@code Instant}, {@code LocalDateTime} or {@code
   *     OffsetDateTime}
   * @param precision the version's precision: {@code SECONDS}, {@code MILLIS}, {@code MICROS} or
   *     {@code NANOS}
   * @param keyOf the key values of a record
   * @param <R> the record type
   * @return the descriptor
   */
  public static <R> RepositoryDescriptor<R> timestamped(
      Table<?> table,
      List<? extends Field<?>> key,
      Field<? extends Temporal> version,
      ChronoUnit precision,
      Function<? super R, List<Object>> keyOf) {
    TimestampVersions.supported(precision);
    return new RepositoryDescriptor<>(table, key, version, 0, precision, keyOf);
  }

  /**
   * The table.
   *
   * @return the table
   */
  public Table<?> table() {
    return table;
  }

  /**
   * The key column names, in key order, as exceptions name them.
   *
   * @return the names
   */
  public List<String> keyColumns() {
    return target.keyColumns();
  }

  /**
   * The key values of a record.
   *
   * @param record the record
   * @return its key values, in key order
   */
  public List<Object> key(R record) {
    return keyOf.apply(record);
  }

  /**
   * The predicate {@code key column = value} for each key column, as the reads that explain a
   * refused write use it.
   *
   * @param values the key values, in key order
   * @return the condition
   * @throws IllegalArgumentException if there are not as many values as key columns
   */
  public Condition keyCondition(List<Object> values) {
    if (values.size() != key.size()) {
      throw new IllegalArgumentException(
          values.size() + " values for the " + key.size() + " key columns of " + Rows.name(table));
    }
    if (key.size() == 1) {
      return eq(key.get(0), values.get(0));
    }
    List<Condition> conditions = new ArrayList<>(key.size());
    for (int i = 0; i < key.size(); i++) {
      conditions.add(eq(key.get(i), values.get(i)));
    }
    return DSL.and(conditions);
  }

  @SuppressWarnings("unchecked")
  private static <T> Condition eq(Field<T> column, Object value) {
    return column.eq((T) value);
  }

  /**
   * Interprets the row count of a keyed write, as {@link Rows#one} does.
   *
   * @param rows the row count the driver reported
   * @return true for exactly one row, false for none
   * @throws TooManyRowsException for more than one row: the key is not unique
   */
  public boolean one(int rows) {
    return Rows.one(rows, table);
  }

  /**
   * The exception for a version-checked write that matched no row, reading the version now
   * committed to say what happened. It is read outside a transaction with a plain read; inside one
   * on MySQL/MariaDB at REPEATABLE READ or SERIALIZABLE with a locking read (InnoDB's current read;
   * the refused write already holds that row's lock). Inside a transaction whose snapshot is fixed
   * (PostgreSQL and H2 at REPEATABLE READ and above), nothing read tells what is committed: the
   * exception then has no actual version, and its message says why. A timestamp version is named by
   * its ISO-8601 text and counted in units of its precision since the epoch.
   *
   * @param ctx where to read the current version (the same transaction as the write)
   * @param record the caller's record
   * @param expected the caller's version (a {@code Number} or the {@code Temporal} of the version
   *     column's type), or null
   * @param operation the refused write
   * @param batchIndex the index in a batch, or -1
   * @return the exception to throw
   */
  public StaleRecordException stale(
      DSLContext ctx,
      R record,
      Object expected,
      StaleRecordException.Operation operation,
      int batchIndex) {
    List<Object> values = key(record);
    return Refusals.stale(
        ctx, target, keyCondition(values), record, values, operation, expected, batchIndex);
  }

  /**
   * A version-checked write that the database refused as a serialization failure (SQLSTATE {@code
   * 40001}) as a {@link StaleRecordException} whose actual version is unknown; any other failure as
   * it is.
   *
   * @param failure what the write threw
   * @param record the caller's record
   * @param expected the caller's version, or null
   * @param operation the refused write
   * @return the exception to throw
   */
  public RuntimeException refused(
      RuntimeException failure,
      R record,
      Object expected,
      StaleRecordException.Operation operation) {
    return Refusals.refused(failure, target, record, key(record), operation, expected);
  }

  /**
   * The exception for a record whose integer version cannot be incremented within its Java type.
   *
   * @param record the record
   * @param version the record's version
   * @return the exception to throw
   * @throws IllegalStateException for a timestamp version, which never overflows
   */
  public VersionOverflowException overflow(R record, Number version) {
    if (target.precision() != null) {
      throw new IllegalStateException(
          "the version "
              + target.version().getName()
              + " of "
              + Rows.name(table)
              + " is a timestamp, which never overflows");
    }
    return Refusals.overflow(table, target.version(), version, key(record));
  }

  /**
   * The exception for a keyed read or write that found no row.
   *
   * @param values the key values
   * @return the exception to throw
   */
  public NoDataFoundException notFound(List<Object> values) {
    return Refusals.notFound(table, target.keyColumns(), values);
  }

  /**
   * Explains an unconditional write guarded only against version overflow that matched no row: no
   * row has the key, or its version is at the largest value of its type. A timestamp version never
   * overflows: for it this is {@link #notFound}, read nothing.
   *
   * @param ctx the transaction's context
   * @param values the key values
   * @return the exception to throw
   */
  public RuntimeException missingOrOverflow(DSLContext ctx, List<Object> values) {
    if (target.precision() != null) {
      return notFound(values);
    }
    return Refusals.missingOrOverflow(ctx, target, keyCondition(values), max, values);
  }

  /**
   * Explains a counter increment that matched no row: no row has the key, or the increment would
   * take the version or the counter beyond the range of its Java type (the guards of the {@code
   * UPDATE}, since SQLite would store the wider value without a word).
   *
   * @param ctx where to read the row
   * @param counter the counter column
   * @param delta the amount that was to be added
   * @param values the key values
   * @return false when no row has the key
   * @throws VersionOverflowException when an integer version is at its largest value
   * @throws DataAccessException when the counter would overflow
   */
  public boolean incrementRefused(
      DSLContext ctx, Field<? extends Number> counter, Number delta, List<Object> values) {
    Field<?> version = target.precision() == null ? target.version() : null;
    return Refusals.incrementRefused(
        ctx, table, keyCondition(values), version, max, counter, delta, values);
  }

  /**
   * Reports the failure of a write to the registered conflict listener when it is a conflict, as
   * {@link Conflicts#seen} does.
   *
   * @param ctx the repository's context, whose configuration holds the listener
   * @param operation the repository method
   * @param values the key values of the row written; empty for a batch
   * @param failure what the write threw
   * @return {@code failure}, to throw
   */
  public RuntimeException seen(
      DSLContext ctx,
      ConflictEvent.Operation operation,
      List<Object> values,
      RuntimeException failure) {
    return Conflicts.seen(ctx, table, operation, values, failure);
  }

  /**
   * Returns a non-null column value for a primitive component.
   *
   * @param value the value read
   * @param column the column read
   * @param <T> the value type
   * @return the value
   * @throws DataAccessException when the value is null
   */
  public <T> T notNull(T value, Field<?> column) {
    return NullColumns.notNull(value, table, column);
  }
}
