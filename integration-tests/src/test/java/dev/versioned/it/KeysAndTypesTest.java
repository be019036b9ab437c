package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.versioned.StaleRecordException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Generated keys, null versions, composite keys, reserved words and every mapped type, on H2. */
class KeysAndTypesTest {
  private H2Database db;

  @BeforeEach
  void setUp() {
    db = new H2Database();
  }

  @Test
  void aNullBoxedKeyIsGeneratedAndANullVersionStoredAsZero() {
    AccountRepository accounts = new AccountRepository(db.dsl);
    Account first = accounts.insert(new Account(null, "ann", new BigDecimal("10.00"), null, null));
    Account second = accounts.insert(new Account(null, "bob", BigDecimal.ONE, 3L, 4L));
    assertNotNull(first.id());
    assertNotNull(second.id());
    assertTrue(second.id() > first.id());
    assertEquals(0L, first.version());
    assertEquals(4L, second.version());
    assertEquals(first, accounts.findById(first.id()).orElseThrow());
    Account explicit = accounts.insert(new Account(1000L, "cy", null, null, 0L));
    assertEquals(1000L, explicit.id());
    List<Account> batch =
        accounts.insertAll(
            List.of(new Account(null, "d", null, null, null), new Account(null, "e", null, null, null)));
    assertEquals(2, batch.size());
    assertNotNull(batch.get(0).id());
    assertNotNull(batch.get(1).id());
    assertEquals(5, accounts.count());
  }

  @Test
  void aNullVersionInTheDatabaseIsMatchedWithIsNullAndBecomesOne() {
    db.dsl.execute(
        "insert into \"account\" (\"id\", \"owner\", \"version\") values (50, 'legacy', null)");
    AccountRepository accounts = new AccountRepository(db.dsl);
    Account legacy = accounts.findById(50L).orElseThrow();
    assertNull(legacy.version());
    Account updated = accounts.update(new Account(50L, "migrated", null, null, null));
    assertEquals(1L, updated.version());
    assertEquals(updated, accounts.findById(50L).orElseThrow());
    StaleRecordException e =
        assertThrows(StaleRecordException.class, () -> accounts.update(legacy));
    assertEquals(OptionalLong.empty(), e.expectedVersion());
    assertEquals(OptionalLong.of(1), e.actualVersion());
    assertEquals("stale account id=50: expected version null, database has 1", e.getMessage());
  }

  @Test
  void aCounterOnANullColumnStartsFromZero() {
    AccountRepository accounts = new AccountRepository(db.dsl);
    Account a = accounts.insert(new Account(null, "ann", null, null, null));
    assertTrue(accounts.incrementLogins(a.id(), 2L));
    Account after = accounts.findById(a.id()).orElseThrow();
    assertEquals(2L, after.logins());
    assertEquals(1L, after.version());
  }

  @Test
  void compositeKeysWorkInDeclarationOrder() {
    MembershipRepository members = new MembershipRepository(db.dsl);
    members.insertAll(
        List.of(new Membership(1, "ann", "admin", 0), new Membership(1, "bob", "user", 0),
            new Membership(2, "ann", "user", 0)));
    Membership m = members.findById(1, "ann").orElseThrow();
    assertEquals("admin", m.role());
    Membership updated = members.update(new Membership(1, "ann", "owner", 0));
    assertEquals(1, updated.lockVersion());
    assertEquals("user", members.findById(2, "ann").orElseThrow().role());
    StaleRecordException e = assertThrows(StaleRecordException.class, () -> members.delete(m));
    assertEquals(List.of(1L, "ann"), e.key());
    assertEquals("stale membership org_id=1, user_name=ann: expected lock_version 0, database has 1",
        e.getMessage());
    Membership modified = members.modify(1, "bob", x -> new Membership(1, "bob", "admin", 0));
    assertEquals(new Membership(1, "bob", "admin", 1), modified);
    assertThrows(IllegalArgumentException.class,
        () -> members.modify(1, "bob", x -> new Membership(1, "eve", "admin", 0)));
    assertTrue(members.deleteById(2, "ann"));
    assertEquals(2, members.count());
  }

  @Test
  void reservedWordsAndSpacesAsNames() {
    OrderRepository orders = new OrderRepository(db.dsl);
    Order o = orders.insert(new Order(1, "g", "u", new BigDecimal("1.5000"), 0));
    assertEquals(o, orders.findById(1).orElseThrow());
    Order updated = orders.update(new Order(1, "group 2", "user 2", new BigDecimal("2.2500"), 0));
    assertEquals(1, updated.lockVersion());
    assertEquals(updated, orders.findAll(OrderRepository.GROUP.eq("group 2")).get(0));
    assertThrows(StaleRecordException.class, () -> orders.update(o));
    assertThrows(StaleRecordException.class, () -> orders.delete(o));
    orders.delete(updated);
    assertEquals(0, orders.count());
  }

  @Test
  void everyMappedTypeRoundTrips() {
    EverythingRepository repo = new EverythingRepository(db.dsl);
    Everything full =
        new Everything(
            1,
            "text ü \"quoted\"",
            true,
            Boolean.FALSE,
            (short) 7,
            (short) -7,
            42,
            -42,
            1L << 40,
            -(1L << 40),
            1.5f,
            -2.25f,
            3.125,
            -4.5,
            new BigDecimal("12345.6789000000"),
            new BigInteger("123456789012345678901234567890"),
            new byte[] {0, 1, 2, (byte) 255},
            UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
            LocalDate.of(2024, 2, 29),
            LocalTime.of(23, 59, 58),
            LocalDateTime.of(2024, 2, 29, 12, 30, 15, 123_456_000),
            OffsetDateTime.of(2024, 2, 29, 12, 30, 15, 0, ZoneOffset.ofHours(2)),
            Instant.parse("2024-02-29T10:30:15.123456Z"),
            Color.GREEN,
            new Money(1999),
            0L);
    repo.insert(full);
    Everything read = repo.findById(1).orElseThrow();
    assertSameValues(full, read);
    assertEquals("GREEN", db.dsl.fetchValue("select \"color\" from \"everything\""));
    assertEquals(1999L, ((Number) db.dsl.fetchValue("select \"price\" from \"everything\"")).longValue());

    Everything empty =
        new Everything(2, null, false, null, (short) 0, null, 0, null, 0L, null, 0f, null, 0d, null,
            null, null, null, null, null, null, null, null, null, null, null, 0L);
    repo.insert(empty);
    assertSameValues(empty, repo.findById(2).orElseThrow());

    Everything changed =
        new Everything(2, "now set", true, true, (short) 1, (short) 1, 1, 1, 1L, 1L, 1f, 1f, 1d, 1d,
            BigDecimal.ONE.setScale(10), BigInteger.TEN, new byte[] {9}, UUID.randomUUID(),
            LocalDate.of(2000, 1, 1), LocalTime.NOON, LocalDateTime.of(2000, 1, 1, 0, 0),
            OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), Instant.EPOCH, Color.BLUE,
            new Money(1), 0L);
    Everything updated = repo.updateChanged(repo.findById(2).orElseThrow(), changed);
    assertEquals(1L, updated.lockVersion());
    assertSameValues(updated, repo.findById(2).orElseThrow());
    // Arrays compare by content: an equal copy of the bytes is no change.
    Everything again = repo.findById(2).orElseThrow();
    db.takeStatements();
    Everything sameBytes =
        new Everything(2, again.text(), again.flag(), again.flagBox(), again.small(), again.smallBox(),
            again.number(), again.numberBox(), again.big(), again.bigBox(), again.real(),
            again.realBox(), again.dbl(), again.dblBox(), again.decimal(), again.integer(),
            again.bytes().clone(), again.uuid(), again.date(), again.time(), again.dateTime(),
            again.offsetDateTime(), again.instant(), again.color(), again.price(), 7L);
    assertEquals(again, repo.updateChanged(again, sameBytes));
    assertEquals(List.of(), db.takeStatements());
  }

  private static void assertSameValues(Everything expected, Everything actual) {
    assertEquals(expected.id(), actual.id());
    assertEquals(expected.text(), actual.text());
    assertEquals(expected.flag(), actual.flag());
    assertEquals(expected.flagBox(), actual.flagBox());
    assertEquals(expected.small(), actual.small());
    assertEquals(expected.smallBox(), actual.smallBox());
    assertEquals(expected.number(), actual.number());
    assertEquals(expected.numberBox(), actual.numberBox());
    assertEquals(expected.big(), actual.big());
    assertEquals(expected.bigBox(), actual.bigBox());
    assertEquals(expected.real(), actual.real());
    assertEquals(expected.realBox(), actual.realBox());
    assertEquals(expected.dbl(), actual.dbl());
    assertEquals(expected.dblBox(), actual.dblBox());
    assertEquals(expected.decimal(), actual.decimal());
    assertEquals(expected.integer(), actual.integer());
    assertArrayEquals(expected.bytes(), actual.bytes());
    assertEquals(expected.uuid(), actual.uuid());
    assertEquals(expected.date(), actual.date());
    assertEquals(expected.time(), actual.time());
    assertEquals(expected.dateTime(), actual.dateTime());
    if (expected.offsetDateTime() == null) {
      assertNull(actual.offsetDateTime());
    } else {
      assertTrue(expected.offsetDateTime().isEqual(actual.offsetDateTime()),
          expected.offsetDateTime() + " vs " + actual.offsetDateTime());
    }
    assertEquals(expected.instant(), actual.instant());
    assertEquals(expected.color(), actual.color());
    assertEquals(expected.price(), actual.price());
    assertEquals(expected.lockVersion(), actual.lockVersion());
  }

  @Test
  void fromRecordMapsCustomQueries() {
    PostRepository posts = new PostRepository(db.dsl);
    posts.insertAll(List.of(new Post(1, "a", 5, 0), new Post(2, "b", 1, 0)));
    List<Post> popular =
        db.dsl.select(PostRepository.TABLE.fields())
            .from(PostRepository.TABLE)
            .where(PostRepository.VIEWS.gt(2))
            .fetch(PostRepository::fromRecord);
    assertEquals(List.of(new Post(1, "a", 5, 0)), popular);
    assertEquals(4, PostRepository.TABLE.fields().length);
    assertEquals(PostRepository.TITLE, PostRepository.TABLE.field("title"));
    db.dsl.execute("alter table \"post\" alter column \"views\" set null");
    db.dsl.execute("update \"post\" set \"views\" = null where \"id\" = 2");
    org.jooq.exception.DataAccessException e =
        assertThrows(org.jooq.exception.DataAccessException.class, () -> posts.findById(2));
    assertTrue(e.getMessage().contains("post.views is NULL"), e.getMessage());
    assertEquals(1, db.dsl.fetchCount(DSL.table(DSL.name("post")), DSL.field(DSL.name("views")).isNull()));
  }
}
