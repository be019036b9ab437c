package dev.versioned.it;

import dev.versioned.ConflictListener;
import dev.versioned.RetryPolicy;
import dev.versioned.StaleRecordException;
import dev.versioned.support.Retry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
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
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.TransactionContext;
import org.jooq.TransactionListener;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;

/**
 * The contention workload of the cluster tests: threads spread over several servers (one HikariCP
 * pool per server, one connection per thread) call {@code modify} to add 1 to the views of one of
 * a few hot rows chosen at random.
 *
 * <p>It sorts every failed attempt of {@code modify} by kind, from the cause jOOQ hands to the
 * transaction's rollback: a stale row (a {@link StaleRecordException} with no serialization
 * failure behind it: the compare-and-increment matched no row), or a serialization failure
 * (SQLSTATE 40001 anywhere in the cause chain: on Galera a certification failure or a brute-force
 * abort), raised by a statement or by the COMMIT. A call that fails with anything else
 * (a lost connection when a server is killed) has an unknown outcome: its transaction may have
 * committed before the connection broke. Such calls are counted per row, never as successes, and
 * the thread that met one stops: its server is gone.
 */
final class ClusterWorkload {
  /**
   * Generous: 100 attempts, backoff from 2 ms growing to 100 ms. At 12 writers on 4 rows a call
   * meets a few conflicts on average and, rarely, dozens in a row.
   */
  static final RetryPolicy GENEROUS =
      new RetryPolicy(100, Duration.ofMillis(2), Duration.ofMillis(100));

  private ClusterWorkload() {}

  /** One server's share of the workload. */
  static final class Server {
    final String name;
    final DataSource pool;
    final int threads;
    final boolean mayFail;

    /**
     * @param mayFail whether calls on this server may fail with errors other than conflicts (it is
     *     killed during the run); on the other servers such an error fails the run
     */
    Server(String name, DataSource pool, int threads, boolean mayFail) {
      this.name = name;
      this.pool = pool;
      this.threads = threads;
      this.mayFail = mayFail;
    }
  }

  /** Counters shared by the threads. */
  static final class Counters {
    final AtomicLongArray acknowledged;
    final AtomicLongArray unknown;
    final AtomicLong attempts = new AtomicLong();
    final AtomicLong stale = new AtomicLong();
    final AtomicLong serializationAtStatement = new AtomicLong();
    final AtomicLong serializationAtCommit = new AtomicLong();
    final AtomicLong otherRollbacks = new AtomicLong();
    final AtomicLong gaveUp = new AtomicLong();
    /** Acknowledged calls plus calls that gave up, per server, in the order given to run. */
    final AtomicLongArray callsPerServer;

    Counters(int rows, int servers) {
      callsPerServer = new AtomicLongArray(servers);
      acknowledged = new AtomicLongArray(rows);
      unknown = new AtomicLongArray(rows);
    }

    long acknowledgedTotal() {
      long sum = 0;
      for (int i = 0; i < acknowledged.length(); i++) {
        sum += acknowledged.get(i);
      }
      return sum;
    }

    long unknownTotal() {
      long sum = 0;
      for (int i = 0; i < unknown.length(); i++) {
        sum += unknown.get(i);
      }
      return sum;
    }

    long conflicts() {
      return stale.get() + serializationAtStatement.get() + serializationAtCommit.get();
    }
  }

  /** What one run did. */
  static final class Result {
    final String label;
    final int threads;
    final Counters counters;
    final double seconds;

    Result(String label, int threads, Counters counters, double seconds) {
      this.label = label;
      this.threads = threads;
      this.counters = counters;
      this.seconds = seconds;
    }

    long operations() {
      return counters.acknowledgedTotal();
    }

    /** Attempts after the first of each call (each call that got as far as its change). */
    long retries() {
      return counters.attempts.get() - operations() - counters.unknownTotal()
          - counters.gaveUp.get();
    }

    String line(long lost) {
      Counters c = counters;
      return String.format(
          Locale.ROOT,
          "%s: %d threads, %d operations acknowledged, %d conflicts (%d stale, %d 40001 at a"
              + " statement, %d 40001 at commit), %d retries, %d gave up, %d unknown outcome,"
              + " lost %d, %.1f s, %.0f ops/s",
          label, threads, operations(), c.conflicts(), c.stale.get(),
          c.serializationAtStatement.get(), c.serializationAtCommit.get(), retries(),
          c.gaveUp.get(), c.unknownTotal(), lost, seconds, operations() / seconds);
    }
  }

  /** A jOOQ context on one server's pool that sorts the failed attempts into the counters. */
  static DSLContext context(DataSource pool, SQLDialect dialect, Counters counters) {
    return context(pool, dialect, counters, null);
  }

  /**
   * The same context with {@code listener}, when not null, registered on its configuration as the
   * repositories' {@link ConflictListener}.
   */
  static DSLContext context(
      DataSource pool, SQLDialect dialect, Counters counters, ConflictListener listener) {
    ThreadLocal<Boolean> committing = ThreadLocal.withInitial(() -> false);
    DefaultConfiguration configuration = new DefaultConfiguration();
    configuration.set(dialect);
    configuration.set(new DataSourceConnectionProvider(pool));
    // A TransactionListener, unlike an ExecuteListener, leaves the repositories' cached-statement
    // path in place: this measures what an application runs.
    configuration.set(
        new TransactionListener() {
          @Override
          public void beginStart(TransactionContext ctx) {
            committing.set(false);
          }

          // Not cleared in commitEnd: jOOQ calls commitEnd also when the commit fails, before
          // rollbackStart.
          @Override
          public void commitStart(TransactionContext ctx) {
            committing.set(true);
          }

          @Override
          public void rollbackStart(TransactionContext ctx) {
            Throwable cause = ctx.causeThrowable();
            boolean atCommit = committing.get();
            committing.set(false);
            // A 40001 first: a repository may report it as a StaleRecordException (its cause).
            if (isSerializationFailure(cause)) {
              (atCommit ? counters.serializationAtCommit : counters.serializationAtStatement)
                  .incrementAndGet();
            } else if (isStale(cause)) {
              counters.stale.incrementAndGet();
            } else {
              counters.otherRollbacks.incrementAndGet();
            }
          }
        });
    if (listener != null) {
      ConflictListener.register(configuration, listener);
    }
    return DSL.using(configuration);
  }

  static boolean isStale(Throwable t) {
    for (; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StaleRecordException) {
        return true;
      }
    }
    return false;
  }

  /** SQLSTATE 40001 anywhere in the cause chain. */
  static boolean isSerializationFailure(Throwable t) {
    for (; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException && "40001".equals(((SQLException) t).getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs the workload: every thread starts together and makes {@code perThread} calls unless its
   * server fails. Throws the first unexpected failure.
   *
   * @param progress told the number of acknowledged calls after each one (to kill a server
   *     mid-run), from the workers' threads
   */
  static Result run(String label, SQLDialect dialect, List<Server> servers, int perThread,
      int rows, RetryPolicy policy, LongConsumer progress) throws Exception {
    return run(label, dialect, servers, perThread, rows, policy, null, progress);
  }

  /**
   * The same workload with {@code listener}, when not null, registered as the {@link
   * ConflictListener} of every server's repository.
   */
  static Result run(String label, SQLDialect dialect, List<Server> servers, int perThread,
      int rows, RetryPolicy policy, ConflictListener listener, LongConsumer progress)
      throws Exception {
    Counters counters = new Counters(rows, servers.size());
    AtomicLong done = new AtomicLong();
    int threads = servers.stream().mapToInt(s -> s.threads).sum();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    try {
      int t = 0;
      for (int s = 0; s < servers.size(); s++) {
        Server server = servers.get(s);
        int index = s;
        PostRepository posts =
            new PostRepository(context(server.pool, dialect, counters, listener), policy);
        for (int i = 0; i < server.threads; i++, t++) {
          Random random = new Random(31L * t + label.hashCode());
          futures.add(executor.submit(() -> {
            start.await();
            for (int n = 0; n < perThread; n++) {
              int row = random.nextInt(rows);
              try {
                posts.modify(row + 1, p -> {
                  counters.attempts.incrementAndGet();
                  return new Post(p.id(), p.title(), p.views() + 1, p.lockVersion());
                });
              } catch (RuntimeException e) {
                if (Retry.isConflict(e)) {
                  counters.gaveUp.incrementAndGet(); // rolled back: nothing written
                  counters.callsPerServer.incrementAndGet(index);
                  continue;
                }
                counters.unknown.incrementAndGet(row);
                if (server.mayFail) {
                  return null; // the server is gone: this thread is done
                }
                throw e;
              }
              counters.acknowledged.incrementAndGet(row);
              counters.callsPerServer.incrementAndGet(index);
              progress.accept(done.incrementAndGet());
            }
            return null;
          }));
        }
      }
      long t0 = System.nanoTime();
      start.countDown();
      for (Future<?> f : futures) {
        f.get(10, TimeUnit.MINUTES);
      }
      return new Result(label, threads, counters, (System.nanoTime() - t0) / 1e9);
    } finally {
      executor.shutdownNow();
    }
  }
}
