package dev.versioned.support;

import dev.versioned.RetryPolicy;
import dev.versioned.StaleRecordException;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/** The retry loop behind {@code modify}. */
public final class Retry {
  private Retry() {}

  /**
   * Runs {@code attempt} until it succeeds, fails with an error that is not a conflict, or {@code
   * policy.maxAttempts()} attempts have failed; then rethrows the last failure. Between attempts it
   * sleeps a random time up to {@link RetryPolicy#backoffCap(int)}.
   *
   * @param policy how often and how long to retry
   * @param attempt one attempt, run in its own transaction by the caller
   * @param <T> the result type
   * @return the first successful result
   */
  public static <T> T run(RetryPolicy policy, Supplier<T> attempt) {
    Objects.requireNonNull(policy, "policy");
    for (int n = 1; ; n++) {
      try {
        return attempt.get();
      } catch (RuntimeException e) {
        if (n >= policy.maxAttempts() || !isConflict(e)) {
          throw e;
        }
        long capNanos = policy.backoffCap(n).toNanos();
        if (capNanos > 0) {
          long nanos = ThreadLocalRandom.current().nextLong(capNanos + 1);
          try {
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            e.addSuppressed(interrupted);
            throw e;
          }
        }
      }
    }
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
      if (t instanceof SQLException) {
        for (SQLException s = (SQLException) t; s != null; s = s.getNextException()) {
          String state = s.getSQLState();
          if ("40001".equals(state) || "40P01".equals(state) || isSqliteBusy(s)) {
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
