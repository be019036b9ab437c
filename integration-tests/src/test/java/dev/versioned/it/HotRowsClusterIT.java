package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.versioned.ConflictEvent;
import dev.versioned.ConflictListener;
import dev.versioned.ModifyEvent;
import dev.versioned.RetryPolicy;
import dev.versioned.StaleRecordException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The hot-row features on the 3-node Galera cluster of {@link GaleraClusterIT}: {@code modify}
 * with {@link RetryPolicy#lockAfter()}, {@code touch}, {@code findByIdForUpdate} and the {@link
 * ConflictListener}. A {@code SELECT ... FOR UPDATE} locks the row on its own node only: a writer
 * on another node is not held back by it, and one of the two is refused at certification
 * (SQLSTATE 40001). Each workload prints one line prefixed {@code GALERA}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HotRowsClusterIT {
  static final int NODES = GaleraClusterIT.NODES;
  static final int THREADS_PER_NODE = GaleraClusterIT.THREADS_PER_NODE;
  static final int ROWS = GaleraClusterIT.ROWS;
  static final int PER_THREAD = 250;

  private static final List<HikariDataSource> pools = new ArrayList<>();

  @BeforeAll
  static void openPools() {
    for (int n = 1; n <= NODES; n++) {
      pools.add(GaleraClusterIT.pool(n, THREADS_PER_NODE, null));
    }
  }

  @AfterAll
  static void closePools() {
    pools.forEach(HikariDataSource::close);
    pools.clear();
  }

  static DSLContext dsl(int node) {
    return DSL.using(pools.get(node - 1), SQLDialect.MARIADB);
  }

  /** A context on {@code provider} whose repositories tell {@code listener} of conflicts. */
  static DSLContext listened(DataSourceConnectionProvider provider, ConflictListener listener) {
    DefaultConfiguration configuration = new DefaultConfiguration();
    configuration.set(SQLDialect.MARIADB);
    configuration.set(provider);
    ConflictListener.register(configuration, listener);
    return DSL.using(configuration);
  }

  @BeforeEach
  void createTable() throws SQLException {
    try (Connection c = GaleraClusterIT.causalConnection(1); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS `post`");
      s.execute("CREATE TABLE `post` (`id` BIGINT PRIMARY KEY, `title` VARCHAR(200),"
          + " `views` INT NOT NULL, `lock_version` INT NOT NULL) ENGINE = InnoDB");
    }
  }

  /** Inserts the hot rows on node 1 and waits until every node has them. */
  static void seed(int rows) throws SQLException {
    Workload.seed(dsl(1), rows);
    for (int n = 1; n <= NODES; n++) {
      try (Connection c = GaleraClusterIT.causalConnection(n); Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT count(*) FROM `post`")) {
        assertTrue(r.next());
        assertEquals(rows, r.getInt(1), "rows seen on node " + n);
      }
    }
  }

  /** Counts what the listener is told by every node's repository during a workload. */
  static final class Tally implements ConflictListener {
    final int rows;
    final AtomicLong conflicts = new AtomicLong();
    final AtomicLong stale = new AtomicLong();
    final AtomicLong certification = new AtomicLong();
    final AtomicLong lockedConflicts = new AtomicLong();
    final AtomicLong lockedCertification = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong retriesToLockingRead = new AtomicLong();
    final AtomicLong gaveUp = new AtomicLong();
    final AtomicLong calls = new AtomicLong();
    final AtomicLong succeeded = new AtomicLong();
    final AtomicLong lockingReads = new AtomicLong();
    final AtomicLong escalatedCalls = new AtomicLong();
    final AtomicLong mostAttempts = new AtomicLong();
    /** Events that named another table, operation or key than the workload's. */
    final List<String> wrong = Collections.synchronizedList(new ArrayList<>());

    Tally(int rows) {
      this.rows = rows;
    }

    private void check(ConflictEvent e) {
      Object id = e.key().size() == 1 ? e.key().get(0) : null;
      if (!"post".equals(e.table()) || e.operation() != ConflictEvent.Operation.MODIFY
          || !(id instanceof Long) || (Long) id < 1 || (Long) id > rows || e.attempt() < 1) {
        wrong.add(e.toString());
      }
    }

    @Override
    public void onConflict(ConflictEvent e) {
      check(e);
      conflicts.incrementAndGet();
      boolean c = ClusterWorkload.isSerializationFailure(e.failure());
      (c ? certification : stale).incrementAndGet();
      if (e.lockingRead()) {
        lockedConflicts.incrementAndGet();
        if (c) {
          lockedCertification.incrementAndGet();
        }
      }
    }

    @Override
    public void onRetry(ConflictEvent e, Duration backoff, boolean lockingRead) {
      check(e);
      retries.incrementAndGet();
      if (lockingRead) {
        retriesToLockingRead.incrementAndGet();
      }
    }

    @Override
    public void onGiveUp(ConflictEvent e) {
      check(e);
      gaveUp.incrementAndGet();
    }

    @Override
    public void onModify(ModifyEvent m) {
      calls.incrementAndGet();
      if (m.outcome() == ModifyEvent.Outcome.SUCCEEDED) {
        succeeded.incrementAndGet();
      }
      lockingReads.addAndGet(m.lockingReads());
      if (m.lockingReads() > 0) {
        escalatedCalls.incrementAndGet();
      }
      mostAttempts.accumulateAndGet(m.attempts(), Math::max);
    }

    String line() {
      return String.format(Locale.ROOT,
          "listener: %d calls, %d succeeded, %d conflicts (%d stale, %d 40001), %d retries"
              + " (%d to a locking read), %d escalated attempts in %d calls, conflicts of"
              + " locking attempts %d (%d 40001), %d gave up, most attempts of one call %d",
          calls.get(), succeeded.get(), conflicts.get(), stale.get(), certification.get(),
          retries.get(), retriesToLockingRead.get(), lockingReads.get(), escalatedCalls.get(),
          lockedConflicts.get(), lockedCertification.get(), gaveUp.get(), mostAttempts.get());
    }
  }

  private static Tally hotRows(int lockAfter) throws Exception {
    seed(ROWS);
    Tally tally = new Tally(ROWS);
    List<ClusterWorkload.Server> servers = new ArrayList<>();
    for (int n = 1; n <= NODES; n++) {
      servers.add(new ClusterWorkload.Server("node" + n, pools.get(n - 1), THREADS_PER_NODE,
          false));
    }
    RetryPolicy policy = ClusterWorkload.GENEROUS.withLockAfter(lockAfter);
    ClusterWorkload.Result result = ClusterWorkload.run("galera 3 nodes, lockAfter " + lockAfter,
        SQLDialect.MARIADB, servers, PER_THREAD, ROWS, policy, tally, done -> {});
    long lost = GaleraClusterIT.verifyOnEveryNode(result);
    System.out.println("GALERA " + result.line(lost) + "; " + tally.line());
    long total = (long) NODES * THREADS_PER_NODE * PER_THREAD;
    ClusterWorkload.Counters c = result.counters;
    assertEquals(0, lost);
    assertEquals(0, c.unknownTotal());
    assertEquals(0, c.gaveUp.get(), "100 attempts with a growing backoff are enough");
    assertEquals(total, result.operations());
    assertTrue(c.conflicts() > 0, "no conflict: the nodes did not contend");
    // The listener is told of every failed attempt the transactions saw, sorted the same way.
    assertEquals(List.of(), tally.wrong);
    assertEquals(0, c.otherRollbacks.get());
    assertEquals(c.conflicts(), tally.conflicts.get(), "conflicts told");
    assertEquals(c.stale.get(), tally.stale.get(), "stale rows told");
    assertEquals(c.serializationAtStatement.get() + c.serializationAtCommit.get(),
        tally.certification.get(), "certification failures (40001) told");
    assertTrue(tally.certification.get() > 0, "3 nodes on 4 rows: some 40001");
    assertEquals(tally.conflicts.get(), tally.retries.get(), "each conflict retried");
    assertEquals(0, tally.gaveUp.get());
    assertEquals(total, tally.calls.get());
    assertEquals(total, tally.succeeded.get());
    return tally;
  }

  /**
   * Pure optimistic {@code modify} (lockAfter 0) from 3 nodes × 4 threads on 4 hot rows: no
   * attempt reads with a lock, and the listener sees every conflict.
   */
  @Test
  @Order(1)
  void optimisticModifyOnHotRowsTellsEveryConflict() throws Exception {
    Tally tally = hotRows(0);
    assertEquals(0, tally.lockingReads.get());
    assertEquals(0, tally.retriesToLockingRead.get());
  }

  /**
   * The same workload with {@code lockAfter(1)}: every attempt after a conflict reads with {@code
   * FOR UPDATE}. No update is lost and none gives up; the lock holds writers on its own node
   * only, so conflicts of locking attempts remain, as certification failures.
   */
  @Test
  @Order(2)
  void modifyWithLockAfterOneOnHotRowsLosesNothingAndEscalates() throws Exception {
    Tally tally = hotRows(1);
    assertTrue(tally.lockingReads.get() > 0, "some attempt escalated");
    // With lockAfter 1 every attempt after the first is a locking read: one per retry.
    assertEquals(tally.retries.get(), tally.lockingReads.get());
    assertEquals(tally.retries.get(), tally.retriesToLockingRead.get());
  }

  /**
   * {@code touch} on node 2 makes a copy read on node 1 stale on node 3: both {@code update} and
   * {@code touch} of the copy are refused, and only the version changed, on every node.
   */
  @Test
  @Order(3)
  void touchOnOneNodeMakesACopyStaleOnAnother() throws Exception {
    seed(1);
    Post copy = new PostRepository(dsl(1), RetryPolicy.NONE).findById(1).orElseThrow();
    Post touched = new PostRepository(dsl(2), RetryPolicy.NONE)
        .touch(new Post(1, "not written", 99, copy.lockVersion()));
    assertEquals(new Post(1, "not written", 99, 1), touched, "the argument, new version");
    ConflictListenerTest.Recorder recorder = new ConflictListenerTest.Recorder();
    // Node 3 waits for the cluster's writes before its UPDATE (wsrep_sync_wait bit 2).
    try (HikariDataSource waiting = GaleraClusterIT.pool(3, 1, "SET SESSION wsrep_sync_wait = 3")) {
      PostRepository onNode3 = new PostRepository(
          listened(new DataSourceConnectionProvider(waiting), recorder), RetryPolicy.NONE);
      Post change = new Post(1, "stale write on node 3", 5, copy.lockVersion());
      StaleRecordException e = assertThrows(StaleRecordException.class, () -> onNode3.update(change));
      assertEquals(0, e.expectedVersion().getAsLong());
      assertEquals(1, e.actualVersion().getAsLong(), e.getMessage());
      StaleRecordException t = assertThrows(StaleRecordException.class, () -> onNode3.touch(copy));
      assertEquals(StaleRecordException.Operation.UPDATE, t.operation());
      assertEquals(1, t.actualVersion().getAsLong(), t.getMessage());
      assertEquals(copy, t.record());
    }
    assertEquals(2, recorder.conflicts.size(), recorder.conflicts.toString());
    assertEquals(ConflictEvent.Operation.UPDATE, recorder.conflicts.get(0).operation());
    assertEquals(ConflictEvent.Operation.TOUCH, recorder.conflicts.get(1).operation());
    for (ConflictEvent e : recorder.conflicts) {
      assertEquals("post", e.table());
      assertEquals(List.of(1L), e.key());
    }
    for (int n = 1; n <= NODES; n++) {
      assertEquals(new Post(1, "hot 1", 0, 1), GaleraClusterIT.causalFind(n, 1), "node " + n);
    }
  }

  /**
   * {@code findByIdForUpdate} in a transaction on node 1 makes a writer on node 1 wait until the
   * commit, after which the writer's copy is stale. A writer on node 2 is not held back: the
   * lock is node 1's alone, and certification refuses the lock holder instead (40001).
   */
  @Test
  @Order(4)
  void findByIdForUpdateBlocksAWriterOnItsNodeOnly() throws Exception {
    seed(2);
    Post copy = new PostRepository(dsl(1)).findById(1).orElseThrow();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try {
      Future<Post> holder = threads.submit(() -> dsl(1).transactionResult(c -> {
        PostRepository tx = new PostRepository(DSL.using(c), RetryPolicy.NONE);
        Post row = tx.findByIdForUpdate(1).orElseThrow();
        locked.countDown();
        assertTrue(release.await(30, TimeUnit.SECONDS));
        return tx.update(new Post(1, "holder", row.views() + 1, row.lockVersion()));
      }));
      assertTrue(locked.await(30, TimeUnit.SECONDS));
      PostRepository sameNode = new PostRepository(dsl(1), RetryPolicy.NONE);
      Future<Post> writer =
          threads.submit(() -> sameNode.update(new Post(1, "writer", 0, copy.lockVersion())));
      Thread.sleep(500);
      assertFalse(writer.isDone(), "the writer on the same node did not wait for the lock");
      release.countDown();
      assertEquals(new Post(1, "holder", 1, 1), holder.get(30, TimeUnit.SECONDS));
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> writer.get(30, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof StaleRecordException, e.toString());
      for (int n = 1; n <= NODES; n++) {
        assertEquals(new Post(1, "holder", 1, 1), GaleraClusterIT.causalFind(n, 1), "node " + n);
      }

      // Row 2: the lock on node 1 does not hold back a writer on node 2.
      CountDownLatch locked2 = new CountDownLatch(1);
      CountDownLatch release2 = new CountDownLatch(1);
      Future<Post> holder2 = threads.submit(() -> dsl(1).transactionResult(c -> {
        PostRepository tx = new PostRepository(DSL.using(c), RetryPolicy.NONE);
        Post row = tx.findByIdForUpdate(2).orElseThrow();
        locked2.countDown();
        assertTrue(release2.await(30, TimeUnit.SECONDS));
        return tx.update(new Post(2, "holder", row.views() + 1, row.lockVersion()));
      }));
      assertTrue(locked2.await(30, TimeUnit.SECONDS));
      Post other = new PostRepository(dsl(2), RetryPolicy.NONE)
          .update(new Post(2, "node 2", 7, 0));
      assertEquals(1, other.lockVersion(), "node 2 wrote while node 1 held its lock");
      release2.countDown();
      ExecutionException refused =
          assertThrows(ExecutionException.class, () -> holder2.get(30, TimeUnit.SECONDS));
      assertTrue(ClusterWorkload.isSerializationFailure(refused.getCause()),
          () -> "the lock holder is refused by certification: " + refused.getCause());
      for (int n = 1; n <= NODES; n++) {
        assertEquals(new Post(2, "node 2", 7, 1), GaleraClusterIT.causalFind(n, 2), "node " + n);
      }
    } finally {
      release.countDown();
      threads.shutdownNow();
      assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS));
    }
  }

  /**
   * Nodes 2 and 3 write the same copy at once with {@code wsrep_retry_autocommit = 0}, so a loser
   * may get the certification failure itself: the listener is told of every loser, as a conflict
   * of {@code update} on table {@code post}, key 1, attempt 1, and of the 40001 behind it.
   */
  @Test
  @Order(5)
  void theListenerIsToldOfCertificationFailures() throws Exception {
    seed(1);
    int rounds = 50;
    int losers = 0;
    int certification = 0;
    ConflictListenerTest.Recorder recorder = new ConflictListenerTest.Recorder();
    ExecutorService writers = Executors.newFixedThreadPool(2);
    String init = "SET SESSION wsrep_retry_autocommit = 0";
    try (HikariDataSource node2 = GaleraClusterIT.pool(2, 1, init);
        HikariDataSource node3 = GaleraClusterIT.pool(3, 1, init);
        HikariDataSource causal = GaleraClusterIT.pool(1, 1, "SET SESSION wsrep_sync_wait = 1")) {
      PostRepository reader =
          new PostRepository(DSL.using(causal, SQLDialect.MARIADB), RetryPolicy.NONE);
      List<PostRepository> repositories = List.of(
          new PostRepository(listened(new DataSourceConnectionProvider(node2), recorder),
              RetryPolicy.NONE),
          new PostRepository(listened(new DataSourceConnectionProvider(node3), recorder),
              RetryPolicy.NONE));
      for (int i = 0; i < rounds; i++) {
        Post copy = reader.findById(1).orElseThrow();
        assertEquals(i, copy.lockVersion(), "round " + i + " starts from the last winner");
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Post>> outcomes = new ArrayList<>();
        for (PostRepository writer : repositories) {
          Post change = new Post(1, "round " + i, copy.views() + 1, copy.lockVersion());
          outcomes.add(writers.submit(() -> {
            together.await(10, TimeUnit.SECONDS);
            return writer.update(change);
          }));
        }
        for (Future<Post> outcome : outcomes) {
          try {
            outcome.get(1, TimeUnit.MINUTES);
          } catch (ExecutionException e) {
            assertTrue(e.getCause() instanceof StaleRecordException, e.getCause().toString());
            losers++;
            if (ClusterWorkload.isSerializationFailure(e.getCause())) {
              certification++;
            }
          }
        }
      }
    } finally {
      writers.shutdownNow();
    }
    assertEquals(rounds, losers, "one loser a round");
    assertEquals(losers, recorder.conflicts.size(), "every loser told");
    int told40001 = 0;
    for (ConflictEvent e : recorder.conflicts) {
      assertEquals("post", e.table());
      assertEquals(ConflictEvent.Operation.UPDATE, e.operation());
      assertEquals(List.of(1L), e.key());
      assertEquals(1, e.attempt());
      if (ClusterWorkload.isSerializationFailure(e.failure())) {
        told40001++;
      }
    }
    System.out.printf("GALERA listener on two nodes writing one copy at once"
        + " (wsrep_retry_autocommit=0): %d rounds, %d conflicts told, %d of them 40001%n",
        rounds, recorder.conflicts.size(), told40001);
    assertEquals(certification, told40001, "the 40001 behind each refused write is told");
    assertTrue(told40001 > 0, "no certification failure in " + rounds + " rounds");
    assertTrue(recorder.retries.isEmpty() && recorder.gaveUp.isEmpty(), "update never retries");
  }
}
