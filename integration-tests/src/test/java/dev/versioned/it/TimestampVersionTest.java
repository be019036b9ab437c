package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.versioned.RetryPolicy;
import dev.versioned.StaleBatchException;
import dev.versioned.StaleRecordException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.jooq.exception.NoDataFoundException;
import org.jooq.impl.DSL;

/**
 * Timestamp versions on every database: strictly increasing versions however fast the writes, no
 * lost update under contention, and the returned record equal to the row as stored.
 */
class TimestampVersionTest {
  static final int TIGHT_LOOP = 10_000;
  static final int THREADS = 8;
  static final int PER_THREAD = 100;

  private static final Instant PAST = Instant.parse("2024-02-29T12:30:15.123456789Z");

  @DatabaseTest
  void tenThousandUpdatesOfOneRowOnOneThreadStoreStrictlyIncreasingVersions(Db db) {
    StampRepository stamps = new StampRepository(db.dsl);
    Stamp current = stamps.insert(new Stamp(1, "loop", 0, null));
    Instant first = current.updatedAt();
    for (int i = 0; i < TIGHT_LOOP; i++) {
      Stamp next = stamps.update(new Stamp(1, "loop " + i, i, current.updatedAt()));
      assertTrue(next.updatedAt().isAfter(current.updatedAt()),
          "update " + i + ": " + next.updatedAt() + " is not after " + current.updatedAt());
      current = next;
    }
    assertEquals(current, stamps.findById(1).orElseThrow(), "the row as returned");
    long micros = ChronoUnit.MICROS.between(first, current.updatedAt());
    System.out.println("TIMESTAMPS " + db.database.label + ": " + TIGHT_LOOP
        + " updates, versions " + first + " .. " + current.updatedAt() + " (" + micros + " us)");
  }

  @DatabaseTest
  void writesWithinOneTickOfTheirPrecisionStillGetDistinctVersions(Db db) {
    // Millisecond precision: a database round trip takes well under a millisecond here, so many
    // writes fall within one tick, and each takes the previous version plus one millisecond.
    OffsetStampRepository stamps = new OffsetStampRepository(db.dsl);
    OffsetStamp current = stamps.insert(new OffsetStamp(5L, "tick", null));
    int withinOneTick = 0;
    for (int i = 0; i < 1000; i++) {
      OffsetStamp next = stamps.touch(current);
      long millis = ChronoUnit.MILLIS.between(current.changed(), next.changed());
      assertTrue(millis >= 1, "touch " + i + ": " + current.changed() + " -> " + next.changed());
      if (millis == 1) {
        withinOneTick++;
      }
      current = next;
    }
    assertEquals(current, stamps.findById(5L).orElseThrow());
    System.out.println("TIMESTAMPS " + db.database.label + ": " + withinOneTick
        + " of 1000 touches at MILLIS took the previous version plus one unit");
    assertTrue(withinOneTick > 0, "no two writes fell within one millisecond");
  }

  @DatabaseTest
  void eightThreadsOfModifyLoseNoIncrement(Db db) throws Exception {
    contend(db, RetryPolicy.DEFAULT.withLockAfter(0));
  }

  @DatabaseTest
  void eightThreadsOfModifyWithLockAfterLoseNoIncrement(Db db) throws Exception {
    contend(db, RetryPolicy.DEFAULT.withLockAfter(1));
  }

  private static void contend(Db db, RetryPolicy shape) throws Exception {
    new StampRepository(db.dsl).insert(new Stamp(2, "hot", 0, null));
    HikariDataSource pool = db.pool(THREADS, config -> config.setMinimumIdle(THREADS));
    DSLContext dsl = DSL.using(pool, db.database.dialect);
    RetryPolicy retry =
        new RetryPolicy(10_000, Duration.ofNanos(50_000), Duration.ofMillis(5), shape.lockAfter());
    StampRepository stamps = new StampRepository(dsl, retry);
    AtomicLong conflicts = new AtomicLong();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        done.add(threads.submit(() -> {
          Instant seen = Instant.MIN;
          for (int i = 0; i < PER_THREAD; i++) {
            Stamp written = stamps.modify(2, s -> {
              conflicts.incrementAndGet();
              return new Stamp(s.id(), s.title(), s.hits() + 1, s.updatedAt());
            });
            assertTrue(written.updatedAt().isAfter(seen), written + " after " + seen);
            seen = written.updatedAt();
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      threads.shutdownNow();
    }
    Stamp end = new StampRepository(db.dsl).findById(2).orElseThrow();
    long calls = (long) THREADS * PER_THREAD;
    System.out.println("TIMESTAMPS " + db.database.label + ": " + calls
        + " modify calls (lockAfter " + shape.lockAfter() + "), " + (conflicts.get() - calls) + " retries, hits " + end.hits());
    assertEquals(calls, end.hits(), "an increment was lost");
  }

  @DatabaseTest
  void everyWriteReturnsTheVersionAsStored(Db db) {
    StampRepository stamps = new StampRepository(db.dsl);
    Stamp given = stamps.insert(new Stamp(3, "given", 0, PAST));
    assertEquals(PAST.truncatedTo(ChronoUnit.MICROS), given.updatedAt(), "truncated to MICROS");
    assertEquals(given, stamps.findById(3).orElseThrow());
    Stamp now = stamps.insert(new Stamp(4, "now", 0, null));
    assertNotNull(now.updatedAt());
    assertEquals(now, stamps.findById(4).orElseThrow());

    Stamp updated = stamps.update(given);
    assertTrue(updated.updatedAt().isAfter(given.updatedAt()));
    assertEquals(updated, stamps.findById(3).orElseThrow());
    Stamp changed =
        stamps.updateChanged(updated, new Stamp(3, "changed", 0, updated.updatedAt()));
    assertEquals(changed, stamps.findById(3).orElseThrow());
    Stamp touched = stamps.touch(changed);
    assertEquals(touched, stamps.findById(3).orElseThrow());
    Stamp overwritten = stamps.overwrite(new Stamp(3, "overwritten", 9, PAST));
    assertTrue(overwritten.updatedAt().isAfter(touched.updatedAt()));
    assertEquals(overwritten, stamps.findById(3).orElseThrow());
    assertTrue(stamps.incrementHits(3, 5));
    Stamp counted = stamps.findById(3).orElseThrow();
    assertEquals(14, counted.hits());
    assertTrue(counted.updatedAt().isAfter(overwritten.updatedAt()));
    assertFalse(stamps.incrementHits(99, 1), "no such row");
    assertThrows(NoDataFoundException.class, () -> stamps.overwrite(new Stamp(99, "x", 0, null)));
    List<Stamp> batch = stamps.updateAll(List.of(counted, stamps.findById(4).orElseThrow()));
    assertEquals(batch.get(0), stamps.findById(3).orElseThrow());
    assertEquals(batch.get(1), stamps.findById(4).orElseThrow());
    List<Stamp> inserted =
        stamps.insertAll(List.of(new Stamp(10, "a", 0, null), new Stamp(11, "b", 0, PAST)));
    assertEquals(inserted.get(0), stamps.findById(10).orElseThrow());
    assertEquals(inserted.get(1), stamps.findById(11).orElseThrow());
    Stamp locked = db.dsl.transactionResult(
        c -> new StampRepository(DSL.using(c)).findByIdForUpdate(3).orElseThrow());
    assertEquals(batch.get(0), locked);

    LocalStampRepository locals = new LocalStampRepository(db.dsl);
    LocalStamp local = locals.insert(new LocalStamp(1, "local", null));
    assertEquals(local, locals.findById(1).orElseThrow());
    LocalDateTime utc = LocalDateTime.now(ZoneOffset.UTC);
    assertTrue(Duration.between(local.updatedAt(), utc).abs().toMinutes() < 5,
        local.updatedAt() + " is the UTC wall-clock time " + utc);
    LocalStamp local2 = locals.update(local);
    assertTrue(local2.updatedAt().isAfter(local.updatedAt()));
    assertEquals(local2, locals.findById(1).orElseThrow());
    assertEquals(locals.overwrite(local2), locals.findById(1).orElseThrow());

    OffsetStampRepository offsets = new OffsetStampRepository(db.dsl);
    OffsetDateTime elsewhere = OffsetDateTime.of(2024, 2, 29, 14, 30, 15, 987_654_321,
        ZoneOffset.ofHours(2));
    OffsetStamp offset = offsets.insert(new OffsetStamp(null, "generated key", elsewhere));
    assertNotNull(offset.id(), "the generated key");
    assertEquals(OffsetDateTime.parse("2024-02-29T12:30:15.987Z"), offset.changed(),
        "truncated to MILLIS and normalised to UTC");
    assertEquals(offset, offsets.findById(offset.id()).orElseThrow());
    OffsetStamp offset2 = offsets.update(offset);
    assertEquals(ZoneOffset.UTC, offset2.changed().getOffset());
    assertEquals(offset2, offsets.findById(offset.id()).orElseThrow());
    assertEquals(offsets.touch(offset2), offsets.findById(offset.id()).orElseThrow());
  }

  @DatabaseTest(only = "sqlite")
  void sqliteStoresTheVersionAsTextThatReadsBackAsTheReturnedVersion(Db db) throws Exception {
    Stamp stored = new StampRepository(db.dsl).insert(new Stamp(1, "text", 0, PAST));
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT typeof(\"updated_at\"), \"updated_at\" FROM \"stamp\" WHERE \"id\" = 1")) {
      assertTrue(rs.next());
      assertEquals("text", rs.getString(1));
      String text = rs.getString(2);
      assertEquals("2024-02-29 12:30:15.123456+00:00", text, "the text jOOQ writes");
      assertEquals(Instant.parse("2024-02-29T12:30:15.123456Z"), stored.updatedAt());
      assertEquals(stored, new StampRepository(db.dsl).findById(1).orElseThrow());
    }
  }

  @DatabaseTest
  void aStaleCopyIsRefusedAndNamesBothVersions(Db db) {
    StampRepository stamps = new StampRepository(db.dsl);
    Stamp copy = stamps.insert(new Stamp(6, "first", 0, PAST));
    Stamp fresh = stamps.update(new Stamp(6, "second", 0, copy.updatedAt()));
    StaleRecordException e = assertThrows(StaleRecordException.class, () -> stamps.update(copy));
    assertSame(copy, e.record());
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, copy.updatedAt());
    assertEquals(OptionalLong.of(micros), e.expectedVersion(), "epoch microseconds");
    assertEquals(OptionalLong.of(ChronoUnit.MICROS.between(Instant.EPOCH, fresh.updatedAt())),
        e.actualVersion());
    assertEquals("stale stamp id=6: expected updated_at 2024-02-29T12:30:15.123456Z, database has "
        + fresh.updatedAt(), e.getMessage());
    assertThrows(StaleRecordException.class, () -> stamps.update(copy), "and again");
    assertThrows(StaleRecordException.class, () -> stamps.touch(copy));
    assertThrows(StaleRecordException.class, () -> stamps.delete(copy));
    StaleBatchException batch = assertThrows(StaleBatchException.class,
        () -> stamps.updateAll(List.of(fresh, copy)));
    assertEquals(1, batch.conflicts().size());
    assertEquals(1, batch.conflicts().get(0).batchIndex());
    assertEquals(fresh, stamps.findById(6).orElseThrow(), "nothing written");
    stamps.delete(fresh);
    assertFalse(stamps.findById(6).isPresent());
    StaleRecordException gone = assertThrows(StaleRecordException.class, () -> stamps.update(copy));
    assertTrue(gone.rowDeleted());
  }

  @DatabaseTest
  void aNullVersionIsMatchedWithIsNullAndTheWriteStoresTheCurrentTime(Db db) {
    db.dsl.insertInto(StampRepository.TABLE)
        .set(StampRepository.ID, 8L)
        .set(StampRepository.TITLE, "legacy")
        .set(StampRepository.HITS, 0)
        .set(StampRepository.UPDATED_AT, (Instant) null)
        .execute();
    StampRepository stamps = new StampRepository(db.dsl);
    Stamp legacy = stamps.findById(8).orElseThrow();
    Instant before = Instant.now().minusSeconds(60);
    Stamp updated = stamps.update(legacy);
    assertTrue(updated.updatedAt().isAfter(before), updated.toString());
    assertEquals(updated, stamps.findById(8).orElseThrow());
    StaleRecordException e = assertThrows(StaleRecordException.class, () -> stamps.update(legacy));
    assertEquals(OptionalLong.empty(), e.expectedVersion());
    assertTrue(e.getMessage().startsWith("stale stamp id=8: expected updated_at null, database has "
        + "20"), e.getMessage());
  }
}
