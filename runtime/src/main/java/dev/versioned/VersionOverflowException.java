package dev.versioned;

import org.jooq.exception.DataAccessException;

/**
 * The record's version is already the largest value of its Java type, so one more write would
 * overflow it. Thrown before any SQL is sent. Widen the version component (to {@code long}) and its
 * column.
 */
public class VersionOverflowException extends DataAccessException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what overflowed, and where
   */
  public VersionOverflowException(String message) {
    super(message);
  }
}
