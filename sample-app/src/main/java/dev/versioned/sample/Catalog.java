package dev.versioned.sample;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/** Seeds the database: a fresh catalog, every product with the same stock and no orders. */
final class Catalog {
  private static final String[] NAMES = {
    "Anvil", "Bolt cutter", "Crowbar", "Drill", "Extension cord", "File set",
    "Glue gun", "Hammer", "Inkjet cartridge", "Jigsaw", "Knife", "Ladder"
  };

  private Catalog() {}

  /** The name of product {@code id} (from 1). */
  static String name(long id) {
    int n = NAMES.length;
    long round = (id - 1) / n;
    String base = NAMES[(int) ((id - 1) % n)];
    return round == 0 ? base : base + " " + (round + 1);
  }

  /**
   * Deletes every order and product, then inserts {@code count} products with {@code stock} units
   * each, plus one discontinued product (deleted by the workers when they start). One transaction.
   *
   * @return the products inserted
   */
  static List<Product> seed(DSLContext dsl, int count, int stock) {
    List<Product> catalog = new ArrayList<>(count + 1);
    for (long id = 1; id <= count; id++) {
      BigDecimal price = BigDecimal.valueOf(500 + 250 * ((id - 1) % 12), 2); // 5.00, 7.50, ...
      catalog.add(new Product(id, name(id), price, stock, stock, 0, 0, false, 0L));
    }
    long last = count + 1L;
    catalog.add(
        new Product(
            last, "Fax machine (discontinued)", new BigDecimal("99.00"), 0, 0, 0, 0, true, 0L));
    return dsl.transactionResult(
        tx -> {
          // Nested inside this transaction, each repository batch runs in a savepoint: the reset
          // and the new catalog commit together.
          CustomerOrderRepository orders = new CustomerOrderRepository(tx.dsl());
          ProductRepository products = new ProductRepository(tx.dsl());
          orders.deleteAll(orders.findAll());
          products.deleteAll(products.findAll());
          return products.insertAll(catalog);
        });
  }
}
