package dev.versioned.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The hot-rows benchmark runs each of its modes on H2 for a moment and loses no update (it reads
 * every row back and throws on a lost one). Not a measurement: that is {@link HotRows#main}.
 */
class HotRowsSmokeTest {
  static {
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
  }

  @Test
  void everyModeRunsOnOneHotRowAndLosesNothing() throws Exception {
    for (String mode : HotRows.MODES) {
      HotRows.Totals totals = new HotRows.Totals();
      HotRows.runOnce("h2", 1, mode, 0.3, 1, totals);
      assertTrue(totals.successes > 0, mode);
      assertEquals(HotRows.THREADS, totals.latencies.size(), mode);
      if (mode.equals("forUpdate")) {
        assertEquals(0, totals.conflicts, "a locked row never conflicts");
      } else {
        assertTrue(totals.conflicts > 0, mode + ": eight threads on one row must conflict");
      }
    }
  }
}
