package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.versioned.StaleRecordException;
import dev.versioned.VersionOverflowException;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;

/** {@code touch} and {@code findByIdForUpdate}, on every database. */
class TouchAndLockTest {
  private Db db;
  private PostRepository posts;

  @BeforeEach
  void setUp(Db db) {
    this.db = db;
    posts = new PostRepository(db.dsl);
    posts.insert(new Post(7, "first", 3, 0));
    db.takeStatements();
  }

  private Post stored() {
    return posts.findById(7).orElseThrow();
  }

  @DatabaseTest
  void touchIncrementsTheVersionAloneAndReturnsTheNewVersion() {
    Post read = stored();
    Post elsewhere = new Post(7, "not written", 99, 0);
    db.takeStatements();
    Post touched = posts.touch(elsewhere);
    List<String> sql = db.takeStatements();
    assertEquals(new Post(7, "not written", 99, 1), touched, "the argument with the new version");
    assertEquals(new Post(7, "first", 3, 1), stored(), "no other column written");
    assertEquals(1, sql.size(), sql.toString());
    String update = sql.get(0).toLowerCase(java.util.Locale.ROOT);
    assertTrue(update.startsWith("update"), update);
    assertFalse(update.contains("title"), update);
    assertFalse(update.contains("views"), update);
    assertEquals(0, read.lockVersion(), "the argument is not changed");
    assertEquals(new Post(7, "first", 3, 2), posts.touch(stored()));
  }

  @DatabaseTest
  void aStaleTouchIsRefusedAsAnUpdateAndWritesNothing() {
    Post copy = stored();
    posts.update(new Post(7, "changed", 3, copy.lockVersion()));
    StaleRecordException e = assertThrows(StaleRecordException.class, () -> posts.touch(copy));
    assertSame(copy, e.record());
    assertEquals(StaleRecordException.Operation.UPDATE, e.operation());
    assertEquals(OptionalLong.of(0), e.expectedVersion());
    assertEquals(OptionalLong.of(1), e.actualVersion());
    assertEquals("stale post id=7: expected lock_version 0, database has 1", e.getMessage());
    assertEquals(new Post(7, "changed", 3, 1), stored());
    assertTrue(posts.deleteById(7));
    StaleRecordException gone = assertThrows(StaleRecordException.class, () -> posts.touch(copy));
    assertTrue(gone.rowDeleted());
  }

  @DatabaseTest
  void touchOfANullVersionMatchesIsNullAndStoresOne() {
    db.dsl.insertInto(AccountRepository.TABLE)
        .set(AccountRepository.ID, 50L)
        .set(AccountRepository.OWNER, "legacy")
        .set(AccountRepository.VERSION, (Long) null)
        .execute();
    AccountRepository accounts = new AccountRepository(db.dsl);
    Account legacy = accounts.findById(50L).orElseThrow();
    assertNull(legacy.version());
    Account touched = accounts.touch(legacy);
    assertEquals(1L, touched.version());
    assertEquals(touched, accounts.findById(50L).orElseThrow());
    StaleRecordException e = assertThrows(StaleRecordException.class, () -> accounts.touch(legacy));
    assertEquals(OptionalLong.empty(), e.expectedVersion());
    assertEquals(OptionalLong.of(1), e.actualVersion());
    assertEquals(2L, accounts.touch(touched).version());
  }

  @DatabaseTest
  void touchOfTheLargestVersionOverflowsBeforeAnySql() {
    db.dsl.update(PostRepository.TABLE)
        .set(PostRepository.LOCK_VERSION, Integer.MAX_VALUE)
        .where(PostRepository.ID.eq(7L))
        .execute();
    Post max = stored();
    db.takeStatements();
    assertThrows(VersionOverflowException.class, () -> posts.touch(max));
    assertEquals(List.of(), db.takeStatements());
    assertEquals(max, stored());
    assertEquals("record", assertThrows(NullPointerException.class, () -> posts.touch(null)).getMessage());
  }

  @DatabaseTest
  void touchingTheRootInTheChildrensTransactionGuardsTheAggregate() {
    // The root (post 7) guards its parts (here: post 8). Two editors read the root, then each
    // writes a part and touches the root in one transaction: the second editor's transaction fails
    // as a whole, its part not written.
    posts.insert(new Post(8, "part", 0, 0));
    Post rootA = stored();
    Post rootB = stored();
    db.dsl.transaction(c -> {
      PostRepository tx = new PostRepository(DSL.using(c));
      tx.update(new Post(8, "part by a", 0, 0));
      tx.touch(rootA);
    });
    assertThrows(StaleRecordException.class, () -> db.dsl.transaction(c -> {
      PostRepository tx = new PostRepository(DSL.using(c));
      tx.update(new Post(8, "part by b", 1, 1));
      tx.touch(rootB);
    }));
    assertEquals(new Post(8, "part by a", 0, 1), posts.findById(8).orElseThrow());
    assertEquals(1, stored().lockVersion());
  }

  @DatabaseTest
  void findByIdForUpdateReadsTheRowWithALockingRead() {
    db.takeStatements();
    assertEquals(stored(), db.dsl.transactionResult(c ->
        new PostRepository(DSL.using(c)).findByIdForUpdate(7).orElseThrow()));
    boolean missing = db.dsl.transactionResult(c ->
        new PostRepository(DSL.using(c)).findByIdForUpdate(99).isEmpty());
    assertTrue(missing);
    // Outside a transaction too (the lock then ends with the statement).
    assertEquals(stored(), posts.findByIdForUpdate(7).orElseThrow());
    List<String> sql = db.takeStatements();
    if (db.database == TestDatabase.SQLITE) {
      // SQLite has no row locks: jOOQ renders no FOR UPDATE for it.
      assertTrue(sql.stream().noneMatch(s -> s.toLowerCase(java.util.Locale.ROOT).contains("for update")), sql.toString());
    } else {
      assertTrue(sql.stream().anyMatch(s -> s.toLowerCase(java.util.Locale.ROOT).contains("for update")), sql.toString());
    }
  }

  /**
   * The lock holds until the transaction ends: a writer on another connection waits for it, then
   * finds the row changed. SQLite has no row locks: there the writer goes ahead, and the locking
   * transaction's own write is the one refused.
   */
  @DatabaseTest
  void findByIdForUpdateMakesAConcurrentWriterWaitUntilCommit() throws Exception {
    PostRepository other = new PostRepository(db.otherDsl());
    Post copy = stored();
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Post> holder = pool.submit(() -> db.dsl.transactionResult(c -> {
        PostRepository tx = new PostRepository(DSL.using(c));
        Post row = tx.findByIdForUpdate(7).orElseThrow();
        locked.countDown();
        assertTrue(release.await(30, TimeUnit.SECONDS));
        return tx.update(new Post(7, "holder", row.views(), row.lockVersion()));
      }));
      assertTrue(locked.await(30, TimeUnit.SECONDS));
      Future<Post> writer = pool.submit(() -> other.update(new Post(7, "writer", 0, copy.lockVersion())));
      if (db.database == TestDatabase.SQLITE) {
        assertEquals(1, writer.get(30, TimeUnit.SECONDS).lockVersion(), "no row lock: not blocked");
        release.countDown();
        Exception e = assertThrows(Exception.class, () -> holder.get(30, TimeUnit.SECONDS));
        assertTrue(dev.versioned.support.Retry.isConflict(e.getCause()), e.toString());
        assertEquals("writer", stored().title());
        return;
      }
      Thread.sleep(300);
      assertFalse(writer.isDone(), "the writer did not wait for the lock");
      release.countDown();
      assertEquals(new Post(7, "holder", 3, 1), holder.get(30, TimeUnit.SECONDS));
      Exception e = assertThrows(Exception.class, () -> writer.get(30, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof StaleRecordException, e.toString());
      assertEquals(new Post(7, "holder", 3, 1), stored());
    } finally {
      release.countDown();
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    }
  }

  @DatabaseTest
  void findByIdForUpdateWithACompositeKey() {
    MembershipRepository members = new MembershipRepository(db.dsl);
    Membership m = members.insert(new Membership(1L, "ann", "admin", 0));
    DSLContext dsl = db.dsl;
    assertEquals(m, dsl.transactionResult(c ->
        new MembershipRepository(DSL.using(c)).findByIdForUpdate(1L, "ann").orElseThrow()));
    assertEquals(new Membership(1L, "ann", "admin", 1), members.touch(m));
  }
}
