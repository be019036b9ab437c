package dev.versioned.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The point of the program: the same orders lose updates without optimistic locking, and lose none
 * with it.
 */
class UnsafeModeTest {

  /**
   * Two products, six workers, a pause between read and write: most orders overlap another one on
   * the same product. Stock large enough that no order is refused, so every lost unit shows.
   */
  private static final String[] CONTENDED = {
    "--products", "2", "--workers", "6", "--orders", "200", "--stock", "100000", "--think-ms", "2"
  };

  @Test
  void unsafeModeReportsLostUpdates() throws Exception {
    // Lost updates are a race, so in principle a run could have none; with this contention that
    // never happens in practice, but a few tries keep the test from depending on it.
    SampleProcess.Result r = null;
    for (int attempt = 1; attempt <= 3; attempt++) {
      r = SampleProcess.run(with(CONTENDED, "--unsafe"));
      if (r.exitCode() != 0 && r.number("Lost updates:") > 0) {
        break;
      }
    }
    SampleProcess.Result last = r;
    assertEquals(1, last.exitCode(), "an invariant is broken, so the exit status is 1\n" + last);
    assertTrue(last.number("Lost updates:") > 0, last::toString);
    assertTrue(
        last.output().contains("[FAILED]  stock + units sold = initial stock"), last::toString);
    // The units sold stay right (an atomic increment); the stock is what loses writes.
    assertTrue(
        last.output().contains("[ok]      units sold = units in recorded orders"), last::toString);
    assertTrue(last.output().contains("[skipped] version = writes"), last::toString);
    assertEquals(0, last.number("conflicts detected"), last::toString);
  }

  @Test
  void safeModeWithTheSameContentionLosesNothing() throws Exception {
    SampleProcess.Result r = SampleProcess.run(CONTENDED);

    assertEquals(0, r.exitCode(), r::toString);
    assertEquals(0, r.number("Lost updates:"), r::toString);
    assertEquals(200, r.number("placed"), r::toString); // stock is ample, nothing refused
    assertTrue(r.number("conflicts detected") > 0, r::toString);
    assertTrue(r.output().contains("Result: all 4 invariants checked hold."), r::toString);
  }

  private static String[] with(String[] args, String extra) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = extra;
    return all;
  }
}
