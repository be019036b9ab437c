package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.versioned.StaleRecordException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@code @Touch} to a parent with a timestamp version on every database: each write of a {@link
 * Parcel} advances its {@link Shipment}'s version to the later of now and the stored version plus
 * one microsecond, in the write's transaction, so the version strictly increases with every write
 * (however fast they follow each other) and copies of the shipment read before go stale; a stale
 * write of a parcel leaves the shipment as it was.
 */
class TimestampParentTouchTest {
  static final int TIGHT_LOOP = 200;

  private ShipmentRepository shipments;
  private ParcelRepository parcels;

  @BeforeEach
  void setUp(Db db) {
    shipments = new ShipmentRepository(db.dsl);
    parcels = new ParcelRepository(db.dsl);
    shipments.insert(new Shipment(1, "post", null));
    shipments.insert(new Shipment(2, "rail", null));
  }

  private Instant version(long shipment) {
    return shipments.findById(shipment).orElseThrow().updatedAt();
  }

  private static Parcel parcel(long id, Long shipment, int weight) {
    return new Parcel(id, shipment, "box", weight, 0);
  }

  /** Checks that the shipment's version moved past {@code before}, and returns it. */
  private Instant advanced(long shipment, Instant before, String write) {
    Instant now = version(shipment);
    assertTrue(now.isAfter(before), write + ": " + now + " is not after " + before);
    return now;
  }

  @DatabaseTest(alsoHidingRowCounts = true)
  void everyWriteOfAParcelAdvancesItsShipmentAndItsCopiesGoStale() {
    Shipment copy = shipments.findById(1).orElseThrow();
    Instant other = version(2);
    Instant v = copy.updatedAt();
    Parcel stored = parcels.insert(parcel(10, 1L, 3));
    v = advanced(1, v, "insert");
    stored = parcels.update(new Parcel(10, 1L, "crate", 3, stored.lockVersion()));
    v = advanced(1, v, "update");
    stored = parcels.updateChanged(stored, new Parcel(10, 1L, "bag", 3, 0));
    v = advanced(1, v, "updateChanged");
    parcels.updateChanged(stored, stored);
    assertEquals(v, version(1), "updateChanged that changes nothing writes nothing");
    stored = parcels.modify(10, p -> new Parcel(10, 1L, p.label(), 4, p.lockVersion()));
    v = advanced(1, v, "modify");
    stored = parcels.overwrite(new Parcel(10, 1L, "box", 5, 0));
    v = advanced(1, v, "overwrite");
    assertTrue(parcels.incrementWeight(10, 2));
    v = advanced(1, v, "counter");
    assertFalse(parcels.incrementWeight(99, 2));
    assertEquals(v, version(1), "a counter of no row touches nothing");
    stored = parcels.touch(parcels.findById(10).orElseThrow());
    v = advanced(1, v, "touch");
    parcels.delete(stored);
    v = advanced(1, v, "delete");
    parcels.insertAll(List.of(parcel(11, 1L, 1), parcel(12, 1L, 2)));
    v = advanced(1, v, "insertAll");
    parcels.updateAll(List.of(parcels.findById(11).orElseThrow()));
    v = advanced(1, v, "updateAll");
    parcels.deleteAll(List.of(parcels.findById(11).orElseThrow()));
    v = advanced(1, v, "deleteAll");
    assertTrue(parcels.deleteById(12));
    v = advanced(1, v, "deleteById");
    assertEquals(other, version(2), "the other shipment was never touched");
    StaleRecordException stale =
        assertThrows(
            StaleRecordException.class,
            () -> shipments.update(new Shipment(1, "courier", copy.updatedAt())));
    assertTrue(stale.getMessage().startsWith("stale shipment id=1: expected updated_at "),
        stale.getMessage());
    assertEquals("post", shipments.findById(1).orElseThrow().carrier());
    Shipment current = shipments.findById(1).orElseThrow();
    assertEquals("courier",
        shipments.update(new Shipment(1, "courier", current.updatedAt())).carrier(),
        "a copy read after the touches is current");
  }

  @DatabaseTest
  void writesInATightLoopStillStrictlyIncreaseTheShipmentsVersion() {
    parcels.insert(parcel(10, 1L, 0));
    Instant v = version(1);
    for (int i = 0; i < TIGHT_LOOP; i++) {
      assertTrue(parcels.incrementWeight(10, 1));
      v = advanced(1, v, "increment " + i);
    }
    assertEquals(TIGHT_LOOP, parcels.findById(10).orElseThrow().weight());
  }

  @DatabaseTest
  void aMoveTouchesBothShipmentsAndAStaleWriteNeither() {
    Parcel stored = parcels.insert(parcel(10, 1L, 3));
    Instant one = version(1);
    Instant two = version(2);
    Parcel moved = parcels.update(new Parcel(10, 2L, "box", 3, stored.lockVersion()));
    one = advanced(1, one, "the old shipment");
    two = advanced(2, two, "the new shipment");
    assertThrows(StaleRecordException.class, () -> parcels.update(stored));
    assertThrows(StaleRecordException.class, () -> parcels.delete(stored));
    assertEquals(one, version(1), "a stale write touches nothing");
    assertEquals(two, version(2), "a stale write touches nothing");
    assertEquals(moved, parcels.findById(10).orElseThrow());
  }

  @DatabaseTest
  void aNullShipmentTouchesNothing() {
    Instant one = version(1);
    Parcel stored = parcels.insert(parcel(10, null, 1));
    parcels.update(new Parcel(10, null, "bag", 1, stored.lockVersion()));
    assertTrue(parcels.incrementWeight(10, 1));
    parcels.overwrite(new Parcel(10, null, "box", 1, 0));
    assertEquals(one, version(1));
  }
}
