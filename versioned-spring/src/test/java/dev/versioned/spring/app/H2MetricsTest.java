package dev.versioned.spring.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.versioned.ConflictListener;
import dev.versioned.micrometer.MicrometerConflictListener;
import dev.versioned.support.Conflicts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The test application with a Micrometer registry: the repositories' conflicts reach it through
 * Boot's jOOQ configuration, with no code of the application's.
 */
@SpringBootTest(classes = {TestApplication.class, H2MetricsTest.Metrics.class})
@TestPropertySource(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:versioned_spring_metrics;DB_CLOSE_DELAY=-1",
      "spring.datasource.username=sa"
    })
class H2MetricsTest {
  private static final String TABLE = "spring_account";

  /** A registry as an application without Boot's actuator declares one. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Metrics {
    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @Autowired AccountRepository accounts;
  @Autowired DSLContext dsl;
  @Autowired MeterRegistry registry;
  @Autowired MicrometerConflictListener listener;
  @Autowired PlatformTransactionManager transactions;

  @BeforeEach
  void emptyTable() {
    dsl.deleteFrom(AccountRepository.TABLE).execute();
    accounts.insert(new Account(1, "ann", 100, 0));
    accounts.insert(new Account(2, "bob", 200, 0));
  }

  private double count(String name, String operation) {
    Search search = registry.find(name).tag("table", TABLE).tag("operation", operation);
    return search.counter() == null ? 0 : search.counter().count();
  }

  private Timer modifyTimer(String outcome) {
    return registry
        .find(MicrometerConflictListener.MODIFY)
        .tag("table", TABLE)
        .tag("outcome", outcome)
        .timer();
  }

  @Test
  void theListenerIsRegisteredOnBootsJooqConfiguration() {
    ConflictListener registered = Conflicts.listener(dsl.configuration());
    assertInstanceOf(MicrometerConflictListener.class, registered);
    assertEquals(listener, registered);
  }

  @Test
  void aStaleUpdateCountsAConflict() {
    double before = count(MicrometerConflictListener.CONFLICTS, "update");
    Account stale = accounts.findById(2).orElseThrow();
    accounts.update(stale.withOwner("first"));
    assertThrows(
        OptimisticLockingFailureException.class, () -> accounts.update(stale.withOwner("second")));
    assertEquals(before + 1, count(MicrometerConflictListener.CONFLICTS, "update"));
    assertEquals("first", accounts.findById(2).orElseThrow().owner());
  }

  @Test
  void aModifyThatMeetsAConflictCountsItsRetryAndIsTimed() {
    TransactionTemplate separate = new TransactionTemplate(transactions);
    separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    double conflicts = count(MicrometerConflictListener.CONFLICTS, "modify");
    double retries = count(MicrometerConflictListener.RETRIES, "modify");
    Timer timer = modifyTimer("succeeded");
    long timed = timer == null ? 0 : timer.count();

    AtomicInteger attempts = new AtomicInteger();
    Account after =
        accounts.modify(
            1,
            a -> {
              if (attempts.incrementAndGet() == 1) {
                separate.executeWithoutResult(
                    status -> accounts.modify(1, b -> b.withOwner("concurrent")));
              }
              return a.plus(1);
            });

    assertEquals(2, attempts.get());
    assertEquals(new Account(1, "concurrent", 101, 2), after);
    assertEquals(conflicts + 1, count(MicrometerConflictListener.CONFLICTS, "modify"));
    assertEquals(retries + 1, count(MicrometerConflictListener.RETRIES, "modify"));
    // The retried call and the concurrent one, both succeeded.
    Timer succeeded = modifyTimer("succeeded");
    assertEquals(timed + 2, succeeded.count());
    assertTrue(succeeded.totalTime(TimeUnit.NANOSECONDS) > 0);
    assertEquals(0, count(MicrometerConflictListener.GAVE_UP, "modify"));
  }
}
