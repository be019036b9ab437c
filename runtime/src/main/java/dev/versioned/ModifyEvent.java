package dev.versioned;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One call of {@code modify}, told to {@link ConflictListener#onModify} when it returns or throws.
 *
 * @param table the table, as in messages
 * @param key the key values of the row, in key order
 * @param attempts the attempts run, from 1
 * @param conflicts how many of them met a conflict
 * @param lockingReads how many of them read the row with a locking read, escalated by {@link
 *     RetryPolicy#lockAfter()} or needed by the enclosing transaction
 * @param elapsed the time from the call to its return or throw, backoff sleeps included
 * @param outcome how it ended
 * @param failure the exception thrown, or null when {@code outcome} is {@link Outcome#SUCCEEDED}
 */
public record ModifyEvent(
    String table,
    List<Object> key,
    int attempts,
    int conflicts,
    int lockingReads,
    Duration elapsed,
    ModifyEvent.Outcome outcome,
    RuntimeException failure) {

  /** How a call of {@code modify} ended. */
  public enum Outcome {
    /** It returned: the change was written, or there was nothing to write. */
    SUCCEEDED,
    /** Every attempt met a conflict: it gave up and threw the last. */
    GAVE_UP,
    /**
     * It met a conflict that no retry inside the enclosing transaction could mend, and threw it at
     * once: the enclosing transaction must be retried as a whole.
     */
    NOT_RETRIED,
    /** It threw an exception that is not a conflict (a missing row, a refused change, ...). */
    FAILED;

    /**
     * The outcome's name for metrics and logs: {@code succeeded}, {@code gave_up}, {@code
     * not_retried}, {@code failed}.
     *
     * @return the lower-case name
     */
    public String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Checks the event.
   *
   * @throws NullPointerException if a component but {@code failure} is null, or {@code failure}
   *     is null for an outcome other than {@link Outcome#SUCCEEDED}
   */
  public ModifyEvent {
    Objects.requireNonNull(table, "table");
    key = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(key, "key")));
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(outcome, "outcome");
    if (outcome != Outcome.SUCCEEDED) {
      Objects.requireNonNull(failure, "failure");
    }
  }
}
