package dev.versioned.sample;

import dev.versioned.ConflictListener;
import dev.versioned.ModifyEvent;
import dev.versioned.RetryPolicy;
import dev.versioned.StaleBatchException;
import dev.versioned.StaleRecordException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/** The workload written with the generated repositories only: optimistic locking throughout. */
final class SafeShop implements Shop {

  private final DSLContext dsl;
  private final RetryPolicy retry;
  private final ProductRepository products;
  private final Pause pause;

  /**
   * @param maxAttempts how many times {@code modify} tries an order before giving up
   * @param lockAfter conflicting attempts after which {@code modify} reads with a row lock; 0
   *     never
   * @param pause the time an order spends between reading the product and writing it
   * @param stats where the attempts that read with a lock are counted
   */
  SafeShop(DSLContext dsl, int maxAttempts, int lockAfter, Pause pause, Stats stats) {
    this.dsl = dsl;
    // Short backoff: a retry only has to wait for the competing order to commit.
    this.retry =
        new RetryPolicy(maxAttempts, Duration.ofMillis(1), Duration.ofMillis(20))
            .withLockAfter(lockAfter);
    // The listener travels with the configuration into every transaction built from it.
    ConflictListener.register(
        dsl.configuration(),
        new ConflictListener() {
          @Override
          public void onModify(ModifyEvent modify) {
            stats.escalated.add(modify.lockingReads());
          }
        });
    this.products = new ProductRepository(dsl, retry);
    this.pause = pause;
  }

  @Override
  public List<Long> orderableProducts() {
    List<Long> ids = new ArrayList<>();
    for (Product p : products.findAll(ProductRepository.DISCONTINUED.isFalse())) {
      ids.add(p.id());
    }
    ids.sort(null);
    return ids;
  }

  @Override
  public Outcome placeOrder(long productId, int quantity, String customer, Stats stats) {
    // modify may call the change more than once: once per attempt. Counting the calls counts the
    // attempts, and the last call tells whether the order was refused.
    int[] attempts = {0};
    boolean[] refused = {false};
    try {
      // One transaction per order: the stock, the counter and the order row change together or not
      // at all. modify runs each attempt in a savepoint inside it.
      dsl.transaction(
          tx -> {
            DSLContext t = tx.dsl();
            ProductRepository products = new ProductRepository(t, retry);
            Product reserved =
                products.modify(
                    productId,
                    current -> {
                      attempts[0]++;
                      pause.think();
                      refused[0] = current.stock() < quantity;
                      // Returning the record unchanged writes nothing.
                      return refused[0] ? current : current.reserve(quantity);
                    });
            if (refused[0]) {
              return;
            }
            products.incrementUnitsSold(productId, quantity);
            new CustomerOrderRepository(t)
                .insert(
                    new CustomerOrder(
                        UUID.randomUUID().toString(),
                        productId,
                        customer,
                        quantity,
                        reserved.price(),
                        0L));
          });
    } catch (DataAccessException e) { // StaleRecordException is one
      if (!(e instanceof StaleRecordException) && !Pause.isConflict(e)) {
        throw e;
      }
      // The last attempt met a conflict too (a stale row, or a serialization failure or deadlock
      // that modify retried as well).
      stats.conflicts.add(attempts[0]);
      stats.retries.add(Math.max(0, attempts[0] - 1));
      return Outcome.GAVE_UP;
    }
    // Every attempt but the last one met a conflict.
    stats.conflicts.add(attempts[0] - 1);
    stats.retries.add(attempts[0] - 1);
    if (refused[0]) {
      return Outcome.REFUSED;
    }
    stats.unitsPlaced.add(quantity);
    return Outcome.PLACED;
  }

  @Override
  public PriceChange changePrices(int percent, Stats stats) {
    // Orders keep changing these rows, so a batch over all of them is often refused; it is read
    // again and resent until it goes through (quickly once fewer orders compete).
    int maxAttempts = 500;
    for (int attempt = 1; ; attempt++) {
      List<Product> current = products.findAll(ProductRepository.DISCONTINUED.isFalse());
      List<Product> repriced = new ArrayList<>(current.size());
      for (Product p : current) {
        repriced.add(p.reprice(Shop.raise(p.price(), percent)));
      }
      try {
        // One batch, one transaction: every price changes, or (if an order changed any of these
        // rows since findAll) none does.
        products.updateAll(repriced);
        return new PriceChange(repriced.size(), attempt, true);
      } catch (DataAccessException e) {
        // A stale row refuses the batch; so may the database itself, under load, with a
        // serialization failure or deadlock (SQLSTATE 40001, 40P01). Either way nothing was
        // written: read again and resend.
        if (e instanceof StaleBatchException) {
          stats.batchConflicts.add(((StaleBatchException) e).conflicts().size());
        } else if (!"40001".equals(e.sqlState()) && !"40P01".equals(e.sqlState())) {
          throw e;
        }
        if (attempt >= maxAttempts) {
          return new PriceChange(repriced.size(), attempt, false);
        }
        stats.batchRetries.increment();
        sleepUpTo(Math.min(20, 1L << Math.min(attempt, 5)));
      }
    }
  }

  @Override
  public int deleteDiscontinued(Stats stats) {
    int deleted = 0;
    for (Product p : products.findAll(ProductRepository.DISCONTINUED.isTrue())) {
      Product candidate = p;
      while (candidate != null) {
        try {
          // Version-checked: deletes the row only as it was read.
          products.delete(candidate);
          deleted++;
          candidate = null;
        } catch (StaleRecordException e) {
          stats.conflicts.increment();
          // Changed since it was read (reread and decide again), or already deleted by another
          // process (nothing left to do).
          Optional<Product> now = products.findById(p.id());
          candidate = now.filter(Product::discontinued).orElse(null);
        }
      }
    }
    return deleted;
  }

  private static void sleepUpTo(long millis) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(millis + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataAccessException("interrupted", e);
    }
  }
}
