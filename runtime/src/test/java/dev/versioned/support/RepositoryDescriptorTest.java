package dev.versioned.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.versioned.ConflictEvent;
import dev.versioned.StaleRecordException;
import dev.versioned.VersionOverflowException;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.NoDataFoundException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A descriptor built by hand for a table of each version kind, on H2: its exceptions say what the
 * statics of {@link Rows} and {@link TimestampVersions} it stands for say, to the letter.
 */
class RepositoryDescriptorTest {
  /** A row of {@code counted}, with the composite key (a, b), a counter n and an int version v. */
  record Counted(int a, String b, int n, int v) {}

  /** A row of {@code stamped}, keyed by id, with a counter hits and a timestamp version. */
  record Stamped(long id, int hits, LocalDateTime updatedAt) {}

  private static final Table<Record> COUNTED = DSL.table(DSL.name("counted"));
  private static final Field<Integer> A = DSL.field(DSL.name("counted", "a"), SQLDataType.INTEGER);
  private static final Field<String> B =
      DSL.field(DSL.name("counted", "b"), SQLDataType.VARCHAR(20));
  private static final Field<Integer> N = DSL.field(DSL.name("counted", "n"), SQLDataType.INTEGER);
  private static final Field<Integer> V = DSL.field(DSL.name("counted", "v"), SQLDataType.INTEGER);
  private static final RepositoryDescriptor<Counted> COUNTING =
      RepositoryDescriptor.counting(
          COUNTED, List.of(A, B), V, Integer.MAX_VALUE, r -> List.of(r.a(), r.b()));

  private static final Table<Record> STAMPED = DSL.table(DSL.name("stamped"));
  private static final Field<Long> ID = DSL.field(DSL.name("stamped", "id"), SQLDataType.BIGINT);
  private static final Field<Integer> HITS =
      DSL.field(DSL.name("stamped", "hits"), SQLDataType.INTEGER);
  private static final Field<LocalDateTime> UPDATED_AT =
      DSL.field(DSL.name("stamped", "updated_at"), SQLDataType.LOCALDATETIME(6));
  private static final RepositoryDescriptor<Stamped> TIMESTAMPED =
      RepositoryDescriptor.timestamped(
          STAMPED, List.of(ID), UPDATED_AT, ChronoUnit.MICROS, r -> List.of(r.id()));

  private static final LocalDateTime T1 = LocalDateTime.parse("2024-01-02T03:04:05.000006");
  private static final LocalDateTime T2 = LocalDateTime.parse("2024-01-02T03:04:05.000007");

  private DSLContext ctx;

  @BeforeEach
  void setUp() {
    org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    ctx = DSL.using(ds, SQLDialect.H2);
    ctx.createTable(COUNTED).column(A).column(B).column(N).column(V)
        .primaryKey(A, B).execute();
    ctx.createTable(STAMPED).column(ID).column(HITS).column(UPDATED_AT).primaryKey(ID).execute();
    ctx.insertInto(COUNTED, A, B, N, V).values(1, "x", 5, 3).execute();
    ctx.insertInto(STAMPED, ID, HITS, UPDATED_AT).values(7L, 5, T2).execute();
  }

  @Test
  void describesItsTable() {
    assertSame(COUNTED, COUNTING.table());
    assertEquals(List.of("a", "b"), COUNTING.keyColumns());
    assertEquals(List.of(1, "x"), COUNTING.key(new Counted(1, "x", 0, 0)));
    assertEquals(1, ctx.fetchCount(COUNTED, COUNTING.keyCondition(List.of(1, "x"))));
    assertEquals(0, ctx.fetchCount(COUNTED, COUNTING.keyCondition(List.of(1, "y"))));
    assertEquals(1, ctx.fetchCount(STAMPED, TIMESTAMPED.keyCondition(List.of(7L))));
    assertThrows(IllegalArgumentException.class, () -> COUNTING.keyCondition(List.of(1)));
    assertTrue(COUNTING.one(1));
    assertFalse(COUNTING.one(0));
    assertThrows(
        IllegalArgumentException.class,
        () -> RepositoryDescriptor.timestamped(
            STAMPED, List.of(ID), UPDATED_AT, ChronoUnit.DAYS, (Stamped r) -> List.of(r.id())));
  }

  @Test
  void staleIntegerVersion() {
    Counted record = new Counted(1, "x", 5, 2);
    StaleRecordException changed =
        COUNTING.stale(ctx, record, 2, StaleRecordException.Operation.UPDATE, -1);
    assertEquals("stale counted a=1, b=x: expected v 2, database has 3", changed.getMessage());
    assertEquals(OptionalLong.of(2), changed.expectedVersion());
    assertEquals(OptionalLong.of(3), changed.actualVersion());
    assertFalse(changed.rowDeleted());
    assertSame(record, changed.record());
    assertEquals(List.of(1, "x"), changed.key());
    assertSame(changed.getClass(), StaleRecordException.class);
    ctx.deleteFrom(COUNTED).execute();
    StaleRecordException deleted =
        COUNTING.stale(ctx, record, null, StaleRecordException.Operation.DELETE, 4);
    assertEquals("stale counted a=1, b=x (batch index 4): expected v null, the row no longer"
        + " exists", deleted.getMessage());
    assertTrue(deleted.rowDeleted());
    assertEquals(OptionalLong.empty(), deleted.expectedVersion());
    assertEquals(StaleRecordException.Operation.DELETE, deleted.operation());
    assertEquals(4, deleted.batchIndex());
  }

  @Test
  void staleTimestampVersion() {
    Stamped record = new Stamped(7, 5, T1);
    StaleRecordException changed =
        TIMESTAMPED.stale(ctx, record, T1, StaleRecordException.Operation.UPDATE, -1);
    assertEquals("stale stamped id=7: expected updated_at 2024-01-02T03:04:05.000006, database"
        + " has 2024-01-02T03:04:05.000007", changed.getMessage());
    assertEquals(TimestampVersions.epochUnits(T1, ChronoUnit.MICROS), changed.expectedVersion());
    assertEquals(TimestampVersions.epochUnits(T2, ChronoUnit.MICROS), changed.actualVersion());
    ctx.deleteFrom(STAMPED).execute();
    StaleRecordException deleted =
        TIMESTAMPED.stale(ctx, record, T1, StaleRecordException.Operation.DELETE, -1);
    assertEquals("stale stamped id=7: expected updated_at 2024-01-02T03:04:05.000006, the row no"
        + " longer exists", deleted.getMessage());
    assertTrue(deleted.rowDeleted());
    assertEquals(OptionalLong.empty(), deleted.actualVersion());
  }

  @Test
  void aSerializationFailureIsStaleWithAnUnknownVersion() {
    DataAccessException serialization =
        new DataAccessException("refused", new SQLException("could not serialize", "40001"));
    StaleRecordException counted =
        (StaleRecordException) COUNTING.refused(serialization, new Counted(1, "x", 5, 2), 2,
            StaleRecordException.Operation.UPDATE);
    assertEquals("stale counted a=1, b=x: expected v 2, the database refused the write as a"
        + " serialization failure (SQLSTATE 40001), so the version now committed is unknown",
        counted.getMessage());
    assertSame(serialization, counted.getCause());
    assertEquals(OptionalLong.empty(), counted.actualVersion());
    StaleRecordException stamped =
        (StaleRecordException) TIMESTAMPED.refused(serialization, new Stamped(7, 5, T1), T1,
            StaleRecordException.Operation.DELETE);
    assertEquals("stale stamped id=7: expected updated_at 2024-01-02T03:04:05.000006, the"
        + " database refused the write as a serialization failure (SQLSTATE 40001), so the"
        + " version now committed is unknown", stamped.getMessage());
    DataAccessException other = new DataAccessException("other", new SQLException("x", "23505"));
    assertSame(other, COUNTING.refused(other, new Counted(1, "x", 5, 2), 2,
        StaleRecordException.Operation.UPDATE));
    assertSame(other, TIMESTAMPED.refused(other, new Stamped(7, 5, T1), T1,
        StaleRecordException.Operation.UPDATE));
  }

  @Test
  void overflowAndNotFound() {
    VersionOverflowException overflow =
        COUNTING.overflow(new Counted(1, "x", 5, Integer.MAX_VALUE), Integer.MAX_VALUE);
    assertEquals("version overflow on counted key [1, x]: v is 2147483647, the largest value of"
        + " its type; widen the version component (and column) to long", overflow.getMessage());
    assertThrows(IllegalStateException.class, () -> TIMESTAMPED.overflow(new Stamped(7, 5, T1), 1));
    NoDataFoundException notFound = COUNTING.notFound(List.of(2, "y"));
    assertEquals("no row of counted has a=2, b=y", notFound.getMessage());
    assertEquals("no row of stamped has id=8", TIMESTAMPED.notFound(List.of(8L)).getMessage());
  }

  @Test
  void missingOrOverflow() {
    RuntimeException missing = COUNTING.missingOrOverflow(ctx, List.of(2, "y"));
    assertTrue(missing instanceof NoDataFoundException, missing.toString());
    assertEquals("no row of counted has a=2, b=y", missing.getMessage());
    ctx.update(COUNTED).set(V, Integer.MAX_VALUE).execute();
    RuntimeException overflow = COUNTING.missingOrOverflow(ctx, List.of(1, "x"));
    assertTrue(overflow instanceof VersionOverflowException, overflow.toString());
    assertEquals("version overflow on counted key [1, x]: v is 2147483647, the largest value of"
        + " its type; widen the version component (and column) to long", overflow.getMessage());
    RuntimeException stamped = TIMESTAMPED.missingOrOverflow(ctx, List.of(8L));
    assertTrue(stamped instanceof NoDataFoundException, stamped.toString());
    assertEquals("no row of stamped has id=8", stamped.getMessage());
  }

  @Test
  void incrementRefused() {
    assertFalse(COUNTING.incrementRefused(ctx, N, 1, List.of(2, "y")));
    assertFalse(TIMESTAMPED.incrementRefused(ctx, HITS, 1, List.of(8L)));
    ctx.update(COUNTED).set(N, Integer.MAX_VALUE).execute();
    DataAccessException counter =
        assertThrows(DataAccessException.class,
            () -> COUNTING.incrementRefused(ctx, N, 1, List.of(1, "x")));
    assertEquals("counter overflow on counted key [1, x]: n is 2147483647, and adding 1 would"
        + " leave the range of its type Integer", counter.getMessage());
    ctx.update(COUNTED).set(V, Integer.MAX_VALUE).execute();
    VersionOverflowException version =
        assertThrows(VersionOverflowException.class,
            () -> COUNTING.incrementRefused(ctx, N, 1, List.of(1, "x")));
    assertTrue(version.getMessage().startsWith("version overflow on counted key [1, x]: v is"),
        version.getMessage());
    ctx.update(STAMPED).set(HITS, Integer.MAX_VALUE).execute();
    DataAccessException hits =
        assertThrows(DataAccessException.class,
            () -> TIMESTAMPED.incrementRefused(ctx, HITS, 2, List.of(7L)));
    assertEquals("counter overflow on stamped key [7]: hits is 2147483647, and adding 2 would"
        + " leave the range of its type Integer", hits.getMessage());
  }

  @Test
  void seenAndNotNull() {
    RuntimeException failure = new IllegalStateException("no listener");
    assertSame(failure, COUNTING.seen(ctx, ConflictEvent.Operation.UPDATE, List.of(1, "x"),
        failure));
    assertEquals(5, COUNTING.notNull(5, N));
    DataAccessException nullRead =
        assertThrows(DataAccessException.class, () -> COUNTING.notNull(null, N));
    assertEquals("column counted.n is NULL, but its record component is primitive: make the"
        + " column NOT NULL, or the component a boxed type", nullRead.getMessage());
  }
}
