package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.versioned.RetryPolicy;
import dev.versioned.StaleRecordException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.exception.NoDataFoundException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC §4.7: modify reads, changes, compares-and-increments and retries, on H2. */
class ModifyTest {
  private H2Database db;
  private PostRepository posts;
  /** A second repository on its own connections: "someone else". */
  private PostRepository other;

  @BeforeEach
  void setUp() {
    db = new H2Database();
    posts = new PostRepository(db.dsl, new RetryPolicy(5, Duration.ZERO, Duration.ZERO));
    other = new PostRepository(DSL.using(db.dataSource, org.jooq.SQLDialect.H2));
    posts.insert(new Post(1, "one", 0, 0));
  }

  @Test
  void modifyWritesTheChangeAndBumpsTheVersion() {
    Post result = posts.modify(1, p -> new Post(p.id(), p.title() + "!", p.views() + 1, p.lockVersion()));
    assertEquals(new Post(1, "one!", 1, 1), result);
    assertEquals(result, posts.findById(1).orElseThrow());
  }

  @Test
  void anEqualRecordWritesNothing() {
    Post before = posts.findById(1).orElseThrow();
    db.takeStatements();
    assertEquals(before, posts.modify(1, p -> p));
    assertTrue(db.takeStatements().stream().noneMatch(s -> s.startsWith("update")));
    assertEquals(0, posts.findById(1).orElseThrow().lockVersion());
  }

  @Test
  void aMissingRowAndAChangedKeyAreRefused() {
    NoDataFoundException missing =
        assertThrows(NoDataFoundException.class, () -> posts.modify(2, p -> p));
    assertTrue(missing.getMessage().contains("id=2"), missing.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> posts.modify(1, p -> new Post(9, p.title(), p.views(), p.lockVersion())));
    assertEquals(new Post(1, "one", 0, 0), posts.findById(1).orElseThrow());
  }

  @Test
  void aConflictIsRetriedWithAFreshRead() {
    AtomicInteger calls = new AtomicInteger();
    Post result =
        posts.modify(
            1,
            p -> {
              if (calls.incrementAndGet() == 1) {
                other.incrementViews(1, 10); // someone else writes between our read and write
              }
              return new Post(p.id(), "mine", p.views() + 1, p.lockVersion());
            });
    assertEquals(2, calls.get());
    assertEquals(new Post(1, "mine", 11, 2), result);
    assertEquals(result, posts.findById(1).orElseThrow());
  }

  @Test
  void retriesStopAtMaxAttemptsAndRethrowTheLastConflict() {
    AtomicInteger calls = new AtomicInteger();
    StaleRecordException e =
        assertThrows(
            StaleRecordException.class,
            () ->
                posts.modify(
                    1,
                    p -> {
                      calls.incrementAndGet();
                      other.incrementViews(1, 1);
                      return new Post(p.id(), "never", p.views(), p.lockVersion());
                    }));
    assertEquals(5, calls.get());
    assertEquals(5, e.expectedVersion().getAsLong() + 1);
    assertEquals(new Post(1, "one", 5, 5), posts.findById(1).orElseThrow());

    PostRepository once = new PostRepository(db.dsl, RetryPolicy.NONE);
    AtomicInteger onceCalls = new AtomicInteger();
    assertThrows(StaleRecordException.class, () -> once.modify(1, p -> {
      onceCalls.incrementAndGet();
      other.incrementViews(1, 1);
      return new Post(p.id(), "never", p.views(), p.lockVersion());
    }));
    assertEquals(1, onceCalls.get());
  }

  @Test
  void aNestedModifyRollsBackWithItsOuterTransaction() {
    try {
      db.dsl.transaction(
          configuration -> {
            PostRepository inner = new PostRepository(DSL.using(configuration));
            inner.modify(1, p -> new Post(p.id(), "inside", p.views(), p.lockVersion()));
            inner.update(inner.findById(1).orElseThrow());
            throw new IllegalStateException("roll back");
          });
    } catch (IllegalStateException expected) {
      assertEquals("roll back", expected.getMessage());
    }
    assertEquals(new Post(1, "one", 0, 0), posts.findById(1).orElseThrow());
  }

  @Test
  void eightThreadsSharingOneRepositoryLoseNoUpdate() throws Exception {
    PostRepository shared =
        new PostRepository(db.dsl, new RetryPolicy(1000, Duration.ofMillis(1), Duration.ofMillis(20)));
    int threads = 8;
    int perThread = 100;
    AtomicInteger attempts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(
          pool.submit(
              () -> {
                for (int i = 0; i < perThread; i++) {
                  shared.modify(1, p -> {
                    attempts.incrementAndGet();
                    return new Post(p.id(), p.title(), p.views() + 1, p.lockVersion());
                  });
                }
              }));
    }
    for (Future<?> f : futures) {
      f.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();
    Post last = shared.findById(1).orElseThrow();
    assertEquals(threads * perThread, last.views());
    assertEquals(threads * perThread, last.lockVersion());
    assertTrue(attempts.get() >= threads * perThread);
    System.out.printf("H2: %d threads, %d modify calls, %d conflicts retried%n",
        threads, threads * perThread, attempts.get() - threads * perThread);
  }

  @Test
  void theSameRepositoryInstanceIsUsableAfterAFailure() {
    Post stale = posts.findById(1).orElseThrow();
    posts.update(stale);
    assertThrows(StaleRecordException.class, () -> posts.update(stale));
    Post fresh = posts.findById(1).orElseThrow();
    assertSame(fresh.getClass(), posts.update(fresh).getClass());
  }
}
