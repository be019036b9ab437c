package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.versioned.StaleRecordException;
import dev.versioned.support.StatementExceptionTranslator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The repositories' cached statements: with no listener on the context, inserts, reads, updates
 * and deletes run as JDBC prepared statements with SQL that jOOQ rendered once per dialect and
 * settings. The other test classes log statements with an {@code ExecuteListener}, so they cover
 * the path where jOOQ runs every statement; this class covers the cached path and the switch
 * between the two.
 */
class CachedStatementTest {
  private DataSource dataSource;
  private DSLContext dsl;

  @BeforeEach
  void setUp() {
    dataSource = h2();
    dsl = DSL.using(dataSource, SQLDialect.H2);
  }

  /** A fresh in-memory H2 database with the test schema. */
  private static DataSource h2() {
    org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    DSLContext ddl = DSL.using(ds, SQLDialect.H2);
    for (String statement : TestDatabase.statements(SchemaScript.of(TestDatabase.H2))) {
      ddl.execute(statement);
    }
    return ds;
  }

  @Test
  void postLifecycle() {
    PostRepository posts = new PostRepository(dsl);
    Post p = posts.insert(new Post(1, "one", 0, 0));
    assertEquals(p, posts.findById(1).orElseThrow());
    assertTrue(posts.findById(2).isEmpty());
    Post updated = posts.update(new Post(1, "uno", 1, 0));
    assertEquals(new Post(1, "uno", 1, 1), updated);
    StaleRecordException stale = assertThrows(StaleRecordException.class, () -> posts.update(p));
    assertEquals(OptionalLong.of(1), stale.actualVersion());
    assertThrows(StaleRecordException.class, () -> posts.delete(p));
    assertEquals(new Post(1, "uno!", 1, 2), posts.modify(1, x -> new Post(1, "uno!", 1, x.lockVersion())));
    posts.delete(new Post(1, "whatever", 0, 2));
    assertTrue(posts.findById(1).isEmpty());
    StaleRecordException gone =
        assertThrows(StaleRecordException.class, () -> posts.delete(new Post(1, "", 0, 2)));
    assertTrue(gone.rowDeleted());
  }

  @Test
  void nullsAndEveryTypeRoundTrip() {
    EverythingRepository repo = new EverythingRepository(dsl);
    Everything full =
        new Everything(1, "text ü \"quoted\"", true, Boolean.FALSE, (short) 7, (short) -7, 42, -42,
            1L << 40, -(1L << 40), 1.5f, -2.25f, 3.125, -4.5, new BigDecimal("12345.6789000000"),
            new BigInteger("123456789012345678901234567890"), new byte[] {0, 1, 2, (byte) 255},
            UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), LocalDate.of(2024, 2, 29),
            LocalTime.of(23, 59, 58), LocalDateTime.of(2024, 2, 29, 12, 30, 15, 123_456_000),
            OffsetDateTime.of(2024, 2, 29, 12, 30, 15, 0, ZoneOffset.ofHours(2)),
            Instant.parse("2024-02-29T10:30:15.123456Z"), Color.GREEN, new Money(1999), 0L);
    repo.insert(full);
    Everything read = repo.findById(1).orElseThrow();
    assertEquals(full.text(), read.text());
    assertEquals(full.uuid(), read.uuid());
    assertEquals(full.instant(), read.instant());
    assertEquals(full.color(), read.color());
    assertEquals(full.price(), read.price());
    assertEquals(full.decimal(), read.decimal());
    assertArrayEquals(full.bytes(), read.bytes());
    assertTrue(full.offsetDateTime().isEqual(read.offsetDateTime()));
    Everything empty =
        new Everything(2, null, false, null, (short) 0, null, 0, null, 0L, null, 0f, null, 0d, null,
            null, null, null, null, null, null, null, null, null, null, null, 0L);
    repo.insert(empty);
    Everything readEmpty = repo.findById(2).orElseThrow();
    assertNull(readEmpty.text());
    assertNull(readEmpty.smallBox());
    assertNull(readEmpty.numberBox());
    assertNull(readEmpty.bigBox());
    assertNull(readEmpty.uuid());
    assertNull(readEmpty.color());
    assertNull(readEmpty.price());
    Everything updated = repo.update(full);
    assertEquals(1L, updated.lockVersion());
    Everything again = repo.findById(1).orElseThrow();
    assertEquals(full.uuid(), again.uuid());
    assertEquals(1L, again.lockVersion());
    // updateChanged: one cached statement per set of changed columns.
    Everything fewer =
        new Everything(1, "changed", again.flag(), null, again.small(), again.smallBox(),
            again.number(), 5, again.big(), again.bigBox(), again.real(), again.realBox(),
            again.dbl(), again.dblBox(), again.decimal(), again.integer(), again.bytes(),
            UUID.fromString("00000000-0000-0000-0000-000000000001"), again.date(), again.time(),
            again.dateTime(), again.offsetDateTime(), again.instant(), Color.BLUE, null, 99L);
    Everything written = repo.updateChanged(again, fewer);
    assertEquals(2L, written.lockVersion());
    Everything reread = repo.findById(1).orElseThrow();
    assertEquals("changed", reread.text());
    assertNull(reread.flagBox());
    assertEquals(5, reread.numberBox());
    assertEquals(fewer.uuid(), reread.uuid());
    assertEquals(Color.BLUE, reread.color());
    assertNull(reread.price());
    assertEquals(full.instant(), reread.instant());
    assertThrows(StaleRecordException.class, () -> repo.updateChanged(again, fewer));
    repo.delete(reread);
    assertTrue(repo.findById(1).isEmpty());
  }

  @Test
  void boxedKeysAndVersions() {
    AccountRepository accounts = new AccountRepository(dsl);
    Account generated = accounts.insert(new Account(null, "ann", new BigDecimal("1.00"), 0L, null));
    assertTrue(generated.id() != null);
    assertEquals(0L, generated.version());
    Account given = accounts.insert(new Account(100L, "bob", null, null, null));
    assertEquals(given, accounts.findById(100L).orElseThrow());
    Account bumped = accounts.update(given);
    assertEquals(1L, bumped.version());
    dsl.execute("update \"account\" set \"version\" = null where \"id\" = 100");
    Account unversioned = new Account(100L, "bob", null, null, null);
    assertEquals(unversioned, accounts.findById(100L).orElseThrow());
    assertEquals(1L, accounts.update(unversioned).version());
    assertThrows(StaleRecordException.class, () -> accounts.delete(unversioned));
    accounts.delete(accounts.findById(100L).orElseThrow());
    assertTrue(accounts.findById(100L).isEmpty());
  }

  @Test
  void compositeKeysAndReservedNames() {
    MembershipRepository members = new MembershipRepository(dsl);
    members.insert(new Membership(1, "bob", "admin", 0));
    assertEquals(new Membership(1, "bob", "owner", 1), members.update(new Membership(1, "bob", "owner", 0)));
    assertEquals("owner", members.findById(1, "bob").orElseThrow().role());
    OrderRepository orders = new OrderRepository(dsl);
    Order o = orders.insert(new Order(1, "g", "u", new BigDecimal("1.5000"), 0));
    assertEquals(o, orders.findById(1).orElseThrow());
    orders.delete(orders.update(o));
    assertEquals(0, orders.count());
  }

  @Test
  void statementsJoinTheContextsTransaction() {
    PostRepository posts = new PostRepository(dsl);
    posts.insert(new Post(1, "one", 0, 0));
    RuntimeException rollback = new RuntimeException("roll back");
    RuntimeException thrown =
        assertThrows(
            RuntimeException.class,
            () ->
                dsl.transaction(
                    configuration -> {
                      PostRepository inTx = new PostRepository(DSL.using(configuration));
                      inTx.update(new Post(1, "changed", 5, 0));
                      inTx.insert(new Post(2, "two", 0, 0));
                      assertEquals("changed", inTx.findById(1).orElseThrow().title());
                      inTx.delete(new Post(2, "two", 0, 0));
                      throw rollback;
                    }));
    assertEquals(rollback, thrown);
    assertEquals(new Post(1, "one", 0, 0), posts.findById(1).orElseThrow());
  }

  @Test
  void eachSettingsGetsItsOwnSql() {
    PostRepository posts = new PostRepository(dsl);
    posts.insert(new Post(1, "one", 0, 0));
    // Unquoted names fold to upper case on H2: POST does not exist, so this must fail...
    DSLContext unquoted =
        DSL.using(
            dataSource,
            SQLDialect.H2,
            new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER));
    PostRepository wrong = new PostRepository(unquoted);
    DataAccessException e = assertThrows(DataAccessException.class, () -> wrong.findById(1));
    assertTrue(e.getMessage().startsWith("SQL [select post.id, post.title"), e.getMessage());
    // ...and must not change what the default settings render.
    assertEquals("one", posts.findById(1).orElseThrow().title());
    // Equal settings in another object share the SQL; other settings do not.
    PostRepository same = new PostRepository(DSL.using(dataSource, SQLDialect.H2, new Settings()));
    assertEquals("one", same.findById(1).orElseThrow().title());
    assertThrows(DataAccessException.class, () -> wrong.findById(1));
    assertEquals("one", same.findById(1).orElseThrow().title());
  }

  @Test
  void listenersAndStaticStatementsGoThroughJooq() {
    PostRepository posts = new PostRepository(dsl);
    posts.insert(new Post(1, "one", 0, 0));
    List<String> seen = new ArrayList<>();
    DefaultConfiguration configuration = new DefaultConfiguration();
    configuration.set(SQLDialect.H2);
    configuration.set(dataSource);
    configuration.set(
        new ExecuteListener() {
          private static final long serialVersionUID = 1L;

          @Override
          public void executeStart(ExecuteContext ctx) {
            seen.add(ctx.sql());
          }
        });
    PostRepository listened = new PostRepository(DSL.using(configuration));
    Post updated = listened.update(listened.findById(1).orElseThrow());
    assertEquals(2, seen.size(), seen.toString());
    assertTrue(seen.get(1).startsWith("update \"post\" set"), seen.get(1));
    listened.delete(updated);
    assertEquals(3, seen.size());
    // Inlined values: jOOQ runs a static statement.
    PostRepository inlined =
        new PostRepository(
            DSL.using(
                dataSource,
                SQLDialect.H2,
                new Settings().withStatementType(StatementType.STATIC_STATEMENT)));
    inlined.insert(new Post(3, "it's", 0, 0));
    assertEquals(new Post(3, "it's", 1, 1), inlined.update(new Post(3, "it's", 1, 0)));
    assertEquals("it's", posts.findById(3).orElseThrow().title());
  }

  @Test
  void failuresAreJooqExceptions() {
    PostRepository posts = new PostRepository(dsl);
    posts.insert(new Post(1, "one", 0, 0));
    IntegrityConstraintViolationException duplicate =
        assertThrows(
            IntegrityConstraintViolationException.class,
            () -> posts.insert(new Post(1, "again", 0, 0)));
    assertTrue(duplicate.getMessage().startsWith("SQL [insert into \"post\""), duplicate.getMessage());
    assertEquals("23505", duplicate.sqlState());
    dsl.execute("alter table \"post\" alter column \"views\" set null");
    dsl.execute("update \"post\" set \"views\" = null where \"id\" = 1");
    DataAccessException nullRead = assertThrows(DataAccessException.class, () -> posts.findById(1));
    assertTrue(nullRead.getMessage().contains("post.views is NULL"), nullRead.getMessage());
    assertFalse(nullRead instanceof IntegrityConstraintViolationException);
  }

  @Test
  void translatingListenersKeepTheCachedPathAndTranslateItsFailures() {
    PostRepository posts = new PostRepository(dsl);
    posts.insert(new Post(1, "one", 0, 0));
    List<String> started = new ArrayList<>();
    List<String> translated = new ArrayList<>();
    DefaultConfiguration configuration = new DefaultConfiguration();
    configuration.set(SQLDialect.H2);
    configuration.set(dataSource);
    configuration.set(
        new StatementExceptionTranslator() {
          private static final long serialVersionUID = 1L;

          @Override
          public void executeStart(ExecuteContext ctx) {
            started.add(ctx.sql()); // called only if jOOQ ran the statement
          }

          @Override
          public RuntimeException translate(
              Configuration c, String sql, SQLException failure, RuntimeException current) {
            translated.add(sql);
            assertTrue(current instanceof IntegrityConstraintViolationException, current.toString());
            return new IllegalStateException("translated " + failure.getSQLState(), current);
          }
        });
    PostRepository listened = new PostRepository(DSL.using(configuration));
    Post updated = listened.update(listened.findById(1).orElseThrow());
    assertEquals(new Post(1, "one", 0, 1), updated);
    assertEquals(List.of(), started, "the cached path ran the statements");
    IllegalStateException duplicate =
        assertThrows(IllegalStateException.class, () -> listened.insert(new Post(1, "again", 0, 0)));
    assertEquals("translated 23505", duplicate.getMessage());
    assertEquals(1, translated.size());
    assertTrue(translated.get(0).startsWith("insert into \"post\""), translated.get(0));
    assertEquals(List.of(), started);
  }
}
