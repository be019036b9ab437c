package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.versioned.ConflictEvent;
import dev.versioned.ConflictListener;
import dev.versioned.ModifyEvent;
import dev.versioned.RetryPolicy;
import dev.versioned.support.Retry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@code modify} on hot rows: {@link RetryPolicy#lockAfter()} escalation, and what the {@link
 * ConflictListener} is told of its attempts, on every database.
 */
class HotRowsTest {
  private Db db;
  private final ConflictListenerTest.Recorder recorder = new ConflictListenerTest.Recorder();
  private PostRepository other;

  @BeforeEach
  void setUp(Db db) {
    this.db = db;
    ConflictListener.register(db.dsl.configuration(), recorder);
    other = new PostRepository(db.otherDsl());
    new PostRepository(db.dsl).insert(new Post(7, "seven", 0, 0));
  }

  private static void assertConflict(ConflictEvent e, int attempt, boolean lockingRead) {
    assertEquals("post", e.table());
    assertEquals(ConflictEvent.Operation.MODIFY, e.operation());
    assertEquals(List.of(7L), e.key());
    assertEquals(attempt, e.attempt());
    assertEquals(lockingRead, e.lockingRead());
    assertTrue(Retry.isConflict(e.failure()), e.failure().toString());
  }

  @DatabaseTest
  void everyConflictRetryAndGiveUpOfModifyIsTold() {
    PostRepository posts = new PostRepository(db.dsl, new RetryPolicy(3, Duration.ZERO, Duration.ZERO));
    RuntimeException thrown = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
        () -> posts.modify(7, p -> {
          other.incrementViews(7, 1); // someone else writes between every read and write
          return new Post(p.id(), "never", p.views(), p.lockVersion());
        }));
    assertTrue(thrown.getMessage().contains("gave up after 3 attempts"), thrown.getMessage());
    assertEquals(3, recorder.conflicts.size(), recorder.conflicts.toString());
    for (int i = 0; i < 3; i++) {
      assertConflict(recorder.conflicts.get(i), i + 1, false);
    }
    assertEquals(2, recorder.retries.size());
    assertConflict(recorder.retries.get(0), 1, false);
    assertConflict(recorder.retries.get(1), 2, false);
    assertEquals(List.of(false, false), recorder.retriesLocking);
    assertEquals(1, recorder.gaveUp.size());
    assertConflict(recorder.gaveUp.get(0), 3, false);
    assertEquals(thrown, recorder.gaveUp.get(0).failure());
    ModifyEvent call = recorder.modifies.get(0);
    assertEquals(List.of(7L), call.key());
    assertEquals(ModifyEvent.Outcome.GAVE_UP, call.outcome());
    assertEquals(3, call.attempts());
    assertEquals(3, call.conflicts());
    assertEquals(0, call.lockingReads());
    assertEquals(thrown, call.failure());

    // A call without conflict: one event, SUCCEEDED, and no conflict told.
    posts.modify(7, p -> new Post(p.id(), "mine", p.views(), p.lockVersion()));
    assertEquals(3, recorder.conflicts.size());
    ModifyEvent ok = recorder.modifies.get(1);
    assertEquals(ModifyEvent.Outcome.SUCCEEDED, ok.outcome());
    assertEquals(1, ok.attempts());
    assertEquals(0, ok.conflicts());
    assertTrue(ok.elapsed().toNanos() > 0);
    // A failure that is not a conflict.
    org.junit.jupiter.api.Assertions.assertThrows(org.jooq.exception.NoDataFoundException.class,
        () -> posts.modify(99, p -> p));
    assertEquals(ModifyEvent.Outcome.FAILED, recorder.modifies.get(2).outcome());
    assertEquals(3, recorder.conflicts.size());
  }

  /**
   * After {@code lockAfter} conflicts the next attempt reads with a lock: the listener hears that
   * the retry locks, and the call reports one locking read. On SQLite, which has no row locks,
   * the locking attempt takes the database's write lock before it reads instead.
   */
  @DatabaseTest
  void afterLockAfterConflictsTheNextAttemptReadsWithALock() {
    PostRepository posts = new PostRepository(db.dsl,
        new RetryPolicy(5, Duration.ZERO, Duration.ZERO).withLockAfter(1));
    AtomicInteger calls = new AtomicInteger();
    db.takeStatements();
    Post result = posts.modify(7, p -> {
      if (calls.incrementAndGet() == 1) {
        other.incrementViews(7, 10);
      }
      return new Post(p.id(), "mine", p.views() + 1, p.lockVersion());
    });
    assertEquals(new Post(7, "mine", 11, 2), result);
    assertEquals(2, calls.get());
    assertEquals(1, recorder.conflicts.size());
    assertConflict(recorder.conflicts.get(0), 1, false);
    assertEquals(List.of(true), recorder.retriesLocking);
    ModifyEvent call = recorder.modifies.get(0);
    assertEquals(ModifyEvent.Outcome.SUCCEEDED, call.outcome());
    assertEquals(2, call.attempts());
    assertEquals(1, call.conflicts());
    assertEquals(1, call.lockingReads());
    List<String> sql = db.takeStatements().stream()
        .map(s -> s.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toList());
    if (db.database == TestDatabase.SQLITE) {
      assertTrue(sql.stream().anyMatch(s -> s.startsWith("update post set") && s.contains("where 1 = 0")
          || s.startsWith("update post set") && s.contains("where false")), sql.toString());
    } else {
      // The row reads of the two attempts: a plain one, then a locking one. (Explaining the
      // conflict may read the version with a locking read too, as a current read on InnoDB.)
      List<String> rowReads = sql.stream().filter(s -> s.startsWith("select post.id, post.title"))
          .collect(java.util.stream.Collectors.toList());
      assertEquals(2, rowReads.size(), sql.toString());
      assertFalse(rowReads.get(0).contains("for update"), rowReads.toString());
      assertTrue(rowReads.get(1).contains("for update"), rowReads.toString());
    }
  }

  /**
   * An escalated attempt holds its lock from its read to its commit: a concurrent writer waits for
   * it, and the attempt's own write cannot conflict. The same holds on SQLite, where the lock is
   * the database's write lock.
   */
  @DatabaseTest
  void anEscalatedAttemptMakesAConcurrentWriterWait() throws Exception {
    PostRepository posts = new PostRepository(db.dsl,
        new RetryPolicy(5, Duration.ZERO, Duration.ZERO).withLockAfter(1));
    CountDownLatch lockedRead = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Post> modify = pool.submit(() -> posts.modify(7, p -> {
        if (calls.incrementAndGet() == 1) {
          other.incrementViews(7, 10); // the first attempt conflicts
        } else {
          lockedRead.countDown();
          try {
            assertTrue(release.await(30, TimeUnit.SECONDS));
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        }
        return new Post(p.id(), "mine", p.views() + 1, p.lockVersion());
      }));
      assertTrue(lockedRead.await(30, TimeUnit.SECONDS));
      Future<Boolean> writer = pool.submit(() -> other.incrementViews(7, 100));
      Thread.sleep(300);
      assertFalse(writer.isDone(), "the writer did not wait for the escalated attempt");
      release.countDown();
      assertEquals(new Post(7, "mine", 11, 2), modify.get(30, TimeUnit.SECONDS));
      assertTrue(writer.get(30, TimeUnit.SECONDS));
      assertEquals(new Post(7, "mine", 111, 3), new PostRepository(db.dsl).findById(7).orElseThrow());
      assertEquals(2, calls.get(), "the escalated attempt did not conflict");
    } finally {
      release.countDown();
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    }
  }

  /** What one run of {@link #contend} did. */
  private record Run(long successes, long gaveUp, long conflicts, long lockedConflicts,
      long lockingReads, int maxConflictsInACall) {}

  /**
   * 8 threads of modify on one hot row, 1 ms between read and write, at most 3 attempts per call,
   * counted by a listener.
   */
  private Run contend(int lockAfter, int row) throws Exception {
    int threads = 8;
    int perThread = 25;
    AtomicLong conflicts = new AtomicLong();
    AtomicLong lockedConflicts = new AtomicLong();
    AtomicLong lockingReads = new AtomicLong();
    AtomicLong successes = new AtomicLong();
    AtomicLong gaveUp = new AtomicLong();
    AtomicInteger maxConflicts = new AtomicInteger();
    DefaultConfiguration configuration = new DefaultConfiguration();
    configuration.set(db.database.dialect);
    configuration.set(new DataSourceConnectionProvider(
        db.pool(threads, c -> c.setMinimumIdle(threads))));
    ConflictListener.register(configuration, new ConflictListener() {
      @Override
      public void onConflict(ConflictEvent conflict) {
        conflicts.incrementAndGet();
        if (conflict.lockingRead()) {
          lockedConflicts.incrementAndGet();
        }
      }

      @Override
      public void onModify(ModifyEvent modify) {
        lockingReads.addAndGet(modify.lockingReads());
        maxConflicts.accumulateAndGet(modify.conflicts(), Math::max);
      }
    });
    DSLContext dsl = DSL.using(configuration);
    new PostRepository(dsl).insert(new Post(row, "hot", 0, 0));
    PostRepository posts = new PostRepository(dsl,
        new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)).withLockAfter(lockAfter));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        futures.add(executor.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            try {
              posts.modify(row, p -> {
                try {
                  Thread.sleep(1);
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
                return new Post(p.id(), p.title(), p.views() + 1, p.lockVersion());
              });
              successes.incrementAndGet();
            } catch (RuntimeException e) {
              if (!Retry.isConflict(e)) {
                throw e;
              }
              gaveUp.incrementAndGet();
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      executor.shutdownNow();
    }
    Post stored = posts.findById(row).orElseThrow();
    assertEquals(successes.get(), stored.views(), "lost updates with lockAfter " + lockAfter);
    assertEquals(successes.get(), stored.lockVersion());
    return new Run(successes.get(), gaveUp.get(), conflicts.get(), lockedConflicts.get(),
        lockingReads.get(), maxConflicts.get());
  }

  /**
   * Under 8 threads on one row, with 3 attempts per call: pure optimistic calls may conflict on
   * every attempt and give up; with {@code lockAfter(1)} no call conflicts more than once (its
   * second attempt holds the lock), none gives up, and no update is lost either way. (The total of
   * conflicts is not compared: it depends on how the backoff spreads the optimistic threads.)
   */
  @DatabaseTest
  void lockAfterOneLosesNothingAndConflictsAtMostOncePerCallUnderEightThreads() throws Exception {
    Run optimistic = contend(0, 100);
    Run locking = contend(1, 101);
    System.out.printf(Locale.ROOT, "HOTROWS %s: optimistic %s, lockAfter(1) %s%n",
        db.database.label, optimistic, locking);
    assertEquals(0, optimistic.lockingReads());
    assertTrue(optimistic.conflicts() > 0, "no contention: " + optimistic);
    assertEquals(200, optimistic.successes() + optimistic.gaveUp());
    assertTrue(locking.lockingReads() > 0, "never escalated: " + locking);
    assertEquals(0, locking.lockedConflicts(), "an escalated attempt conflicted: " + locking);
    assertTrue(locking.maxConflictsInACall() <= 1, locking.toString());
    assertEquals(0, locking.gaveUp(), locking.toString());
    assertEquals(200, locking.successes());
    assertTrue(locking.conflicts() <= locking.successes(), locking.toString());
  }
}
