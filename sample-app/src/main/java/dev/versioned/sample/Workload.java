package dev.versioned.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * W worker threads place O orders between them, each for 1 to 3 units of a product chosen at
 * random. The worker that takes the middle order first runs the price change, so it competes with
 * the orders still running; the discontinued products are deleted before the first order.
 */
final class Workload {

  /** What the admin tasks of this process did, and how long the orders took. */
  record Result(long elapsedNanos, int discontinuedDeleted, Shop.PriceChange priceChange) {}

  static final int PRICE_RAISE_PERCENT = 5;

  private Workload() {}

  static Result run(Shop shop, int workers, int orders, Stats stats, Progress progress)
      throws InterruptedException {
    List<Long> products = shop.orderableProducts();
    if (products.isEmpty()) {
      throw new IllegalStateException("the database has no products to order: run with --seed first");
    }
    int deleted = shop.deleteDiscontinued(stats);
    AtomicInteger next = new AtomicInteger();
    Shop.PriceChange[] priceChange = {null};
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> new Thread(r, "worker"));
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        futures.add(
            pool.submit(
                () -> {
                  ThreadLocalRandom random = ThreadLocalRandom.current();
                  for (int i = next.getAndIncrement(); i < orders; i = next.getAndIncrement()) {
                    if (i == orders / 2) {
                      priceChange[0] = shop.changePrices(PRICE_RAISE_PERCENT, stats);
                    }
                    long product = products.get(random.nextInt(products.size()));
                    int quantity = 1 + random.nextInt(3);
                    String customer = "customer-" + (1 + random.nextInt(1000));
                    Shop.Outcome outcome = shop.placeOrder(product, quantity, customer, stats);
                    // done first: the progress line reads the outcomes before done, so it never
                    // shows more orders placed than done.
                    stats.done.increment();
                    switch (outcome) {
                      case PLACED -> stats.placed.increment();
                      case REFUSED -> stats.refused.increment();
                      case GAVE_UP -> stats.gaveUp.increment();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          next.set(orders); // stop the other workers at their next order
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException r) {
            throw r;
          }
          throw new IllegalStateException(cause);
        }
      }
    } finally {
      pool.shutdownNow();
      progress.close();
    }
    return new Result(System.nanoTime() - start, deleted, priceChange[0]);
  }
}
