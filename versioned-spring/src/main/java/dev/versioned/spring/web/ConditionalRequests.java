package dev.versioned.spring.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * HTTP conditional requests on versioned records: the version is a strong {@code ETag}, a write
 * carries it back in {@code If-Match}, and a write against any other version is refused.
 *
 * <p>A Spring MVC controller, with {@link ConditionalRequestsAdvice} answering the refusals
 * ({@code 412} with the current {@code ETag}, {@code 428}, {@code 404}, {@code 400}, as RFC 9457
 * problem bodies):
 *
 * <pre>{@code
 * @GetMapping("/accounts/{id}")
 * ResponseEntity<Account> get(@PathVariable long id) {
 *   return ConditionalRequests.found(accounts.findById(id), Account::lockVersion);
 * }
 *
 * @PutMapping("/accounts/{id}")
 * ResponseEntity<Account> put(@PathVariable long id, @RequestBody AccountBody body,
 *     @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
 *   Account current = ConditionalRequests.ifMatch(accounts.findById(id), Account::lockVersion, ifMatch);
 *   return ConditionalRequests.ok(accounts.update(body.applyTo(current)), Account::lockVersion);
 * }
 * }</pre>
 *
 * <p>{@link #ifMatch} compares the {@code If-Match} header with the current version before
 * anything is written, so a client whose copy is stale gets {@code 412} even when its body equals
 * what is stored; the version-checked {@code update} then refuses any write that came in between
 * (its {@code OptimisticLockingFailureException} is a {@code 412} too).
 */
public final class ConditionalRequests {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

  private ConditionalRequests() {}

  /**
   * The strong entity tag of a version: {@code "<version>"}. Timestamp versions are written in
   * ISO-8601 ({@code Instant} and {@code OffsetDateTime} in UTC, {@code LocalDateTime} without
   * zone), so every version has exactly one tag.
   *
   * @param version a record's version: a whole number or a timestamp
   * @return the quoted tag
   * @throws IllegalArgumentException if the version is null or of another type
   */
  public static String etag(Object version) {
    String text;
    if (version instanceof Long || version instanceof Integer || version instanceof Short) {
      text = version.toString();
    } else if (version instanceof Instant instant) {
      text = instant.toString();
    } else if (version instanceof OffsetDateTime offset) {
      text = offset.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
    } else if (version instanceof LocalDateTime local) {
      text = LOCAL.format(local);
    } else {
      throw new IllegalArgumentException(
          "version: expected a whole number or a timestamp, was "
              + (version == null ? "null" : version.getClass().getName()));
    }
    return '"' + text + '"';
  }

  /**
   * {@code 200 OK} with the record and its {@code ETag}.
   *
   * @param record the record
   * @param version its version
   * @param <R> the record type
   * @return the response
   */
  public static <R> ResponseEntity<R> ok(R record, Function<? super R, ?> version) {
    return ResponseEntity.ok().eTag(etag(version.apply(record))).body(record);
  }

  /**
   * {@code 200 OK} with the record and its {@code ETag}, or {@code 404 Not Found}.
   *
   * @param record the record, or empty
   * @param version its version
   * @param <R> the record type
   * @return the response
   * @throws ConditionalRequestException {@code 404} when there is no record
   */
  public static <R> ResponseEntity<R> found(Optional<R> record, Function<? super R, ?> version) {
    return ok(record.orElseThrow(ConditionalRequestException::notFound), version);
  }

  /**
   * {@code 201 Created} with the location, the record and its {@code ETag}.
   *
   * @param location where the record can be read
   * @param record the record as stored
   * @param version its version
   * @param <R> the record type
   * @return the response
   */
  public static <R> ResponseEntity<R> created(
      URI location, R record, Function<? super R, ?> version) {
    return ResponseEntity.created(location).eTag(etag(version.apply(record))).body(record);
  }

  /**
   * Checks a write's {@code If-Match} against the current record: the precondition of a {@code
   * PUT}, {@code PATCH} or {@code DELETE}.
   *
   * @param current the record as stored, or empty
   * @param version its version
   * @param ifMatch the request's {@code If-Match}, or null when it has none
   * @param <R> the record type
   * @return the current record, whose version is one the client named
   * @throws ConditionalRequestException {@code 404} without a record, {@code 428} without {@code
   *     If-Match}, {@code 400} for a malformed one, {@code 412} (with the current {@code ETag})
   *     when it names no current version
   */
  public static <R> R ifMatch(Optional<R> current, Function<? super R, ?> version, String ifMatch) {
    List<String> tags = requiredTags(ifMatch);
    R record = current.orElseThrow(ConditionalRequestException::notFound);
    String etag = etag(version.apply(record));
    if (!tags.contains("*") && !tags.contains(etag)) {
      throw ConditionalRequestException.preconditionFailed(etag);
    }
    return record;
  }

  /**
   * The version a write's {@code If-Match} names, for a compare-and-increment without reading
   * first (a stale version then fails as {@code OptimisticLockingFailureException}, a {@code 412};
   * a missing row as {@code 404}).
   *
   * @param ifMatch the request's {@code If-Match}, or null when it has none
   * @return the version
   * @throws ConditionalRequestException {@code 428} without {@code If-Match}, {@code 400} unless
   *     it is exactly one strong tag of a whole number
   */
  public static long expectedVersion(String ifMatch) {
    List<String> tags = requiredTags(ifMatch);
    if (tags.size() != 1) {
      throw ConditionalRequestException.malformed(HttpHeaders.IF_MATCH, ifMatch);
    }
    String tag = tags.get(0);
    try {
      return Long.parseLong(tag.substring(1, tag.length() - 1));
    } catch (RuntimeException e) {
      throw ConditionalRequestException.malformed(HttpHeaders.IF_MATCH, ifMatch);
    }
  }

  /**
   * Checks a create's {@code If-None-Match: *}: the record must not exist yet.
   *
   * @param existing the record with the new key, or empty
   * @param version its version
   * @param ifNoneMatch the request's {@code If-None-Match}, or null when it has none
   * @param <R> the record type
   * @throws ConditionalRequestException {@code 428} without {@code If-None-Match}, {@code 400}
   *     unless it is {@code *}, {@code 412} (with the existing {@code ETag}) when the record exists
   */
  public static <R> void ifNoneMatch(
      Optional<R> existing, Function<? super R, ?> version, String ifNoneMatch) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      throw ConditionalRequestException.preconditionRequired(HttpHeaders.IF_NONE_MATCH);
    }
    if (!ifNoneMatch.trim().equals("*")) {
      throw ConditionalRequestException.malformed(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
    }
    if (existing.isPresent()) {
      throw ConditionalRequestException.preconditionFailed(etag(version.apply(existing.get())));
    }
  }

  /** The entity tags of a required {@code If-Match}: {@code *}, or strong and weak tags. */
  private static List<String> requiredTags(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw ConditionalRequestException.preconditionRequired(HttpHeaders.IF_MATCH);
    }
    List<String> tags = parse(ifMatch);
    if (tags == null) {
      throw ConditionalRequestException.malformed(HttpHeaders.IF_MATCH, ifMatch);
    }
    return tags;
  }

  /**
   * The tags of an {@code If-Match} value (RFC 9110: {@code "*"} or a comma-separated list of
   * entity tags, {@code W/} before a weak one), or null when it is malformed. Weak tags are
   * dropped: {@code If-Match} compares strongly, so they never match.
   */
  static List<String> parse(String value) {
    Objects.requireNonNull(value, "value");
    String trimmed = value.trim();
    List<String> tags = new ArrayList<>();
    if (trimmed.equals("*")) {
      tags.add("*");
      return tags;
    }
    int i = 0;
    int n = trimmed.length();
    while (true) {
      while (i < n && (trimmed.charAt(i) == ' ' || trimmed.charAt(i) == '\t')) {
        i++;
      }
      boolean weak = trimmed.startsWith("W/", i);
      if (weak) {
        i += 2;
      }
      if (i >= n || trimmed.charAt(i) != '"') {
        return null;
      }
      int end = i + 1;
      while (end < n && trimmed.charAt(end) != '"') {
        char c = trimmed.charAt(end);
        if (c < 0x21 || c == 0x7f) {
          return null; // etagc excludes controls and spaces
        }
        end++;
      }
      if (end >= n) {
        return null;
      }
      if (!weak) {
        tags.add(trimmed.substring(i, end + 1));
      }
      i = end + 1;
      while (i < n && (trimmed.charAt(i) == ' ' || trimmed.charAt(i) == '\t')) {
        i++;
      }
      if (i == n) {
        return tags;
      }
      if (trimmed.charAt(i) != ',') {
        return null;
      }
      i++;
    }
  }
}
