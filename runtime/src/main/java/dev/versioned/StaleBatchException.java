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

  private static String message(List<StaleRecordException> conflicts) {
    return conflicts.size()
        + " stale row(s) in batch, nothing written: "
        + conflicts.stream().map(Exception::getMessage).collect(Collectors.joining("; "));
  }

  /**
   * Every stale row of the batch.
   *
   * @return the conflicts, in batch-index order
   */
  public List<StaleRecordException> conflicts() {
    return conflicts;
  }
}
