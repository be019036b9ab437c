package dev.versioned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.versioned.support.Retry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.DataChangedException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class RuntimeApiTest {
  @Test
  void retryPolicyValidatesItsArguments() {
    assertEquals(5, RetryPolicy.DEFAULT.maxAttempts());
    assertEquals(1, RetryPolicy.NONE.maxAttempts());
    IllegalArgumentException zero =
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
    assertTrue(zero.getMessage().contains("maxAttempts"));
    IllegalArgumentException initial =
        assertThrows(
            IllegalArgumentException.class,
            () -> new RetryPolicy(3, Duration.ofMillis(-1), Duration.ZERO));
    assertTrue(initial.getMessage().contains("initialBackoff"));
    IllegalArgumentException max =
        assertThrows(
            IllegalArgumentException.class,
            () -> new RetryPolicy(3, Duration.ZERO, Duration.ofMillis(-1)));
    assertTrue(max.getMessage().contains("maxBackoff"));
    assertThrows(NullPointerException.class, () -> new RetryPolicy(3, null, Duration.ZERO));
  }

  @Test
  void lockAfterIsZeroUnlessGivenAndNeverNegative() {
    assertEquals(0, RetryPolicy.DEFAULT.lockAfter());
    assertEquals(0, RetryPolicy.NONE.lockAfter());
    assertEquals(0, new RetryPolicy(3, Duration.ZERO, Duration.ZERO).lockAfter());
    RetryPolicy locking = RetryPolicy.DEFAULT.withLockAfter(2);
    assertEquals(new RetryPolicy(5, Duration.ofMillis(2), Duration.ofMillis(200), 2), locking);
    assertEquals(0, RetryPolicy.DEFAULT.lockAfter(), "withLockAfter returns a copy");
    assertFalse(locking.locksOn(1));
    assertFalse(locking.locksOn(2));
    assertTrue(locking.locksOn(3));
    assertTrue(locking.locksOn(5));
    assertFalse(RetryPolicy.DEFAULT.locksOn(5), "0 never locks");
    IllegalArgumentException negative =
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.DEFAULT.withLockAfter(-1));
    assertTrue(negative.getMessage().contains("lockAfter"), negative.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new RetryPolicy(3, Duration.ZERO, Duration.ZERO, -5));
  }

  @Test
  void backoffDoublesUpToTheCap() {
    RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(10), Duration.ofMillis(70));
    assertEquals(Duration.ofMillis(10), p.backoffCap(1));
    assertEquals(Duration.ofMillis(20), p.backoffCap(2));
    assertEquals(Duration.ofMillis(40), p.backoffCap(3));
    assertEquals(Duration.ofMillis(70), p.backoffCap(4));
    assertEquals(Duration.ofMillis(70), p.backoffCap(100));
  }

  @Test
  void conflictsAreStaleRowsAndSerializationFailuresOnly() {
    assertTrue(Retry.isConflict(new DataAccessException("x", new SQLException("ser", "40001"))));
    assertTrue(Retry.isConflict(new DataAccessException("x", new SQLException("deadlock", "40P01"))));
    assertFalse(Retry.isConflict(new DataAccessException("x", new SQLException("dup", "23505"))));
    assertFalse(Retry.isConflict(new IllegalStateException()));
  }

  @Test
  void retryRunsEachAttemptInATransactionUpToMaxAttemptsThenRethrowsTheLast() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:retry" + System.nanoTime())) {
      DSLContext dsl = DSL.using(c, SQLDialect.H2);
      List<Object> key = List.of(7L);
      AtomicInteger calls = new AtomicInteger();
      RetryPolicy three = new RetryPolicy(3, Duration.ZERO, Duration.ZERO);
      DataAccessException last =
          assertThrows(
              DataAccessException.class,
              () ->
                  Retry.run(three, dsl, null, key, (ctx, lockingRead) -> {
                    assertFalse(lockingRead, "outside a transaction no retry needs to lock");
                    assertFalse(ctx.connectionResult(Connection::getAutoCommit),
                        "each attempt runs in a transaction");
                    throw new DataAccessException(
                        "attempt " + calls.incrementAndGet(), new SQLException("s", "40001"));
                  }));
      assertEquals(3, calls.get());
      assertEquals(DataAccessException.class, last.getClass());
      assertEquals("attempt 3; modify of the row key [7] gave up after 3 attempts",
          last.getMessage());
      assertEquals("40001", last.sqlState());
      assertTrue(c.getAutoCommit(), "the connection is left as it was");
      calls.set(0);
      assertThrows(IllegalStateException.class, () -> Retry.run(three, dsl, null, key, (ctx, l) -> {
        calls.incrementAndGet();
        throw new IllegalStateException();
      }));
      assertEquals(1, calls.get());
      assertEquals("ok", Retry.run(three, dsl, null, key,
          (ctx, l) -> calls.incrementAndGet() < 3 ? fail40001() : "ok"));
    }
  }

  @Test
  void insideATransactionASerializationFailureIsThrownAtOnceWithTheAdviceToRetryTheTransaction()
      throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:retry" + System.nanoTime())) {
      DSLContext dsl = DSL.using(c, SQLDialect.H2);
      AtomicInteger calls = new AtomicInteger();
      DataAccessException e =
          assertThrows(DataAccessException.class, () -> dsl.transaction(outer ->
              Retry.run(RetryPolicy.DEFAULT, DSL.using(outer), null, List.of(1), (ctx, l) -> {
                calls.incrementAndGet();
                return fail40001();
              })));
      assertEquals(1, calls.get());
      assertTrue(e.getMessage().startsWith("retry me; modify of the row key [1] did not retry:"),
          e.getMessage());
      assertTrue(e.getMessage().contains("retry the enclosing transaction as a whole"),
          e.getMessage());
      assertTrue(e.getMessage().contains("@Retryable outside the @Transactional method"),
          e.getMessage());
    }
  }

  @Test
  void aFailureOfAnotherTypeKeepsItsTypeAndCarriesTheAdviceAsASuppressedException()
      throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:retry" + System.nanoTime())) {
      DSLContext dsl = DSL.using(c, SQLDialect.H2);
      class Translated extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Translated() {
          super("translated", new SQLException("s", "40001"));
        }
      }
      Translated e =
          assertThrows(Translated.class, () -> Retry.run(RetryPolicy.NONE, dsl, null, List.of(1),
              (ctx, l) -> {
                throw new Translated();
              }));
      assertEquals("translated", e.getMessage());
      assertEquals(1, e.getSuppressed().length);
      assertTrue(e.getSuppressed()[0] instanceof Retry.RetryAdvice);
      assertTrue(e.getSuppressed()[0].getMessage().contains("gave up after 1 attempt"));
    }
  }

  private static String fail40001() {
    throw new DataAccessException("retry me", new SQLException("s", "40001"));
  }

  @Test
  void staleRecordExceptionDescribesTheConflict() {
    Object record = new Object();
    StaleRecordException e =
        new StaleRecordException(record, "post", List.of("id"), List.of(7L),
            StaleRecordException.Operation.UPDATE, "lock_version", OptionalLong.of(3),
            OptionalLong.of(4), false, -1);
    assertEquals("stale post id=7: expected lock_version 3, database has 4", e.getMessage());
    assertTrue(e instanceof DataChangedException);
    StaleRecordException gone =
        new StaleRecordException(record, "post", List.of("id"), List.of(7L),
            StaleRecordException.Operation.DELETE, "lock_version", OptionalLong.of(3),
            OptionalLong.empty(), true, -1);
    assertEquals("stale post id=7: expected lock_version 3, the row no longer exists", gone.getMessage());
    StaleRecordException indexed = gone.withBatchIndex(2);
    assertEquals(2, indexed.batchIndex());
    assertEquals(record, indexed.record());
    assertEquals(StaleRecordException.Operation.DELETE, indexed.operation());
    StaleRecordException noted = e.withNote("modify gave up after 5 attempts");
    assertEquals("stale post id=7: expected lock_version 3, database has 4;"
        + " modify gave up after 5 attempts", noted.getMessage());
    assertEquals(OptionalLong.of(4), noted.actualVersion());
    assertEquals(e.getStackTrace().length, noted.getStackTrace().length);
    SQLException serialization = new SQLException("could not serialize", "40001");
    StaleRecordException unknown =
        new StaleRecordException(record, "post", List.of("id"), List.of(7L),
            StaleRecordException.Operation.UPDATE, "lock_version", OptionalLong.of(3), -1,
            "the version now committed is unknown", serialization);
    assertEquals("stale post id=7: expected lock_version 3, the version now committed is unknown",
        unknown.getMessage());
    assertEquals(OptionalLong.empty(), unknown.actualVersion());
    assertFalse(unknown.rowDeleted());
    assertEquals(serialization, unknown.getCause());
    assertEquals(serialization, unknown.withBatchIndex(1).getCause());
    StaleBatchException batch = new StaleBatchException(List.of(indexed));
    assertEquals(List.of(indexed), batch.conflicts());
    assertTrue(batch.getMessage().contains("batch index 2"), batch.getMessage());
    assertTrue(new VersionOverflowException("x") instanceof DataAccessException);
  }
}
