package dev.versioned.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The writes of the workload. {@link SafeShop} makes them through the generated repositories;
 * {@link UnsafeShop} makes the same ones with plain read-then-write SQL, to show what goes wrong.
 */
interface Shop {

  /** What happened to one order. */
  enum Outcome {
    /** Units taken off the stock, counted as sold, order recorded. */
    PLACED,
    /** Not enough units left: nothing written. */
    REFUSED,
    /** Every attempt met a conflict: nothing written. */
    GAVE_UP
  }

  /** The outcome of a price change. */
  record PriceChange(int products, int attempts, boolean applied) {}

  /** The product ids customers can order (every product not marked discontinued). */
  List<Long> orderableProducts();

  /**
   * Places one order: takes {@code quantity} units off the product's stock if it has that many,
   * adds them to its units sold, and records the order; all in one transaction.
   */
  Outcome placeOrder(long productId, int quantity, String customer, Stats stats);

  /** Raises the price of every orderable product by {@code percent}, all in one batch. */
  PriceChange changePrices(int percent, Stats stats);

  /**
   * Deletes the products marked discontinued.
   *
   * @return how many this call deleted (0 when another process was first)
   */
  int deleteDiscontinued(Stats stats);

  /** {@code price} raised by {@code percent}, rounded to cents. */
  static BigDecimal raise(BigDecimal price, int percent) {
    return price
        .multiply(BigDecimal.valueOf(100L + percent))
        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
  }
}
