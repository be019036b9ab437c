package dev.versioned.it;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A child process of {@link ConcurrencyTest}: runs the {@link Workload} against the schema its
 * parent prepared (system property {@code versioned.it.schema}) and prints the result.
 *
 * <p>Arguments: database label, threads, calls per thread, hot rows. It prints {@code READY} once
 * its pool is up, waits for a line on standard input so that every process starts together, then
 * prints {@code RESULT <encoded result>}.
 */
public final class WorkloadMain {
  private WorkloadMain() {}

  public static void main(String[] args) throws Exception {
    TestDatabase database = TestDatabase.byLabel(args[0]);
    int threads = Integer.parseInt(args[1]);
    int perThread = Integer.parseInt(args[2]);
    int rows = Integer.parseInt(args[3]);
    HikariConfig config = database.create().hikari("child-" + ProcessHandle.current().pid());
    config.setMaximumPoolSize(threads);
    config.setMinimumIdle(threads);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      System.out.println("READY");
      System.out.flush();
      if (System.in.read() < 0) {
        throw new IllegalStateException("the parent closed standard input before the start");
      }
      String label = database.label + "-" + ProcessHandle.current().pid();
      Workload.Result result = Workload.run(label, database, pool, threads, perThread, rows);
      System.out.println("RESULT " + result.encode());
      System.out.flush();
    }
    System.exit(0);
  }
}
