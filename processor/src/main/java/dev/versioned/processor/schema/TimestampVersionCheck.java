package dev.versioned.processor.schema;

import dev.versioned.processor.Message;
import dev.versioned.processor.reader.TimestampVersion;
import dev.versioned.processor.vo.ComponentModel;
import org.jooq.SQLDialect;

/**
 * The schema check of a timestamp version: the column must hold timestamps, and keep at least as
 * many fractional digits of seconds as the version's precision needs. A column that keeps fewer
 * stores another value than the version the repository returns (so every write of a returned
 * record is refused as stale), and two versions within one of its ticks become one.
 *
 * <p>What a column keeps, per database (measured by the integration suite's {@code
 * TimestampPrecisionTest}):
 *
 * <table>
 *   <caption>fractional digits of seconds a timestamp column keeps</caption>
 *   <tr><th>database</th><th>declared without digits</th><th>at most</th></tr>
 *   <tr><td>PostgreSQL</td><td>6</td><td>6</td></tr>
 *   <tr><td>H2</td><td>6</td><td>9</td></tr>
 *   <tr><td>HSQLDB</td><td>6</td><td>9</td></tr>
 *   <tr><td>Derby</td><td>9</td><td>9</td></tr>
 *   <tr><td>MySQL, MariaDB ({@code DATETIME}, {@code TIMESTAMP})</td><td>0</td><td>6</td></tr>
 *   <tr><td>SQLite (text; a {@code LocalDateTime} as the driver writes it)</td><td>9 (3)</td>
 *       <td>9 (3)</td></tr>
 *   <tr><td>another, or no {@code -Aversioned.dialect} (the SQL standard)</td><td>6</td>
 *       <td>9</td></tr>
 * </table>
 *
 * <p>Where jOOQ binds {@code Instant} and {@code OffsetDateTime} as text (MySQL, MariaDB, Derby,
 * SQLite), a character column holds them with every digit; on SQLite every timestamp is text.
 */
final class TimestampVersionCheck {
  private TimestampVersionCheck() {}

  /**
   * A finding: the message and its arguments.
   *
   * @param message the catalog entry
   * @param args its arguments
   */
  record Finding(Message message, Object[] args) {}

  /**
   * Checks the column of a timestamp version.
   *
   * @param record the record's simple name
   * @param c the version component
   * @param where the column as messages name it, {@code table.column}
   * @param type the column's type
   * @param history the migration that last changed the column
   * @param dialect the dialect of {@code -Aversioned.dialect}
   * @return the finding, or null when the column fits
   */
  static Finding check(
      String record,
      ComponentModel c,
      String where,
      ColumnType type,
      String history,
      SQLDialect dialect) {
    if (type.kind() == ColumnType.Kind.UNKNOWN) {
      return null;
    }
    String precision = TimestampVersion.precision(c);
    int needed = TimestampVersion.digits(precision);
    int kept;
    String note = "";
    boolean local = c.typeText().equals("java.time.LocalDateTime");
    if (dialect.family() == SQLDialect.SQLITE && local) {
      // The SQLite driver writes a LocalDateTime as text of milliseconds, whatever the column.
      kept = 3;
      note = " (the SQLite driver writes a LocalDateTime as text with milliseconds)";
    } else if (type.kind() == ColumnType.Kind.STRING && holdsText(c, dialect)) {
      return null; // the text jOOQ writes has every digit
    } else if (type.kind() != ColumnType.Kind.TIMESTAMP) {
      return new Finding(
          Message.SCHEMA_VERSION_NOT_TIMESTAMP,
          new Object[] {
            record,
            c.name(),
            where,
            type.display(),
            history,
            declaration(dialect, Math.max(needed, 6)) + (holdsTextAnywhere(c, dialect)
                ? " or VARCHAR (jOOQ binds " + simple(c) + " as text on this database)"
                : "")
          });
    } else if (type.fraction() == ColumnType.UNDECLARED) {
      kept = defaultDigits(dialect);
      note =
          dialect.family() == SQLDialect.MYSQL || dialect.family() == SQLDialect.MARIADB
              ? " (a DATETIME or TIMESTAMP column declared without digits on " + name(dialect)
                  + ")"
              : " (the default of a " + type.display() + " column on " + name(dialect) + ")";
    } else {
      kept = Math.min(type.fraction(), maxDigits(dialect));
      if (kept < type.fraction()) {
        note = " (" + name(dialect) + " keeps at most " + maxDigits(dialect) + ")";
      }
    }
    if (kept >= needed) {
      return null;
    }
    String lower = TimestampVersion.PRECISIONS.get(kept / 3);
    String fix =
        dialect.family() == SQLDialect.SQLITE && local
            ? "lower the precision to MILLIS, or make the version an Instant or OffsetDateTime,"
                + " which jOOQ writes as text with every digit"
            : needed <= maxDigits(dialect)
            ? "declare the column " + declaration(dialect, needed) + ", or lower the precision to "
                + lower
            : name(dialect) + " keeps at most " + maxDigits(dialect) + " digits: lower the"
                + " precision to " + TimestampVersion.PRECISIONS.get(maxDigits(dialect) / 3)
                + (kept / 3 < maxDigits(dialect) / 3
                    ? " and declare the column " + declaration(dialect, maxDigits(dialect))
                    : "");
    return new Finding(
        Message.SCHEMA_VERSION_PRECISION,
        new Object[] {
          record,
          c.name(),
          precision,
          needed,
          where,
          type.display(),
          history,
          kept,
          note,
          tick(kept),
          fix
        });
  }

  /** Whether jOOQ binds the component's type as text on the dialect, so text columns hold it. */
  private static boolean holdsText(ComponentModel c, SQLDialect dialect) {
    return dialect.family() == SQLDialect.SQLITE || holdsTextAnywhere(c, dialect);
  }

  private static boolean holdsTextAnywhere(ComponentModel c, SQLDialect dialect) {
    boolean zoned = !c.typeText().equals("java.time.LocalDateTime");
    switch (dialect.family()) {
      case MYSQL:
      case MARIADB:
      case DERBY:
      case SQLITE:
        return zoned;
      default:
        return false;
    }
  }

  private static String simple(ComponentModel c) {
    return c.typeText().substring(c.typeText().lastIndexOf('.') + 1);
  }

  /** The fractional digits a timestamp column declared without digits keeps. */
  static int defaultDigits(SQLDialect dialect) {
    switch (dialect.family()) {
      case MYSQL:
      case MARIADB:
        return 0;
      case DERBY:
      case SQLITE:
        return 9;
      default:
        return 6; // PostgreSQL, H2, HSQLDB, and the SQL standard
    }
  }

  /** The most fractional digits a timestamp column keeps, whatever it declares. */
  static int maxDigits(SQLDialect dialect) {
    switch (dialect.family()) {
      case MYSQL:
      case MARIADB:
      case POSTGRES:
      case YUGABYTEDB:
        return 6;
      default:
        return 9;
    }
  }

  private static String declaration(SQLDialect dialect, int digits) {
    switch (dialect.family()) {
      case MYSQL:
      case MARIADB:
        return "DATETIME(" + digits + ")";
      case DERBY:
        return "TIMESTAMP";
      default:
        return "TIMESTAMP(" + digits + ")";
    }
  }

  private static String name(SQLDialect dialect) {
    return dialect == SQLDialect.DEFAULT ? "the SQL standard" : dialect.getName();
  }

  /** The finest whole unit a column of that many digits keeps. */
  private static String tick(int digits) {
    return digits < 3 ? "second" : digits < 6 ? "millisecond" : "microsecond";
  }
}
