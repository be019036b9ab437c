package dev.versioned.support;

import dev.versioned.StaleRecordException;
import dev.versioned.VersionOverflowException;
import java.util.Collection;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.NoDataFoundException;
import org.jooq.exception.TooManyRowsException;

/**
 * The row counts of keyed writes, and the table name as messages show it.
 *
 * <p>Its other methods only delegate: the copy of collection arguments to {@link Arguments}, the
 * null checks of primitive components and the exceptions of refused writes to {@link
 * RepositoryDescriptor}. Repositories generated before the descriptor call them.
 */
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
    return NullColumns.notNull(value, table, column);
  }

  /**
   * The exception for a NULL read into a primitive component.
   *
   * @param table the table read
   * @param column the column read
   * @return the exception to throw
   */
  public static DataAccessException nullColumn(Table<?> table, Field<?> column) {
    return NullColumns.exception(table, column);
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
    return Arguments.elements(values, parameter);
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
    return Refusals.overflow(table, column, version, key);
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
    return Refusals.notFound(table, keyColumns, key);
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
    return Refusals.missingOrOverflow(
        ctx, new Refusals.Target(table, keyColumns, version, null), keyCondition, max, key);
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
    return Refusals.incrementRefused(ctx, table, keyCondition, version, max, counter, delta, key);
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
    return Refusals.incrementRefused(ctx, table, keyCondition, null, 0, counter, delta, key);
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
    return Refusals.stale(ctx, new Refusals.Target(table, keyColumns, version, null),
        keyCondition, record, key, operation, expected, batchIndex);
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
    return Refusals.refused(failure, new Refusals.Target(table, keyColumns, version, null),
        record, key, operation, expected);
  }
}
