package dev.versioned.processor.plan;

import dev.versioned.processor.vo.ColumnMapping;
import dev.versioned.processor.vo.ComponentModel;

/**
 * How generated code binds and reads one column: with exactly JDBC's {@code setX}/{@code getX}
 * where jOOQ's binding is that call on every dialect, or through the column's jOOQ binding.
 */
public enum Binding {
  /** {@code BIGINT}: {@code setLong}/{@code getLong}. */
  LONG("Long"),
  /** {@code INTEGER}: {@code setInt}/{@code getInt}. */
  INT("Int"),
  /** {@code SMALLINT}: {@code setShort}/{@code getShort}. */
  SHORT("Short"),
  /** {@code VARCHAR}: {@code setString}/{@code getString}. */
  STRING("String"),
  /** Any other column: jOOQ's binding of its data type. */
  JOOQ(null);

  private final String jdbc;

  Binding(String jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The binding of a component's column.
   *
   * @param c the component
   * @return its binding
   */
  public static Binding of(ComponentModel c) {
    if (c.mapping().kind() != ColumnMapping.Kind.DIRECT) {
      return JOOQ;
    }
    switch (c.mapping().sqlDataType()) {
      case "BIGINT":
        return LONG;
      case "INTEGER":
        return INT;
      case "SMALLINT":
        return SHORT;
      case "VARCHAR":
        return STRING;
      default:
        return JOOQ;
    }
  }

  /**
   * Whether the column is bound and read with a plain JDBC call.
   *
   * @return false for {@link #JOOQ}
   */
  public boolean direct() {
    return this != JOOQ;
  }

  /**
   * The suffix of the JDBC calls: {@code Long} for {@code setLong}/{@code getLong}.
   *
   * @return the suffix; null for {@link #JOOQ}
   */
  public String jdbc() {
    return jdbc;
  }
}
