package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.versioned.RetryPolicy;
import dev.versioned.StaleBatchException;
import dev.versioned.StaleRecordException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Faults: the server kills our connection mid-transaction; a batch meets a stale row; an outer
 * transaction rolls back after the repository's writes succeeded. In each case nothing is
 * half-written and the caller's records are unchanged.
 */
class FaultTest {

  private static List<Post> posts(DSLContext dsl) {
    return new PostRepository(dsl).findAll().stream()
        .sorted((a, b) -> Long.compare(a.id(), b.id()))
        .collect(Collectors.toList());
  }

  private static List<Post> seed(DSLContext dsl, int n) {
    List<Post> rows = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      rows.add(new Post(i, "post " + i, 0, 0));
    }
    return new PostRepository(dsl).insertAll(rows);
  }

  // ------------------------------------------------------------------ killed connections

  /** The server's id for the connection a context is using. */
  private static long connectionId(Db db, DSLContext dsl) {
    String sql =
        db.database == TestDatabase.POSTGRES ? "select pg_backend_pid()" : "select connection_id()";
    return ((Number) dsl.fetchValue(sql)).longValue();
  }

  /**
   * Kills a connection from a second one, as an administrator would: {@code pg_terminate_backend}
   * on PostgreSQL, {@code KILL} on MariaDB; then waits until the server no longer lists it.
   */
  private static void kill(Db db, long id) {
    boolean postgres = db.database == TestDatabase.POSTGRES;
    try (Connection admin = db.connect()) {
      try (PreparedStatement kill =
          admin.prepareStatement(
              postgres ? "select pg_terminate_backend(?)" : "KILL CONNECTION " + id)) {
        if (postgres) {
          kill.setInt(1, (int) id);
        }
        kill.execute();
      }
      String listed =
          postgres
              ? "select count(*) from pg_stat_activity where pid = ?"
              : "select count(*) from information_schema.processlist where id = ?";
      for (int i = 0; i < 100; i++) {
        try (PreparedStatement check = admin.prepareStatement(listed)) {
          check.setLong(1, id);
          try (ResultSet rs = check.executeQuery()) {
            rs.next();
            if (rs.getLong(1) == 0) {
              return;
            }
          }
        }
        Thread.sleep(50);
      }
      throw new IllegalStateException("connection " + id + " is still there after 5 s");
    } catch (SQLException | InterruptedException e) {
      throw new IllegalStateException("cannot kill connection " + id, e);
    }
  }

  /** A failure that says the connection was lost (SQLSTATE class 08, or 57P01 / 70100). */
  private static void assertConnectionLost(Db db, DataAccessException e) {
    String state = e.sqlState();
    System.out.println("FAULT " + db.database + ": SQLSTATE " + state + ": " + e.getMessage());
    assertTrue(
        state.startsWith("08") || state.equals("57P01") || state.equals("70100"),
        "SQLSTATE " + state + ": " + e.getMessage());
    assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
  }

  @DatabaseTest(only = {"postgres", "mariadb"})
  void aConnectionKilledMidTransactionWritesNothingAndTheRepositoryRecovers(Db db) {
    // One pooled connection, so "the connection" is the one the transaction runs on.
    HikariDataSource one = db.pool(1, config -> {});
    DSLContext dsl = DSL.using(one, db.database.dialect);
    PostRepository posts = new PostRepository(dsl);
    List<Post> before = seed(dsl, 2);
    long killed = connectionId(db, dsl);

    Post first = new Post(1, "written, then lost", 1, 0);
    Post second = new Post(2, "never written", 2, 0);
    DataAccessException e =
        assertThrows(
            DataAccessException.class,
            () ->
                dsl.transaction(
                    configuration -> {
                      DSLContext tx = DSL.using(configuration);
                      PostRepository inTx = new PostRepository(tx);
                      assertEquals(1, inTx.update(first).lockVersion());
                      assertEquals(killed, connectionId(db, tx));
                      kill(db, killed);
                      inTx.update(second);
                    }));
    assertConnectionLost(db, e);

    assertEquals(new Post(1, "written, then lost", 1, 0), first); // the caller's records
    assertEquals(new Post(2, "never written", 2, 0), second);
    assertEquals(before, posts(db.dsl)); // not even the update that had succeeded

    // The pool dropped the dead connection: the same repository works on a new one.
    assertEquals(new Post(1, "after", 0, 1), posts.update(new Post(1, "after", 0, 0)));
    assertNotEquals(killed, connectionId(db, dsl));
    assertEquals(new Post(2, "post 2", 0, 1), posts.update(before.get(1)));
  }

  @DatabaseTest(only = {"postgres", "mariadb"})
  void aConnectionKilledInsideModifyIsNotRetriedAndWritesNothing(Db db) {
    HikariDataSource one = db.pool(1, config -> {});
    DSLContext dsl = DSL.using(one, db.database.dialect);
    PostRepository posts = new PostRepository(dsl, new RetryPolicy(5, Duration.ZERO, Duration.ZERO));
    List<Post> before = seed(dsl, 1);
    long killed = connectionId(db, dsl);
    AtomicInteger calls = new AtomicInteger();

    DataAccessException e =
        assertThrows(
            DataAccessException.class,
            () ->
                posts.modify(
                    1,
                    p -> {
                      calls.incrementAndGet();
                      kill(db, killed); // between modify's read and its write
                      return new Post(p.id(), "lost", p.views() + 1, p.lockVersion());
                    }));
    assertConnectionLost(db, e);
    assertEquals(1, calls.get()); // a lost connection is no conflict: modify does not retry it
    assertEquals(before, posts(db.dsl));

    assertEquals(
        new Post(1, "kept", 1, 1),
        posts.modify(1, p -> new Post(p.id(), "kept", p.views() + 1, p.lockVersion())));
    assertEquals(List.of(new Post(1, "kept", 1, 1)), posts(db.dsl));
  }

  // ------------------------------------------------------------------ stale row in a batch

  @DatabaseTest(alsoHidingRowCounts = true)
  void aBatchOfFiveWhoseThirdRowIsStaleWritesNothing(Db db) {
    PostRepository posts = new PostRepository(db.dsl);
    List<Post> read = seed(db.dsl, 5);
    new PostRepository(db.otherDsl()).incrementViews(3, 1); // someone else changes row 3
    List<Post> current = posts(db.dsl);

    List<Post> retitled =
        read.stream().map(p -> new Post(p.id(), "batch", p.views(), p.lockVersion()))
            .collect(Collectors.toList());
    StaleBatchException update =
        assertThrows(StaleBatchException.class, () -> posts.updateAll(retitled));
    assertOnlyTheThirdRow(update, StaleRecordException.Operation.UPDATE);
    assertEquals(current, posts(db.dsl));

    StaleBatchException delete =
        assertThrows(StaleBatchException.class, () -> posts.deleteAll(read));
    assertOnlyTheThirdRow(delete, StaleRecordException.Operation.DELETE);
    assertEquals(current, posts(db.dsl));
  }

  private static void assertOnlyTheThirdRow(
      StaleBatchException e, StaleRecordException.Operation operation) {
    assertEquals(1, e.conflicts().size());
    StaleRecordException third = e.conflicts().get(0);
    assertEquals(2, third.batchIndex());
    assertEquals(List.of(3L), third.key());
    assertEquals(operation, third.operation());
    assertEquals(0L, third.expectedVersion().getAsLong());
    assertEquals(1L, third.actualVersion().getAsLong());
  }

  // ------------------------------------------------------------------ outer rollback

  @DatabaseTest(alsoHidingRowCounts = true)
  void anOuterTransactionRolledBackAfterSuccessfulWritesLeavesEveryVersionAsItWas(Db db) {
    List<Post> before = seed(db.dsl, 4);
    IllegalStateException rollback =
        assertThrows(
            IllegalStateException.class,
            () ->
                db.dsl.transaction(
                    configuration -> {
                      // Nested calls run as savepoints inside this transaction (modify, the
                      // batches, overwrite): all of them go when it rolls back.
                      PostRepository tx = new PostRepository(DSL.using(configuration));
                      assertEquals(1, tx.update(new Post(1, "u", 1, 0)).lockVersion());
                      assertEquals(2, tx.modify(1, p -> new Post(1, "m", 2, p.lockVersion()))
                          .lockVersion());
                      assertEquals(1, tx.updateChanged(before.get(1), new Post(2, "c", 0, 0))
                          .lockVersion());
                      assertEquals(1, tx.overwrite(new Post(3, "o", 0, 0)).lockVersion());
                      assertTrue(tx.incrementViews(4, 5));
                      List<Post> all = posts(DSL.using(configuration));
                      assertEquals(List.of(3L, 2L, 2L, 2L),
                          tx.updateAll(all).stream().map(p -> (long) p.lockVersion())
                              .collect(Collectors.toList()));
                      tx.insert(new Post(5, "new", 0, 0));
                      tx.deleteById(5);
                      throw new IllegalStateException("roll back");
                    }));
    assertEquals("roll back", rollback.getMessage());
    assertEquals(before, posts(db.dsl));
    // The versions are as they were, so the copies read before are current again.
    PostRepository posts = new PostRepository(db.dsl);
    assertEquals(1, posts.updateAll(before).get(0).lockVersion());
  }
}
