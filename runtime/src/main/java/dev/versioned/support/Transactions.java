package dev.versioned.support;

import java.sql.Connection;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/**
 * What a repository needs to know of the transaction it runs in, read from the JDBC connection of
 * a {@link DSLContext}: whether there is one ({@code getAutoCommit()} is false) and its isolation
 * level ({@code getTransactionIsolation()}). Read only on the paths that need it (after a conflict,
 * or to explain a refused write), never on the path of a successful write.
 *
 * <p>Which reads see the row as now committed, by database, inside a transaction:
 *
 * <ul>
 *   <li>MySQL/MariaDB (InnoDB) at REPEATABLE READ: a plain read returns the transaction's snapshot;
 *       a locking read ({@code FOR UPDATE}) is a current read. At SERIALIZABLE plain reads are
 *       locking reads; at READ COMMITTED each statement reads anew.
 *   <li>PostgreSQL and H2 at REPEATABLE READ and above (HSQLDB in MVCC mode, too): the snapshot is
 *       the transaction's; nothing read inside the transaction tells what is committed since, and
 *       a write of a row changed since fails with SQLSTATE 40001. At READ COMMITTED each statement
 *       reads anew.
 *   <li>HSQLDB (its default, lock-based mode) and Derby lock what they read: reads are current.
 *   <li>SQLite: a transaction that has written reads the latest data (a write is refused, with
 *       {@code SQLITE_BUSY}, when its snapshot is not the latest).
 * </ul>
 */
final class Transactions {
  private Transactions() {}

  /** Outside any transaction (autocommit). */
  static final Enclosing NONE = new Enclosing(false, null, Connection.TRANSACTION_NONE);

  /**
   * The transaction the context's connection is in.
   *
   * @param ctx the context
   * @return the transaction, or {@link #NONE} when the connection is in autocommit mode (or cannot
   *     tell)
   */
  static Enclosing enclosing(DSLContext ctx) {
    SQLDialect family = ctx.dialect().family();
    try {
      return ctx.connectionResult(
          c -> c.getAutoCommit() ? NONE : new Enclosing(true, family, c.getTransactionIsolation()));
    } catch (RuntimeException unknown) {
      // The connection is gone (a lost connection, a closed pool): nothing can be retried on it
      // anyway, and the failure being explained says why.
      return NONE;
    }
  }

  /** A transaction, as the repository sees it. */
  static final class Enclosing {
    final boolean inTransaction;
    final SQLDialect family;
    final int isolation;

    Enclosing(boolean inTransaction, SQLDialect family, int isolation) {
      this.inTransaction = inTransaction;
      this.family = family;
      this.isolation = isolation;
    }

    private boolean innoDb() {
      return family == SQLDialect.MYSQL || family == SQLDialect.MARIADB;
    }

    private boolean atLeastRepeatableRead() {
      return isolation >= Connection.TRANSACTION_REPEATABLE_READ;
    }

    /** Whether the snapshot of the transaction is fixed, so that no read in it is current. */
    boolean snapshotIsFixed() {
      return inTransaction
          && atLeastRepeatableRead()
          && (family == SQLDialect.POSTGRES || family == SQLDialect.H2);
    }

    /**
     * Whether a plain read inside this transaction may return an old snapshot that a locking read
     * would not (InnoDB at REPEATABLE READ and above).
     */
    boolean plainReadsAreSnapshots() {
      return inTransaction && innoDb() && atLeastRepeatableRead();
    }

    /** Whether a retry of {@code modify} in this transaction must read with a locking read. */
    boolean retriesNeedLockingRead() {
      return plainReadsAreSnapshots();
    }

    /**
     * Why no retry inside this transaction can succeed after the given conflict.
     *
     * @param failure the conflict
     * @return the reason, or null when a retry may succeed
     */
    String whyRetryIsImpossible(Throwable failure) {
      if (!inTransaction) {
        return null;
      }
      if (Retry.hasSqlState(failure, "40001")) {
        return "the database refused the write as a serialization failure (SQLSTATE 40001),"
            + " which rolls back or aborts the enclosing transaction";
      }
      if (snapshotIsFixed()) {
        return "the enclosing transaction runs at " + isolationName() + " on "
            + family.getName() + ", whose snapshot is fixed for the whole transaction, so a"
            + " reread inside it cannot see the row as now committed";
      }
      if (family == SQLDialect.SQLITE && Retry.isSqliteBusy(failure)) {
        return "SQLite refused the write (SQLITE_BUSY): the enclosing transaction's snapshot is"
            + " older than the row, and only a new transaction can read it";
      }
      return null;
    }

    String isolationName() {
      switch (isolation) {
        case Connection.TRANSACTION_READ_UNCOMMITTED:
          return "READ UNCOMMITTED";
        case Connection.TRANSACTION_READ_COMMITTED:
          return "READ COMMITTED";
        case Connection.TRANSACTION_REPEATABLE_READ:
          return "REPEATABLE READ";
        case Connection.TRANSACTION_SERIALIZABLE:
          return "SERIALIZABLE";
        default:
          return "isolation level " + isolation;
      }
    }
  }
}
