package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.versioned.StaleRecordException;
import dev.versioned.support.Retry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The aggregate pattern under contention: 8 threads, each on its own pooled connection, add 1 to
 * one of the 4 lines of one purchase while the purchase's total stays within a limit. Each reads
 * the purchase and its lines, and when the total is below the limit, in one transaction touches
 * the purchase (version-checked, against the copy it read) and updates its line. Each write is
 * fine alone; only the root's touch stops two threads that saw the same total from both adding.
 * The total never exceeds the limit, and every successful write is in the final state.
 */
class AggregateConcurrencyTest {
  static final int THREADS = 8;
  static final int LINES = 4;
  static final int LIMIT = 200;

  @DatabaseTest
  void eightThreadsEditingFourLinesOfOnePurchaseKeepItsTotalAndLoseNothing(Db db)
      throws Exception {
    PurchaseRepository purchases = new PurchaseRepository(db.dsl);
    PurchaseLineRepository lines = new PurchaseLineRepository(db.dsl);
    purchases.insert(new Purchase(1, "shared", 0));
    for (int i = 1; i <= LINES; i++) {
      lines.insert(new PurchaseLine(i, 1L, "line " + i, 0, 0));
    }
    int versionBefore = purchases.findById(1).orElseThrow().lockVersion();
    HikariDataSource pool = db.pool(THREADS, config -> config.setMinimumIdle(THREADS));
    DSLContext dsl = DSL.using(pool, db.database.dialect);
    PurchaseRepository sharedPurchases = new PurchaseRepository(dsl);
    PurchaseLineRepository sharedLines = new PurchaseLineRepository(dsl);

    AtomicLongArray successes = new AtomicLongArray(LINES);
    AtomicLong conflicts = new AtomicLong();
    AtomicInteger largestTotalSeen = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService executor = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        long mine = t % LINES + 1;
        futures.add(executor.submit(() -> {
          start.await();
          while (true) {
            Purchase purchase = sharedPurchases.findById(1).orElseThrow();
            List<PurchaseLine> all =
                sharedLines.findAll(PurchaseLineRepository.PURCHASE_ID.eq(1L));
            int total = all.stream().mapToInt(PurchaseLine::quantity).sum();
            largestTotalSeen.accumulateAndGet(total, Math::max);
            if (total >= LIMIT) {
              return null;
            }
            PurchaseLine line =
                all.stream().filter(l -> l.id() == mine).findFirst().orElseThrow();
            try {
              dsl.transaction(c -> {
                DSLContext tx = DSL.using(c);
                new PurchaseRepository(tx).touch(purchase);
                new PurchaseLineRepository(tx).update(
                    new PurchaseLine(line.id(), line.purchaseId(), line.product(),
                        line.quantity() + 1, line.lockVersion()));
              });
              successes.incrementAndGet((int) mine - 1);
            } catch (RuntimeException e) {
              if (!(e instanceof StaleRecordException) && !Retry.isConflict(e)) {
                throw e;
              }
              conflicts.incrementAndGet();
            }
          }
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(10, TimeUnit.MINUTES);
      }
    } finally {
      executor.shutdownNow();
    }

    long written = 0;
    for (int i = 0; i < LINES; i++) {
      PurchaseLine line = lines.findById(i + 1).orElseThrow();
      assertEquals(successes.get(i), line.quantity(), "line " + (i + 1) + ": no write lost");
      assertEquals(successes.get(i), line.lockVersion(), "line " + (i + 1) + ": one version each");
      written += successes.get(i);
    }
    assertEquals(LIMIT, written, "the total reached the limit and not beyond");
    assertTrue(largestTotalSeen.get() <= LIMIT, "a reader saw " + largestTotalSeen.get());
    assertEquals(versionBefore + 2 * written,
        purchases.findById(1).orElseThrow().lockVersion(),
        "each transaction touched the purchase twice: the root's touch and the line's");
    assertTrue(conflicts.get() > 0, "no conflict: the test did not contend");
    System.out.println("AGGREGATE " + db.database.label + " writes=" + written
        + " conflicts=" + conflicts.get());
  }
}
