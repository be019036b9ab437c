package dev.versioned;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@code modify} retries after a conflict (a stale row, or SQLSTATE {@code 40001} / {@code
 * 40P01}): up to {@code maxAttempts} attempts in all, sleeping between them for a random time up to
 * {@code initialBackoff * 2^(attempt - 1)}, capped at {@code maxBackoff} ("full jitter").
 *
 * @param maxAttempts attempts in all, at least 1 (1 means no retry)
 * @param initialBackoff the cap of the first sleep, not negative
 * @param maxBackoff the cap of every sleep, not negative
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

  /** Five attempts, backing off from 2 ms up to 200 ms. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofMillis(2), Duration.ofMillis(200));

  /** One attempt: a conflict is thrown at once. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

  /**
   * Validates the policy.
   *
   * @throws IllegalArgumentException when {@code maxAttempts < 1} or a duration is negative
   * @throws NullPointerException when a duration is null
   */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (initialBackoff.isNegative()) {
      throw new IllegalArgumentException("initialBackoff must not be negative, was " + initialBackoff);
    }
    if (maxBackoff.isNegative()) {
      throw new IllegalArgumentException("maxBackoff must not be negative, was " + maxBackoff);
    }
  }

  /**
   * The cap of the sleep after the given failed attempt: {@code initialBackoff * 2^(attempt - 1)},
   * at most {@code maxBackoff}.
   *
   * @param attempt the attempt that just failed, from 1
   * @return the longest sleep before the next attempt
   */
  public Duration backoffCap(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
    }
    long initialNanos = initialBackoff.toNanos();
    long maxNanos = maxBackoff.toNanos();
    int shift = Math.min(attempt - 1, 62);
    long nanos = initialNanos > (maxNanos >> shift) ? maxNanos : initialNanos << shift;
    return Duration.ofNanos(Math.min(nanos, maxNanos));
  }
}
