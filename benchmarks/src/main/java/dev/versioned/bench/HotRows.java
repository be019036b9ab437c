package dev.versioned.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.versioned.ConflictEvent;
import dev.versioned.ConflictListener;
import dev.versioned.RetryPolicy;
import dev.versioned.support.Retry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;

/**
 * The hot-rows benchmark: 8 threads call {@code modify} on rows picked at random among 1, 4 or 64
 * hot rows, with a think time between the read and the write (inside the attempt), in three ways:
 *
 * <ul>
 *   <li>{@code optimistic}: {@link RetryPolicy#DEFAULT} (5 attempts, no lock);
 *   <li>{@code lockAfter(1)}: {@code RetryPolicy.DEFAULT.withLockAfter(1)};
 *   <li>{@code forUpdate}: always lock: {@code findByIdForUpdate} then {@code updateChanged} in one
 *       transaction.
 * </ul>
 *
 * <p>Each round runs every configuration for a fixed time, in an order that rotates from round to
 * round, all in one JVM; the table sums the rounds: calls per second, conflicts per successful call
 * (told by a {@link ConflictListener}), calls that gave up, and the 99th percentile of a call's
 * latency (gave-up calls included). The lost-update check reads every row back: its counter must
 * equal the successful calls on it.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests -Pbenchmarks
 * java -cp benchmarks/target/benchmarks.jar dev.versioned.bench.HotRows [rounds] [seconds]
 * </pre>
 *
 * System properties: {@code versioned.bench.hotrows.db} ({@code h2,postgresql}), {@code
 * versioned.bench.hotrows.think} (milliseconds, default 1), {@code versioned.bench.postgresql.url}.
 */
public final class HotRows {
  static final int THREADS = 8;
  static final int[] HOT_ROWS = {1, 4, 64};
  static final String[] MODES = {"optimistic", "lockAfter(1)", "forUpdate"};

  private HotRows() {}

  /** The sums of one configuration over the rounds. */
  static final class Totals {
    long successes;
    long gaveUp;
    long conflicts;
    double seconds;
    final List<long[]> latencies = new ArrayList<>();

    double p99Millis() {
      int n = latencies.stream().mapToInt(a -> a.length).sum();
      long[] all = new long[n];
      int i = 0;
      for (long[] a : latencies) {
        System.arraycopy(a, 0, all, i, a.length);
        i += a.length;
      }
      Arrays.sort(all);
      return n == 0 ? 0 : all[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6;
    }
  }

  /**
   * Runs the benchmark and prints the table.
   *
   * @param args rounds (default 3) and seconds per configuration and round (default 2)
   * @throws Exception when a run fails
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2;
    int think = Integer.getInteger("versioned.bench.hotrows.think", 1);
    String dbs = System.getProperty("versioned.bench.hotrows.db", "h2,postgresql");
    StringBuilder table = new StringBuilder();
    table.append(String.format(Locale.ROOT,
        "%d threads x modify, %d ms think time between read and write, %d rounds of %.1f s per"
            + " configuration%n%n", THREADS, think, rounds, seconds));
    table.append("| database | hot rows | mode | calls/s | conflicts per success | gave up | p99 ms |\n");
    table.append("|---|---:|---|---:|---:|---:|---:|\n");
    for (String db : dbs.split(",")) {
      if (db.equals("postgresql") && Db.postgresqlUnavailable() != null) {
        System.err.println("PostgreSQL not run: " + Db.postgresqlUnavailable());
        continue;
      }
      for (int rows : HOT_ROWS) {
        Map<String, Totals> totals = new LinkedHashMap<>();
        for (String mode : MODES) {
          totals.put(mode, new Totals());
        }
        for (int round = 0; round < rounds; round++) {
          for (int k = 0; k < MODES.length; k++) {
            String mode = MODES[(k + round) % MODES.length];
            runOnce(db, rows, mode, seconds, think, totals.get(mode));
          }
        }
        for (String mode : MODES) {
          Totals t = totals.get(mode);
          table.append(String.format(Locale.ROOT, "| %s | %d | %s | %,.0f | %.2f | %d | %.1f |%n",
              db.equals("h2") ? "H2" : "PostgreSQL", rows, mode, t.successes / t.seconds,
              (double) t.conflicts / Math.max(1, t.successes), t.gaveUp, t.p99Millis()));
        }
        System.err.println("done: " + db + " " + rows + " rows");
      }
    }
    System.out.print(table);
  }

  static void runOnce(String db, int rows, String mode, double seconds, int think,
      Totals totals) throws Exception {
    try (HikariDataSource pool = pool(db)) {
      createTable(pool);
      AtomicLong conflicts = new AtomicLong();
      DefaultConfiguration configuration = new DefaultConfiguration();
      configuration.set(db.equals("h2") ? SQLDialect.H2 : SQLDialect.POSTGRES);
      configuration.set(new DataSourceConnectionProvider(pool));
      ConflictListener.register(configuration, new ConflictListener() {
        @Override
        public void onConflict(ConflictEvent conflict) {
          conflicts.incrementAndGet();
        }
      });
      DSLContext dsl = DSL.using(configuration);
      List<HotRow> seed = new ArrayList<>();
      for (int i = 1; i <= rows; i++) {
        seed.add(new HotRow(i, 0, 0));
      }
      new HotRowRepository(dsl).insertAll(seed);
      RetryPolicy policy =
          mode.equals("lockAfter(1)") ? RetryPolicy.DEFAULT.withLockAfter(1) : RetryPolicy.DEFAULT;
      HotRowRepository repository = new HotRowRepository(dsl, policy);
      long[] perRow = new long[rows];
      AtomicLong gaveUp = new AtomicLong();
      long deadline = System.nanoTime() + (long) (seconds * 1e9);
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService executor = Executors.newFixedThreadPool(THREADS);
      List<Future<long[]>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        futures.add(executor.submit(() -> {
          long[] latencies = new long[1 << 16];
          int n = 0;
          long[] mine = new long[rows];
          start.await();
          while (System.nanoTime() < deadline) {
            long id = 1 + ThreadLocalRandom.current().nextInt(rows);
            long t0 = System.nanoTime();
            try {
              if (mode.equals("forUpdate")) {
                dsl.transaction(c -> {
                  HotRowRepository tx = new HotRowRepository(DSL.using(c));
                  HotRow row = tx.findByIdForUpdate(id).orElseThrow();
                  pause(think);
                  tx.updateChanged(row, new HotRow(id, row.hits() + 1, row.lockVersion()));
                });
              } else {
                repository.modify(id, row -> {
                  pause(think);
                  return new HotRow(id, row.hits() + 1, row.lockVersion());
                });
              }
              mine[(int) id - 1]++;
            } catch (RuntimeException e) {
              if (!Retry.isConflict(e)) {
                throw e;
              }
              gaveUp.incrementAndGet();
            }
            if (n == latencies.length) {
              latencies = Arrays.copyOf(latencies, n * 2);
            }
            latencies[n++] = System.nanoTime() - t0;
          }
          synchronized (perRow) {
            for (int i = 0; i < rows; i++) {
              perRow[i] += mine[i];
            }
          }
          return Arrays.copyOf(latencies, n);
        }));
      }
      long t0 = System.nanoTime();
      start.countDown();
      for (Future<long[]> f : futures) {
        totals.latencies.add(f.get(10, TimeUnit.MINUTES));
      }
      double elapsed = (System.nanoTime() - t0) / 1e9;
      executor.shutdown();
      long successes = 0;
      for (int i = 0; i < rows; i++) {
        HotRow stored = repository.findById(i + 1).orElseThrow();
        if (stored.hits() != perRow[i]) {
          throw new IllegalStateException("lost updates on row " + (i + 1) + " in " + mode
              + ": " + stored.hits() + " stored, " + perRow[i] + " calls succeeded");
        }
        successes += perRow[i];
      }
      totals.successes += successes;
      totals.gaveUp += gaveUp.get();
      totals.conflicts += conflicts.get();
      totals.seconds += elapsed;
      dropTable(pool);
    }
  }

  private static void pause(int millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HikariDataSource pool(String db) {
    HikariConfig config = new HikariConfig();
    if (db.equals("h2")) {
      config.setJdbcUrl("jdbc:h2:mem:hotrows" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    } else {
      config.setJdbcUrl(System.getProperty("versioned.bench.postgresql.url",
          "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));
      config.setConnectionInitSql("SET synchronous_commit = off");
    }
    config.setMaximumPoolSize(THREADS + 1);
    config.setMinimumIdle(THREADS + 1);
    config.setPoolName("hotrows-" + db);
    return new HikariDataSource(config);
  }

  private static void createTable(HikariDataSource pool) throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS \"hot_rows_bench\"");
      s.execute("CREATE TABLE \"hot_rows_bench\" (\"id\" BIGINT NOT NULL PRIMARY KEY,"
          + " \"hits\" INTEGER NOT NULL, \"lock_version\" INTEGER NOT NULL)");
    }
  }

  private static void dropTable(HikariDataSource pool) throws SQLException {
    String url = pool.getJdbcUrl();
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE \"hot_rows_bench\"");
    }
    if (url.startsWith("jdbc:h2:")) {
      pool.close();
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      }
    }
  }
}
