package dev.versioned.sample;

import java.util.concurrent.atomic.LongAdder;

/** What this process saw while it placed orders; shared by every worker thread. */
final class Stats {
  /** Orders finished, whatever their outcome. */
  final LongAdder done = new LongAdder();
  /** Orders written: units taken off the stock, counted as sold, order row inserted. */
  final LongAdder placed = new LongAdder();
  /** Units in the placed orders. */
  final LongAdder unitsPlaced = new LongAdder();
  /** Orders refused because the product had too few units left. */
  final LongAdder refused = new LongAdder();
  /** Orders still conflicting after the last attempt {@code modify} was allowed. */
  final LongAdder gaveUp = new LongAdder();
  /** Writes refused because the row had changed since it was read (stale version). */
  final LongAdder conflicts = new LongAdder();
  /** Attempts made again after a conflict. */
  final LongAdder retries = new LongAdder();
  /**
   * Attempts of {@code modify} that read the row with a locking read (after {@code --lock-after}
   * conflicts), as told by the {@code ConflictListener}.
   */
  final LongAdder escalated = new LongAdder();
  /** Stale rows reported by the price change's {@code updateAll} batches. */
  final LongAdder batchConflicts = new LongAdder();
  /** Price-change batches that were refused and run again. */
  final LongAdder batchRetries = new LongAdder();
}
