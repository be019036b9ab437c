package dev.versioned.sample;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import org.jooq.Record3;

/**
 * Reads the database after the workers are done and checks the invariants that optimistic locking
 * keeps, whatever the number of processes and threads that wrote:
 *
 * <ul>
 *   <li>no product's stock is negative;
 *   <li>stock + units sold = initial stock (no update of the stock was lost);
 *   <li>units sold = the units of the recorded orders (each order was written whole);
 *   <li>version = 2 × orders + price changes: every order wrote the row exactly twice ({@code
 *       modify}, then {@code incrementUnitsSold}) and every price change once, and each write
 *       added one to the version.
 * </ul>
 */
final class Verifier {

  /** A product as stored, with the orders recorded for it. */
  record Row(Product product, long orders, long orderedUnits) {
    long expectedVersion() {
      return 2 * orders + product.priceChanges();
    }

    /** Units counted as sold that never came off the stock: the trace of lost updates. */
    long lostUnits() {
      Product p = product;
      return (long) p.unitsSold() - ((long) p.initialStock() - p.stock());
    }
  }

  /** One invariant and the products that break it. */
  record Check(String name, boolean checked, String whyNot, List<Row> broken, Function<Row, String> explain) {}

  /** All the checks of one database. */
  record Verification(List<Row> rows, List<Check> checks) {
    boolean ok() {
      return checks.stream().allMatch(c -> c.broken().isEmpty());
    }

    long lostUnits() {
      return rows.stream().mapToLong(r -> Math.max(0, r.lostUnits())).sum();
    }

    long oversold() {
      return rows.stream()
          .mapToLong(r -> Math.max(0, (long) r.product().unitsSold() - r.product().initialStock()))
          .sum();
    }

    long orders() {
      return rows.stream().mapToLong(Row::orders).sum();
    }

    long unitsSold() {
      return rows.stream().mapToLong(r -> r.product().unitsSold()).sum();
    }
  }

  private Verifier() {}

  /**
   * Checks the database.
   *
   * @param unsafe whether the orders were written by {@code --unsafe}, which does not maintain the
   *     version column: the version check is then skipped
   */
  static Verification verify(DSLContext dsl, boolean unsafe) {
    // The products through their repository; the order totals with a plain jOOQ GROUP BY on the
    // generated column constants (a query the repository has no method for).
    List<Product> products = new ProductRepository(dsl).findAll();
    Map<Long, long[]> totals = new HashMap<>();
    for (Record3<Long, Integer, BigDecimal> r :
        dsl.select(
                CustomerOrderRepository.PRODUCT_ID,
                count(),
                sum(CustomerOrderRepository.QUANTITY))
            .from(CustomerOrderRepository.TABLE)
            .groupBy(CustomerOrderRepository.PRODUCT_ID)
            .fetch()) {
      totals.put(r.value1(), new long[] {r.value2(), r.value3().longValueExact()});
    }
    List<Row> rows = new ArrayList<>();
    for (Product p : products) {
      long[] t = totals.getOrDefault(p.id(), new long[2]);
      rows.add(new Row(p, t[0], t[1]));
    }
    rows.sort((a, b) -> Long.compare(a.product().id(), b.product().id()));

    List<Check> checks = new ArrayList<>();
    checks.add(
        check(
            "stock never negative",
            rows,
            r -> r.product().stock() >= 0,
            r -> "stock " + r.product().stock()));
    checks.add(
        check(
            "stock + units sold = initial stock",
            rows,
            r -> r.lostUnits() == 0,
            r ->
                r.product().stock()
                    + " + "
                    + r.product().unitsSold()
                    + " != "
                    + r.product().initialStock()));
    checks.add(
        check(
            "units sold = units in recorded orders",
            rows,
            r -> r.product().unitsSold() == r.orderedUnits(),
            r -> r.product().unitsSold() + " sold, orders hold " + r.orderedUnits()));
    String version = "version = writes (2 per order + price changes)";
    if (unsafe) {
      checks.add(
          new Check(
              version,
              false,
              "--unsafe writes bypass the version column",
              List.of(),
              r -> ""));
    } else {
      checks.add(
          check(
              version,
              rows,
              r -> r.product().lockVersion() == r.expectedVersion(),
              r -> "version " + r.product().lockVersion() + ", writes " + r.expectedVersion()));
    }
    return new Verification(rows, checks);
  }

  private static Check check(
      String name, List<Row> rows, Predicate<Row> holds, Function<Row, String> explain) {
    List<Row> broken = rows.stream().filter(holds.negate()).toList();
    return new Check(name, true, "", broken, explain);
  }

  /** Prints the products, the lost updates and the invariants. */
  static void print(Verification v, boolean unsafe, PrintStream out) {
    List<Row> rows = v.rows();
    out.println();
    out.printf(
        Locale.ROOT,
        "Verify: %,d products, %,d orders, %,d units sold in the database%n",
        rows.size(),
        v.orders(),
        v.unitsSold());
    out.println(
        "   id  product                      price  initial  stock   sold  orders  version  writes");
    int shown = 0;
    for (Row r : rows) {
      if (shown++ == 12) {
        out.printf(Locale.ROOT, "  ... and %,d more, all checked%n", rows.size() - 12);
        break;
      }
      Product p = r.product();
      out.printf(
          Locale.ROOT,
          "  %3d  %-26s %7s  %7d  %5d  %5d  %6d  %7d  %6s%n",
          p.id(),
          abbreviate(p.name(), 26),
          p.price().toPlainString(),
          p.initialStock(),
          p.stock(),
          p.unitsSold(),
          r.orders(),
          p.lockVersion(),
          unsafe ? "-" : Long.toString(r.expectedVersion()));
    }
    out.println(
        unsafe
            ? "  (--unsafe leaves the versions alone: nothing counts the writes)"
            : "  (writes = 2 per order + price changes: what the version must count)");
    out.println();
    long lost = v.lostUnits();
    out.printf(
        Locale.ROOT,
        "Lost updates: %,d units sold but never taken off the stock%s%n",
        lost,
        lost == 0
            ? ""
            : unsafe
                ? " (orders overwrote each other's stock)"
                : "");
    long oversold = v.oversold();
    if (oversold > 0) {
      out.printf(
          Locale.ROOT,
          "Oversold:     %,d units sold beyond the stock the shop ever had%n",
          oversold);
    }
    out.println();
    out.println("Invariants");
    int failed = 0;
    int held = 0;
    for (Check c : v.checks()) {
      if (!c.checked()) {
        out.printf(Locale.ROOT, "  [skipped] %-48s %s%n", c.name(), c.whyNot());
        continue;
      }
      if (c.broken().isEmpty()) {
        held++;
        out.printf(
            Locale.ROOT, "  [ok]      %-48s %d of %d products%n", c.name(), rows.size(), rows.size());
      } else {
        failed++;
        Row first = c.broken().get(0);
        out.printf(
            Locale.ROOT,
            "  [FAILED]  %-48s %d of %d products, e.g. #%d %s: %s%n",
            c.name(),
            c.broken().size(),
            rows.size(),
            first.product().id(),
            first.product().name(),
            c.explain().apply(first));
      }
    }
    out.println();
    if (failed == 0) {
      out.printf(Locale.ROOT, "Result: all %d invariants checked hold.%n", held);
    } else {
      out.printf(
          Locale.ROOT,
          "Result: %d of %d invariants checked are BROKEN%s.%n",
          failed,
          failed + held,
          unsafe ? ", as expected without optimistic locking: run again without --unsafe" : "");
    }
  }

  private static String abbreviate(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 3) + "...";
  }
}
