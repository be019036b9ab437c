package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.versioned.RetryPolicy;
import dev.versioned.support.Retry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteType;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;

/**
 * The contention workload: threads that each call {@code modify} to add 1 to the views of one of a
 * few hot rows, chosen at random, each thread on its own pooled connection. It counts the
 * successful calls per row, the attempts (calls of the change function), the stale conflicts (a
 * compare-and-increment UPDATE that matched no row) and the serialization failures (a statement
 * that failed with a conflict the retry loop recognises: SQLSTATE 40001, 40P01, SQLITE_BUSY).
 */
final class Workload {
  /** Enough attempts that no call gives up under this much contention. */
  static final RetryPolicy PATIENT =
      new RetryPolicy(10_000, Duration.ofMillis(1), Duration.ofMillis(20));

  private Workload() {}

  /** What one run of the workload did. */
  static final class Result {
    final String database;
    final int threads;
    final long[] successes;
    final long attempts;
    final long stale;
    final long serialization;
    final double seconds;

    Result(String database, int threads, long[] successes, long attempts, long stale,
        long serialization, double seconds) {
      this.database = database;
      this.threads = threads;
      this.successes = successes;
      this.attempts = attempts;
      this.stale = stale;
      this.serialization = serialization;
      this.seconds = seconds;
    }

    long operations() {
      return Arrays.stream(successes).sum();
    }

    long conflicts() {
      return stale + serialization;
    }

    /** Attempts after the first of each call; commit-time failures count here but not above. */
    long retries() {
      return attempts - operations();
    }

    String line() {
      return String.format(
          Locale.ROOT,
          "%s: %d threads, %d operations, %d conflicts (%d stale, %d serialization failures),"
              + " %d retries, %.1f s, %.0f ops/s",
          database, threads, operations(), conflicts(), stale, serialization, retries(), seconds,
          operations() / seconds);
    }

    /** One line for a child process to print and its parent to read back. */
    String encode() {
      return String.join(
          " ",
          database,
          Integer.toString(threads),
          Arrays.stream(successes).mapToObj(Long::toString).collect(Collectors.joining(",")),
          Long.toString(attempts),
          Long.toString(stale),
          Long.toString(serialization),
          Double.toString(seconds));
    }

    static Result decode(String line) {
      String[] f = line.trim().split(" ");
      long[] successes = Arrays.stream(f[2].split(",")).mapToLong(Long::parseLong).toArray();
      return new Result(f[0], Integer.parseInt(f[1]), successes, Long.parseLong(f[3]),
          Long.parseLong(f[4]), Long.parseLong(f[5]), Double.parseDouble(f[6]));
    }

    /** Several processes' results as one. */
    static Result sum(String database, List<Result> parts) {
      long[] successes = new long[parts.get(0).successes.length];
      long attempts = 0;
      long stale = 0;
      long serialization = 0;
      int threads = 0;
      double seconds = 0;
      for (Result r : parts) {
        for (int i = 0; i < successes.length; i++) {
          successes[i] += r.successes[i];
        }
        attempts += r.attempts;
        stale += r.stale;
        serialization += r.serialization;
        threads += r.threads;
        seconds = Math.max(seconds, r.seconds);
      }
      return new Result(database, threads, successes, attempts, stale, serialization, seconds);
    }
  }

  /** Inserts the hot rows 1..rows with views 0 and version 0. */
  static void seed(DSLContext dsl, int rows) {
    List<Post> posts = new ArrayList<>();
    for (int i = 1; i <= rows; i++) {
      posts.add(new Post(i, "hot " + i, 0, 0));
    }
    new PostRepository(dsl).insertAll(posts);
  }

  /**
   * Runs the workload and returns what it did; throws the first failure of any call.
   *
   * @param pool a pool with at least {@code threads} connections
   */
  static Result run(String label, TestDatabase database, DataSource pool, int threads,
      int perThread, int rows) throws Exception {
    AtomicLong attempts = new AtomicLong();
    AtomicLong stale = new AtomicLong();
    AtomicLong serialization = new AtomicLong();
    DefaultConfiguration configuration = new DefaultConfiguration();
    configuration.set(database.dialect);
    configuration.set(new DataSourceConnectionProvider(pool));
    configuration.set(
        new ExecuteListener() {
          private static final long serialVersionUID = 1L;

          @Override
          public void executeEnd(ExecuteContext ctx) {
            if (ctx.type() == ExecuteType.WRITE && ctx.rows() == 0) {
              stale.incrementAndGet();
            }
          }

          @Override
          public void exception(ExecuteContext ctx) {
            if (ctx.exception() != null && Retry.isConflict(ctx.exception())) {
              serialization.incrementAndGet();
            }
          }
        });
    PostRepository posts = new PostRepository(DSL.using(configuration), PATIENT);
    AtomicLongArray successes = new AtomicLongArray(rows);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        Random random = new Random(31L * t + label.hashCode());
        futures.add(
            executor.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    int row = random.nextInt(rows);
                    posts.modify(
                        row + 1,
                        p -> {
                          attempts.incrementAndGet();
                          return new Post(p.id(), p.title(), p.views() + 1, p.lockVersion());
                        });
                    successes.incrementAndGet(row);
                  }
                  return null;
                }));
      }
      long t0 = System.nanoTime();
      start.countDown();
      for (Future<?> f : futures) {
        f.get(10, TimeUnit.MINUTES);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      long[] counts = new long[rows];
      for (int i = 0; i < rows; i++) {
        counts[i] = successes.get(i);
      }
      return new Result(label, threads, counts, attempts.get(), stale.get(), serialization.get(),
          seconds);
    } finally {
      executor.shutdownNow();
    }
  }

  /**
   * Checks that no update was lost: each row's views equal the successful calls on it, and its
   * version the number of writes (each successful call wrote once).
   */
  static void verify(DSLContext dsl, Result result) {
    PostRepository posts = new PostRepository(dsl);
    for (int i = 0; i < result.successes.length; i++) {
      Post row = posts.findById(i + 1).orElseThrow();
      assertEquals(result.successes[i], row.views(), "views of row " + (i + 1) + " (lost updates)");
      assertEquals(result.successes[i], row.lockVersion(), "version of row " + (i + 1));
    }
  }
}
