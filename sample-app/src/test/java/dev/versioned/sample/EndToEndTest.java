package dev.versioned.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The program as a newcomer first runs it: no options, embedded H2, a separate process. */
class EndToEndTest {

  @Test
  void defaultRunOnH2DetectsConflictsAndEveryInvariantHolds() throws Exception {
    SampleProcess.Result r = SampleProcess.run();

    assertEquals(0, r.exitCode(), r::toString);
    String out = r.output();
    assertTrue(out.contains("  mode      optimistic locking: generated repositories only"), r::toString);
    assertTrue(out.contains("Flyway applied 1 migration(s), now at version 1"), r::toString);
    assertTrue(out.contains("Seed: 5 products with 350 units each"), r::toString);

    // Every order ended one way or another, and the counts add up.
    long placed = r.number("placed");
    long refused = r.number("refused");
    long gaveUp = r.number("given up");
    assertEquals(1000, placed + refused + gaveUp, r::toString);
    // 8 workers on 5 products with 1 ms between read and write: orders do collide, and demand
    // (about 2,000 units) exceeds the stock (1,750), so some orders are refused.
    assertTrue(r.number("conflicts detected") > 0, r::toString);
    assertTrue(r.number("retries") > 0, r::toString);
    assertTrue(refused > 0, r::toString);
    assertTrue(out.contains("orders/s"), r::toString);
    assertEquals(1, r.number("discontinued"), r::toString);

    // The database agrees with what the workers counted.
    assertEquals(placed, r.number("Verify: 5 products,"), r::toString);
    assertEquals(0, r.number("Lost updates:"), r::toString);
    for (String invariant :
        new String[] {
          "stock never negative",
          "stock + units sold = initial stock",
          "units sold = units in recorded orders",
          "version = writes (2 per order + price changes)"
        }) {
      assertTrue(out.contains("[ok]      " + invariant), () -> invariant + "\n" + r);
    }
    assertTrue(out.contains("Result: all 4 invariants checked hold."), r::toString);
    assertEquals(0, r.number("escalated"), r::toString);
  }

  @Test
  void lockAfterOneEscalatesAttemptsAndNoOrderGivesUp() throws Exception {
    SampleProcess.Result optimistic = SampleProcess.run("--orders", "400");
    SampleProcess.Result locking = SampleProcess.run("--orders", "400", "--lock-after", "1");

    assertEquals(0, optimistic.exitCode(), optimistic::toString);
    assertEquals(0, locking.exitCode(), locking::toString);
    assertTrue(locking.output().contains("(--lock-after 1: after 1 conflicting attempt)"),
        locking::toString);
    assertTrue(locking.number("escalated") > 0, locking::toString);
    assertEquals(0, optimistic.number("escalated"), optimistic::toString);
    // An escalated attempt holds the lock: no order runs out of attempts. (The totals of conflicts
    // are not compared: they depend on how the backoff spreads the optimistic orders.)
    assertEquals(0, locking.number("given up"), locking::toString);
    assertEquals(0, locking.number("Lost updates:"), locking::toString);
    assertTrue(locking.output().contains("Result: all 4 invariants checked hold."),
        locking::toString);
  }

  @Test
  void plainOutputPrintsPeriodicProgressLinesWithoutCarriageReturns() throws Exception {
    // Standard output is a file here, not a terminal: whole lines, no \r. Two workers placing 100
    // orders each with 10 ms per order run for more than the one second between two lines.
    SampleProcess.Result r =
        SampleProcess.run("--orders", "200", "--think-ms", "10", "--workers", "2");

    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.output().matches("(?s).*\n  [0-9,]+/200 orders  placed .*"), r::toString);
    assertTrue(r.output().indexOf('\r') < 0, r::toString);
  }
}
