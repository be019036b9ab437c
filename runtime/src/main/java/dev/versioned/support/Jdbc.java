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
    if (value == 0 && rs.wasNull()) {
      throw NullColumns.exception(table, column);
    }
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
    return value == 0 && rs.wasNull() ? null : value;
  }

  /**
   * Reads an {@code int} component.
   *
   * @param rs the result set, on a row
   * @param index the 1-based column index
   * @param table the table, for the message
   * @param column the column, for the message
   * @return the value
   * @throws SQLException from the driver
   * @throws org.jooq.exception.DataAccessException if the value is NULL
   */
  public static int getInt(ResultSet rs, int index, Table<?> table, Field<?> column)
      throws SQLException {
    int value = rs.getInt(index);
    if (value == 0 && rs.wasNull()) {
      throw NullColumns.exception(table, column);
    }
    return value;
  }

  /**
   * Reads an {@code Integer} component.
   *
   * @param rs the result set, on a row
   * @param index the 1-based column index
   * @return the value, or null
   * @throws SQLException from the driver
   */
  public static Integer getIntOrNull(ResultSet rs, int index) throws SQLException {
    int value = rs.getInt(index);
    return value == 0 && rs.wasNull() ? null : value;
  }

  /**
   * Reads a {@code short} component.
   *
   * @param rs the result set, on a row
   * @param index the 1-based column index
   * @param table the table, for the message
   * @param column the column, for the message
   * @return the value
   * @throws SQLException from the driver
   * @throws org.jooq.exception.DataAccessException if the value is NULL
   */
  public static short getShort(ResultSet rs, int index, Table<?> table, Field<?> column)
      throws SQLException {
    short value = rs.getShort(index);
    if (value == 0 && rs.wasNull()) {
      throw NullColumns.exception(table, column);
    }
    return value;
  }

  /**
   * Reads a {@code Short} component.
   *
   * @param rs the result set, on a row
   * @param index the 1-based column index
   * @return the value, or null
   * @throws SQLException from the driver
   */
  public static Short getShortOrNull(ResultSet rs, int index) throws SQLException {
    short value = rs.getShort(index);
    return value == 0 && rs.wasNull() ? null : value;
  }
}
