package dev.versioned.spring.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A conditional request refused: its status, an RFC 9457 problem body and, for {@code 412}, the
 * current {@code ETag}. {@link ConditionalRequestsAdvice} answers with them.
 */
public class ConditionalRequestException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  private ConditionalRequestException(HttpStatus status, String detail, String etag) {
    super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    if (etag != null) {
      getHeaders().setETag(etag);
    }
  }

  /**
   * {@code 412 Precondition Failed}: the client's version is not the current one.
   *
   * @param currentEtag the current version's entity tag, or null when unknown
   * @return the exception
   */
  public static ConditionalRequestException preconditionFailed(String currentEtag) {
    return new ConditionalRequestException(
        HttpStatus.PRECONDITION_FAILED,
        currentEtag != null
            ? "The resource has changed: its current version is " + currentEtag + "."
            : "The resource has changed.",
        currentEtag);
  }

  /**
   * {@code 428 Precondition Required}: a write without the {@code If-Match} it needs.
   *
   * @param header the missing header
   * @return the exception
   */
  public static ConditionalRequestException preconditionRequired(String header) {
    return new ConditionalRequestException(
        HttpStatus.PRECONDITION_REQUIRED,
        "This request must be conditional: send " + header + " with the ETag you read.",
        null);
  }

  /**
   * {@code 400 Bad Request}: a malformed conditional header.
   *
   * @param header the header
   * @param value its value
   * @return the exception
   */
  public static ConditionalRequestException malformed(String header, String value) {
    return new ConditionalRequestException(
        HttpStatus.BAD_REQUEST,
        header + " is malformed: " + value + " is not a list of quoted entity tags.",
        null);
  }

  /**
   * {@code 404 Not Found}.
   *
   * @return the exception
   */
  public static ConditionalRequestException notFound() {
    return new ConditionalRequestException(HttpStatus.NOT_FOUND, "No such resource.", null);
  }
}
