package dev.versioned.spring.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.versioned.RetryPolicy;
import dev.versioned.StaleRecordException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jooq.JooqTest;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A {@code @JooqTest} slice (jOOQ, the DataSource, Flyway and transactions, no component scan)
 * still has the generated repositories, with the retry policy and the exception translation.
 */
@JooqTest
class JooqSliceTest {
  @Autowired AccountRepository accounts;
  @Autowired RetryPolicy retryPolicy;

  @Test
  void theSliceHasTheRepositories() {
    assertEquals(new RetryPolicy(200, Duration.ofMillis(1), Duration.ofMillis(20)), retryPolicy);
    Account stored = accounts.insert(new Account(11, "eve", 5, 0));
    accounts.update(stored.plus(1));
    OptimisticLockingFailureException e =
        assertThrows(OptimisticLockingFailureException.class, () -> accounts.update(stored));
    assertInstanceOf(StaleRecordException.class, e.getCause());
    assertEquals(6, accounts.findById(11).orElseThrow().balance());
  }
}
