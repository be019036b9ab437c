package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.versioned.StaleBatchException;
import dev.versioned.StaleRecordException;
import dev.versioned.VersionOverflowException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@code @Touch} from a child with a timestamp version on every database: each write of a {@link
 * StampedLine} (inserts, updates, modify, overwrite, touch, deletes, a counter, batches) increments
 * the integer version of its {@link Purchase} exactly once, in the write's transaction: a purchase
 * at the largest version refuses the write, and nothing of it is written; a stale write touches
 * nothing.
 */
class TimestampChildTouchTest {
  private Db db;
  private PurchaseRepository purchases;
  private StampedLineRepository lines;

  @BeforeEach
  void setUp(Db db) {
    this.db = db;
    purchases = new PurchaseRepository(db.dsl);
    lines = new StampedLineRepository(db.dsl);
    purchases.insert(new Purchase(1, "ann", 0));
    purchases.insert(new Purchase(2, "bob", 0));
  }

  private int version(long purchase) {
    return purchases.findById(purchase).orElseThrow().lockVersion();
  }

  private static StampedLine line(long id, Long purchase, int quantity) {
    return new StampedLine(id, purchase, "tea", quantity, null);
  }

  @DatabaseTest(alsoHidingRowCounts = true)
  void everyWriteOfAStampedLineTouchesItsPurchaseOnce() {
    Purchase copy = purchases.findById(1).orElseThrow();
    StampedLine stored = lines.insert(line(10, 1L, 3));
    assertEquals(1, version(1), "insert");
    stored = lines.update(new StampedLine(10, 1L, "coffee", 3, stored.updatedAt()));
    assertEquals(2, version(1), "update");
    stored = lines.updateChanged(stored, new StampedLine(10, 1L, "cocoa", 3, null));
    assertEquals(3, version(1), "updateChanged");
    assertEquals(stored, lines.updateChanged(stored, stored), "nothing changed");
    assertEquals(3, version(1), "updateChanged that changes nothing writes nothing");
    stored = lines.modify(10, l -> new StampedLine(10, 1L, l.product(), 4, l.updatedAt()));
    assertEquals(4, version(1), "modify");
    stored = lines.overwrite(new StampedLine(10, 1L, "tea", 5, null));
    assertEquals(5, version(1), "overwrite");
    assertEquals(stored, lines.findById(10).orElseThrow(), "overwrite returns the row as stored");
    assertTrue(lines.incrementQuantity(10, 2));
    assertEquals(6, version(1), "counter");
    assertEquals(7, lines.findById(10).orElseThrow().quantity());
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
    StaleRecordException stale =
        assertThrows(
            StaleRecordException.class,
            () -> purchases.update(new Purchase(1, "changed", copy.lockVersion())));
    assertEquals("stale purchase id=1: expected lock_version 0, database has 10",
        stale.getMessage());
  }

  @DatabaseTest(alsoHidingRowCounts = true)
  void aBatchTouchesEachDistinctPurchaseOnce() {
    List<StampedLine> stored =
        lines.insertAll(
            List.of(line(10, 1L, 1), line(11, 1L, 2), line(12, 2L, 3), line(13, null, 4)));
    assertEquals(1, version(1));
    assertEquals(1, version(2));
    stored =
        lines.updateAll(
            List.of(
                new StampedLine(10, 1L, "x", 1, stored.get(0).updatedAt()),
                new StampedLine(11, 2L, "x", 2, stored.get(1).updatedAt())));
    assertEquals(2, version(1), "line 11 left purchase 1, line 10 stayed: once");
    assertEquals(2, version(2), "line 11 arrived: once");
    lines.deleteAll(List.of(lines.findById(10).orElseThrow(), lines.findById(12).orElseThrow(),
        lines.findById(13).orElseThrow()));
    assertEquals(3, version(1));
    assertEquals(3, version(2));
    assertEquals(List.of(11L), lines.findAll().stream().map(StampedLine::id).toList());
  }

  @DatabaseTest
  void anOverwriteThatMovesALineTouchesBothPurchases() {
    lines.insert(line(10, 1L, 3));
    lines.overwrite(new StampedLine(10, 2L, "tea", 3, null));
    assertEquals(2, version(1), "the old purchase");
    assertEquals(1, version(2), "the new purchase");
  }

  @DatabaseTest
  void aStaleWriteTouchesNothing() {
    StampedLine stored = lines.insert(line(10, 1L, 3));
    lines.update(new StampedLine(10, 1L, "coffee", 3, stored.updatedAt()));
    assertEquals(2, version(1));
    assertThrows(StaleRecordException.class, () -> lines.update(stored));
    assertThrows(StaleRecordException.class, () -> lines.delete(stored));
    assertThrows(StaleRecordException.class, () -> lines.touch(stored));
    assertThrows(StaleBatchException.class, () -> lines.updateAll(List.of(stored)));
    assertEquals(2, version(1));
  }

  @DatabaseTest(alsoHidingRowCounts = true)
  void aPurchaseAtItsLargestVersionRefusesEveryWriteAndNothingIsWritten() {
    StampedLine stored = lines.insert(line(10, 2L, 3));
    db.dsl.update(PurchaseRepository.TABLE)
        .set(PurchaseRepository.LOCK_VERSION, Integer.MAX_VALUE)
        .where(PurchaseRepository.ID.eq(2L))
        .execute();
    VersionOverflowException e =
        assertThrows(VersionOverflowException.class, () -> lines.insert(line(11, 2L, 1)));
    assertTrue(e.getMessage().contains("purchase id=2, touched by stamped_line.purchase_id"),
        e.getMessage());
    assertThrows(VersionOverflowException.class,
        () -> lines.update(new StampedLine(10, 2L, "coffee", 3, stored.updatedAt())));
    assertThrows(VersionOverflowException.class,
        () -> lines.overwrite(new StampedLine(10, 2L, "coffee", 9, null)));
    assertThrows(VersionOverflowException.class, () -> lines.incrementQuantity(10, 1));
    assertThrows(VersionOverflowException.class, () -> lines.delete(stored));
    assertThrows(VersionOverflowException.class, () -> lines.deleteById(10));
    assertThrows(VersionOverflowException.class,
        () -> lines.insertAll(List.of(line(12, 1L, 1), line(13, 2L, 1))));
    assertEquals(stored, lines.findById(10).orElseThrow(), "the line is as it was");
    assertEquals(1, lines.count(), "nothing was inserted");
    assertEquals(0, version(1), "nothing of the refused batch is left");
    assertEquals(Integer.MAX_VALUE, version(2));
  }
}
