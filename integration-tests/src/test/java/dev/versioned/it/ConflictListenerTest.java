package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.versioned.ConflictEvent;
import dev.versioned.ConflictListener;
import dev.versioned.ModifyEvent;
import dev.versioned.RetryPolicy;
import dev.versioned.StaleBatchException;
import dev.versioned.StaleRecordException;
import dev.versioned.support.Retry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;

/**
 * A {@link ConflictListener} registered on the configuration is told of every conflict of the
 * version-checked writes and of {@code modify} (its retries, give-ups and calls), on every
 * database; one that throws changes nothing.
 */
class ConflictListenerTest {
  private Db db;
  private PostRepository posts;
  private PostRepository other;
  private final Recorder recorder = new Recorder();

  /** Writes down every call, as text, in order. */
  static final class Recorder implements ConflictListener {
    final List<ConflictEvent> conflicts = Collections.synchronizedList(new ArrayList<>());
    final List<ConflictEvent> retries = Collections.synchronizedList(new ArrayList<>());
    final List<Boolean> retriesLocking = Collections.synchronizedList(new ArrayList<>());
    final List<ConflictEvent> gaveUp = Collections.synchronizedList(new ArrayList<>());
    final List<ModifyEvent> modifies = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onConflict(ConflictEvent conflict) {
      conflicts.add(conflict);
    }

    @Override
    public void onRetry(ConflictEvent conflict, Duration backoff, boolean lockingRead) {
      retries.add(conflict);
      retriesLocking.add(lockingRead);
    }

    @Override
    public void onGiveUp(ConflictEvent conflict) {
      gaveUp.add(conflict);
    }

    @Override
    public void onModify(ModifyEvent modify) {
      modifies.add(modify);
    }
  }

  /** A listener whose every method throws. */
  static final class Throwing implements ConflictListener {
    final AtomicInteger calls = new AtomicInteger();

    private void fail() {
      calls.incrementAndGet();
      throw new IllegalStateException("listener failed");
    }

    @Override
    public void onConflict(ConflictEvent conflict) {
      fail();
    }

    @Override
    public void onRetry(ConflictEvent conflict, Duration backoff, boolean lockingRead) {
      fail();
    }

    @Override
    public void onGiveUp(ConflictEvent conflict) {
      fail();
    }

    @Override
    public void onModify(ModifyEvent modify) {
      fail();
    }
  }

  @BeforeEach
  void setUp(Db db) {
    this.db = db;
    ConflictListener.register(db.dsl.configuration(), recorder);
    posts = new PostRepository(db.dsl, new RetryPolicy(3, Duration.ZERO, Duration.ZERO));
    other = new PostRepository(db.otherDsl());
    posts.insert(new Post(7, "seven", 0, 0));
    posts.insert(new Post(8, "eight", 0, 0));
  }

  private static void assertConflict(
      ConflictEvent e, ConflictEvent.Operation operation, long key, int attempt) {
    assertEquals("post", e.table());
    assertEquals(operation, e.operation());
    assertEquals(List.of(key), e.key());
    assertEquals(attempt, e.attempt());
    assertTrue(Retry.isConflict(e.failure()), e.failure().toString());
  }

  @DatabaseTest
  void eachStaleSingleWriteIsToldWithItsTableOperationKeyAndAttempt() {
    Post stale = posts.findById(7).orElseThrow();
    other.touch(stale);
    StaleRecordException update = assertThrows(StaleRecordException.class, () -> posts.update(stale));
    assertThrows(StaleRecordException.class,
        () -> posts.updateChanged(stale, new Post(7, "changed", 0, 0)));
    assertThrows(StaleRecordException.class, () -> posts.touch(stale));
    assertThrows(StaleRecordException.class, () -> posts.delete(stale));
    assertEquals(4, recorder.conflicts.size(), recorder.conflicts.toString());
    assertConflict(recorder.conflicts.get(0), ConflictEvent.Operation.UPDATE, 7, 1);
    assertSame(update, recorder.conflicts.get(0).failure());
    assertConflict(recorder.conflicts.get(1), ConflictEvent.Operation.UPDATE_CHANGED, 7, 1);
    assertConflict(recorder.conflicts.get(2), ConflictEvent.Operation.TOUCH, 7, 1);
    assertConflict(recorder.conflicts.get(3), ConflictEvent.Operation.DELETE, 7, 1);
    assertFalse(recorder.conflicts.get(0).lockingRead());
    assertEquals("updateChanged", ConflictEvent.Operation.UPDATE_CHANGED.methodName());
    // No conflict, no event; nor for failures that are not conflicts.
    posts.update(posts.findById(7).orElseThrow());
    assertThrows(IllegalArgumentException.class,
        () -> posts.updateChanged(stale, new Post(8, "other key", 0, 0)));
    assertEquals(4, recorder.conflicts.size());
    assertTrue(recorder.retries.isEmpty() && recorder.gaveUp.isEmpty() && recorder.modifies.isEmpty());
  }

  @DatabaseTest
  void aStaleBatchTellsEveryStaleRow() {
    List<Post> read = posts.findAll();
    other.touch(read.get(0));
    other.touch(read.get(1));
    StaleBatchException e = assertThrows(StaleBatchException.class, () -> posts.updateAll(read));
    assertEquals(2, e.conflicts().size());
    assertThrows(StaleBatchException.class, () -> posts.deleteAll(read));
    assertEquals(4, recorder.conflicts.size(), recorder.conflicts.toString());
    assertConflict(recorder.conflicts.get(0), ConflictEvent.Operation.UPDATE_ALL, 7, 1);
    assertConflict(recorder.conflicts.get(1), ConflictEvent.Operation.UPDATE_ALL, 8, 1);
    assertSame(e.conflicts().get(1), recorder.conflicts.get(1).failure());
    assertConflict(recorder.conflicts.get(2), ConflictEvent.Operation.DELETE_ALL, 7, 1);
    assertConflict(recorder.conflicts.get(3), ConflictEvent.Operation.DELETE_ALL, 8, 1);
  }

  @DatabaseTest
  void theListenerTravelsIntoTransactionsAndDerivedConfigurations() {
    Post stale = posts.findById(7).orElseThrow();
    other.touch(stale);
    assertThrows(StaleRecordException.class, () -> db.dsl.transaction(c ->
        new PostRepository(DSL.using(c)).touch(stale)));
    DSLContext derived = DSL.using(db.dsl.configuration().derive(db.database.dialect));
    assertThrows(StaleRecordException.class, () -> new PostRepository(derived).delete(stale));
    assertEquals(2, recorder.conflicts.size());
    assertConflict(recorder.conflicts.get(0), ConflictEvent.Operation.TOUCH, 7, 1);
    assertConflict(recorder.conflicts.get(1), ConflictEvent.Operation.DELETE, 7, 1);
  }

  @DatabaseTest
  void aThrowingListenerChangesNoOutcome() {
    Throwing throwing = new Throwing();
    ConflictListener.register(db.dsl.configuration(), throwing);
    Post stale = posts.findById(7).orElseThrow();
    other.touch(stale);
    StaleRecordException e = assertThrows(StaleRecordException.class, () -> posts.update(stale));
    assertEquals(1, throwing.calls.get());
    assertEquals(1, recorder.conflicts.size(), "the first listener is told before the second");
    assertEquals("listener failed", e.getSuppressed()[0].getMessage());
    assertEquals(new Post(7, "seven", 0, 1), posts.findById(7).orElseThrow(), "nothing written");
    assertEquals(new Post(8, "x", 0, 1), posts.update(new Post(8, "x", 0, 0)));
    assertEquals(1, throwing.calls.get(), "a write without conflict tells nothing");

    // modify: the throwing listener is told of the conflict, the retry and the call, and the
    // call still retries and succeeds.
    AtomicInteger attempts = new AtomicInteger();
    Post modified = posts.modify(8, p -> {
      if (attempts.incrementAndGet() == 1) {
        other.incrementViews(8, 5);
      }
      return new Post(p.id(), "modified", p.views(), p.lockVersion());
    });
    assertEquals(new Post(8, "modified", 5, 3), modified);
    assertEquals(modified, posts.findById(8).orElseThrow());
    assertEquals(4, throwing.calls.get(), "onConflict, onRetry and onModify each threw");
    assertEquals(ModifyEvent.Outcome.SUCCEEDED, recorder.modifies.get(0).outcome());
  }
}
