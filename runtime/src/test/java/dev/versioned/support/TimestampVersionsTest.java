package dev.versioned.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.versioned.StaleRecordException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The values of timestamp versions, without a database. */
class TimestampVersionsTest {
  private static final Instant FUTURE = Instant.parse("2999-01-01T00:00:00.123456789Z");

  @Test
  void aNullVersionBecomesTheCurrentTimeTruncatedToThePrecision() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Instant next = TimestampVersions.next((Instant) null, ChronoUnit.MILLIS);
    assertTrue(!next.isBefore(before) && !next.isAfter(Instant.now()), next.toString());
    assertEquals(next, next.truncatedTo(ChronoUnit.MILLIS));
  }

  @Test
  void aVersionNotBeforeNowAdvancesByOneUnitOfThePrecisionFromItsTruncation() {
    assertEquals(Instant.parse("2999-01-01T00:00:00.123457Z"),
        TimestampVersions.next(FUTURE, ChronoUnit.MICROS));
    assertEquals(Instant.parse("2999-01-01T00:00:01Z"),
        TimestampVersions.next(FUTURE, ChronoUnit.SECONDS));
    assertEquals(FUTURE.plusNanos(1), TimestampVersions.next(FUTURE, ChronoUnit.NANOS));
    Instant past = Instant.parse("2001-01-01T00:00:00Z");
    Instant next = TimestampVersions.next(past, ChronoUnit.MICROS);
    assertTrue(Duration.between(next, Instant.now()).abs().toMinutes() < 1, "now: " + next);
  }

  @Test
  void everyNextVersionIsStrictlyLater() {
    Instant v = null;
    for (int i = 0; i < 100_000; i++) {
      Instant next = TimestampVersions.next(v, ChronoUnit.MICROS);
      assertTrue(v == null || next.isAfter(v), next + " after " + v);
      v = next;
    }
  }

  @Test
  void localDateTimesAreUtcAndOffsetDateTimesMoveToZ() {
    LocalDateTime local = TimestampVersions.next((LocalDateTime) null, ChronoUnit.MICROS);
    assertTrue(Duration.between(local, LocalDateTime.now(ZoneOffset.UTC)).abs().toMinutes() < 1);
    OffsetDateTime elsewhere = OffsetDateTime.parse("2999-01-01T02:00:00.5+02:00");
    assertEquals(OffsetDateTime.parse("2999-01-01T00:00:00.501Z"),
        TimestampVersions.next(elsewhere, ChronoUnit.MILLIS));
    assertEquals(OffsetDateTime.parse("2999-01-01T00:00:00.5Z"),
        TimestampVersions.inserted(elsewhere, ChronoUnit.MILLIS));
    assertEquals(Instant.parse("2999-01-01T00:00:00.123Z"),
        TimestampVersions.inserted(FUTURE, ChronoUnit.MILLIS));
  }

  @Test
  void anUnsupportedPrecisionIsRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TimestampVersions.next(FUTURE, ChronoUnit.DAYS));
    assertEquals("precision DAYS is not one of SECONDS, MILLIS, MICROS, NANOS", e.getMessage());
  }

  @Test
  void versionsCountAsUnitsOfTheirPrecisionSinceTheEpoch() {
    Instant v = Instant.parse("1970-01-01T00:00:01.002003004Z");
    assertEquals(OptionalLong.of(1), TimestampVersions.epochUnits(v, ChronoUnit.SECONDS));
    assertEquals(OptionalLong.of(1_002), TimestampVersions.epochUnits(v, ChronoUnit.MILLIS));
    assertEquals(OptionalLong.of(1_002_003), TimestampVersions.epochUnits(v, ChronoUnit.MICROS));
    assertEquals(OptionalLong.of(1_002_003_004L),
        TimestampVersions.epochUnits(v, ChronoUnit.NANOS));
    assertEquals(OptionalLong.of(-1), TimestampVersions.epochUnits(
        LocalDateTime.parse("1969-12-31T23:59:59.999999"), ChronoUnit.MICROS));
    assertEquals(OptionalLong.empty(), TimestampVersions.epochUnits(FUTURE, ChronoUnit.NANOS));
    assertEquals(OptionalLong.empty(), TimestampVersions.epochUnits(null, ChronoUnit.NANOS));
  }

  @Test
  void theStaleMessageNamesTimestampVersionsAsIsoText() {
    StaleRecordException e =
        new StaleRecordException(
            "record", "stamp", List.of("id"), List.of(7), StaleRecordException.Operation.UPDATE,
            "updated_at", OptionalLong.of(1), "1970-01-01T00:00:00.000001Z", OptionalLong.of(2),
            "1970-01-01T00:00:00.000002Z", false, -1, null, null);
    assertEquals("stale stamp id=7: expected updated_at 1970-01-01T00:00:00.000001Z, database has"
        + " 1970-01-01T00:00:00.000002Z", e.getMessage());
    assertEquals(OptionalLong.of(1), e.expectedVersion());
    assertEquals(OptionalLong.of(2), e.actualVersion());
    assertEquals("stale stamp id=7 (batch index 3): expected updated_at"
        + " 1970-01-01T00:00:00.000001Z, database has 1970-01-01T00:00:00.000002Z",
        e.withBatchIndex(3).getMessage(), "a copy keeps the texts");
  }
}
