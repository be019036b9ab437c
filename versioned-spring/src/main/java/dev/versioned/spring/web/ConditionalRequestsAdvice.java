package dev.versioned.spring.web;

import dev.versioned.StaleRecordException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * Answers refused conditional requests with an RFC 9457 problem body ({@code
 * application/problem+json}):
 *
 * <ul>
 *   <li>a {@link ConditionalRequestException} with its status and headers;
 *   <li>an {@link OptimisticLockingFailureException} caused by a {@link StaleRecordException}:
 *       {@code 404} when the row no longer exists; otherwise {@code 412} (or {@code 409 Conflict}
 *       for a request without {@code If-Match}) with the current {@code ETag} when the database
 *       told it;
 *   <li>a {@link DuplicateKeyException} of a request with {@code If-None-Match}: {@code 412}.
 * </ul>
 *
 * <p>It has the lowest precedence: an application's own advice and a controller's own {@code
 * ExceptionHandler} come first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ConditionalRequestsAdvice {
  /** Created by Spring Boot's auto-configuration, or by the application. */
  public ConditionalRequestsAdvice() {}

  /**
   * A refused conditional request.
   *
   * @param e the refusal
   * @return its status, headers and problem body
   */
  @ExceptionHandler(ConditionalRequestException.class)
  public ResponseEntity<ProblemDetail> refused(ConditionalRequestException e) {
    return ResponseEntity.status(e.getStatusCode())
        .headers(e.getHeaders())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(e.getBody());
  }

  /**
   * A write based on a stale version.
   *
   * @param e the failure
   * @param request the request
   * @return {@code 412}, {@code 409} or {@code 404}
   */
  @ExceptionHandler(OptimisticLockingFailureException.class)
  public ResponseEntity<ProblemDetail> stale(
      OptimisticLockingFailureException e, WebRequest request) {
    StaleRecordException stale = staleCause(e);
    if (stale != null && stale.rowDeleted()) {
      return refused(ConditionalRequestException.notFound());
    }
    String etag =
        stale != null && stale.actualVersion().isPresent()
            ? ConditionalRequests.etag(stale.actualVersion().getAsLong())
            : null;
    if (request.getHeader(HttpHeaders.IF_MATCH) != null) {
      return refused(ConditionalRequestException.preconditionFailed(etag));
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT, "The resource was changed by another request; read it again.");
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (etag != null) {
      response.eTag(etag);
    }
    return response.body(problem);
  }

  /**
   * A create that found the key taken.
   *
   * @param e the failure
   * @param request the request
   * @return {@code 412} for a request with {@code If-None-Match}, else {@code 409}
   */
  @ExceptionHandler(DuplicateKeyException.class)
  public ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e, WebRequest request) {
    if (request.getHeader(HttpHeaders.IF_NONE_MATCH) != null) {
      return refused(ConditionalRequestException.preconditionFailed(null));
    }
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The resource exists."));
  }

  private static StaleRecordException staleCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StaleRecordException stale) {
        return stale;
      }
    }
    return null;
  }
}
