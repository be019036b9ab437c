package dev.versioned.sample;

import org.jooq.exception.DataAccessException;

/**
 * The time an order spends between reading the product and writing it back: in a real shop, the
 * price lookup, the payment check, the network. The longer it is, the more often two orders for
 * the same product overlap, which is what the program is about.
 */
final class Pause {
  private final int millis;

  Pause(int millis) {
    this.millis = millis;
  }

  void think() {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataAccessException("interrupted", e);
    }
  }

  /** Whether a database error is a serialization failure or a deadlock (SQLSTATE 40001, 40P01). */
  static boolean isConflict(DataAccessException e) {
    String state = e.sqlState();
    return "40001".equals(state) || "40P01".equals(state);
  }
}
