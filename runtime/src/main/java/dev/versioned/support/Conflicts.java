package dev.versioned.support;

import dev.versioned.ConflictEvent;
import dev.versioned.ConflictListener;
import dev.versioned.ModifyEvent;
import dev.versioned.StaleBatchException;
import dev.versioned.StaleRecordException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Table;

/**
 * Tells the {@link ConflictListener} registered on a configuration, if any, of conflicts. A
 * listener that throws is logged and its exception added to the conflict's as suppressed; it never
 * changes what the repository returns or throws.
 */
public final class Conflicts {
  /** The key of the listener in {@link Configuration#data()}. */
  private enum Key {
    CONFLICT_LISTENER;

    @Override
    public String toString() {
      return "dev.versioned.ConflictListener";
    }
  }

  private static final System.Logger LOG = System.getLogger(ConflictListener.class.getName());

  private Conflicts() {}

  /**
   * Registers a listener on a configuration, after any registered before (see {@link
   * ConflictListener#register}).
   *
   * @param configuration the configuration
   * @param listener the listener
   */
  public static void register(Configuration configuration, ConflictListener listener) {
    configuration
        .data()
        .merge(Key.CONFLICT_LISTENER, listener,
            (first, second) -> new Both((ConflictListener) first, (ConflictListener) second));
  }

  /**
   * The listener registered on a configuration: one map lookup, no allocation.
   *
   * @param configuration the configuration
   * @return the listener, or null when none is registered
   */
  public static ConflictListener listener(Configuration configuration) {
    Object listener = configuration.data(Key.CONFLICT_LISTENER);
    return listener instanceof ConflictListener ? (ConflictListener) listener : null;
  }

  /**
   * Reports the failure of a single version-checked write ({@code update}, {@code touch}, {@code
   * delete}, a batch, ...) when it is a conflict: a {@link StaleRecordException}, each row of a
   * {@link StaleBatchException}, or a serialization failure or deadlock ({@link
   * Retry#isConflict}). Any other failure is returned untold.
   *
   * @param ctx the repository's context, whose configuration holds the listener
   * @param table the table written
   * @param operation the repository method
   * @param key the key values of the row written; empty for a batch
   * @param failure what the write threw
   * @return {@code failure}, to throw
   */
  public static RuntimeException seen(
      DSLContext ctx,
      Table<?> table,
      ConflictEvent.Operation operation,
      List<Object> key,
      RuntimeException failure) {
    ConflictListener listener = listener(ctx.configuration());
    if (listener == null) {
      return failure;
    }
    if (failure instanceof StaleBatchException) {
      List<StaleRecordException> rows = ((StaleBatchException) failure).conflicts();
      if (rows.isEmpty()) {
        // Refused as a whole (a serialization failure): which rows conflicted is unknown.
        conflict(listener, new ConflictEvent(Rows.name(table), operation, List.of(), 1, false,
            failure));
      }
      for (StaleRecordException stale : rows) {
        stale(listener, operation, stale);
      }
    } else if (failure instanceof StaleRecordException) {
      stale(listener, operation, (StaleRecordException) failure);
    } else if (Retry.isConflict(failure)) {
      conflict(listener, new ConflictEvent(Rows.name(table), operation, key, 1, false, failure));
    }
    return failure;
  }

  private static void stale(
      ConflictListener listener, ConflictEvent.Operation operation, StaleRecordException stale) {
    conflict(listener, new ConflictEvent(stale.table(), operation, stale.key(), 1, false, stale));
  }

  /**
   * Tells {@link ConflictListener#onConflict}.
   *
   * @param listener the listener
   * @param conflict the conflict
   */
  public static void conflict(ConflictListener listener, ConflictEvent conflict) {
    tell(() -> listener.onConflict(conflict), "onConflict", conflict.failure());
  }

  /**
   * Tells {@link ConflictListener#onRetry}.
   *
   * @param listener the listener
   * @param conflict the conflict of the attempt that failed
   * @param backoff the sleep before the next attempt
   * @param lockingRead whether the next attempt reads with a locking read
   */
  public static void retry(
      ConflictListener listener, ConflictEvent conflict, Duration backoff, boolean lockingRead) {
    tell(() -> listener.onRetry(conflict, backoff, lockingRead), "onRetry", conflict.failure());
  }

  /**
   * Tells {@link ConflictListener#onGiveUp}.
   *
   * @param listener the listener
   * @param conflict the conflict of the last attempt
   */
  public static void giveUp(ConflictListener listener, ConflictEvent conflict) {
    tell(() -> listener.onGiveUp(conflict), "onGiveUp", conflict.failure());
  }

  /**
   * Tells {@link ConflictListener#onModify}.
   *
   * @param listener the listener
   * @param modify the call that ended
   */
  public static void modified(ConflictListener listener, ModifyEvent modify) {
    tell(() -> listener.onModify(modify), "onModify", modify.failure());
  }

  /** Makes a call of a listener; an exception it throws is logged and added to the failure's. */
  private static void tell(Runnable call, String method, RuntimeException failure) {
    try {
      call.run();
    } catch (RuntimeException e) {
      threw(e, method, failure);
    }
  }

  private static void threw(RuntimeException e, String method, RuntimeException failure) {
    if (failure != null && failure != e) {
      failure.addSuppressed(e);
    }
    LOG.log(
        System.Logger.Level.WARNING,
        "ConflictListener." + method + " threw; the outcome of the write is unchanged",
        e);
  }

  /** Two listeners, told in the order they were registered. */
  private static final class Both implements ConflictListener {
    private final ConflictListener first;
    private final ConflictListener second;

    Both(ConflictListener first, ConflictListener second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void onConflict(ConflictEvent conflict) {
      each(listener -> listener.onConflict(conflict));
    }

    @Override
    public void onRetry(ConflictEvent conflict, Duration backoff, boolean lockingRead) {
      each(listener -> listener.onRetry(conflict, backoff, lockingRead));
    }

    @Override
    public void onGiveUp(ConflictEvent conflict) {
      each(listener -> listener.onGiveUp(conflict));
    }

    @Override
    public void onModify(ModifyEvent modify) {
      each(listener -> listener.onModify(modify));
    }

    /**
     * Tells the first listener, then the second even when the first threw; then throws what the
     * first threw (the second's exception suppressed in it), or else what the second threw.
     */
    private void each(Consumer<ConflictListener> call) {
      RuntimeException failure = null;
      try {
        call.accept(first);
      } catch (RuntimeException e) {
        failure = e;
      }
      try {
        call.accept(second);
      } catch (RuntimeException e) {
        failure = merge(failure, e);
      }
      rethrow(failure);
    }

    private static RuntimeException merge(RuntimeException first, RuntimeException second) {
      if (first == null) {
        return second;
      }
      first.addSuppressed(second);
      return first;
    }

    private static void rethrow(RuntimeException failure) {
      if (failure != null) {
        throw failure;
      }
    }
  }
}
