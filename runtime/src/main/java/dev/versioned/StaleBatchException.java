package dev.versioned;

import java.util.List;
import java.util.stream.Collectors;
import org.jooq.exception.DataChangedException;

/**
 * A batch ({@code updateAll}, {@code deleteAll}) met one or more stale rows. The whole batch was
 * rolled back: nothing was written.
 */
public class StaleBatchException extends DataChangedException {
  private static final long serialVersionUID = 1L;

  private final transient List<StaleRecordException> conflicts;

  /**
   * Creates the exception.
   *
   * @param conflicts every stale row of the batch, each with its {@link
   *     StaleRecordException#batchIndex()}, in index order
   */
  public StaleBatchException(List<StaleRecordException> conflicts) {
    super(message(conflicts));
    this.conflicts = List.copyOf(conflicts);
  }

  /**
   * Creates the exception for a batch that the database refused as a whole as a serialization
   * failure (SQLSTATE {@code 40001}), without saying which rows conflicted: {@link #conflicts()}
   * is then empty, and the failure is the cause.
   *
   * @param conflicts the stale rows known, usually none
   * @param cause the database's failure
   */
  public StaleBatchException(List<StaleRecordException> conflicts, Throwable cause) {
    super(
        conflicts.isEmpty()
            ? "the database refused the batch as a serialization failure (SQLSTATE 40001),"
                + " nothing written; which rows conflicted is unknown: "
                + cause.getMessage()
            : message(conflicts),
        cause);
    this.conflicts = List.copyOf(conflicts);
  }

  private static String message(List<StaleRecordException> conflicts) {
    return conflicts.size()
        + " stale row(s) in batch, nothing written: "
        + conflicts.stream().map(Exception::getMessage).collect(Collectors.joining("; "));
  }

  /**
   * Every stale row of the batch.
   *
   * @return the conflicts, in batch-index order; empty when the database refused the whole batch
   *     as a serialization failure (the cause) without saying which rows
   */
  public List<StaleRecordException> conflicts() {
    return conflicts;
  }
}
