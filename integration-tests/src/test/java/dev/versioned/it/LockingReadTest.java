package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.versioned.support.Locking;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * The locking read behind {@code modify}'s retries ({@link Locking#forUpdate}): on every database
 * with row locks, the row it read stays locked against other writers until the reading
 * transaction ends (Derby needs {@code WITH RS} for that); SQLite, which has none, reads plainly.
 */
class LockingReadTest {
  @DatabaseTest
  void theLockedRowStaysLockedUntilTheTransactionEnds(Db db) throws Exception {
    new PostRepository(db.otherDsl()).insert(new Post(1, "one", 0, 0));
    DSLContext other = db.otherDsl();
    if (!Locking.locksRows(db.database.dialect)) {
      ResultQuery<?> read = Locking.forUpdate(other, other.select(PostRepository.ID)
          .from(PostRepository.TABLE).where(PostRepository.ID.eq(1L)));
      assertFalse(read.getSQL().toLowerCase().contains("for update"), read.getSQL());
      assertEquals(1, read.fetch().size());
      return;
    }
    CompletableFuture<Integer> writer = new CompletableFuture<>();
    db.dsl.transaction(c -> {
      DSLContext tx = DSL.using(c);
      ResultQuery<Record1<Integer>> read = Locking.forUpdate(tx, tx.select(PostRepository.LOCK_VERSION)
          .from(PostRepository.TABLE).where(PostRepository.ID.eq(1L)));
      assertEquals(0, read.fetchSingle().get(PostRepository.LOCK_VERSION));
      // The cursor is closed; the lock must outlive it.
      CompletableFuture.runAsync(() -> {
        try {
          writer.complete(new PostRepository(other).incrementViews(1, 1) ? 1 : 0);
        } catch (RuntimeException e) {
          writer.completeExceptionally(e);
        }
      });
      try {
        writer.get(400, TimeUnit.MILLISECONDS);
        throw new AssertionError(db.database + ": another writer was not held back by the lock");
      } catch (TimeoutException expected) {
        // the other writer waits for this transaction
      }
    });
    assertEquals(1, writer.get(30, TimeUnit.SECONDS), "the writer goes on once the lock is gone");
    assertTrue(new PostRepository(other).findById(1).orElseThrow().views() == 1);
  }
}
