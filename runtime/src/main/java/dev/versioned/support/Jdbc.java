package dev.versioned.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Reads the columns of a row that jOOQ's bindings read with plain JDBC getters on every dialect:
 * {@code getLong}, {@code getInt}, {@code getShort} (each followed by {@code wasNull}) and {@code
 * getString}. Generated repositories read their own {@code SELECT}s with these when every column
 * has one of those types.
 */
public final class Jdbc {
  private Jdbc() {}

  /**
   * Reads a {@code long} component.
   *
   * @param rs the result set, on a row
   * @param index the 1-based column index
   * @param table the table, for the message
   * @param column the column, for the message
   * @return the value
   * @throws SQLException from the driver
   * @throws org.jooq.exception.DataAccessException if the value is NULL
   */
  public static long getLong(ResultSet rs, int index, Table<?> table, Field<?> column)
      throws SQLException {
    long value = rs.getLong(index);
    present(rs, value == 0, table, column);
    return value;
  }

  /**
   * Reads a {@code Long} component.
   *
   * @param rs the result set, on a row
   * @param index the 1-based column index
   * @return the value, or null
   * @throws SQLException from the driver
   */
  public static Long getLongOrNull(ResultSet rs, int index) throws SQLException {
    long value = rs.getLong(index);
    return wasNull(rs, value == 0) ? null : value;
  }

  /**
   * Reads an {@code int} component, as {@link #getLong(ResultSet, int, Table, Field)} a {@code
   * long}.
   *
   * @param rs the result set
   * @param index the column index
   * @param table the table
   * @param column the column
   * @return the value
   * @throws SQLException from the driver
   */
  public static int getInt(ResultSet rs, int index, Table<?> table, Field<?> column)
      throws SQLException {
    int value = rs.getInt(index);
    present(rs, value == 0, table, column);
    return value;
  }

  /**
   * Reads an {@code Integer} component, as {@link #getLongOrNull} a {@code Long}.
   *
   * @param rs the result set
   * @param index the column index
   * @return the value, or null
   * @throws SQLException from the driver
   */
  public static Integer getIntOrNull(ResultSet rs, int index) throws SQLException {
    int value = rs.getInt(index);
    return wasNull(rs, value == 0) ? null : value;
  }

  /**
   * Reads a {@code short} component, as {@link #getLong(ResultSet, int, Table, Field)} a {@code
   * long}.
   *
   * @param rs the result set
   * @param index the column index
   * @param table the table
   * @param column the column
   * @return the value
   * @throws SQLException from the driver
   */
  public static short getShort(ResultSet rs, int index, Table<?> table, Field<?> column)
      throws SQLException {
    short value = rs.getShort(index);
    present(rs, value == 0, table, column);
    return value;
  }

  /**
   * Reads a {@code Short} component, as {@link #getLongOrNull} a {@code Long}.
   *
   * @param rs the result set
   * @param index the column index
   * @return the value, or null
   * @throws SQLException from the driver
   */
  public static Short getShortOrNull(ResultSet rs, int index) throws SQLException {
    short value = rs.getShort(index);
    return wasNull(rs, value == 0) ? null : value;
  }

  /** Whether the value just read is NULL: a getter returns 0 for NULL, so ask only for a 0. */
  private static boolean wasNull(ResultSet rs, boolean zero) throws SQLException {
    return zero && rs.wasNull();
  }

  /** Refuses a NULL read into a primitive component. */
  private static void present(ResultSet rs, boolean zero, Table<?> table, Field<?> column)
      throws SQLException {
    if (wasNull(rs, zero)) {
      throw NullColumns.exception(table, column);
    }
  }
}
