package dev.versioned.support;

import org.jooq.Field;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;

/** The check of a value read into a primitive record component: a NULL cannot be stored there. */
final class NullColumns {
  private NullColumns() {}

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
  static <T> T notNull(T value, Table<?> table, Field<?> column) {
    if (value == null) {
      throw exception(table, column);
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
  static DataAccessException exception(Table<?> table, Field<?> column) {
    return new DataAccessException(
        "column "
            + Rows.name(table)
            + "."
            + column.getName()
            + " is NULL, but its record component is primitive: make the column NOT NULL,"
            + " or the component a boxed type");
  }
}
