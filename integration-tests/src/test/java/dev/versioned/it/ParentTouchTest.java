package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.versioned.StaleBatchException;
import dev.versioned.StaleRecordException;
import dev.versioned.VersionOverflowException;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@code @Touch} on every database: each write of a {@link PurchaseLine} through its repository
 * increments its {@link Purchase}'s version once (each distinct purchase of a batch once, the old
 * and the new one of a move), in the transaction of the write, so copies of the purchase read
 * before go stale; a null purchase touches nothing; a purchase at the largest version makes the
 * write fail with nothing written.
 */
class ParentTouchTest {
  private Db db;
  private PurchaseRepository purchases;
  private PurchaseLineRepository lines;

  @BeforeEach
  void setUp(Db db) {
    this.db = db;
    purchases = new PurchaseRepository(db.dsl);
    lines = new PurchaseLineRepository(db.dsl);
    purchases.insert(new Purchase(1, "ann", 0));
    purchases.insert(new Purchase(2, "bob", 0));
  }

  private int version(long purchase) {
    return purchases.findById(purchase).orElseThrow().lockVersion();
  }

  private static PurchaseLine line(long id, Long purchase, int quantity) {
    return new PurchaseLine(id, purchase, "tea", quantity, 0);
  }

  @DatabaseTest
  void insertTouchesTheParentOnceAndItsCopiesGoStale() {
    Purchase copy = purchases.findById(1).orElseThrow();
    lines.insert(line(10, 1L, 3));
    assertEquals(1, version(1));
    assertEquals(0, version(2), "another purchase is not touched");
    StaleRecordException stale =
        assertThrows(
            StaleRecordException.class,
            () -> purchases.update(new Purchase(1, "changed", copy.lockVersion())));
    assertEquals("stale purchase id=1: expected lock_version 0, database has 1",
        stale.getMessage());
    assertEquals("ann", purchases.findById(1).orElseThrow().customer());
  }

  @DatabaseTest(alsoHidingRowCounts = true)
  void everyWriteOfALineTouchesItsPurchaseOnce() {
    PurchaseLine stored = lines.insert(line(10, 1L, 3));
    assertEquals(1, version(1), "insert");
    stored = lines.update(new PurchaseLine(10, 1L, "coffee", 3, stored.lockVersion()));
    assertEquals(2, version(1), "update");
    stored = lines.updateChanged(stored, new PurchaseLine(10, 1L, "cocoa", 3, 0));
    assertEquals(3, version(1), "updateChanged");
    assertEquals(stored, lines.updateChanged(stored, stored), "nothing changed");
    assertEquals(3, version(1), "updateChanged that changes nothing writes nothing");
    stored = lines.modify(10, l -> new PurchaseLine(10, 1L, l.product(), 4, l.lockVersion()));
    assertEquals(4, version(1), "modify");
    stored = lines.overwrite(new PurchaseLine(10, 1L, "tea", 5, 0));
    assertEquals(5, version(1), "overwrite");
    assertTrue(lines.incrementQuantity(10, 2));
    assertEquals(6, version(1), "counter");
    assertFalse(lines.incrementQuantity(99, 2));
    assertEquals(6, version(1), "a counter of no row touches nothing");
    stored = lines.touch(lines.findById(10).orElseThrow());
    assertEquals(7, version(1), "touch");
    lines.delete(stored);
    assertEquals(8, version(1), "delete");
    lines.insert(line(11, 1L, 1));
    assertTrue(lines.deleteById(11));
    assertEquals(10, version(1), "deleteById");
    assertFalse(lines.deleteById(11));
    assertEquals(10, version(1), "a deleteById of no row touches nothing");
    assertEquals(0, version(2), "the other purchase was never touched");
  }

  /** Each statement's first word and the tables it names, lower case. */
  private List<String> statements() {
    return db.takeStatements().stream()
        .map(sql -> sql.toLowerCase(Locale.ROOT))
        .map(sql -> sql.substring(0, sql.indexOf(' '))
            + (sql.contains("purchase_line") ? " purchase_line" : " purchase"))
        .toList();
  }

  @DatabaseTest
  void theStatementsOfEachWrite() {
    db.takeStatements();
    PurchaseLine stored = lines.insert(line(10, 1L, 3));
    assertEquals(List.of("insert purchase_line", "update purchase"), statements());
    stored = lines.update(new PurchaseLine(10, 1L, "coffee", 3, stored.lockVersion()));
    assertEquals(
        List.of("select purchase_line", "update purchase_line", "update purchase"), statements(),
        "update reads the purchase the row names now, which the record may change");
    stored = lines.updateChanged(stored, new PurchaseLine(10, 1L, "tea", 3, 0));
    assertEquals(List.of("update purchase_line", "update purchase"), statements());
    lines.delete(stored);
    assertEquals(List.of("delete purchase_line", "update purchase"), statements());
  }

  @DatabaseTest
  void aStaleWriteOfALineTouchesNothing() {
    PurchaseLine stored = lines.insert(line(10, 1L, 3));
    lines.update(new PurchaseLine(10, 1L, "coffee", 3, stored.lockVersion()));
    assertEquals(2, version(1));
    assertThrows(StaleRecordException.class, () -> lines.update(stored));
    assertThrows(StaleRecordException.class, () -> lines.delete(stored));
    assertThrows(StaleRecordException.class, () -> lines.touch(stored));
    assertEquals(2, version(1));
  }

  @DatabaseTest
  void aLineMovedToAnotherPurchaseTouchesBoth() {
    PurchaseLine stored = lines.insert(line(10, 1L, 3));
    stored = lines.update(new PurchaseLine(10, 2L, "tea", 3, stored.lockVersion()));
    assertEquals(2, version(1), "the old purchase");
    assertEquals(1, version(2), "the new purchase");
    stored = lines.updateChanged(stored, new PurchaseLine(10, 1L, "tea", 3, 0));
    assertEquals(3, version(1));
    assertEquals(2, version(2));
    lines.overwrite(new PurchaseLine(10, 2L, "tea", 3, 0));
    assertEquals(4, version(1));
    assertEquals(3, version(2));
    lines.modify(10, l -> new PurchaseLine(10, null, l.product(), l.quantity(), l.lockVersion()));
    assertEquals(4, version(1));
    assertEquals(4, version(2), "moved out of a purchase: the old one is touched");
  }

  @DatabaseTest(alsoHidingRowCounts = true)
  void aBatchTouchesEachDistinctPurchaseOnce() {
    List<PurchaseLine> stored =
        lines.insertAll(
            List.of(line(10, 1L, 1), line(11, 1L, 2), line(12, 2L, 3), line(13, 1L, 4),
                line(14, null, 5)));
    assertEquals(1, version(1));
    assertEquals(1, version(2));
    List<PurchaseLine> moved =
        List.of(
            new PurchaseLine(10, 1L, "x", 1, stored.get(0).lockVersion()),
            new PurchaseLine(11, 2L, "x", 2, stored.get(1).lockVersion()));
    stored = lines.updateAll(moved);
    assertEquals(2, version(1), "line 11 left purchase 1, line 10 stayed: once");
    assertEquals(2, version(2), "line 11 arrived: once");
    lines.deleteAll(List.of(lines.findById(12).orElseThrow(), lines.findById(13).orElseThrow(),
        lines.findById(14).orElseThrow()));
    assertEquals(3, version(1));
    assertEquals(3, version(2));
  }

  @DatabaseTest
  void aStaleBatchTouchesNothing() {
    List<PurchaseLine> stored = lines.insertAll(List.of(line(10, 1L, 1), line(11, 2L, 2)));
    lines.update(stored.get(1));
    assertEquals(2, version(2));
    assertThrows(StaleBatchException.class, () -> lines.updateAll(stored));
    assertThrows(StaleBatchException.class, () -> lines.deleteAll(stored));
    assertEquals(1, version(1));
    assertEquals(2, version(2));
  }

  @DatabaseTest
  void aNullPurchaseTouchesNothing() {
    db.takeStatements();
    PurchaseLine stored = lines.insert(line(10, null, 1));
    stored = lines.update(new PurchaseLine(10, null, "coffee", 1, stored.lockVersion()));
    assertTrue(lines.incrementQuantity(10, 1));
    lines.delete(lines.findById(10).orElseThrow());
    for (String sql : db.takeStatements()) {
      String lower = sql.toLowerCase(Locale.ROOT);
      assertFalse(lower.startsWith("update") && !lower.contains("purchase_line"), sql);
    }
    assertEquals(0, version(1));
    assertEquals(0, version(2));
  }

  @DatabaseTest(only = "sqlite")
  void aKeyNoPurchaseHasTouchesNothing() {
    // SQLite enforces no foreign key unless told to: a line may name a purchase that is not there.
    PurchaseLine stored = lines.insert(line(10, 99L, 1));
    lines.update(new PurchaseLine(10, 98L, "coffee", 1, stored.lockVersion()));
    assertEquals(1, lines.findById(10).orElseThrow().lockVersion(), "both writes went through");
    assertEquals(2, purchases.count(), "no purchase was created");
    assertEquals(0, version(1));
  }

  private void atLargestVersion(long purchase) {
    db.dsl.update(PurchaseRepository.TABLE)
        .set(PurchaseRepository.LOCK_VERSION, Integer.MAX_VALUE)
        .where(PurchaseRepository.ID.eq(purchase))
        .execute();
  }

  @DatabaseTest(alsoHidingRowCounts = true)
  void aPurchaseAtItsLargestVersionRefusesTheWriteAndNothingIsWritten() {
    PurchaseLine stored = lines.insert(line(10, 2L, 3));
    atLargestVersion(2);
    VersionOverflowException e =
        assertThrows(VersionOverflowException.class, () -> lines.insert(line(11, 2L, 1)));
    assertTrue(e.getMessage().contains("purchase id=2, touched by purchase_line.purchase_id"),
        e.getMessage());
    assertEquals(1, lines.count(), "the line is not inserted");
    assertThrows(VersionOverflowException.class,
        () -> lines.update(new PurchaseLine(10, 2L, "coffee", 3, stored.lockVersion())));
    assertThrows(VersionOverflowException.class, () -> lines.incrementQuantity(10, 1));
    assertThrows(VersionOverflowException.class, () -> lines.delete(stored));
    assertThrows(VersionOverflowException.class, () -> lines.deleteById(10));
    assertEquals(stored, lines.findById(10).orElseThrow(), "the line is as it was");
    // Purchase 1 sorts first and is touched before purchase 2 refuses: rolled back with the rest.
    assertThrows(VersionOverflowException.class,
        () -> lines.insertAll(List.of(line(12, 1L, 1), line(13, 2L, 1))));
    assertThrows(VersionOverflowException.class,
        () -> lines.updateAll(List.of(new PurchaseLine(10, 1L, "x", 3, stored.lockVersion()))));
    assertEquals(1, lines.count());
    assertEquals(0, version(1), "nothing of the refused batches is left");
    assertEquals(Integer.MAX_VALUE, version(2));
  }

  @DatabaseTest
  void aRefusedWriteInsideATransactionLeavesTheTransactionsOtherWork() {
    atLargestVersion(2);
    db.dsl.transaction(c -> {
      DSLContext tx = DSL.using(c);
      PurchaseLineRepository inTx = new PurchaseLineRepository(tx);
      inTx.insert(line(10, 1L, 1));
      assertThrows(VersionOverflowException.class, () -> inTx.insert(line(11, 2L, 1)));
    });
    assertEquals(List.of(10L), lines.findAll().stream().map(PurchaseLine::id).toList());
    assertEquals(1, version(1));
  }

  @DatabaseTest
  void theAggregatePatternTouchesTheRootAndWritesTheLinesInOneTransaction() {
    lines.insertAll(List.of(line(10, 1L, 1), line(11, 1L, 2)));
    Purchase read = purchases.findById(1).orElseThrow();
    PurchaseLine first = lines.findById(10).orElseThrow();
    db.dsl.transaction(c -> {
      DSLContext tx = DSL.using(c);
      new PurchaseRepository(tx).touch(read);
      new PurchaseLineRepository(tx).update(
          new PurchaseLine(10, 1L, "tea", 5, first.lockVersion()));
    });
    assertEquals(read.lockVersion() + 2, version(1), "the root's touch and the line's");
    // A second writer that read the purchase before: its whole transaction is refused.
    PurchaseLine second = lines.findById(11).orElseThrow();
    assertThrows(StaleRecordException.class, () -> db.dsl.transaction(c -> {
      DSLContext tx = DSL.using(c);
      new PurchaseRepository(tx).touch(read);
      new PurchaseLineRepository(tx).update(
          new PurchaseLine(11, 1L, "tea", 9, second.lockVersion()));
    }));
    assertEquals(2, lines.findById(11).orElseThrow().quantity(), "nothing of it written");
  }
}
