package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * What each database keeps of a timestamp: a value with nine fractional digits written to a column
 * declared without digits ({@code TIMESTAMP}, MariaDB {@code DATETIME}) and to one declared at the
 * database's finest, then read back. The figures are the table of {@code
 * docs/timestamp-versions.md}; each run prints them, prefixed {@code PRECISION}. The probe table
 * is declared here, in each database's own words, since its declaration is what is measured.
 */
class TimestampPrecisionTest {
  private static final LocalDateTime WRITTEN = LocalDateTime.parse("2024-02-29T12:30:15.123456789");
  private static final Instant INSTANT = Instant.parse("2024-02-29T12:30:15.123456789Z");

  /**
   * Per database, the time of day read back: a {@code LocalDateTime} from the column declared
   * without digits, from the finest one, and an {@code Instant} from the test schema's column.
   * H2 and PostgreSQL round to the digits kept, HSQLDB and MariaDB truncate; the SQLite driver
   * writes a {@code LocalDateTime} with milliseconds, while jOOQ writes an {@code Instant} as text
   * itself (as on MariaDB and Derby, whose test schemas keep it in a VARCHAR column).
   */
  private static final Map<String, String[]> EXPECTED =
      Map.of(
          "h2", new String[] {"12:30:15.123457", "12:30:15.123456789", "12:30:15.123457"},
          "hsqldb", new String[] {"12:30:15.123456", "12:30:15.123456789", "12:30:15.123456"},
          "sqlite", new String[] {"12:30:15.123", "12:30:15.123", "12:30:15.123456789"},
          "derby", new String[] {"12:30:15.123456789", "12:30:15.123456789", "12:30:15.123456789"},
          "postgres", new String[] {"12:30:15.123457", "12:30:15.123457", "12:30:15.123457"},
          "mariadb", new String[] {"12:30:15", "12:30:15.123456", "12:30:15.123456789"});

  /** Per database, the types of the probe's two columns: without digits, and at the finest. */
  private static final Map<String, String[]> PROBE_TYPES =
      Map.of(
          "h2", new String[] {"TIMESTAMP", "TIMESTAMP(9)"},
          "hsqldb", new String[] {"TIMESTAMP", "TIMESTAMP(9)"},
          "sqlite", new String[] {"TEXT", "TEXT"},
          "derby", new String[] {"TIMESTAMP", "TIMESTAMP"},
          "postgres", new String[] {"TIMESTAMP", "TIMESTAMP(6)"},
          "mariadb", new String[] {"DATETIME", "DATETIME(6)"});

  @DatabaseTest
  void aTimestampWithNineFractionalDigitsReadsBackAsTheDatabaseKeepsIt(Db db) {
    String[] types = PROBE_TYPES.get(db.database.label);
    String probe = db.dsl.render(DSL.name("timestamp_probe"));
    db.dsl.execute(
        "CREATE TABLE " + probe + " (" + db.dsl.render(DSL.name("id")) + " BIGINT PRIMARY KEY, "
            + db.dsl.render(DSL.name("plain")) + " " + types[0] + ", "
            + db.dsl.render(DSL.name("fine")) + " " + types[1] + ")");
    try {
      measure(db);
    } finally {
      db.dsl.execute("DROP TABLE " + probe);
    }
  }

  private static void measure(Db db) {
    Field<LocalDateTime> plain = DSL.field(DSL.name("plain"), SQLDataType.LOCALDATETIME);
    Field<LocalDateTime> fine = DSL.field(DSL.name("fine"), SQLDataType.LOCALDATETIME);
    db.dsl.insertInto(DSL.table(DSL.name("timestamp_probe")))
        .set(DSL.field(DSL.name("id"), SQLDataType.BIGINT), 1L)
        .set(plain, WRITTEN)
        .set(fine, WRITTEN)
        .execute();
    Record2<LocalDateTime, LocalDateTime> read =
        db.dsl.select(plain, fine).from(DSL.table(DSL.name("timestamp_probe"))).fetchSingle();
    // An Instant, in the column the test schema declares for one (TIMESTAMP WITH TIME ZONE, or
    // text where jOOQ binds it as text).
    db.dsl.insertInto(StampRepository.TABLE)
        .set(StampRepository.ID, 1L)
        .set(StampRepository.HITS, 0)
        .set(StampRepository.UPDATED_AT, INSTANT)
        .execute();
    Instant instant =
        db.dsl.select(StampRepository.UPDATED_AT)
            .from(StampRepository.TABLE)
            .fetchSingle()
            .value1();
    System.out.println("PRECISION " + db.database.label + ": wrote " + WRITTEN + ", default "
        + read.value1() + ", finest " + read.value2() + "; Instant " + INSTANT + " read "
        + instant);
    String[] expected = EXPECTED.get(db.database.label);
    assertEquals(expected[0], time(read.value1()), "as declared by default");
    assertEquals(expected[1], time(read.value2()), "at the finest declaration");
    assertEquals(expected[2], time(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)), "Instant");
  }

  private static String time(LocalDateTime value) {
    return value.toLocalTime().toString();
  }
}
