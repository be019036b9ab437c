package dev.versioned.support;

import dev.versioned.StaleRecordException;
import dev.versioned.VersionOverflowException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.SelectConditionStep;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.NoDataFoundException;
import org.jooq.exception.TooManyRowsException;

/** Checks of row counts and values shared by every generated repository. */
public final class Rows {
  private Rows() {}

  /**
   * Interprets the row count of a keyed write.
   *
   * @param rows the row count the driver reported
   * @param table the table written
   * @return true for exactly one row, false for none
   * @throws TooManyRowsException for more than one row: the key is not unique
   */
  public static boolean one(int rows, Table<?> table) {
    if (rows == 1) {
      return true;
    }
    if (rows == 0) {
      return false;
    }
    throw new TooManyRowsException(
        rows + " rows of " + name(table) + " matched one key: is the key the table's primary key?");
  }

  /**
   * The table's name as shown in messages: {@code schema.table} or {@code table}, unquoted.
   *
   * @param table the table
   * @return its name
   */
  public static String name(Table<?> table) {
    return String.join(".", table.getQualifiedName().getName());
  }

  /**
   * Returns a non-null column value for a primitive component.
   *
   * @param value the value read
   * @param table the table read
   * @param column the column read
   * @param <T> the value type
   * @return the value
   * @throws DataAccessException when the value is null
   */
  public static <T> T notNull(T value, Table<?> table, Field<?> column) {
    if (value == null) {
      throw nullColumn(table, column);
    }
    return value;
  }

  /**
   * The exception for a NULL read into a primitive component.
   *
   * @param table the table read
   * @param column the column read
   * @return the exception to throw
   */
  public static DataAccessException nullColumn(Table<?> table, Field<?> column) {
    return new DataAccessException(
        "column "
            + name(table)
            + "."
            + column.getName()
            + " is NULL, but its record component is primitive: make the column NOT NULL,"
            + " or the component a boxed type");
  }

  /**
   * Copies a collection argument, refusing null elements by index.
   *
   * @param values the argument
   * @param parameter the parameter's name, for messages
   * @param <T> the element type
   * @return an unmodifiable copy
   * @throws NullPointerException if the argument or one of its elements is null
   */
  public static <T> List<T> elements(Collection<? extends T> values, String parameter) {
    Objects.requireNonNull(values, parameter);
    List<T> copy = new ArrayList<>(values.size());
    for (T value : values) {
      if (value == null) {
        throw new NullPointerException(parameter + "[" + copy.size() + "] is null");
      }
      copy.add(value);
    }
    return Collections.unmodifiableList(copy);
  }

  /**
   * The exception for a version that cannot be incremented within its Java type.
   *
   * @param table the table
   * @param column the version column
   * @param version the record's version
   * @param key the record's key values
   * @return the exception to throw
   */
  public static VersionOverflowException overflow(
      Table<?> table, Field<?> column, Number version, List<Object> key) {
    return new VersionOverflowException(
        "version overflow on "
            + name(table)
            + " key "
            + key
            + ": "
            + column.getName()
            + " is "
            + version
            + ", the largest value of its type; widen the version component (and column) to long");
  }

  /**
   * The exception for a keyed read or write that found no row.
   *
   * @param table the table
   * @param keyColumns the key column names
   * @param key the key values
   * @return the exception to throw
   */
  public static NoDataFoundException notFound(
      Table<?> table, List<String> keyColumns, List<Object> key) {
    StringBuilder sb = new StringBuilder("no row of ").append(name(table)).append(" has ");
    for (int i = 0; i < key.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(keyColumns.get(i)).append('=').append(key.get(i));
    }
    return new NoDataFoundException(sb.toString());
  }

  /**
   * Explains an unconditional write guarded only against version overflow that matched no row:
   * either no row has the key, or its version is at the largest value of its type.
   *
   * @param ctx the transaction's context
   * @param table the table
   * @param keyCondition the key predicate
   * @param version the version column
   * @param max the largest value of the version's Java type
   * @param keyColumns the key column names
   * @param key the key values
   * @return the exception to throw
   */
  public static RuntimeException missingOrOverflow(
      DSLContext ctx,
      Table<?> table,
      Condition keyCondition,
      Field<? extends Number> version,
      long max,
      List<String> keyColumns,
      List<Object> key) {
    Optional<? extends Record1<? extends Number>> current =
        ctx.select(version).from(table).where(keyCondition).fetchOptional();
    if (current.isEmpty()) {
      return notFound(table, keyColumns, key);
    }
    Number actual = current.get().value1();
    return overflow(table, version, actual == null ? max : actual, key);
  }

  /**
   * Explains a counter increment that matched no row. The increment is guarded so that neither the
   * version nor an integer counter leaves the range of its Java type (SQLite would store the wider
   * value without a word); this reads the row to tell which guard refused it.
   *
   * @param ctx where to read the row
   * @param table the table
   * @param keyCondition the key predicate
   * @param version the version column
   * @param max the largest value of the version's Java type
   * @param counter the counter column
   * @param delta the amount that was to be added
   * @param keyColumns the key column names
   * @param key the key values
   * @return false when no row has the key
   * @throws VersionOverflowException when the version is at {@code max}
   * @throws DataAccessException when the counter would overflow
   */
  public static boolean incrementRefused(
      DSLContext ctx,
      Table<?> table,
      Condition keyCondition,
      Field<? extends Number> version,
      long max,
      Field<? extends Number> counter,
      Number delta,
      List<String> keyColumns,
      List<Object> key) {
    Optional<? extends Record2<? extends Number, ? extends Number>> current =
        ctx.select(version, counter).from(table).where(keyCondition).fetchOptional();
    if (current.isEmpty()) {
      return false;
    }
    Number actualVersion = current.get().value1();
    if (actualVersion != null && actualVersion.longValue() >= max) {
      throw overflow(table, version, actualVersion, key);
    }
    throw counterOverflow(table, counter, current.get().value2(), delta, key);
  }

  /**
   * Explains a counter increment of a row with a timestamp version that matched no row (a
   * timestamp version never overflows): either no row has the key, or the counter would leave
   * the range of its Java type.
   *
   * @param ctx where to read the row
   * @param table the table
   * @param keyCondition the key predicate
   * @param counter the counter column
   * @param delta the amount that was to be added
   * @param key the key values
   * @return false when no row has the key
   * @throws DataAccessException when the counter would overflow
   */
  public static boolean incrementRefused(
      DSLContext ctx,
      Table<?> table,
      Condition keyCondition,
      Field<? extends Number> counter,
      Number delta,
      List<Object> key) {
    Optional<? extends Record1<? extends Number>> current =
        ctx.select(counter).from(table).where(keyCondition).fetchOptional();
    if (current.isEmpty()) {
      return false;
    }
    throw counterOverflow(table, counter, current.get().value1(), delta, key);
  }

  private static DataAccessException counterOverflow(
      Table<?> table, Field<? extends Number> counter, Number value, Number delta,
      List<Object> key) {
    return new DataAccessException(
        "counter overflow on "
            + name(table)
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
   * Builds the exception for a refused keyed write, reading the row's current version to say what
   * happened. The version is read as committed now: outside a transaction with a plain read; inside
   * one on MySQL/MariaDB at REPEATABLE READ or SERIALIZABLE with a locking read (InnoDB's current
   * read; the refused write already holds that row's lock). Inside a transaction whose snapshot is
   * fixed (PostgreSQL and H2 at REPEATABLE READ and above), nothing read tells what is committed:
   * the exception then has no actual version and its message says why.
   *
   * @param ctx where to read the current version (the same transaction as the write)
   * @param table the table
   * @param keyCondition the key predicate
   * @param version the version column
   * @param record the caller's record
   * @param keyColumns the key column names
   * @param key the key values
   * @param operation the refused write
   * @param expected the caller's version, or null
   * @param batchIndex the index in a batch, or -1
   * @return the exception to throw
   */
  public static StaleRecordException stale(
      DSLContext ctx,
      Table<?> table,
      Condition keyCondition,
      Field<? extends Number> version,
      Object record,
      List<String> keyColumns,
      List<Object> key,
      StaleRecordException.Operation operation,
      Number expected,
      int batchIndex) {
    OptionalLong expectedVersion =
        expected == null ? OptionalLong.empty() : OptionalLong.of(expected.longValue());
    Transactions.Enclosing tx = Transactions.enclosing(ctx);
    if (tx.snapshotIsFixed()) {
      return new StaleRecordException(
          record,
          name(table),
          keyColumns,
          key,
          operation,
          version.getName(),
          expectedVersion,
          batchIndex,
          "the version now committed cannot be read inside this transaction's "
              + tx.isolationName()
              + " snapshot",
          null);
    }
    Optional<Number> current =
        currentVersion(ctx, table, keyCondition, version, tx.plainReadsAreSnapshots());
    boolean found = current != null;
    Number actual = found ? current.orElse(null) : null;
    return new StaleRecordException(
        record,
        name(table),
        keyColumns,
        key,
        operation,
        version.getName(),
        expectedVersion,
        actual == null ? OptionalLong.empty() : OptionalLong.of(actual.longValue()),
        !found,
        batchIndex);
  }

  /**
   * Reads a row's version.
   *
   * @return null when no row has the key, else the version (empty when it is NULL)
   */
  private static <N extends Number> Optional<Number> currentVersion(
      DSLContext ctx, Table<?> table, Condition keyCondition, Field<N> version, boolean lock) {
    SelectConditionStep<Record1<N>> select = ctx.select(version).from(table).where(keyCondition);
    Optional<Record1<N>> row =
        (lock ? Locking.forUpdate(ctx, select) : select).fetchOptional();
    return row.isEmpty() ? null : Optional.ofNullable(row.get().value1());
  }

  /**
   * Turns a version-checked single-row write that the database refused as a serialization failure
   * (SQLSTATE {@code 40001}: a PostgreSQL serialization failure, a Galera certification failure, an
   * InnoDB, H2, HSQLDB or Derby deadlock) into a {@link StaleRecordException} whose cause is that
   * failure and whose actual version is unknown. Any other failure is returned as it is.
   *
   * @param failure what the write threw
   * @param table the table
   * @param version the version column
   * @param record the caller's record
   * @param keyColumns the key column names
   * @param key the key values
   * @param operation the refused write
   * @param expected the caller's version, or null
   * @return the exception to throw
   */
  public static RuntimeException refused(
      RuntimeException failure,
      Table<?> table,
      Field<?> version,
      Object record,
      List<String> keyColumns,
      List<Object> key,
      StaleRecordException.Operation operation,
      Number expected) {
    if (failure instanceof StaleRecordException || !Retry.hasSqlState(failure, "40001")) {
      return failure;
    }
    return new StaleRecordException(
        record,
        name(table),
        keyColumns,
        key,
        operation,
        version.getName(),
        expected == null ? OptionalLong.empty() : OptionalLong.of(expected.longValue()),
        -1,
        "the database refused the write as a serialization failure (SQLSTATE 40001), so the"
            + " version now committed is unknown",
        failure);
  }
}
