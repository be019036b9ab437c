package dev.versioned.it;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The aggregate pattern as {@code docs/aggregates.md} shows it, compiled and run by {@link
 * AggregateExampleTest}: a purchase holds at most {@link #MAX_ITEMS} items over all its lines.
 */
final class AggregateExample {
  static final int MAX_ITEMS = 10;

  private AggregateExample() {}

  /**
   * Sets the quantity of one line, keeping the purchase within {@link #MAX_ITEMS} items.
   *
   * @param dsl the application's jOOQ context
   * @param purchase the purchase as the caller read it
   * @param line the line as the caller read it
   * @param quantity the new quantity
   * @return the line as stored
   * @throws dev.versioned.StaleRecordException if the purchase, or the line, changed since read
   * @throws IllegalArgumentException if the purchase would hold too many items
   */
  static PurchaseLine setQuantity(
      DSLContext dsl, Purchase purchase, PurchaseLine line, int quantity) {
    return dsl.transactionResult(configuration -> {
      DSLContext tx = DSL.using(configuration);
      PurchaseRepository purchases = new PurchaseRepository(tx);
      PurchaseLineRepository lines = new PurchaseLineRepository(tx);
      // Version-checked: refused if any line of the purchase was written since it was read,
      // because every line write touches the purchase.
      purchases.touch(purchase);
      int others =
          lines.findAll(PurchaseLineRepository.PURCHASE_ID.eq(purchase.id())).stream()
              .filter(l -> l.id() != line.id())
              .mapToInt(PurchaseLine::quantity)
              .sum();
      if (others + quantity > MAX_ITEMS) {
        throw new IllegalArgumentException("a purchase holds at most " + MAX_ITEMS + " items");
      }
      return lines.update(
          new PurchaseLine(
              line.id(), line.purchaseId(), line.product(), quantity, line.lockVersion()));
    });
  }
}
