package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.versioned.StaleBatchException;
import dev.versioned.StaleRecordException;
import dev.versioned.VersionOverflowException;
import java.math.BigDecimal;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * What each database does differently that breaks other libraries, and that the generated
 * repositories must survive: found rows against changed rows, generated keys without RETURNING,
 * integer overflow, reserved words, and drivers that hide batch row counts.
 */
class DialectFactsTest {
  /** lock_version read as BIGINT, so a value that no longer fits an int shows as it is. */
  private static final Field<Long> WIDE_VERSION =
      DSL.field(DSL.name("lock_version"), SQLDataType.BIGINT);

  private static final Field<Long> WIDE_VIEWS = DSL.field(DSL.name("views"), SQLDataType.BIGINT);

  private static long stored(Db db, Field<Long> column, long id) {
    return db.dsl.select(column).from(PostRepository.TABLE).where(PostRepository.ID.eq(id))
        .fetchSingle().value1();
  }

  // ------------------------------------------------------------------ found rows

  @DatabaseTest
  void anUpdateThatWritesIdenticalValuesCountsOneRow(Db db) {
    PostRepository posts = new PostRepository(db.dsl);
    Post post = posts.insert(new Post(1, "same", 3, 0));

    // The driver, as configured by default, counts the rows an UPDATE matched, not the rows whose
    // values changed: MariaDB Connector/J defaults to useAffectedRows=false (CLIENT_FOUND_ROWS).
    int rows =
        db.dsl.update(PostRepository.TABLE)
            .set(PostRepository.TITLE, "same")
            .set(PostRepository.VIEWS, 3)
            .where(PostRepository.ID.eq(1L))
            .execute();
    assertEquals(1, rows);

    // The repository: a record written back with identical values is an update like any other.
    Post written = posts.update(post);
    assertEquals(new Post(1, "same", 3, 1), written);
    assertEquals(written, posts.findById(1).orElseThrow());
    assertEquals(List.of(new Post(1, "same", 3, 2)), posts.updateAll(List.of(written)));
    assertEquals(new Post(1, "same", 3, 3), posts.overwrite(written));
    assertTrue(posts.incrementViews(1, 0));
    assertEquals(new Post(1, "same", 3, 4), posts.findById(1).orElseThrow());
  }

  @DatabaseTest(only = "mariadb")
  void withUseAffectedRowsMariaDbCountsOnlyChangedRowsAndTheRepositoryStillWorks(Db db) {
    HikariDataSource affected =
        db.pool(2, config -> config.addDataSourceProperty("useAffectedRows", "true"));
    DSLContext dsl = DSL.using(affected, db.database.dialect);
    PostRepository posts = new PostRepository(dsl);
    Post post = posts.insert(new Post(1, "same", 3, 0));

    // With useAffectedRows=true an UPDATE that changes nothing reports 0 rows: a library that
    // read that as "stale" would fail here.
    assertEquals(0, dsl.update(PostRepository.TABLE).set(PostRepository.TITLE, "same")
        .where(PostRepository.ID.eq(1L)).execute());

    // Every repository write also increments the version, so no write of it is ever identical:
    // it counts one row under either setting.
    Post written = posts.update(post);
    assertEquals(1, written.lockVersion());
    assertEquals(2, posts.updateAll(List.of(written)).get(0).lockVersion());
    assertTrue(posts.incrementViews(1, 0));
    assertEquals(new Post(1, "same", 3, 4), posts.overwrite(written));
    assertEquals(new Post(1, "same", 3, 4), posts.modify(1, p -> p));
    assertThrows(StaleRecordException.class, () -> posts.update(written));
  }

  // ------------------------------------------------------------------ generated keys

  @DatabaseTest
  void aGeneratedKeyComesBackOnInsert(Db db) {
    // HSQLDB and Derby have no INSERT ... RETURNING: jOOQ asks JDBC's getGeneratedKeys, which on
    // Derby answers only for the table's identity column; the repository's TABLE declares it.
    assertNotNull(AccountRepository.TABLE.getIdentity());
    assertEquals(AccountRepository.ID, AccountRepository.TABLE.getIdentity().getField());

    AccountRepository accounts = new AccountRepository(db.dsl);
    Account ann = accounts.insert(new Account(null, "ann", new BigDecimal("1.00"), null, null));
    Account bob = accounts.insert(new Account(null, "bob", null, 7L, 3L));
    assertNotNull(ann.id());
    assertNotNull(bob.id());
    assertNotEquals(ann.id(), bob.id());
    assertEquals(ann, accounts.findById(ann.id()).orElseThrow());
    assertEquals(bob, accounts.findById(bob.id()).orElseThrow());

    List<Account> batch =
        accounts.insertAll(
            List.of(
                new Account(null, "cy", null, null, null),
                new Account(500L, "dee", null, null, null),
                new Account(null, "eve", null, null, null)));
    assertEquals(500L, batch.get(1).id());
    for (Account a : batch) {
      assertEquals(a, accounts.findById(a.id()).orElseThrow());
    }
    assertEquals(5, accounts.count());
  }

  // ------------------------------------------------------------------ integer overflow

  @DatabaseTest
  void anIntVersionNeverGoesPastItsLargestValue(Db db) {
    PostRepository posts = new PostRepository(db.dsl);
    Post max = posts.insert(new Post(1, "at the limit", 0, Integer.MAX_VALUE));

    // What the database does with lock_version + 1 when nothing guards it.
    if (db.database == TestDatabase.SQLITE) {
      // SQLite has no fixed-width integers: the INT column silently holds 2^31...
      db.dsl.update(PostRepository.TABLE)
          .set(PostRepository.LOCK_VERSION, PostRepository.LOCK_VERSION.plus(1))
          .where(PostRepository.ID.eq(1L))
          .execute();
      assertEquals(1L + Integer.MAX_VALUE, stored(db, WIDE_VERSION, 1));
      // ...which an int component cannot hold: read back as an int, it is not that number.
      assertNotEquals(1L + Integer.MAX_VALUE,
          (long) posts.findById(1).orElseThrow().lockVersion());
      db.dsl.update(PostRepository.TABLE)
          .set(PostRepository.LOCK_VERSION, Integer.MAX_VALUE)
          .where(PostRepository.ID.eq(1L))
          .execute();
    } else {
      DataAccessException e =
          assertThrows(
              DataAccessException.class,
              () ->
                  db.dsl.update(PostRepository.TABLE)
                      .set(PostRepository.LOCK_VERSION, PostRepository.LOCK_VERSION.plus(1))
                      .where(PostRepository.ID.eq(1L))
                      .execute());
      assertEquals("22003", e.sqlState(), e.getMessage()); // numeric value out of range
    }

    // Every write the repository offers refuses, and leaves the row as it was.
    Post changed = new Post(1, "changed", 1, max.lockVersion());
    assertThrows(VersionOverflowException.class, () -> posts.update(max));
    assertThrows(VersionOverflowException.class, () -> posts.updateChanged(max, changed));
    assertThrows(VersionOverflowException.class, () -> posts.updateAll(List.of(max)));
    assertThrows(VersionOverflowException.class, () -> posts.overwrite(changed));
    assertThrows(VersionOverflowException.class,
        () -> posts.modify(1, p -> new Post(1, "changed", p.views(), p.lockVersion())));
    assertThrows(VersionOverflowException.class, () -> posts.incrementViews(1, 1));
    assertEquals(Integer.MAX_VALUE, stored(db, WIDE_VERSION, 1));
    assertEquals(max, posts.findById(1).orElseThrow());
    assertFalse(posts.incrementViews(2, 1)); // a missing row is still just "not found"
  }

  @DatabaseTest
  void anIntegerCounterNeverGoesPastItsLargestValue(Db db) {
    PostRepository posts = new PostRepository(db.dsl);
    posts.insert(new Post(1, "popular", Integer.MAX_VALUE - 1, 0));
    assertTrue(posts.incrementViews(1, 1));
    DataAccessException e =
        assertThrows(DataAccessException.class, () -> posts.incrementViews(1, 1));
    assertTrue(e.getMessage().contains("views is 2147483647"), e.getMessage());
    assertEquals(Integer.MAX_VALUE, stored(db, WIDE_VIEWS, 1));
    assertEquals(new Post(1, "popular", Integer.MAX_VALUE, 1), posts.findById(1).orElseThrow());
    assertTrue(posts.incrementViews(1, -10));
    assertEquals(Integer.MAX_VALUE - 10, posts.findById(1).orElseThrow().views());

    posts.insert(new Post(2, "unpopular", Integer.MIN_VALUE + 1, 0));
    assertTrue(posts.incrementViews(2, -1));
    assertThrows(DataAccessException.class, () -> posts.incrementViews(2, -1));
    assertEquals(Integer.MIN_VALUE, posts.findById(2).orElseThrow().views());

    // A nullable BIGINT counter: SQLite would turn the overflow into a REAL.
    AccountRepository accounts = new AccountRepository(db.dsl);
    Account a = accounts.insert(new Account(null, "ann", null, Long.MAX_VALUE, 0L));
    assertThrows(DataAccessException.class, () -> accounts.incrementLogins(a.id(), 1L));
    assertEquals(a, accounts.findById(a.id()).orElseThrow());
  }

  // ------------------------------------------------------------------ reserved words

  @DatabaseTest
  void reservedWordsAreQuotedInEveryStatement(Db db) {
    OrderRepository orders = new OrderRepository(db.dsl);
    db.takeStatements();
    List<Order> stored =
        orders.insertAll(
            List.of(
                new Order(1, "g1", "u1", new BigDecimal("1.5000"), 0),
                new Order(2, "g2", "u2", new BigDecimal("2.5000"), 0),
                new Order(3, "g3", "u3", null, 0)));
    Order one = orders.update(new Order(1, "group", "user", new BigDecimal("9.9900"), 0));
    Order two = orders.updateChanged(stored.get(1), new Order(2, "g2", "select", null, 0));
    Order three = orders.modify(3, o -> new Order(3, "order by", o.user(), o.unitPrice(), 0));
    assertEquals(List.of(one, two, three),
        orders.findAll(OrderRepository.GROUP.ne("x")).stream()
            .sorted((a, b) -> Long.compare(a.id(), b.id()))
            .collect(Collectors.toList()));
    assertEquals(List.of(one), orders.findAll(OrderRepository.USER.eq("user")));
    assertEquals(List.of(two), orders.findAll(OrderRepository.UNIT_PRICE.isNull()
        .and(OrderRepository.ID.eq(2L))));
    List<Order> again = orders.updateAll(List.of(one, two));
    assertThrows(StaleBatchException.class, () -> orders.deleteAll(List.of(one, three)));
    orders.deleteAll(List.of(again.get(0), three));
    orders.delete(again.get(1));
    assertEquals(0, orders.count());

    // The names reach the database quoted as the dialect quotes them (Db shows them unquoted;
    // here the SQL is checked through jOOQ's renderer). The quote character varies (jOOQ 3.19
    // uses " on SQLite, 3.20 uses `), and on SQLite, where a quoted and an unquoted name are the
    // same name, jOOQ 3.19 quotes only keywords: USER is none there.
    String insert =
        db.dsl.render(db.dsl.insertInto(OrderRepository.TABLE)
            .set(OrderRepository.GROUP, "g").set(OrderRepository.USER, "u"));
    for (String name : List.of("order", "group", "user")) {
      String rendered = db.dsl.render(DSL.name(name));
      assertTrue(insert.contains(rendered), insert);
      if (!name.equals("user") || db.database != TestDatabase.SQLITE) {
        assertNotEquals(name, rendered, "unquoted " + name);
      }
    }
    assertTrue(db.takeStatements().size() > 10);
  }

  // ------------------------------------------------------------------ hidden batch row counts

  @DatabaseTest(only = "mariadb")
  void mariaDbBulkBatchesHideRowCountsAndTheRepositoryStillFindsTheStaleRow(Db db) {
    // With useBulkStmts=true Connector/J sends a batch with MariaDB's bulk protocol, which answers
    // SUCCESS_NO_INFO for each statement: the repository must not take that as success.
    HikariDataSource bulk =
        db.pool(2, config -> config.addDataSourceProperty("useBulkStmts", "true"));
    DSLContext dsl = DSL.using(bulk, db.database.dialect);
    PostRepository posts = new PostRepository(dsl);
    List<Post> before = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      before.add(posts.insert(new Post(i, "post " + i, 0, 0)));
    }
    int[] counts =
        dsl.batch(
                dsl.update(PostRepository.TABLE)
                    .set(PostRepository.VIEWS, (Integer) null)
                    .where(PostRepository.ID.eq((Long) null)))
            .bind(0, 100L)
            .bind(0, 101L)
            .execute();
    assertEquals(List.of(Statement.SUCCESS_NO_INFO, Statement.SUCCESS_NO_INFO),
        Arrays.stream(counts).boxed().collect(Collectors.toList()));

    posts.update(before.get(2));
    List<Post> current = posts.findAll();
    List<Post> retitled =
        before.stream().map(p -> new Post(p.id(), "batch", p.views(), p.lockVersion()))
            .collect(Collectors.toList());
    StaleBatchException e =
        assertThrows(StaleBatchException.class, () -> posts.updateAll(retitled));
    assertEquals(1, e.conflicts().size());
    assertEquals(2, e.conflicts().get(0).batchIndex());
    assertEquals(current, posts.findAll());
    List<Post> fresh = posts.findAll().stream()
        .map(p -> new Post(p.id(), "batch", p.views(), p.lockVersion()))
        .collect(Collectors.toList());
    assertEquals(5, posts.updateAll(fresh).size());
    assertEquals(5, posts.findAll(PostRepository.TITLE.eq("batch")).size());
  }
}
