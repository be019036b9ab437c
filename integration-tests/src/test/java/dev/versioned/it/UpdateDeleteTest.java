package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.versioned.StaleRecordException;
import dev.versioned.VersionOverflowException;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.jooq.exception.NoDataFoundException;
import org.jooq.exception.TooManyRowsException;
import org.junit.jupiter.api.BeforeEach;

/**
 * docs/generated-repository.md, Semantics 4.1–4.4, 4.6, 4.8 and 4.10, and its exceptions, on every
 * database.
 */
class UpdateDeleteTest {
  private Db db;
  private PostRepository posts;

  @BeforeEach
  void setUp(Db db) {
    this.db = db;
    posts = new PostRepository(db.dsl);
    posts.insert(new Post(7, "first", 0, 0));
    db.takeStatements();
  }

  private Post stored() {
    return posts.findById(7).orElseThrow();
  }

  @DatabaseTest
  void insertStoresTheRecordAsGiven() {
    Post inserted = posts.insert(new Post(8, "eight", 3, 5));
    assertEquals(new Post(8, "eight", 3, 5), inserted);
    assertEquals(inserted, posts.findById(8).orElseThrow());
    assertEquals(2, posts.count());
    // findAll(Condition) promises no order (no ORDER BY): compare as sets.
    assertEquals(Set.of(new Post(7, "first", 0, 0), inserted),
        Set.copyOf(posts.findAll(PostRepository.ID.ge(0L))));
    assertTrue(posts.findById(99).isEmpty());
  }

  @DatabaseTest
  void updateComparesAndIncrementsAndLeavesTheArgumentAlone() {
    Post copy = stored();
    Post changed = new Post(7, "second", 0, 0);
    db.takeStatements();
    Post updated = posts.update(changed);
    List<String> sql = db.takeStatements();
    assertEquals(new Post(7, "second", 0, 1), updated);
    assertEquals(new Post(7, "second", 0, 0), changed);
    assertEquals(updated, stored());
    assertEquals(1, sql.size());
    String update = sql.get(0);
    assertTrue(
        update.contains("lock_version = (post.lock_version + 1)")
            || update.contains("lock_version = post.lock_version + 1")
            || update.contains("lock_version = (lock_version + 1)"),
        update);
    // H2's and Derby's dialects render a bind as cast(? as type); the value is bound either way.
    String bind = "(\\?|cast\\(\\? as \\w+\\))";
    assertTrue(update.matches(".*post.lock_version = " + bind + ".*"), update);
    assertTrue(update.matches(".*post.id = " + bind + ".*"), update);
    assertEquals(0, copy.lockVersion());
  }

  @DatabaseTest
  void twoStaleCopiesTheSecondFailsAndKeepsFailing() {
    Post a = stored();
    Post b = stored();
    posts.update(new Post(7, "from a", 0, a.lockVersion()));
    for (int i = 0; i < 3; i++) {
      Post staleWrite = new Post(7, "from b", 0, b.lockVersion());
      StaleRecordException e = assertThrows(StaleRecordException.class, () -> posts.update(staleWrite));
      assertSame(staleWrite, e.record());
      assertEquals(new Post(7, "from a", 0, 1), stored());
    }
  }

  @DatabaseTest
  void staleExceptionCarriesItsFieldsAndMessage() {
    Post copy = stored();
    posts.update(copy);
    posts.update(stored());
    StaleRecordException e = assertThrows(StaleRecordException.class, () -> posts.update(copy));
    assertEquals("stale post id=7: expected lock_version 0, database has 2", e.getMessage());
    assertSame(copy, e.record());
    assertEquals("post", e.table());
    assertEquals(List.of(7L), e.key());
    assertEquals(StaleRecordException.Operation.UPDATE, e.operation());
    assertEquals(OptionalLong.of(0), e.expectedVersion());
    assertEquals(OptionalLong.of(2), e.actualVersion());
    assertFalse(e.rowDeleted());
    assertEquals(-1, e.batchIndex());
    assertTrue(e instanceof org.jooq.exception.DataChangedException);
  }

  @DatabaseTest
  void updateOfADeletedRowSaysSo() {
    Post copy = stored();
    assertTrue(posts.deleteById(7));
    StaleRecordException e = assertThrows(StaleRecordException.class, () -> posts.update(copy));
    assertEquals("stale post id=7: expected lock_version 0, the row no longer exists", e.getMessage());
    assertTrue(e.rowDeleted());
    assertEquals(OptionalLong.empty(), e.actualVersion());
  }

  @DatabaseTest
  void staleDeleteIsRefusedAndFreshDeleteSucceeds() {
    Post stale = stored();
    Post fresh = posts.update(new Post(7, "changed", 0, stale.lockVersion()));
    StaleRecordException e = assertThrows(StaleRecordException.class, () -> posts.delete(stale));
    assertEquals(StaleRecordException.Operation.DELETE, e.operation());
    assertEquals(OptionalLong.of(1), e.actualVersion());
    assertEquals(1, posts.count());
    posts.delete(fresh);
    assertEquals(0, posts.count());
    StaleRecordException gone = assertThrows(StaleRecordException.class, () -> posts.delete(fresh));
    assertTrue(gone.rowDeleted());
  }

  @DatabaseTest
  void deleteByIdIsUnconditional() {
    posts.update(stored());
    assertTrue(posts.deleteById(7));
    assertFalse(posts.deleteById(7));
  }

  @DatabaseTest
  void updateChangedSetsOnlyTheDifferingColumns() {
    Post original = stored();
    Post changed = new Post(7, "new title", 0, 42);
    db.takeStatements();
    Post result = posts.updateChanged(original, changed);
    assertEquals(new Post(7, "new title", 0, 1), result);
    List<String> sql = db.takeStatements();
    assertEquals(1, sql.size());
    assertTrue(sql.get(0).contains("title = "), sql.get(0));
    assertFalse(sql.get(0).contains("views"), sql.get(0));
    assertEquals(result, stored());
  }

  @DatabaseTest
  void updateChangedWithNothingChangedSendsNothing() {
    Post original = stored();
    Post same = new Post(7, "first", 0, 99);
    db.takeStatements();
    assertSame(original, posts.updateChanged(original, same));
    assertEquals(List.of(), db.takeStatements());
    assertEquals(0, stored().lockVersion());
  }

  @DatabaseTest
  void updateChangedRefusesDifferentKeysAndStaleOriginals() {
    Post original = stored();
    assertThrows(
        IllegalArgumentException.class,
        () -> posts.updateChanged(original, new Post(8, "x", 0, 0)));
    posts.update(original);
    StaleRecordException e =
        assertThrows(
            StaleRecordException.class,
            () -> posts.updateChanged(original, new Post(7, "late", 0, 0)));
    assertEquals(OptionalLong.of(0), e.expectedVersion());
    assertEquals("first", stored().title());
  }

  @DatabaseTest
  void overwriteIgnoresTheVersionButStillBumpsIt() {
    Post stale = stored();
    posts.update(stored());
    posts.update(stored());
    Post written = posts.overwrite(new Post(7, "last write wins", 3, stale.lockVersion()));
    assertEquals(new Post(7, "last write wins", 3, 3), written);
    assertEquals(written, stored());
    assertThrows(NoDataFoundException.class, () -> posts.overwrite(new Post(99, "x", 0, 0)));
  }

  @DatabaseTest
  void counterIncrementsWithoutAVersionCheck() {
    assertTrue(posts.incrementViews(7, 5));
    assertTrue(posts.incrementViews(7, -2));
    assertEquals(new Post(7, "first", 3, 2), stored());
    assertFalse(posts.incrementViews(99, 1));
  }

  @DatabaseTest
  void overflowIsRefusedBeforeAnySql() {
    db.dsl.update(PostRepository.TABLE)
        .set(PostRepository.LOCK_VERSION, Integer.MAX_VALUE)
        .where(PostRepository.ID.eq(7L))
        .execute();
    Post max = stored();
    db.takeStatements();
    assertThrows(VersionOverflowException.class, () -> posts.update(max));
    assertThrows(
        VersionOverflowException.class,
        () -> posts.updateChanged(max, new Post(7, "other", 0, max.lockVersion())));
    assertThrows(VersionOverflowException.class, () -> posts.updateAll(List.of(max)));
    assertEquals(List.of(), db.takeStatements());
    assertThrows(VersionOverflowException.class, () -> posts.overwrite(max));
    assertEquals(max, stored());
  }

  @DatabaseTest
  void moreThanOneRowIsNeverSuccess() {
    Post copy = stored();
    db.replacePostWithATableWithoutConstraints();
    posts.insert(copy);
    posts.insert(copy);
    assertThrows(TooManyRowsException.class, () -> posts.update(copy));
  }

  @DatabaseTest
  void nullArgumentsNameTheParameter() {
    assertEquals("record", assertThrows(NullPointerException.class, () -> posts.update(null)).getMessage());
    assertEquals("record", assertThrows(NullPointerException.class, () -> posts.insert(null)).getMessage());
    assertEquals("record", assertThrows(NullPointerException.class, () -> posts.delete(null)).getMessage());
    assertEquals("record", assertThrows(NullPointerException.class, () -> posts.overwrite(null)).getMessage());
    assertEquals("original", assertThrows(NullPointerException.class, () -> posts.updateChanged(null, stored())).getMessage());
    assertEquals("changed", assertThrows(NullPointerException.class, () -> posts.updateChanged(stored(), null)).getMessage());
    assertEquals("change", assertThrows(NullPointerException.class, () -> posts.modify(7, null)).getMessage());
    assertEquals("where", assertThrows(NullPointerException.class, () -> posts.findAll(null)).getMessage());
    assertEquals("records", assertThrows(NullPointerException.class, () -> posts.updateAll(null)).getMessage());
    assertEquals("records", assertThrows(NullPointerException.class, () -> posts.insertAll(null)).getMessage());
    assertTrue(
        assertThrows(
                NullPointerException.class,
                () -> posts.deleteAll(java.util.Arrays.asList(stored(), null)))
            .getMessage()
            .startsWith("records[1]"));
    assertEquals("record", assertThrows(NullPointerException.class, () -> PostRepository.fromRecord(null)).getMessage());
    assertThrows(NullPointerException.class, () -> new PostRepository(null));
    AccountRepository accounts = new AccountRepository(db.dsl);
    assertEquals("id", assertThrows(NullPointerException.class, () -> accounts.findById(null)).getMessage());
    assertEquals("id", assertThrows(NullPointerException.class, () -> accounts.deleteById(null)).getMessage());
    assertEquals("id", assertThrows(NullPointerException.class, () -> accounts.modify(null, a -> a)).getMessage());
    assertTrue(
        assertThrows(NullPointerException.class, () -> accounts.update(new Account(null, "x", null, null, 0L)))
            .getMessage()
            .startsWith("record"));
  }
}
