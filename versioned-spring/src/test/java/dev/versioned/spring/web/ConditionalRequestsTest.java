package dev.versioned.spring.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Entity tags of versions and the parsing of {@code If-Match}. */
class ConditionalRequestsTest {
  @Test
  void versionsAreStrongTagsWithOneTextEach() {
    assertEquals("\"7\"", ConditionalRequests.etag(7L));
    assertEquals("\"7\"", ConditionalRequests.etag(7));
    assertEquals("\"7\"", ConditionalRequests.etag((short) 7));
    Instant instant = Instant.parse("2026-01-02T03:04:05.123456Z");
    assertEquals("\"2026-01-02T03:04:05.123456Z\"", ConditionalRequests.etag(instant));
    assertEquals(
        "\"2026-01-02T03:04:05.123456Z\"",
        ConditionalRequests.etag(instant.atOffset(ZoneOffset.ofHours(2))));
    assertEquals(
        "\"2026-01-02T03:04:05\"", ConditionalRequests.etag(LocalDateTime.of(2026, 1, 2, 3, 4, 5)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ConditionalRequests.etag("7"));
    assertEquals("version: expected a whole number or a timestamp, was java.lang.String", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ConditionalRequests.etag(null));
  }

  @Test
  void ifMatchListsAreParsedAndWeakTagsNeverMatch() {
    assertEquals(List.of("*"), ConditionalRequests.parse(" * "));
    assertEquals(List.of("\"1\"", "\"2\""), ConditionalRequests.parse("\"1\", \"2\""));
    assertEquals(List.of("\"2\""), ConditionalRequests.parse("W/\"1\",\"2\""));
    assertNull(ConditionalRequests.parse("1"));
    assertNull(ConditionalRequests.parse("\"1"));
    assertNull(ConditionalRequests.parse("\"1\" \"2\""));
    assertNull(ConditionalRequests.parse("\"1\","));
  }

  @Test
  void expectedVersionNeedsOneStrongWholeNumberTag() {
    assertEquals(42L, ConditionalRequests.expectedVersion("\"42\""));
    assertEquals(status(() -> ConditionalRequests.expectedVersion(null)), HttpStatus.PRECONDITION_REQUIRED);
    assertEquals(status(() -> ConditionalRequests.expectedVersion("\"x\"")), HttpStatus.BAD_REQUEST);
    assertEquals(status(() -> ConditionalRequests.expectedVersion("\"1\", \"2\"")), HttpStatus.BAD_REQUEST);
    assertEquals(status(() -> ConditionalRequests.expectedVersion("*")), HttpStatus.BAD_REQUEST);
  }

  @Test
  void ifMatchChecksTheCurrentVersion() {
    Optional<Long> current = Optional.of(3L);
    assertEquals(3L, ConditionalRequests.ifMatch(current, v -> v, "\"2\", \"3\""));
    assertEquals(3L, ConditionalRequests.ifMatch(current, v -> v, "*"));
    ConditionalRequestException stale =
        assertThrows(
            ConditionalRequestException.class,
            () -> ConditionalRequests.ifMatch(current, v -> v, "W/\"3\""));
    assertEquals(HttpStatus.PRECONDITION_FAILED, stale.getStatusCode());
    assertEquals("\"3\"", stale.getHeaders().getETag());
    assertEquals(
        HttpStatus.NOT_FOUND,
        status(() -> ConditionalRequests.ifMatch(Optional.<Long>empty(), v -> v, "\"3\"")));
  }

  private static Object status(Runnable call) {
    return assertThrows(ConditionalRequestException.class, call::run).getStatusCode();
  }
}
