package dev.versioned.support;

import dev.versioned.StaleBatchException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
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
    return withRealCounts(
        ctx, queries.size(), savepoint -> executeBatches(savepoint, queries),
        i -> ctx.execute(queries.get(i)));
  }

  /**
   * Runs {@code batch} in a savepoint of {@code ctx}'s transaction and returns its row counts;
   * when the driver answers {@link Statement#SUCCESS_NO_INFO} for any statement, rolls the batch
   * back to the savepoint and runs each statement alone ({@code single}), so each count is real.
   *
   * @param ctx the transaction's context
   * @param size the number of statements (none: nothing runs)
   * @param batch runs the statements as batches in the savepoint's context
   * @param single runs the statement of one index alone, in {@code ctx}
   * @return the row count of each statement
   */
  static int[] withRealCounts(
      DSLContext ctx, int size, Function<DSLContext, int[]> batch, IntUnaryOperator single) {
    if (size == 0) {
      return new int[0];
    }
    try {
      return ctx.transactionResult(
          savepoint -> {
            int[] counts = batch.apply(DSL.using(savepoint));
            for (int count : counts) {
              if (count == Statement.SUCCESS_NO_INFO) {
                throw new NoRowCounts();
              }
            }
            return counts;
          });
    } catch (NoRowCounts unknown) {
      int[] counts = new int[size];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = single.applyAsInt(i);
      }
      return counts;
    }
  }

  /**
   * The counts of a batch of {@code size} statements as the driver gave them, or all {@link
   * Statement#SUCCESS_NO_INFO} when it did not give one per statement.
   *
   * @param counts what the driver returned
   * @param size the number of statements
   * @return one count per statement
   */
  static int[] perStatement(int[] counts, int size) {
    if (counts.length == size) {
      return counts;
    }
    // A driver that does not report per statement: treat as unknown.
    int[] unknown = new int[size];
    Arrays.fill(unknown, Statement.SUCCESS_NO_INFO);
    return unknown;
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
      int[] groupCounts = perStatement(batch.execute(), group.size());
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
