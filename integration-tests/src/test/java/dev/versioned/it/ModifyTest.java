package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.versioned.RetryPolicy;
import dev.versioned.StaleRecordException;
import dev.versioned.support.Retry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.NoDataFoundException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;

/**
 * docs/generated-repository.md, Semantics 4.7: modify reads, changes, compares-and-increments and
 * retries, on every database.
 */
class ModifyTest {
  private Db db;
  private PostRepository posts;
  /** A second repository on its own connections: "someone else". */
  private PostRepository other;

  @BeforeEach
  void setUp(Db db) {
    this.db = db;
    posts = new PostRepository(db.dsl, new RetryPolicy(5, Duration.ZERO, Duration.ZERO));
    other = new PostRepository(db.otherDsl());
    posts.insert(new Post(1, "one", 0, 0));
  }

  @DatabaseTest
  void modifyWritesTheChangeAndBumpsTheVersion() {
    Post result = posts.modify(1, p -> new Post(p.id(), p.title() + "!", p.views() + 1, p.lockVersion()));
    assertEquals(new Post(1, "one!", 1, 1), result);
    assertEquals(result, posts.findById(1).orElseThrow());
  }

  @DatabaseTest
  void anEqualRecordWritesNothing() {
    Post before = posts.findById(1).orElseThrow();
    db.takeStatements();
    assertEquals(before, posts.modify(1, p -> p));
    assertTrue(db.takeStatements().stream().noneMatch(s -> s.startsWith("update")));
    assertEquals(0, posts.findById(1).orElseThrow().lockVersion());
  }

  @DatabaseTest
  void aMissingRowAndAChangedKeyAreRefused() {
    NoDataFoundException missing =
        assertThrows(NoDataFoundException.class, () -> posts.modify(2, p -> p));
    assertTrue(missing.getMessage().contains("id=2"), missing.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> posts.modify(1, p -> new Post(9, p.title(), p.views(), p.lockVersion())));
    assertEquals(new Post(1, "one", 0, 0), posts.findById(1).orElseThrow());
  }

  @DatabaseTest
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

  @DatabaseTest
  void retriesStopAtMaxAttemptsAndRethrowTheLastConflict() {
    AtomicInteger calls = new AtomicInteger();
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () ->
                posts.modify(
                    1,
                    p -> {
                      calls.incrementAndGet();
                      other.incrementViews(1, 1);
                      return new Post(p.id(), "never", p.views(), p.lockVersion());
                    }));
    assertEquals(5, calls.get());
    assertLastConflict(e, 4);
    assertEquals(new Post(1, "one", 5, 5), posts.findById(1).orElseThrow());

    PostRepository once = new PostRepository(db.dsl, RetryPolicy.NONE);
    AtomicInteger onceCalls = new AtomicInteger();
    RuntimeException first = assertThrows(RuntimeException.class, () -> once.modify(1, p -> {
      onceCalls.incrementAndGet();
      other.incrementViews(1, 1);
      return new Post(p.id(), "never", p.views(), p.lockVersion());
    }));
    assertLastConflict(first, 5);
    assertEquals(1, onceCalls.get());
  }

  /**
   * The write of a read-change-write transaction that lost the race: stale everywhere but on
   * SQLite, whose WAL snapshot refuses the write itself (SQLITE_BUSY_SNAPSHOT), a serialization
   * failure that modify retries the same way.
   */
  private void assertLastConflict(RuntimeException e, long expectedVersion) {
    if (db.database == TestDatabase.SQLITE) {
      assertTrue(e instanceof DataAccessException, e.toString());
      assertTrue(e.getMessage().contains("SQLITE_BUSY"), e.getMessage());
      assertTrue(Retry.isConflict(e));
    } else {
      assertTrue(e instanceof StaleRecordException, e.toString());
      assertEquals(expectedVersion, ((StaleRecordException) e).expectedVersion().getAsLong());
    }
  }

  @DatabaseTest
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

  @DatabaseTest
  void theSameRepositoryInstanceIsUsableAfterAFailure() {
    Post stale = posts.findById(1).orElseThrow();
    posts.update(stale);
    assertThrows(StaleRecordException.class, () -> posts.update(stale));
    Post fresh = posts.findById(1).orElseThrow();
    assertSame(fresh.getClass(), posts.update(fresh).getClass());
  }
}
