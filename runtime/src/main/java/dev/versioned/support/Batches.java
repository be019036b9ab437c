package dev.versioned.support;

import dev.versioned.StaleBatchException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;

/** Runs the statements of {@code updateAll} and {@code deleteAll} as JDBC batches. */
public final class Batches {
  private Batches() {}

  /** Thrown inside the savepoint to roll the batch back when the driver hides its row counts. */
  private static final class NoRowCounts extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoRowCounts() {
      super(null, null, false, false);
    }
  }

  /**
   * Executes the queries as prepared-statement batches (one batch per distinct SQL string, values
   * bound, never inlined) and returns each query's row count, in the order given.
   *
   * <p>If the driver answers {@link Statement#SUCCESS_NO_INFO} for any statement, the batches are
   * rolled back to a savepoint and every query is run again one at a time, so each count is real.
   * The caller must run this inside a transaction.
   *
   * @param ctx the transaction's context
   * @param queries the queries, attached to {@code ctx}
   * @return the row count of each query
   */
  public static int[] execute(DSLContext ctx, List<? extends Query> queries) {
    if (queries.isEmpty()) {
      return new int[0];
    }
    try {
      return ctx.transactionResult(
          savepoint -> {
            int[] counts = executeBatches(DSL.using(savepoint), queries);
            for (int count : counts) {
              if (count == Statement.SUCCESS_NO_INFO) {
                throw new NoRowCounts();
              }
            }
            return counts;
          });
    } catch (NoRowCounts unknown) {
      int[] counts = new int[queries.size()];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = ctx.execute(queries.get(i));
      }
      return counts;
    }
  }

  private static int[] executeBatches(DSLContext ctx, List<? extends Query> queries) {
    Map<String, List<Integer>> bySql = new LinkedHashMap<>();
    for (int i = 0; i < queries.size(); i++) {
      bySql.computeIfAbsent(ctx.render(queries.get(i)), sql -> new ArrayList<>()).add(i);
    }
    int[] counts = new int[queries.size()];
    for (List<Integer> group : bySql.values()) {
      BatchBindStep batch = ctx.batch(queries.get(group.get(0)));
      for (int index : group) {
        batch = batch.bind(queries.get(index).getBindValues().toArray());
      }
      int[] groupCounts = batch.execute();
      if (groupCounts.length != group.size()) {
        // A driver that does not report per statement: treat as unknown.
        groupCounts = new int[group.size()];
        java.util.Arrays.fill(groupCounts, Statement.SUCCESS_NO_INFO);
      }
      for (int j = 0; j < group.size(); j++) {
        counts[group.get(j)] = groupCounts[j];
      }
    }
    return counts;
  }

  /**
   * Turns a batch that the database refused as a serialization failure (SQLSTATE {@code 40001}: a
   * PostgreSQL serialization failure, a Galera certification failure, a deadlock) into a {@link
   * StaleBatchException} with no listed conflicts (the database does not say which rows) and that
   * failure as its cause. Any other failure is returned as it is.
   *
   * @param failure what the batch threw
   * @return the exception to throw
   */
  public static RuntimeException refused(RuntimeException failure) {
    if (failure instanceof StaleBatchException || !Retry.hasSqlState(failure, "40001")) {
      return failure;
    }
    return new StaleBatchException(List.of(), failure);
  }
}
