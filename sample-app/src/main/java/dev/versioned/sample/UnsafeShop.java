package dev.versioned.sample;

import static dev.versioned.sample.ProductRepository.DISCONTINUED;
import static dev.versioned.sample.ProductRepository.ID;
import static dev.versioned.sample.ProductRepository.PRICE;
import static dev.versioned.sample.ProductRepository.PRICE_CHANGES;
import static dev.versioned.sample.ProductRepository.STOCK;
import static dev.versioned.sample.ProductRepository.TABLE;
import static dev.versioned.sample.ProductRepository.UNITS_SOLD;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Record3;
import org.jooq.Result;

/**
 * The same workload as {@link SafeShop}, written the way code often is: read the row, compute, write
 * the new value back, with no version check. Plain jOOQ on the same tables (the repositories' column
 * constants are public for queries like these); the version column is never read or written.
 *
 * <p>Two orders that read the same stock both write "stock they read − their quantity", and the
 * later write erases the earlier one: a lost update. The units sold use an atomic {@code SET
 * units_sold = units_sold + ?} (no read), so they stay right, and the difference between units sold
 * and the stock's decrease is exactly the units lost.
 */
final class UnsafeShop implements Shop {

  private final DSLContext dsl;
  private final Pause pause;

  UnsafeShop(DSLContext dsl, Pause pause) {
    this.dsl = dsl;
    this.pause = pause;
  }

  @Override
  public List<Long> orderableProducts() {
    return dsl.select(ID).from(TABLE).where(DISCONTINUED.isFalse()).orderBy(ID).fetch(ID);
  }

  @Override
  public Outcome placeOrder(long productId, int quantity, String customer, Stats stats) {
    return dsl.transactionResult(
        tx -> {
          DSLContext t = tx.dsl();
          Record2<Integer, BigDecimal> row =
              t.select(STOCK, PRICE).from(TABLE).where(ID.eq(productId)).fetchSingle();
          int stock = row.value1();
          pause.think();
          if (stock < quantity) {
            return Outcome.REFUSED;
          }
          // Last write wins: whatever another order wrote since our read is overwritten.
          t.update(TABLE).set(STOCK, stock - quantity).where(ID.eq(productId)).execute();
          t.update(TABLE)
              .set(UNITS_SOLD, UNITS_SOLD.plus(quantity))
              .where(ID.eq(productId))
              .execute();
          t.insertInto(CustomerOrderRepository.TABLE)
              .set(CustomerOrderRepository.ID, UUID.randomUUID().toString())
              .set(CustomerOrderRepository.PRODUCT_ID, productId)
              .set(CustomerOrderRepository.CUSTOMER, customer)
              .set(CustomerOrderRepository.QUANTITY, quantity)
              .set(CustomerOrderRepository.UNIT_PRICE, row.value2())
              .set(CustomerOrderRepository.LOCK_VERSION, 0L)
              .execute();
          stats.unitsPlaced.add(quantity);
          return Outcome.PLACED;
        });
  }

  @Override
  public PriceChange changePrices(int percent, Stats stats) {
    return dsl.transactionResult(
        tx -> {
          DSLContext t = tx.dsl();
          Result<Record3<Long, BigDecimal, Integer>> rows =
              t.select(ID, PRICE, PRICE_CHANGES).from(TABLE).where(DISCONTINUED.isFalse()).fetch();
          for (Record3<Long, BigDecimal, Integer> row : rows) {
            t.update(TABLE)
                .set(PRICE, Shop.raise(row.value2(), percent))
                .set(PRICE_CHANGES, row.value3() + 1)
                .where(ID.eq(row.value1()))
                .execute();
          }
          return new PriceChange(rows.size(), 1, true);
        });
  }

  @Override
  public int deleteDiscontinued(Stats stats) {
    return dsl.deleteFrom(TABLE).where(DISCONTINUED.isTrue()).execute();
  }
}
