package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.versioned.StaleRecordException;
import org.junit.jupiter.api.BeforeEach;

/** The example of {@code docs/aggregates.md}, run on every database. */
class AggregateExampleTest {
  private Db db;
  private PurchaseRepository purchases;
  private PurchaseLineRepository lines;

  @BeforeEach
  void setUp(Db db) {
    this.db = db;
    purchases = new PurchaseRepository(db.dsl);
    lines = new PurchaseLineRepository(db.dsl);
    purchases.insert(new Purchase(1, "ann", 0));
    lines.insert(new PurchaseLine(1, 1L, "tea", 4, 0));
    lines.insert(new PurchaseLine(2, 1L, "cake", 4, 0));
  }

  @DatabaseTest
  void twoEditsOfDifferentLinesFromOneReadCannotBothPass() {
    Purchase purchase = purchases.findById(1).orElseThrow();
    PurchaseLine tea = lines.findById(1).orElseThrow();
    PurchaseLine cake = lines.findById(2).orElseThrow();
    // Each alone keeps the purchase at 10 items; together they would make 12.
    AggregateExample.setQuantity(db.dsl, purchase, tea, 6);
    assertThrows(StaleRecordException.class,
        () -> AggregateExample.setQuantity(db.dsl, purchase, cake, 6));
    assertEquals(4, lines.findById(2).orElseThrow().quantity(), "the second edit wrote nothing");
    // Read again, the second edit sees the first and is refused by the rule.
    Purchase fresh = purchases.findById(1).orElseThrow();
    assertThrows(IllegalArgumentException.class,
        () -> AggregateExample.setQuantity(db.dsl, fresh, cake, 6));
    assertEquals(fresh, purchases.findById(1).orElseThrow(), "the refused edit touched nothing");
    assertEquals(4, AggregateExample.setQuantity(db.dsl, fresh, cake, 4).quantity());
  }
}
