package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * No update is lost under real contention: threads on their own pooled connections (HikariCP, one
 * connection per thread) call {@code modify} on a few hot rows; afterwards each row's counter
 * equals the successful calls on it and its version the number of writes, and the run met
 * conflicts (proof it contended). Each test prints one line with its figures, prefixed {@code
 * CONCURRENCY}, for docs/reliability.md.
 */
class ConcurrencyTest {
  static final int THREADS = 8;
  static final int PER_THREAD = 1000;
  static final int ROWS = 4;

  /** Three JVMs, each with this many threads and calls per thread. */
  static final int PROCESSES = 3;
  static final int PROCESS_THREADS = 4;
  static final int PROCESS_PER_THREAD = 500;

  /** Calls per thread at PostgreSQL's stricter isolation levels. */
  static final int ISOLATION_PER_THREAD = 250;

  private static void report(Workload.Result result) {
    System.out.println("CONCURRENCY " + result.line());
  }

  @DatabaseTest
  void eightThreadsOfModifyOnFourHotRowsLoseNoUpdate(Db db) throws Exception {
    Workload.seed(db.dsl, ROWS);
    HikariDataSource pool = db.pool(THREADS, config -> config.setMinimumIdle(THREADS));
    Workload.Result result =
        Workload.run(db.database.label, db.database, pool, THREADS, PER_THREAD, ROWS);
    report(result);
    assertEquals((long) THREADS * PER_THREAD, result.operations());
    Workload.verify(db.dsl, result);
    assertTrue(result.conflicts() > 0, "no conflict: the test did not contend");
  }

  @DatabaseTest(only = "postgres")
  void atRepeatableReadWritersGetSerializationFailuresThatModifyRetries(Db db) throws Exception {
    isolated(db, "TRANSACTION_REPEATABLE_READ", "repeatable read");
  }

  @DatabaseTest(only = "postgres")
  void atSerializableWritersGetSerializationFailuresThatModifyRetries(Db db) throws Exception {
    isolated(db, "TRANSACTION_SERIALIZABLE", "serializable");
  }

  private static void isolated(Db db, String level, String name) throws Exception {
    Workload.seed(db.dsl, ROWS);
    HikariDataSource pool =
        db.pool(THREADS, config -> {
          config.setMinimumIdle(THREADS);
          config.setTransactionIsolation(level);
        });
    Workload.Result result =
        Workload.run(db.database.label + " " + name, db.database, pool, THREADS,
            ISOLATION_PER_THREAD, ROWS);
    report(result);
    assertEquals((long) THREADS * ISOLATION_PER_THREAD, result.operations());
    Workload.verify(db.dsl, result);
    // A write to a row changed since the transaction's snapshot fails with SQLSTATE 40001 at
    // these levels (rather than matching no row, as at READ COMMITTED).
    assertTrue(result.serialization > 0, "no 40001 at " + name + ": " + result.line());
  }

  @DatabaseTest(only = "postgres")
  void threeProcessesOfModifyOnFourHotRowsLoseNoUpdate(Db db) throws Exception {
    Workload.seed(db.dsl, ROWS);
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path logs = Files.createDirectories(Path.of("target", "workload-processes"));
    List<Process> processes = new ArrayList<>();
    List<BufferedReader> outputs = new ArrayList<>();
    try {
      for (int i = 0; i < PROCESSES; i++) {
        ProcessBuilder builder =
            new ProcessBuilder(
                java,
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", // short-lived: C1 alone warms up sooner
                "-Dversioned.it.schema=" + db.location.schema,
                "-Dorg.jooq.no-logo=true",
                "-Dorg.jooq.no-tips=true",
                "-cp",
                classPath,
                WorkloadMain.class.getName(),
                db.database.label,
                Integer.toString(PROCESS_THREADS),
                Integer.toString(PROCESS_PER_THREAD),
                Integer.toString(ROWS));
        builder.redirectError(logs.resolve("process-" + i + ".err").toFile());
        Process process = builder.start();
        processes.add(process);
        outputs.add(
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
      }
      for (int i = 0; i < PROCESSES; i++) {
        expectLine(outputs.get(i), "READY", i, logs);
      }
      for (Process process : processes) { // start them together
        OutputStream in = process.getOutputStream();
        in.write('\n');
        in.flush();
      }
      List<Workload.Result> results = new ArrayList<>();
      for (int i = 0; i < PROCESSES; i++) {
        String line = expectLine(outputs.get(i), "RESULT ", i, logs);
        results.add(Workload.Result.decode(line.substring("RESULT ".length())));
      }
      for (Process process : processes) {
        assertTrue(process.waitFor(1, TimeUnit.MINUTES), "a workload process did not exit");
        assertEquals(0, process.exitValue());
      }
      Workload.Result total =
          Workload.Result.sum(db.database.label + " x" + PROCESSES + " processes", results);
      report(total);
      assertEquals((long) PROCESSES * PROCESS_THREADS * PROCESS_PER_THREAD, total.operations());
      Workload.verify(db.dsl, total);
      assertTrue(total.conflicts() > 0, "no conflict: the processes did not contend");
    } finally {
      for (Process process : processes) {
        if (process.isAlive()) {
          process.destroyForcibly();
        }
      }
    }
  }

  private static String expectLine(BufferedReader output, String prefix, int index, Path logs)
      throws IOException {
    for (String line; (line = output.readLine()) != null; ) {
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    Path err = logs.resolve("process-" + index + ".err");
    fail("workload process " + index + " ended before printing " + prefix.trim() + ": "
        + (Files.exists(err) ? Files.readString(err) : ""));
    return null;
  }
}
