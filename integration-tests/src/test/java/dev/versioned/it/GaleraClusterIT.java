package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.versioned.RetryPolicy;
import dev.versioned.StaleRecordException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The repositories on a 3-node MariaDB Galera cluster (multi-primary, synchronous replication with
 * optimistic certification), started by {@code .ci/galera.sh} on ports 3311-3313 (the first from
 * {@code VERSIONED_GALERA_PORT}). Every node takes writes; each test uses table {@code post} of
 * database {@code versioned_it}. Each workload prints one line prefixed {@code GALERA}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GaleraClusterIT {
  static final int NODES = 3;
  static final int THREADS_PER_NODE = 4;
  static final int PER_THREAD = 1000;
  static final int ROWS = 4;
  /** Calls per thread of the run with the default retry policy. */
  static final int DEFAULT_POLICY_PER_THREAD = 250;
  /** The kill test: calls per thread, and the share of all calls after which a node dies. */
  static final int KILL_PER_THREAD = 500;
  static final int KILLED_NODE = 3;

  private static final int BASE_PORT =
      Integer.parseInt(System.getenv().getOrDefault("VERSIONED_GALERA_PORT", "3311"));

  private static final List<HikariDataSource> pools = new ArrayList<>();

  @BeforeAll
  static void openPools() {
    for (int n = 1; n <= NODES; n++) {
      pools.add(pool(n, THREADS_PER_NODE, null));
    }
  }

  @AfterAll
  static void closePools() {
    pools.forEach(HikariDataSource::close);
    pools.clear();
  }

  static String url(int node) {
    return "jdbc:mariadb://127.0.0.1:" + (BASE_PORT + node - 1) + "/versioned_it";
  }

  /** A pool on one node; {@code initSql} runs on each new connection. */
  static HikariDataSource pool(int node, int size, String initSql) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("galera-node" + node + (initSql == null ? "" : "-init"));
    config.setJdbcUrl(url(node));
    config.setUsername("versioned");
    config.setPassword("versioned");
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    // A killed node must not hold its threads for Hikari's default 30 s.
    config.setConnectionTimeout(3000);
    config.setInitializationFailTimeout(10_000);
    if (initSql != null) {
      config.setConnectionInitSql(initSql);
    }
    return new HikariDataSource(config);
  }

  static DSLContext dsl(int node) {
    return DSL.using(pools.get(node - 1), SQLDialect.MARIADB);
  }

  /**
   * A connection outside the pools whose reads wait until the node has applied every write the
   * cluster committed before them ({@code wsrep_sync_wait = 1}): reads that see the cluster's
   * latest state, for checking results.
   */
  static Connection causalConnection(int node) throws SQLException {
    Connection c = DriverManager.getConnection(url(node), "versioned", "versioned");
    try (Statement s = c.createStatement()) {
      s.execute("SET SESSION wsrep_sync_wait = 1");
    }
    return c;
  }

  @BeforeEach
  void createTable() throws SQLException {
    // DDL replicates to every node before it returns (total order isolation).
    try (Connection c = causalConnection(1); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS `post`");
      s.execute("CREATE TABLE `post` (`id` BIGINT PRIMARY KEY, `title` VARCHAR(200),"
          + " `views` INT NOT NULL, `lock_version` INT NOT NULL) ENGINE = InnoDB");
    }
  }

  /** Inserts the hot rows on node 1 and waits until every node has them. */
  static void seed(int rows) throws SQLException {
    Workload.seed(dsl(1), rows);
    for (int n = 1; n <= NODES; n++) {
      try (Connection c = causalConnection(n); Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT count(*) FROM `post`")) {
        assertTrue(r.next());
        assertEquals(rows, r.getInt(1), "rows seen on node " + n);
      }
    }
  }

  /** Row {@code id} as node {@code node} has it, read causally. */
  static Post causalFind(int node, long id) throws SQLException {
    try (Connection c = causalConnection(node)) {
      return new PostRepository(DSL.using(c, SQLDialect.MARIADB)).findById(id).orElseThrow();
    }
  }

  /** Each row's views and version as node {@code node} has them, read causally. */
  static long[][] readBack(int node, int rows) throws SQLException {
    long[][] found = new long[rows][2];
    try (Connection c = causalConnection(node); Statement s = c.createStatement();
        ResultSet r = s.executeQuery(
            "SELECT `id`, `views`, `lock_version` FROM `post` ORDER BY `id`")) {
      for (int i = 0; i < rows; i++) {
        assertTrue(r.next(), "row " + (i + 1) + " on node " + node);
        assertEquals(i + 1, r.getLong(1));
        found[i][0] = r.getLong(2);
        found[i][1] = r.getLong(3);
      }
      assertFalse(r.next());
    }
    return found;
  }

  /**
   * Checks every node against the acknowledged calls and returns the updates lost: on every node
   * each row has views equal to its version (each write added 1 and bumped the version once) and
   * at least the acknowledged calls on it, at most those plus the calls of unknown outcome.
   */
  static long verifyOnEveryNode(ClusterWorkload.Result result) throws SQLException {
    ClusterWorkload.Counters c = result.counters;
    long lost = 0;
    long[][] first = null;
    for (int n = 1; n <= NODES; n++) {
      long[][] rows = readBack(n, ROWS);
      for (int i = 0; i < ROWS; i++) {
        long views = rows[i][0];
        long version = rows[i][1];
        long acknowledged = c.acknowledged.get(i);
        assertEquals(views, version, "node " + n + " row " + (i + 1) + ": views and version");
        lost += Math.max(0, acknowledged - views);
        assertTrue(views <= acknowledged + c.unknown.get(i),
            "node " + n + " row " + (i + 1) + ": " + views + " views, more than the "
                + acknowledged + " acknowledged and " + c.unknown.get(i) + " unknown calls");
      }
      if (first == null) {
        first = rows;
      } else {
        for (int i = 0; i < ROWS; i++) {
          assertEquals(first[i][0], rows[i][0], "row " + (i + 1) + ": node " + n + " vs node 1");
        }
      }
    }
    return lost;
  }

  static List<ClusterWorkload.Server> servers(int killed) {
    List<ClusterWorkload.Server> servers = new ArrayList<>();
    for (int n = 1; n <= NODES; n++) {
      servers.add(new ClusterWorkload.Server("node" + n, pools.get(n - 1), THREADS_PER_NODE,
          n == killed));
    }
    return servers;
  }

  @Test
  @Order(1)
  void aStaleCopyReadOnOneNodeIsRefusedOnAnother() throws Exception {
    seed(1);
    PostRepository onNode1 = new PostRepository(dsl(1), RetryPolicy.NONE);
    PostRepository onNode2 = new PostRepository(dsl(2), RetryPolicy.NONE);
    Post copy = onNode1.findById(1).orElseThrow();
    Post written = onNode2.update(new Post(1, "written on node 2", 1, copy.lockVersion()));
    assertEquals(1, written.lockVersion());
    // Node 3 waits for the cluster's writes before its UPDATE (wsrep_sync_wait bit 2), so node 2's
    // write is there and the stale UPDATE matches no row.
    try (HikariDataSource waiting = pool(3, 1, "SET SESSION wsrep_sync_wait = 3")) {
      PostRepository onNode3 =
          new PostRepository(DSL.using(waiting, SQLDialect.MARIADB), RetryPolicy.NONE);
      Post change = new Post(1, "stale write on node 3", 100, copy.lockVersion());
      StaleRecordException stale =
          assertThrows(StaleRecordException.class, () -> onNode3.update(change));
      assertEquals(0, stale.expectedVersion().getAsLong());
      assertEquals(1, stale.actualVersion().getAsLong(), stale.getMessage());
      assertFalse(stale.rowDeleted());
      assertEquals(change, stale.record());
    }
    for (int n = 1; n <= NODES; n++) {
      assertEquals(written, causalFind(n, 1), "row on node " + n);
    }
  }

  /**
   * Nodes 2 and 3 write the same copy at the same moment, 200 times: exactly one write wins each
   * round and the other is refused, never lost. With Galera's defaults the loser gets a {@link
   * StaleRecordException}: when certification refuses an autocommit statement, the server runs it
   * again once ({@code wsrep_retry_autocommit = 1}), and the version-checked UPDATE then matches
   * no row.
   */
  @Test
  @Order(2)
  void twoNodesWritingTheSameCopyAtOnceOneWinsTheOtherIsRefused() throws Exception {
    race("default", null);
  }

  /**
   * The same race with {@code wsrep_retry_autocommit = 0}: a loser whose UPDATE matched the old
   * row on its node (the winner's write not applied there yet) now gets the certification failure
   * itself, SQLSTATE 40001 (error 1213, "Deadlock found"); a loser that ran after the winner's
   * write was applied still gets a {@link StaleRecordException}.
   */
  @Test
  @Order(3)
  void withoutTheServersAutocommitRetryTheLoserMayGetACertificationFailure() throws Exception {
    race("wsrep_retry_autocommit=0", "SET SESSION wsrep_retry_autocommit = 0");
  }

  private static void race(String label, String writerInitSql) throws Exception {
    seed(1);
    int rounds = 200;
    int[] wins = new int[NODES + 1];
    int stale = 0;
    int staleFrom40001 = 0;
    int serialization = 0;
    ExecutorService writers = Executors.newFixedThreadPool(2);
    try (HikariDataSource causal = pool(1, 1, "SET SESSION wsrep_sync_wait = 1");
        HikariDataSource node2 = writerInitSql == null ? null : pool(2, 1, writerInitSql);
        HikariDataSource node3 = writerInitSql == null ? null : pool(3, 1, writerInitSql)) {
      PostRepository reader =
          new PostRepository(DSL.using(causal, SQLDialect.MARIADB), RetryPolicy.NONE);
      for (int i = 0; i < rounds; i++) {
        Post copy = reader.findById(1).orElseThrow();
        assertEquals(i, copy.lockVersion(), "round " + i + " starts from the last winner");
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Post>> outcomes = new ArrayList<>();
        for (int n = 2; n <= 3; n++) {
          DSLContext on = writerInitSql == null ? dsl(n)
              : DSL.using(n == 2 ? node2 : node3, SQLDialect.MARIADB);
          PostRepository writer = new PostRepository(on, RetryPolicy.NONE);
          Post change = new Post(1, "node " + n + " round " + i, copy.views() + 1,
              copy.lockVersion());
          outcomes.add(writers.submit(() -> {
            together.await(10, TimeUnit.SECONDS);
            return writer.update(change);
          }));
        }
        int winners = 0;
        for (int k = 0; k < 2; k++) {
          try {
            outcomes.get(k).get(1, TimeUnit.MINUTES);
            wins[k + 2]++;
            winners++;
          } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            boolean certification = ClusterWorkload.isSerializationFailure(cause);
            if (cause instanceof StaleRecordException) {
              if (certification) {
                staleFrom40001++;
              } else {
                stale++;
              }
            } else if (certification) {
              serialization++;
            } else {
              throw e;
            }
          }
        }
        assertEquals(1, winners, "round " + i + ": one write wins");
      }
    } finally {
      writers.shutdownNow();
    }
    System.out.printf("GALERA two nodes writing one copy at once (%s): %d rounds, wins node 2"
        + " %d, node 3 %d; losers: %d StaleRecordException (no row matched), %d"
        + " StaleRecordException caused by SQLSTATE 40001, %d other exception with SQLSTATE"
        + " 40001%n", label, rounds, wins[2], wins[3], stale, staleFrom40001, serialization);
    assertEquals(rounds, stale + staleFrom40001 + serialization);
    for (int n = 1; n <= NODES; n++) {
      long[] row = readBack(n, 1)[0];
      assertEquals(rounds, row[0], "views on node " + n + ": one write per round");
      assertEquals(rounds, row[1], "version on node " + n);
    }
  }

  /**
   * Inside a transaction, a write another node commits first turns the local transaction into a
   * certification failure: its COMMIT fails with SQLSTATE 40001 and nothing of it is written. No
   * repository method sees that error (it comes from the caller's COMMIT), so a caller of {@code
   * update} inside its own transaction retries the whole transaction on 40001.
   */
  @Test
  @Order(4)
  void aTransactionOverwrittenByAnotherNodeFailsAtCommitWith40001() throws Exception {
    seed(1);
    PostRepository onNode2 = new PostRepository(dsl(2), RetryPolicy.NONE);
    Post copy = new PostRepository(dsl(1)).findById(1).orElseThrow();
    AtomicReference<Post> writtenInside = new AtomicReference<>();
    ClusterWorkload.Counters counters = new ClusterWorkload.Counters(1, 1);
    DSLContext node1 = ClusterWorkload.context(pools.get(0), SQLDialect.MARIADB, counters);
    RuntimeException failure = assertThrows(RuntimeException.class,
        () -> node1.transaction(configuration -> {
          PostRepository inside = new PostRepository(DSL.using(configuration), RetryPolicy.NONE);
          writtenInside.set(inside.update(new Post(1, "node 1, in a transaction", 10,
              copy.lockVersion())));
          // Node 2 writes the same row and commits while node 1's transaction is open.
          onNode2.update(new Post(1, "node 2", 20, copy.lockVersion()));
        }));
    assertTrue(ClusterWorkload.isSerializationFailure(failure), () -> failure.toString());
    assertEquals(1, counters.serializationAtCommit.get(), "a failure at commit, so counted");
    assertEquals(0, counters.serializationAtStatement.get() + counters.stale.get());
    assertEquals(1, writtenInside.get().lockVersion(), "the UPDATE inside matched the row");
    for (int n = 1; n <= NODES; n++) {
      long[] row = readBack(n, 1)[0];
      assertEquals(20, row[0], "node 2's write on node " + n);
      assertEquals(1, row[1]);
    }
  }

  @Test
  @Order(5)
  void threeNodesOfFourThreadsOfModifyOnFourHotRowsLoseNoUpdate() throws Exception {
    seed(ROWS);
    ClusterWorkload.Result result =
        ClusterWorkload.run("galera 3 nodes", SQLDialect.MARIADB, servers(0), PER_THREAD, ROWS,
            ClusterWorkload.GENEROUS, done -> {});
    checkNoUpdateLost(result);
  }

  /**
   * The same workload with causal reads ({@code wsrep_sync_wait = 1}): each read of {@code modify}
   * waits until its node has applied every write committed before it, so fewer attempts start
   * from a copy that is already stale, at the price of a wait on every read.
   */
  @Test
  @Order(6)
  void withCausalReadsTheSameWorkloadLosesNoUpdate() throws Exception {
    seed(ROWS);
    List<HikariDataSource> causal = new ArrayList<>();
    try {
      List<ClusterWorkload.Server> servers = new ArrayList<>();
      for (int n = 1; n <= NODES; n++) {
        HikariDataSource pool = pool(n, THREADS_PER_NODE, "SET SESSION wsrep_sync_wait = 1");
        causal.add(pool);
        servers.add(new ClusterWorkload.Server("node" + n, pool, THREADS_PER_NODE, false));
      }
      ClusterWorkload.Result result =
          ClusterWorkload.run("galera 3 nodes, wsrep_sync_wait=1", SQLDialect.MARIADB, servers,
              PER_THREAD, ROWS, ClusterWorkload.GENEROUS, done -> {});
      checkNoUpdateLost(result);
    } finally {
      causal.forEach(HikariDataSource::close);
    }
  }

  /**
   * The same contention with {@link RetryPolicy#DEFAULT} (5 attempts): some calls run out of
   * attempts and throw; each of them wrote nothing (every row holds exactly its acknowledged
   * calls), and none of the acknowledged ones is lost.
   */
  @Test
  @Order(7)
  void withTheDefaultPolicySomeCallsGiveUpAndWriteNothing() throws Exception {
    seed(ROWS);
    ClusterWorkload.Result result =
        ClusterWorkload.run("galera 3 nodes, RetryPolicy.DEFAULT", SQLDialect.MARIADB,
            servers(0), DEFAULT_POLICY_PER_THREAD, ROWS, RetryPolicy.DEFAULT, done -> {});
    long lost = verifyOnEveryNode(result);
    System.out.println("GALERA " + result.line(lost));
    assertEquals(0, lost);
    assertEquals(0, result.counters.unknownTotal());
    assertEquals((long) NODES * THREADS_PER_NODE * DEFAULT_POLICY_PER_THREAD,
        result.operations() + result.counters.gaveUp.get());
  }

  private static void checkNoUpdateLost(ClusterWorkload.Result result) throws SQLException {
    long lost = verifyOnEveryNode(result);
    System.out.println("GALERA " + result.line(lost));
    assertEquals(0, lost);
    assertEquals(0, result.counters.unknownTotal());
    assertEquals((long) NODES * THREADS_PER_NODE * PER_THREAD,
        result.operations() + result.counters.gaveUp.get());
    assertTrue(result.counters.conflicts() > 0, "no conflict: the nodes did not contend");
  }

  /**
   * Node 3 is killed (SIGKILL of its server's PID) after a quarter of the calls; the threads on
   * nodes 1 and 2 go on to the end. A call on node 3 whose connection broke has an unknown
   * outcome: it may have committed (its write set replicated before the kill) or not. Afterwards
   * node 3 restarts and catches up (IST), and on every node each row holds at least every
   * acknowledged call and at most those plus the unknown ones.
   */
  @Test
  @Order(8)
  void aNodeKilledMidRunLosesNoAcknowledgedUpdate() throws Exception {
    seed(ROWS);
    long total = (long) NODES * THREADS_PER_NODE * KILL_PER_THREAD;
    AtomicBoolean killed = new AtomicBoolean();
    AtomicReference<Throwable> killFailure = new AtomicReference<>();
    ClusterWorkload.Result result;
    try {
      result = ClusterWorkload.run("galera node " + KILLED_NODE + " killed", SQLDialect.MARIADB,
          servers(KILLED_NODE), KILL_PER_THREAD, ROWS, ClusterWorkload.GENEROUS, done -> {
            if (done >= total / 4 && killed.compareAndSet(false, true)) {
              try {
                script("kill", KILLED_NODE);
              } catch (Exception e) {
                killFailure.set(e);
              }
            }
          });
    } finally {
      script("restart", KILLED_NODE);
    }
    if (killFailure.get() != null) {
      throw new AssertionError("could not kill node " + KILLED_NODE, killFailure.get());
    }
    assertTrue(killed.get());
    long lost = verifyOnEveryNode(result);
    long[][] rows = readBack(1, ROWS);
    long stored = 0;
    for (long[] row : rows) {
      stored += row[0];
    }
    System.out.println("GALERA " + result.line(lost) + "; of the unknown, "
        + (stored - result.operations()) + " committed");
    assertEquals(0, lost);
    // The survivors made all their calls; node 3's threads stopped at their first broken call.
    for (int n = 1; n <= NODES; n++) {
      long calls = result.counters.callsPerServer.get(n - 1);
      if (n == KILLED_NODE) {
        assertTrue(calls > 0 && calls < (long) THREADS_PER_NODE * KILL_PER_THREAD,
            "node " + n + " made " + calls + " calls");
      } else {
        assertEquals((long) THREADS_PER_NODE * KILL_PER_THREAD, calls, "calls on node " + n);
      }
    }
    assertTrue(result.counters.unknownTotal() <= THREADS_PER_NODE,
        "at most one unknown outcome per thread on node " + KILLED_NODE);
  }

  /** Runs {@code .ci/galera.sh <command> <node>}, the script that started the cluster. */
  static void script(String command, int node) throws IOException, InterruptedException {
    Path ci = Path.of(System.getProperty("versioned.ci.dir", "../.ci"));
    Process p = new ProcessBuilder(ci.resolve("galera.sh").toString(), command,
        Integer.toString(node)).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException("galera.sh " + command + " " + node + " failed: " + output);
    }
    System.out.print(output);
  }
}
