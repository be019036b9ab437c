package dev.versioned.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several processes against one MariaDB server at its default isolation level, REPEATABLE READ:
 * one seeds, two place orders at the same time, one verifies. Each order's {@code modify} runs
 * inside the order's transaction, so its retries must read past that transaction's snapshot. Runs
 * when the server on 127.0.0.1:3306 answers; skipped with the reason otherwise, unless {@code
 * VERSIONED_REQUIRE_SERVERS=true}, which makes an unreachable server a failure.
 */
class MariaDbMultiProcessTest {
  private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";
  private static final String USER = "root";
  /**
   * A database of its own (per test JVM, so two builds at once don't meet), so the test neither
   * sees nor disturbs other tables.
   */
  private static final String SCHEMA = "versioned_sample_it_" + ProcessHandle.current().pid();

  private static final String URL = SERVER + SCHEMA;

  private static boolean reachable;

  @BeforeAll
  static void freshSchema() {
    DriverManager.setLoginTimeout(3);
    try (Connection c = DriverManager.getConnection(SERVER, USER, "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + SCHEMA);
      s.execute("CREATE DATABASE " + SCHEMA);
      try (var rs = s.executeQuery("SELECT @@global.tx_isolation")) {
        rs.next();
        assertEquals("REPEATABLE-READ", rs.getString(1), "the server's default level");
      }
      reachable = true;
    } catch (SQLException e) {
      String reason = "MariaDB at " + SERVER + " (user " + USER + ") does not answer: " + e.getMessage();
      if ("true".equalsIgnoreCase(System.getenv("VERSIONED_REQUIRE_SERVERS"))) {
        fail(reason + " (VERSIONED_REQUIRE_SERVERS=true)");
      }
      Assumptions.abort(reason);
    }
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    if (!reachable) {
      return;
    }
    try (Connection c = DriverManager.getConnection(SERVER, USER, "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + SCHEMA);
    }
  }

  @Test
  void twoWorkerProcessesAtOnceThenVerifyPasses() throws Exception {
    SampleProcess.Result seed =
        SampleProcess.run(
            "--jdbc-url", URL, "--user", USER, "--seed", "--products", "4", "--stock", "200");
    assertEquals(0, seed.exitCode(), seed::toString);
    assertTrue(seed.output().contains("Flyway applied 1 migration(s)"), seed::toString);
    assertTrue(seed.output().contains("Seed: 4 products with 200 units each"), seed::toString);

    String[] work = {"--jdbc-url", URL, "--user", USER, "--work", "--workers", "4", "--orders", "250"};
    SampleProcess first = SampleProcess.start(work);
    SampleProcess second = SampleProcess.start(work);
    SampleProcess.Result a = first.await();
    SampleProcess.Result b = second.await();
    assertEquals(0, a.exitCode(), a::toString);
    assertEquals(0, b.exitCode(), b::toString);
    for (SampleProcess.Result r : new SampleProcess.Result[] {a, b}) {
      assertTrue(r.output().contains("schema    up to date"), r::toString);
      assertEquals(250, r.number("placed") + r.number("refused") + r.number("given up"), r::toString);
      // Retries inside the order's transaction succeed: at REPEATABLE READ a reread from the
      // snapshot would fail the same way every time, and orders would give up.
      assertTrue(r.number("retries") > 0, r::toString);
      assertTrue(r.number("given up") * 20 < r.number("placed"), r::toString);
    }
    // Only one process found the discontinued product still there.
    assertEquals(1, a.number("discontinued") + b.number("discontinued"), () -> a + "\n" + b);

    SampleProcess.Result verify =
        SampleProcess.run("--jdbc-url", URL, "--user", USER, "--verify");
    assertEquals(0, verify.exitCode(), verify::toString);
    // The orders in the database are exactly the ones the two processes placed.
    assertEquals(
        a.number("placed") + b.number("placed"),
        verify.number("Verify: 4 products,"),
        () -> a + "\n" + b + "\n" + verify);
    assertEquals(0, verify.number("Lost updates:"), verify::toString);
    assertTrue(
        verify.output().contains("[ok]      version = writes (2 per order + price changes)"),
        verify::toString);
    assertTrue(verify.output().contains("Result: all 4 invariants checked hold."), verify::toString);
  }
}
