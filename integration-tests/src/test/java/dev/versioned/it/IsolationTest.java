package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.versioned.RetryPolicy;
import dev.versioned.StaleRecordException;
import dev.versioned.support.Retry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * docs/generated-repository.md, Semantics 4.7, and docs/what-to-catch.md, at every isolation
 * level: {@code modify} inside a caller's transaction reads the row as now committed on a retry,
 * or, where no retry can succeed inside that transaction, throws at once saying so; {@link
 * StaleRecordException#actualVersion()} is the committed version, never the transaction's
 * snapshot, or empty where the database cannot tell.
 *
 * <p>Each run prints one line prefixed {@code ISOLATION} with its figures.
 */
class IsolationTest {
  static final int THREADS = 8;
  static final int ROWS = 4;

  /** Outer transactions per thread where reads do not lock (MVCC), and where they do. */
  static final int PER_THREAD = 40;
  static final int PER_THREAD_LOCKING = 12;

  /**
   * The isolation levels each database accepts; SQLite has one, SERIALIZABLE. READ UNCOMMITTED is
   * left out: its dirty reads are no base for a read-change-write (on H2 a row that another
   * transaction is updating can even read as absent).
   */
  static List<Integer> levels(TestDatabase db) {
    if (db == TestDatabase.SQLITE) {
      return List.of(Connection.TRANSACTION_SERIALIZABLE);
    }
    return List.of(
        Connection.TRANSACTION_READ_COMMITTED,
        Connection.TRANSACTION_REPEATABLE_READ,
        Connection.TRANSACTION_SERIALIZABLE);
  }

  static String name(int level) {
    switch (level) {
      case Connection.TRANSACTION_READ_UNCOMMITTED:
        return "READ UNCOMMITTED";
      case Connection.TRANSACTION_READ_COMMITTED:
        return "READ COMMITTED";
      case Connection.TRANSACTION_REPEATABLE_READ:
        return "REPEATABLE READ";
      default:
        return "SERIALIZABLE";
    }
  }

  static String hikariName(int level) {
    switch (level) {
      case Connection.TRANSACTION_READ_UNCOMMITTED:
        return "TRANSACTION_READ_UNCOMMITTED";
      case Connection.TRANSACTION_READ_COMMITTED:
        return "TRANSACTION_READ_COMMITTED";
      case Connection.TRANSACTION_REPEATABLE_READ:
        return "TRANSACTION_REPEATABLE_READ";
      default:
        return "TRANSACTION_SERIALIZABLE";
    }
  }

  /**
   * Whether a stale nested {@code modify} can be retried inside its transaction: wherever each
   * statement reads anew (READ COMMITTED and below) and on InnoDB at REPEATABLE READ, whose locking
   * read is a current read. Not on SQLite (a stale snapshot cannot write), nor at the snapshot
   * levels of PostgreSQL and H2, nor where reads take locks held to the end of the transaction
   * (deadlocks roll the transaction back).
   */
  static boolean retryWorksInside(TestDatabase db, int level) {
    if (db == TestDatabase.SQLITE) {
      return false;
    }
    if (level <= Connection.TRANSACTION_READ_COMMITTED) {
      return true;
    }
    return db == TestDatabase.MARIADB && level == Connection.TRANSACTION_REPEATABLE_READ;
  }

  /** Whether reads at this level lock what they read until the transaction ends. */
  static boolean readsLock(TestDatabase db, int level) {
    if (level < Connection.TRANSACTION_REPEATABLE_READ) {
      return false;
    }
    switch (db) {
      case HSQLDB:
      case DERBY:
        return true;
      case MARIADB:
        return level == Connection.TRANSACTION_SERIALIZABLE;
      default:
        return false;
    }
  }

  private static HikariDataSource pool(Db db, int size, int level) {
    return db.pool(size, config -> config.setTransactionIsolation(hikariName(level)));
  }

  private static Post plusOne(Post p) {
    return new Post(p.id(), p.title(), p.views() + 1, p.lockVersion());
  }

  // ------------------------------------------------------------------ 8 threads, nested modify

  @DatabaseTest
  void nestedModifyUnderEveryIsolationLevelLosesNoUpdateAndWastesNoAttempt(Db db)
      throws Exception {
    boolean derby = db.database == TestDatabase.DERBY;
    if (derby) {
      // Derby looks for deadlocks only after waiting this long (20 s by default).
      setDerbyProperty(db, "derby.locks.deadlockTimeout", "1");
    }
    try {
      for (int level : levels(db.database)) {
        nested(db, level);
      }
    } finally {
      if (derby) {
        setDerbyProperty(db, "derby.locks.deadlockTimeout", null);
      }
    }
  }

  private static void setDerbyProperty(Db db, String name, String value) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('" + name + "', "
          + (value == null ? "NULL" : "'" + value + "'") + ")");
    }
  }

  private static void nested(Db db, int level) throws Exception {
    db.otherDsl().deleteFrom(PostRepository.TABLE).execute();
    PostRepository seed = new PostRepository(db.otherDsl());
    for (int id = 1; id <= ROWS; id++) {
      seed.insert(new Post(id, "row " + id, 0, 0));
    }
    HikariDataSource pool = pool(db, THREADS, level);
    DSLContext dsl = DSL.using(pool, db.database.dialect);
    int perThread = readsLock(db.database, level) ? PER_THREAD_LOCKING : PER_THREAD;
    RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(20));
    AtomicLong committed = new AtomicLong();
    AtomicInteger retriesInside = new AtomicInteger();
    AtomicInteger thrownAtOnce = new AtomicInteger();
    AtomicInteger gaveUp = new AtomicInteger();
    AtomicInteger beforeModify = new AtomicInteger();
    AtomicInteger atCommit = new AtomicInteger();
    List<String> wrong = Collections.synchronizedList(new ArrayList<>());
    // Every thread starts at once: on a fast embedded database the first thread could otherwise
    // finish its share before the last one starts, and no two transactions would overlap.
    CyclicBarrier start = new CyclicBarrier(THREADS);
    boolean fixedSnapshot = snapshotIsFixed(db.database, level);
    long started = System.nanoTime();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(threads.submit(() -> {
          start.await(1, TimeUnit.MINUTES);
          for (int i = 0; i < perThread; i++) {
            long id = 1 + (thread + i) % ROWS;
            for (int outerAttempt = 1; ; outerAttempt++) {
              AtomicInteger calls = new AtomicInteger();
              AtomicBoolean modified = new AtomicBoolean();
              try {
                dsl.transaction(c -> {
                  PostRepository inside = new PostRepository(DSL.using(c), policy);
                  inside.findById(id).orElseThrow(); // the transaction's snapshot starts here
                  if (fixedSnapshot) {
                    // Let other transactions commit to the row after this snapshot: a thread on a
                    // fast embedded database can otherwise run all its transactions within one
                    // time slice, and the run would never show what a fixed snapshot does.
                    Thread.sleep(1);
                  }
                  inside.modify(id, p -> {
                    calls.incrementAndGet();
                    return plusOne(p);
                  });
                  modified.set(true);
                });
                committed.incrementAndGet();
                if (calls.get() > 1) {
                  retriesInside.addAndGet(calls.get() - 1);
                }
                break;
              } catch (RuntimeException e) {
                if (!Retry.isConflict(e)) {
                  throw e;
                }
                String message = String.valueOf(e.getMessage());
                if (calls.get() == 0) {
                  // The transaction's own read met the conflict (a deadlock where reads lock).
                  beforeModify.incrementAndGet();
                } else if (modified.get()) {
                  // modify succeeded; the enclosing transaction's COMMIT was refused (PostgreSQL's
                  // SERIALIZABLE checks read/write dependencies at commit), so it is retried whole.
                  atCommit.incrementAndGet();
                } else if (message.contains("retry the enclosing transaction as a whole")) {
                  thrownAtOnce.incrementAndGet();
                  if (calls.get() != 1) {
                    wrong.add(calls.get() + " attempt(s) before giving up at once: " + e);
                  }
                } else if (message.contains("gave up after " + policy.maxAttempts() + " attempts")) {
                  gaveUp.incrementAndGet();
                  if (calls.get() != policy.maxAttempts()) {
                    wrong.add(calls.get() + " attempt(s) but: " + e);
                  }
                } else {
                  wrong.add("neither retried to the end nor advised: " + e);
                }
                if (outerAttempt > 200) {
                  throw e;
                }
                pause(outerAttempt);
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      threads.shutdownNow();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long total = (long) THREADS * perThread;
    long views = 0;
    for (Post p : seed.findAll()) {
      views += p.views();
      assertEquals(p.views(), p.lockVersion(), "every write went through modify: " + p);
    }
    String line = String.format(
        "ISOLATION %s %s nested modify: %d threads, %d transactions, %d committed, lost %d,"
            + " %d retries inside, %d thrown at once, %d gave up after %d attempts, %d conflicts"
            + " before modify, %d refused at the enclosing COMMIT, %.1f s",
        db.database.label, name(level), THREADS, total, committed.get(), committed.get() - views,
        retriesInside.get(), thrownAtOnce.get(), gaveUp.get(), policy.maxAttempts(),
        beforeModify.get(), atCommit.get(), seconds);
    System.out.println(line);
    assertEquals(total, committed.get(), line);
    assertEquals(committed.get(), views, "lost updates: " + line);
    assertTrue(wrong.isEmpty(), "a conflict thrown after a wasted attempt, or unexplained: "
        + wrong.subList(0, Math.min(3, wrong.size())) + "; " + line);
    if (retryWorksInside(db.database, level)) {
      assertEquals(0, thrownAtOnce.get(), "retry inside the transaction works here: " + line);
    }
    if (db.database == TestDatabase.MARIADB && level == Connection.TRANSACTION_REPEATABLE_READ) {
      assertTrue(retriesInside.get() > 0, "no stale snapshot was retried: " + line);
    }
    if (snapshotIsFixed(db.database, level)) {
      assertTrue(thrownAtOnce.get() > 0, "no conflict at a snapshot level: " + line);
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(1 + Math.min(attempt, 10) * 2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ one deterministic race

  /**
   * Inside a transaction whose snapshot predates someone else's write, {@code modify} either
   * retries once and succeeds with the committed row, or, where no retry can succeed, throws after
   * its single attempt with the advice to retry the transaction. Levels whose reads lock the row
   * are left out: there the other write waits for this transaction instead.
   */
  @DatabaseTest
  void aStaleNestedModifyRetriesWithTheCommittedRowOrThrowsAtOnce(Db db) {
    for (int level : levels(db.database)) {
      if (readsLock(db.database, level)) {
        continue;
      }
      db.otherDsl().deleteFrom(PostRepository.TABLE).execute();
      PostRepository other = new PostRepository(db.otherDsl());
      other.insert(new Post(1, "one", 0, 0));
      DSLContext dsl = DSL.using(pool(db, 1, level), db.database.dialect);
      AtomicInteger calls = new AtomicInteger();
      List<Integer> seen = new ArrayList<>();
      RuntimeException thrown = null;
      Post result = null;
      try {
        result = dsl.transactionResult(c -> {
          PostRepository inside = new PostRepository(DSL.using(c));
          assertEquals(0, inside.findById(1).orElseThrow().lockVersion());
          other.incrementViews(1, 10); // committed after this transaction's snapshot
          return inside.modify(1, p -> {
            calls.incrementAndGet();
            seen.add(p.lockVersion());
            return new Post(p.id(), "mine", p.views() + 1, p.lockVersion());
          });
        });
      } catch (RuntimeException e) {
        thrown = e;
      }
      String where = db.database.label + " " + name(level);
      if (retryWorksInside(db.database, level)) {
        assertEquals(null, thrown, where);
        // Where each statement reads anew, modify's first read already sees the committed row;
        // on InnoDB at REPEATABLE READ it sees the snapshot, and the retry the committed row.
        List<Integer> expected =
            level <= Connection.TRANSACTION_READ_COMMITTED ? List.of(1) : List.of(0, 1);
        assertEquals(expected, seen, where + ": modify reads the committed row");
        assertEquals(new Post(1, "mine", 11, 2), result, where);
        assertEquals(result, other.findById(1).orElseThrow(), where);
      } else {
        assertTrue(thrown != null, where + ": a retry cannot succeed, yet none was refused");
        assertTrue(Retry.isConflict(thrown), where + ": " + thrown);
        assertEquals(1, calls.get(), where + ": no attempt is wasted; " + thrown);
        assertTrue(thrown.getMessage().contains("retry the enclosing transaction as a whole"),
            where + ": " + thrown.getMessage());
        assertTrue(thrown.getMessage().contains("dsl.transactionResult(...)"), thrown.getMessage());
        assertEquals(new Post(1, "one", 10, 1), other.findById(1).orElseThrow(), where);
      }
    }
  }

  // ------------------------------------------------------------------ actualVersion

  /** The levels at which actualVersion is checked: the default, and REPEATABLE READ. */
  static List<Integer> versionLevels(TestDatabase db) {
    List<Integer> levels = new ArrayList<>();
    levels.add(null); // the database's default
    if (db != TestDatabase.SQLITE) {
      levels.add(Connection.TRANSACTION_REPEATABLE_READ);
    }
    return levels;
  }

  @DatabaseTest
  void actualVersionIsTheCommittedVersionInAndOutsideATransaction(Db db) {
    for (Integer level : versionLevels(db.database)) {
      String where = db.database.label + " " + (level == null ? "default" : name(level));
      DSLContext dsl =
          level == null
              ? db.dsl
              : DSL.using(pool(db, 1, level), db.database.dialect);
      PostRepository other = new PostRepository(db.otherDsl());

      // Outside a transaction.
      reset(db);
      Post stale = other.findById(1).orElseThrow();
      other.incrementViews(1, 1);
      other.incrementViews(1, 1);
      PostRepository outside = new PostRepository(dsl);
      StaleRecordException e = assertThrows(StaleRecordException.class, () -> outside.update(stale));
      assertEquals(OptionalLong.of(2), e.actualVersion(), where + " outside: " + e.getMessage());
      assertFalse(e.rowDeleted(), where);
      assertTrue(e.getMessage().endsWith("expected lock_version 0, database has 2"), e.getMessage());
      other.deleteById(1);
      StaleRecordException gone =
          assertThrows(StaleRecordException.class, () -> outside.delete(stale));
      assertTrue(gone.rowDeleted(), where + " outside: " + gone.getMessage());

      // Inside a transaction that began (its snapshot taken) before the other writes.
      reset(db);
      Post old = other.findById(1).orElseThrow();
      RuntimeException inside = insideATransaction(dsl, old, () -> {
        other.incrementViews(1, 1);
        other.incrementViews(1, 1);
      });
      checkInside(db, level, where, inside, 2);

      // ... and the row deleted meanwhile.
      reset(db);
      Post doomed = other.findById(1).orElseThrow();
      RuntimeException deleted = insideATransaction(dsl, doomed, () -> other.deleteById(1));
      if (deleted instanceof StaleRecordException
          && ((StaleRecordException) deleted).actualVersion().isPresent()) {
        throw new AssertionError(where + ": a deleted row has no version: " + deleted);
      }
      if (snapshotIsFixed(db.database, level) || db.database == TestDatabase.SQLITE) {
        checkInside(db, level, where, deleted, -1);
      } else {
        assertTrue(deleted instanceof StaleRecordException, where + ": " + deleted);
        assertTrue(((StaleRecordException) deleted).rowDeleted(), where + ": " + deleted);
      }
    }
  }

  private static boolean snapshotIsFixed(TestDatabase db, Integer level) {
    return level != null
        && level >= Connection.TRANSACTION_REPEATABLE_READ
        && (db == TestDatabase.POSTGRES || db == TestDatabase.H2);
  }

  private static void reset(Db db) {
    DSLContext other = db.otherDsl();
    other.deleteFrom(PostRepository.TABLE).execute();
    new PostRepository(other).insert(new Post(1, "one", 0, 0));
    new PostRepository(other).insert(new Post(2, "two", 0, 0));
  }

  /**
   * Runs {@code update(copy)} inside a transaction that first reads another table (taking its
   * snapshot where the database takes one, and locking nothing that {@code meanwhile} writes, also
   * where reads lock whole tables), after {@code meanwhile} has written from another connection;
   * returns what the update threw.
   */
  private static RuntimeException insideATransaction(DSLContext dsl, Post copy, Runnable meanwhile) {
    RuntimeException[] thrown = {null};
    try {
      dsl.transaction(c -> {
        DSLContext tx = DSL.using(c);
        PostRepository repository = new PostRepository(tx);
        tx.fetchCount(DSL.table(DSL.name("membership")));
        meanwhile.run();
        try {
          repository.update(copy);
        } catch (RuntimeException e) {
          thrown[0] = e;
        }
      });
    } catch (RuntimeException e) {
      if (thrown[0] == null) {
        thrown[0] = e;
      }
    }
    assertTrue(thrown[0] != null, "the stale update was refused");
    return thrown[0];
  }

  private static void checkInside(
      Db db, Integer level, String where, RuntimeException e, long committedVersion) {
    if (db.database == TestDatabase.SQLITE) {
      // The transaction's snapshot is older than the row: SQLite refuses the write itself.
      assertTrue(Retry.isConflict(e), where + ": " + e);
      assertTrue(e.getMessage().contains("SQLITE_BUSY"), where + ": " + e.getMessage());
      return;
    }
    assertTrue(e instanceof StaleRecordException, where + " inside: " + e);
    StaleRecordException stale = (StaleRecordException) e;
    if (snapshotIsFixed(db.database, level)) {
      // The database refuses the write as a serialization failure; it cannot tell the version.
      assertEquals(OptionalLong.empty(), stale.actualVersion(), where + ": " + e.getMessage());
      assertFalse(stale.getMessage().contains("database has"), where + ": " + e.getMessage());
      assertTrue(stale.getMessage().contains("unknown")
              || stale.getMessage().contains("cannot be read inside this transaction"),
          where + ": " + e.getMessage());
    } else {
      assertEquals(OptionalLong.of(committedVersion), stale.actualVersion(),
          where + " inside: " + e.getMessage());
      assertTrue(stale.getMessage().endsWith("database has " + committedVersion),
          stale.getMessage());
    }
  }

  // ------------------------------------------------------------------ 40001 contract

  /**
   * docs/what-to-catch.md: a version-checked write that PostgreSQL refuses as a serialization
   * failure is a StaleRecordException whose cause is the 40001; in a batch, a StaleBatchException.
   */
  @DatabaseTest(only = "postgres")
  void aSerializationFailureOfAVersionCheckedWriteIsAStaleRecordException(Db db) {
    reset(db);
    DSLContext serializable =
        DSL.using(pool(db, 2, Connection.TRANSACTION_SERIALIZABLE), db.database.dialect);
    PostRepository other = new PostRepository(db.otherDsl());
    for (String operation : List.of("update", "updateChanged", "delete", "updateAll")) {
      RuntimeException[] thrown = {null};
      try {
        serializable.transaction(c -> {
          PostRepository repository = new PostRepository(DSL.using(c));
          Post copy = repository.findById(1).orElseThrow();
          other.incrementViews(1, 1); // committed after this transaction's snapshot
          try {
            switch (operation) {
              case "update":
                repository.update(copy);
                break;
              case "updateChanged":
                repository.updateChanged(copy, new Post(1, "changed", 0, copy.lockVersion()));
                break;
              case "delete":
                repository.delete(copy);
                break;
              default:
                repository.updateAll(List.of(copy));
            }
          } catch (RuntimeException e) {
            thrown[0] = e;
            throw e;
          }
        });
      } catch (RuntimeException ignored) {
        // the transaction is rolled back; what the write threw is checked below
      }
      RuntimeException e = thrown[0];
      assertTrue(e != null, operation + " was not refused");
      if (operation.equals("updateAll")) {
        assertTrue(e instanceof dev.versioned.StaleBatchException, operation + ": " + e);
        assertTrue(((dev.versioned.StaleBatchException) e).conflicts().isEmpty());
        assertTrue(e.getMessage().contains("40001"), e.getMessage());
      } else {
        assertTrue(e instanceof StaleRecordException, operation + ": " + e);
        StaleRecordException stale = (StaleRecordException) e;
        assertEquals(OptionalLong.empty(), stale.actualVersion(), operation);
        assertEquals(OptionalLong.of(copy(other).lockVersion() - 1), stale.expectedVersion(),
            operation);
        assertTrue(stale.getMessage().contains("serialization failure (SQLSTATE 40001)"),
            stale.getMessage());
        assertTrue(causedBy40001(stale), operation + ": the cause is the 40001");
      }
    }
  }

  private static Post copy(PostRepository other) {
    return other.findById(1).orElseThrow();
  }

  private static boolean causedBy40001(Throwable e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof SQLException && "40001".equals(((SQLException) t).getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
