package dev.versioned;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@code modify} retries after a conflict (a stale row, or SQLSTATE {@code 40001} / {@code
 * 40P01}): up to {@code maxAttempts} attempts in all, sleeping between them for a random time up to
 * {@code initialBackoff * 2^(attempt - 1)}, capped at {@code maxBackoff} ("full jitter").
 *
 * <p>{@code lockAfter} makes {@code modify} adaptive on hot rows: after that many conflicting
 * attempts, every further attempt reads the row with a locking read ({@code SELECT ... FOR
 * UPDATE}), so the write that follows cannot conflict. 0 means never: pure optimistic locking, the
 * default, and the right choice when conflicts are rare.
 *
 * @param maxAttempts attempts in all, at least 1 (1 means no retry)
 * @param initialBackoff the cap of the first sleep, not negative
 * @param maxBackoff the cap of every sleep, not negative
 * @param lockAfter conflicting attempts after which {@code modify} reads with a row lock; 0 never,
 *     not negative
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, int lockAfter) {

  /** Five attempts, backing off from 2 ms up to 200 ms, never locking. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofMillis(2), Duration.ofMillis(200));

  /** One attempt: a conflict is thrown at once. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

  /**
   * Validates the policy.
   *
   * @throws IllegalArgumentException when {@code maxAttempts < 1}, a duration is negative or
   *     {@code lockAfter} is negative
   * @throws NullPointerException when a duration is null
   */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (lockAfter < 0) {
      throw new IllegalArgumentException("lockAfter must not be negative, was " + lockAfter);
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
   * A policy that never locks: pure optimistic retries.
   *
   * @param maxAttempts attempts in all, at least 1 (1 means no retry)
   * @param initialBackoff the cap of the first sleep, not negative
   * @param maxBackoff the cap of every sleep, not negative
   * @throws IllegalArgumentException when {@code maxAttempts < 1} or a duration is negative
   * @throws NullPointerException when a duration is null
   */
  public RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    this(maxAttempts, initialBackoff, maxBackoff, 0);
  }

  /**
   * A copy of this policy with another {@code lockAfter}.
   *
   * @param lockAfter conflicting attempts after which {@code modify} reads with a row lock; 0
   *     never
   * @return the copy
   * @throws IllegalArgumentException when {@code lockAfter} is negative
   */
  public RetryPolicy withLockAfter(int lockAfter) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, lockAfter);
  }

  /**
   * Whether the given attempt of {@code modify} reads the row with a row lock: true once {@code
   * lockAfter} is not 0 and more than {@code lockAfter} attempts came before it. Every attempt
   * before it has conflicted, or it would not be run.
   *
   * @param attempt the attempt about to run, from 1
   * @return true when it reads with {@code SELECT ... FOR UPDATE}
   */
  public boolean locksOn(int attempt) {
    return lockAfter > 0 && attempt > lockAfter;
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
