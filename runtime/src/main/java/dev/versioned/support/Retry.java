package dev.versioned.support;

import dev.versioned.ConflictEvent;
import dev.versioned.ConflictListener;
import dev.versioned.ModifyEvent;
import dev.versioned.ModifyEvent.Outcome;
import dev.versioned.RetryPolicy;
import dev.versioned.StaleRecordException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The retry loop behind {@code modify}.
 *
 * <p>Each attempt runs in its own jOOQ transaction ({@link DSLContext#transactionResult}; a
 * savepoint when the caller's context is already in one). The loop decides, attempt by attempt,
 * whether the attempt must read the row with a locking read, and whether another attempt can
 * succeed at all:
 *
 * <ul>
 *   <li>After {@link RetryPolicy#lockAfter()} conflicting attempts (when it is not 0), every
 *       further attempt uses the locking read: the row is locked before it is read, so the write
 *       that follows cannot conflict. A hot row thus costs at most {@code lockAfter} wasted
 *       attempts per call; a cold one never pays for a lock.
 *   <li>Inside an enclosing transaction at REPEATABLE READ or SERIALIZABLE on MySQL or MariaDB
 *       (InnoDB), a plain read returns the enclosing transaction's snapshot, so a retry would see
 *       the same old version again: retries use the locking read, which InnoDB answers with the row
 *       as now committed.
 *   <li>Where a retry cannot succeed inside the enclosing transaction — its snapshot is fixed
 *       (PostgreSQL and H2 at REPEATABLE READ and above), or the database refused the write as a
 *       serialization failure (SQLSTATE {@code 40001}: PostgreSQL aborts the transaction, InnoDB,
 *       Galera, H2, HSQLDB and Derby roll it back), or SQLite refused a transaction whose snapshot
 *       is stale ({@code SQLITE_BUSY}) — the loop does not retry: it throws at once, and the message
 *       says that the enclosing transaction must be retried as a whole, and how.
 *   <li>When the attempts run out, the message of the exception says so ({@code gave up after 5
 *       attempts}).
 * </ul>
 *
 * <p>The exception thrown is always of the type of the last failure. A {@link StaleRecordException}
 * and jOOQ's {@link DataAccessException} are thrown as copies whose message carries the
 * explanation; an exception of another type (for example one translated by Spring) is thrown as it
 * is, with the explanation attached as a {@linkplain Throwable#getSuppressed() suppressed} {@link
 * RetryAdvice}.
 *
 * <p>Nothing is looked up before the first attempt but the {@link ConflictListener} of the
 * context's configuration (one map lookup): whether there is an enclosing transaction, and its
 * isolation level, are read from the connection ({@code getAutoCommit()}, {@code
 * getTransactionIsolation()}) after the first conflict, once per call. The listener, if any, is
 * told of each conflict, retry and give-up, and of the call as it ends.
 */
public final class Retry {
  private Retry() {}

  /**
   * One attempt of a read-change-write.
   *
   * @param <T> the result type
   */
  @FunctionalInterface
  public interface Attempt<T> {
    /**
     * Runs the attempt.
     *
     * @param ctx the context of the attempt's own transaction
     * @param lockingRead whether the attempt must read the row with its locking read ({@link
     *     Locking#forUpdate})
     * @return the result
     */
    T run(DSLContext ctx, boolean lockingRead);
  }

  /**
   * The explanation attached, as a suppressed exception, to a failure whose type cannot carry it
   * in its message.
   */
  public static final class RetryAdvice extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RetryAdvice(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Runs {@code attempt}, each time in its own transaction, until it succeeds, fails with an error
   * that is not a {@linkplain #isConflict conflict}, fails in a way no retry inside the enclosing
   * transaction can mend, or {@code policy.maxAttempts()} attempts have failed. Between attempts it
   * sleeps a random time up to {@link RetryPolicy#backoffCap(int)}.
   *
   * @param policy how often and how long to retry
   * @param dsl the repository's context: each attempt runs in {@code dsl.transactionResult}
   * @param table the table written, for messages
   * @param key the key values of the row, for messages
   * @param attempt one attempt
   * @param <T> the result type
   * @return the first successful result
   */
  public static <T> T run(
      RetryPolicy policy, DSLContext dsl, Table<?> table, List<Object> key, Attempt<T> attempt) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(dsl, "dsl");
    Objects.requireNonNull(attempt, "attempt");
    ConflictListener listener = Conflicts.listener(dsl.configuration());
    long start = listener == null ? 0L : System.nanoTime();
    int lockingReads = 0;
    Transactions.Enclosing enclosing = null; // read after the first conflict
    for (int n = 1; ; n++) {
      boolean lockingRead =
          policy.locksOn(n) || (enclosing != null && enclosing.retriesNeedLockingRead());
      if (lockingRead) {
        lockingReads++;
      }
      T result;
      try {
        result = dsl.transactionResult(c -> {
          DSLContext ctx = DSL.using(c);
          if (lockingRead && table != null && !Locking.locksRows(ctx.dialect())) {
            takeWriteLock(ctx, table);
          }
          return attempt.run(ctx, lockingRead);
        });
      } catch (RuntimeException e) {
        if (!isConflict(e)) {
          if (listener != null) {
            ended(listener, table, key, n, n - 1, lockingReads, start, Outcome.FAILED, e);
          }
          throw e;
        }
        ConflictEvent conflict =
            listener == null
                ? null
                : new ConflictEvent(name(table), ConflictEvent.Operation.MODIFY, key(key), n,
                    lockingRead, e);
        if (listener != null) {
          Conflicts.conflict(listener, conflict);
        }
        if (enclosing == null) {
          enclosing = Transactions.enclosing(dsl);
        }
        String impossible = enclosing.whyRetryIsImpossible(e);
        if (impossible != null) {
          RuntimeException thrown = explained(e, mustRetryTransaction(table, key, impossible));
          if (listener != null) {
            ended(listener, table, key, n, n, lockingReads, start, Outcome.NOT_RETRIED, thrown);
          }
          throw thrown;
        }
        if (n >= policy.maxAttempts()) {
          RuntimeException thrown = explained(e, "modify of " + describe(table, key)
              + " gave up after " + n + (n == 1 ? " attempt" : " attempts"));
          if (listener != null) {
            Conflicts.giveUp(listener, new ConflictEvent(conflict.table(), conflict.operation(),
                conflict.key(), n, lockingRead, thrown));
            ended(listener, table, key, n, n, lockingReads, start, Outcome.GAVE_UP, thrown);
          }
          throw thrown;
        }
        long backoff = backoffNanos(policy, n);
        if (listener != null) {
          boolean nextLocks =
              policy.locksOn(n + 1) || enclosing.retriesNeedLockingRead();
          Conflicts.retry(listener, conflict, Duration.ofNanos(backoff), nextLocks);
        }
        sleep(backoff, e);
        continue;
      }
      if (listener != null) {
        ended(listener, table, key, n, n - 1, lockingReads, start, Outcome.SUCCEEDED, null);
      }
      return result;
    }
  }

  private static void ended(ConflictListener listener, Table<?> table, List<Object> key,
      int attempts, int conflicts, int lockingReads, long start, Outcome outcome,
      RuntimeException failure) {
    Conflicts.modified(listener, new ModifyEvent(name(table), key(key), attempts, conflicts,
        lockingReads, Duration.ofNanos(System.nanoTime() - start), outcome, failure));
  }

  /**
   * On a database without row locks (SQLite), the stand-in for a locking read: a write of no rows
   * ({@code UPDATE t SET c = c WHERE 1 = 0}) as the transaction's first statement, which takes the
   * database's write lock. The attempt then waits (up to the busy timeout) for the writer ahead of
   * it, reads the row as now committed, and its write cannot conflict, at the price of holding the
   * whole database's write lock for the attempt.
   */
  private static void takeWriteLock(DSLContext ctx, Table<?> table) {
    org.jooq.Field<?> first = table.field(0);
    if (first != null) {
      writeNothing(ctx, table, first);
    }
  }

  private static <F> void writeNothing(DSLContext ctx, Table<?> table, org.jooq.Field<F> field) {
    ctx.update(table).set(field, field).where(DSL.falseCondition()).execute();
  }

  private static String name(Table<?> table) {
    return table == null ? "" : Rows.name(table);
  }

  private static List<Object> key(List<Object> key) {
    return key == null ? List.of() : key;
  }

  private static String describe(Table<?> table, List<Object> key) {
    return (table == null ? "the row" : Rows.name(table)) + (key == null ? "" : " key " + key);
  }

  private static String mustRetryTransaction(Table<?> table, List<Object> key, String why) {
    return "modify of " + describe(table, key) + " did not retry: " + why
        + "; retry the enclosing transaction as a whole: with jOOQ, run the whole unit of work in"
        + " dsl.transactionResult(...) and call it again on a conflict (Retry.isConflict); with"
        + " Spring, put @Retryable outside the @Transactional method";
  }

  /** A random sleep up to {@link RetryPolicy#backoffCap(int)} ("full jitter"), in nanoseconds. */
  private static long backoffNanos(RetryPolicy policy, int attempt) {
    long capNanos = policy.backoffCap(attempt).toNanos();
    return capNanos <= 0 ? 0L : ThreadLocalRandom.current().nextLong(capNanos + 1);
  }

  private static void sleep(long nanos, RuntimeException e) {
    if (nanos <= 0) {
      return;
    }
    try {
      Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      e.addSuppressed(interrupted);
      throw e;
    }
  }

  /**
   * The failure, of the same type, with a sentence added to its message.
   *
   * @param failure the failure
   * @param sentence what to add
   * @return a copy of a {@link StaleRecordException} or a {@link DataAccessException}; the failure
   *     itself, with a suppressed {@link RetryAdvice}, for any other type
   */
  static RuntimeException explained(RuntimeException failure, String sentence) {
    if (failure instanceof StaleRecordException) {
      return ((StaleRecordException) failure).withNote(sentence);
    }
    if (failure.getClass() == DataAccessException.class) {
      DataAccessException copy =
          new DataAccessException(failure.getMessage() + "; " + sentence, failure.getCause());
      copy.setStackTrace(failure.getStackTrace());
      for (Throwable s : failure.getSuppressed()) {
        copy.addSuppressed(s);
      }
      return copy;
    }
    failure.addSuppressed(new RetryAdvice(sentence));
    return failure;
  }

  /** SQLite's primary result code SQLITE_BUSY, which sqlite-jdbc reports as the error code. */
  private static final int SQLITE_BUSY = 5;

  /**
   * Whether a failure is a conflict worth retrying: a {@link StaleRecordException}, or a database
   * error whose SQLSTATE is {@code 40001} (serialization failure, also MariaDB's, Derby's and
   * HSQLDB's deadlock) or {@code 40P01} (PostgreSQL's deadlock), anywhere in the cause chain.
   *
   * <p>SQLite sets no SQLSTATE. Its serialization failure is {@code SQLITE_BUSY}: in WAL mode a
   * transaction that read a row another connection has since written cannot write
   * ({@code SQLITE_BUSY_SNAPSHOT}), and a reader that would have to wait for a writer to upgrade
   * its lock is refused at once rather than deadlock. sqlite-jdbc reports both as an {@code
   * org.sqlite.SQLiteException} with error code 5, which counts as a conflict too.
   *
   * @param failure the failure
   * @return true when another attempt may succeed
   */
  public static boolean isConflict(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StaleRecordException) {
        return true;
      }
    }
    return anySqlException(failure, s -> {
      String state = s.getSQLState();
      return "40001".equals(state) || "40P01".equals(state) || isSqliteBusy(s);
    });
  }

  /**
   * Whether a failure is, anywhere in its cause chain, a database error with the given SQLSTATE.
   *
   * @param failure the failure
   * @param sqlState the SQLSTATE
   * @return true when one of its SQL exceptions has it
   */
  static boolean hasSqlState(Throwable failure, String sqlState) {
    return anySqlException(failure, s -> sqlState.equals(s.getSQLState()));
  }

  /**
   * Whether a failure is, anywhere in its cause chain, SQLite's {@code SQLITE_BUSY}.
   *
   * @param failure the failure
   * @return true for a busy database
   */
  static boolean isSqliteBusy(Throwable failure) {
    return anySqlException(failure, Retry::isSqliteBusy);
  }

  /**
   * Whether any SQL exception of a failure's cause chain, or of an SQL exception's chain of next
   * exceptions, passes the test.
   */
  private static boolean anySqlException(Throwable failure, Predicate<SQLException> test) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException) {
        for (SQLException s = (SQLException) t; s != null; s = s.getNextException()) {
          if (test.test(s)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean isSqliteBusy(SQLException e) {
    // By class name: the runtime does not depend on the SQLite driver.
    return e.getErrorCode() == SQLITE_BUSY
        && e.getSQLState() == null
        && e.getClass().getName().equals("org.sqlite.SQLiteException");
  }
}
