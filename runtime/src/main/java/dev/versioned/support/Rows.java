package dev.versioned.support;

import org.jooq.Table;
import org.jooq.exception.TooManyRowsException;

/**
 * The row counts of keyed writes, and the table name as messages show it. The copies of collection
 * arguments are {@link Arguments}'s; the null checks of primitive components and the exceptions of
 * refused writes are {@link RepositoryDescriptor}'s.
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
}
