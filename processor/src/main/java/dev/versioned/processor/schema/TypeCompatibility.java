package dev.versioned.processor.schema;

import dev.versioned.processor.schema.ColumnType.Kind;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jooq.SQLDialect;

/**
 * Which column types each mapped Java type can live in. Permissive where databases and jOOQ's
 * bindings are: an integer component may sit on any integer column (a {@code long} on an INTEGER
 * column reads and writes fine while the values fit; only the version column's width is checked
 * strictly), a {@code BigDecimal} on any numeric column, a timestamp type on any timestamp column.
 * A column whose type jOOQ does not know (a user-defined type) is not checked.
 *
 * <table>
 *   <caption>the compatibility table</caption>
 *   <tr><th>Java type (or a converter's database type)</th><th>column types</th></tr>
 *   <tr><td>String</td><td>CHAR, VARCHAR, CLOB/TEXT, an ENUM type; JSON, XML (not PostgreSQL)</td></tr>
 *   <tr><td>enum</td><td>CHAR, VARCHAR, CLOB/TEXT (long enough for every constant), an ENUM type
 *       (with every constant)</td></tr>
 *   <tr><td>boolean, Boolean</td><td>BOOLEAN, BIT, any integer type</td></tr>
 *   <tr><td>short, int, long, their boxes, BigInteger</td><td>any integer type, DECIMAL/NUMERIC(p)
 *       with no fraction</td></tr>
 *   <tr><td>float, double, their boxes</td><td>REAL, FLOAT, DOUBLE, DECIMAL/NUMERIC</td></tr>
 *   <tr><td>BigDecimal</td><td>DECIMAL/NUMERIC, any integer type, REAL, FLOAT, DOUBLE</td></tr>
 *   <tr><td>byte[]</td><td>BINARY, VARBINARY, BLOB/BYTEA</td></tr>
 *   <tr><td>UUID</td><td>UUID, CHAR/VARCHAR of 36 characters or more</td></tr>
 *   <tr><td>LocalDate</td><td>DATE, TIMESTAMP</td></tr>
 *   <tr><td>LocalTime</td><td>TIME</td></tr>
 *   <tr><td>LocalDateTime, OffsetDateTime, Instant</td><td>TIMESTAMP (with or without time zone,
 *       DATETIME)</td></tr>
 * </table>
 */
final class TypeCompatibility {
  private TypeCompatibility() {}

  private static final Set<Kind> INTEGERS = EnumSet.of(Kind.INTEGER);
  private static final Set<Kind> NUMBERS = EnumSet.of(Kind.INTEGER, Kind.DECIMAL, Kind.FLOAT);

  private static final Map<String, Set<Kind>> KINDS =
      Map.ofEntries(
          Map.entry("VARCHAR", EnumSet.of(Kind.STRING, Kind.ENUM, Kind.DOCUMENT)),
          Map.entry("ENUM", EnumSet.of(Kind.STRING, Kind.ENUM)),
          Map.entry("BOOLEAN", EnumSet.of(Kind.BOOLEAN, Kind.INTEGER)),
          Map.entry("SMALLINT", INTEGERS),
          Map.entry("INTEGER", INTEGERS),
          Map.entry("BIGINT", INTEGERS),
          Map.entry("DECIMAL_INTEGER", INTEGERS),
          Map.entry("REAL", EnumSet.of(Kind.FLOAT, Kind.DECIMAL)),
          Map.entry("DOUBLE", EnumSet.of(Kind.FLOAT, Kind.DECIMAL)),
          Map.entry("NUMERIC", NUMBERS),
          Map.entry("VARBINARY", EnumSet.of(Kind.BINARY)),
          Map.entry("UUID", EnumSet.of(Kind.UUID, Kind.STRING)),
          Map.entry("LOCALDATE", EnumSet.of(Kind.DATE, Kind.TIMESTAMP)),
          Map.entry("LOCALTIME", EnumSet.of(Kind.TIME)),
          Map.entry("LOCALDATETIME", EnumSet.of(Kind.TIMESTAMP)),
          Map.entry("OFFSETDATETIME", EnumSet.of(Kind.TIMESTAMP)),
          Map.entry("INSTANT", EnumSet.of(Kind.TIMESTAMP)));

  private static final Map<String, String> REQUIREMENTS =
      Map.ofEntries(
          Map.entry("VARCHAR", "a CHAR, VARCHAR, CLOB or TEXT column"),
          Map.entry("ENUM", "a CHAR, VARCHAR, CLOB or TEXT column, or an ENUM type"),
          Map.entry("BOOLEAN", "a BOOLEAN or BIT column, or an integer column holding 0 and 1"),
          Map.entry("SMALLINT", Constants.INTEGER_COLUMN),
          Map.entry("INTEGER", Constants.INTEGER_COLUMN),
          Map.entry("BIGINT", Constants.INTEGER_COLUMN),
          Map.entry("DECIMAL_INTEGER", Constants.INTEGER_COLUMN),
          Map.entry("REAL", Constants.FLOAT_COLUMN),
          Map.entry("DOUBLE", Constants.FLOAT_COLUMN),
          Map.entry("NUMERIC", "a DECIMAL or NUMERIC column, or another numeric column"),
          Map.entry("VARBINARY", "a BINARY, VARBINARY, BLOB or BYTEA column"),
          Map.entry("UUID", "a UUID column, or a CHAR or VARCHAR column of at least 36 characters"),
          Map.entry("LOCALDATE", "a DATE or TIMESTAMP column"),
          Map.entry("LOCALTIME", "a TIME column"),
          Map.entry("LOCALDATETIME", Constants.TIMESTAMP_COLUMN),
          Map.entry("OFFSETDATETIME", Constants.TIMESTAMP_COLUMN),
          Map.entry("INSTANT", Constants.TIMESTAMP_COLUMN));

  private static final class Constants {
    static final String INTEGER_COLUMN =
        "an integer column (SMALLINT, INTEGER, BIGINT, or DECIMAL/NUMERIC with a precision and no"
            + " fraction)";
    static final String FLOAT_COLUMN = "a REAL, FLOAT, DOUBLE PRECISION, DECIMAL or NUMERIC column";
    static final String TIMESTAMP_COLUMN = "a TIMESTAMP column (with or without time zone)";
  }

  /**
   * Whether a component can live in a column.
   *
   * @param sqlDataType the component's mapping: its {@code SQLDataType} constant (a converter's
   *     database type for a converted component), or {@code ENUM} for an enum
   * @param column the column's type
   * @param dialect the dialect, for the few rules that depend on the database
   * @return whether the generated code can read and write the column
   */
  static boolean compatible(String sqlDataType, ColumnType column, SQLDialect dialect) {
    if (column.kind() == Kind.UNKNOWN) {
      return true;
    }
    Set<Kind> kinds = KINDS.get(sqlDataType);
    if (kinds == null || !kinds.contains(column.kind())) {
      return false;
    }
    switch (sqlDataType) {
      case "VARCHAR":
        // PostgreSQL does not cast a VARCHAR parameter to json, jsonb or xml.
        return column.kind() != Kind.DOCUMENT
            || (dialect.family() != SQLDialect.POSTGRES
                && dialect.family() != SQLDialect.YUGABYTEDB);
      case "UUID":
        return column.kind() == Kind.UUID || column.length() == 0 || column.length() >= 36;
      default:
        return true;
    }
  }

  /**
   * The columns a component's type needs, as a message says it.
   *
   * @param sqlDataType as for {@link #compatible}
   * @return the text
   */
  static String requirement(String sqlDataType) {
    return REQUIREMENTS.getOrDefault(sqlDataType, "another column type");
  }
}
