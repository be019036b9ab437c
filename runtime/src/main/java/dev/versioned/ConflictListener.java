package dev.versioned;

import dev.versioned.support.Conflicts;
import java.time.Duration;
import java.util.Objects;
import org.jooq.Configuration;

/**
 * Told of the conflicts the repositories of a jOOQ {@link Configuration} meet: each conflict, each
 * retry and each give-up of {@code modify}, and each call of {@code modify} as it ends. Register one
 * with {@link #register}; it is kept in the configuration's {@link Configuration#data() data}, so
 * it travels with every {@link org.jooq.DSLContext} built from the configuration, and with the
 * configurations jOOQ derives from it for transactions, like jOOQ's own listeners.
 *
 * <p>Every method has an empty default: implement those you need. Methods are called on the thread
 * of the repository call, synchronously, and must be thread-safe and quick (count, log, time). A
 * listener that throws does not change the outcome of the write: its exception is logged (logger
 * {@code dev.versioned.ConflictListener}, level WARNING) and added as a {@linkplain
 * Throwable#getSuppressed() suppressed} exception to the conflict's exception.
 *
 * <p>Conflicts are reported for the version-checked writes {@code update}, {@code updateChanged},
 * {@code touch}, {@code delete}, {@code updateAll}, {@code deleteAll} (one event per stale row) and
 * for each attempt of {@code modify}. A registered listener costs nothing on a write that meets no
 * conflict but one map lookup per {@code modify} call (for {@link #onModify}); without one, none.
 *
 * <p>The Micrometer binding, module {@code versioned-micrometer}, turns these calls into counters
 * and a timer.
 */
public interface ConflictListener {

  /**
   * A conflict: a stale row or a serialization failure or deadlock. For {@code modify}, followed by
   * {@link #onRetry} or {@link #onGiveUp}, unless the conflict cannot be retried inside the
   * enclosing transaction.
   *
   * @param conflict the conflict
   */
  default void onConflict(ConflictEvent conflict) {}

  /**
   * {@code modify} is about to retry after a conflict: it sleeps {@code backoff}, then runs
   * attempt {@code conflict.attempt() + 1}.
   *
   * @param conflict the conflict of the attempt that failed
   * @param backoff the sleep before the next attempt
   * @param lockingRead whether the next attempt reads the row with a locking read
   */
  default void onRetry(ConflictEvent conflict, Duration backoff, boolean lockingRead) {}

  /**
   * {@code modify} ran out of attempts: it throws the last conflict's exception.
   *
   * @param conflict the conflict of the last attempt
   */
  default void onGiveUp(ConflictEvent conflict) {}

  /**
   * A call of {@code modify} ended: the time it took, its attempts and how it ended.
   *
   * @param modify the call
   */
  default void onModify(ModifyEvent modify) {}

  /**
   * Registers a listener on a configuration. A second listener registered on the same
   * configuration is told after the first; registering the same listener twice tells it twice.
   * Contexts and transactions built from the configuration after this call see the listener.
   *
   * @param configuration the jOOQ configuration the repositories' {@code DSLContext} is built on
   * @param listener the listener
   * @throws NullPointerException if an argument is null
   */
  static void register(Configuration configuration, ConflictListener listener) {
    Objects.requireNonNull(configuration, "configuration");
    Objects.requireNonNull(listener, "listener");
    Conflicts.register(configuration, listener);
  }
}
