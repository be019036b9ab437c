package dev.versioned.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.versioned.RetryPolicy;
import dev.versioned.StaleRecordException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The meters of a real registry, fed by repositories on a real H2 database. */
class MicrometerConflictListenerTest {
  static {
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
  }

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private JdbcDataSource ds;
  private DSLContext dsl;
  private StockRepository stock;
  /** Someone else, on a context without the listener. */
  private StockRepository other;

  @BeforeEach
  void setUp() {
    ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    dsl = DSL.using(ds, SQLDialect.H2);
    dsl.createTable(StockRepository.TABLE)
        .column(DSL.name("id"), SQLDataType.BIGINT.nullable(false))
        .column(DSL.name("quantity"), SQLDataType.INTEGER.nullable(false))
        .column(DSL.name("lock_version"), SQLDataType.INTEGER.nullable(false))
        .primaryKey(DSL.name("id"))
        .execute();
    other = new StockRepository(DSL.using(ds, SQLDialect.H2));
    MicrometerConflictListener.bindTo(dsl.configuration(), registry);
    stock = new StockRepository(dsl, new RetryPolicy(3, Duration.ZERO, Duration.ZERO));
    stock.insert(new Stock(1, 100, 0));
  }

  @AfterEach
  void tearDown() throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("SHUTDOWN"); // frees the in-memory database
    }
    registry.close();
  }

  private double count(String name, String operation) {
    Counter c = registry.find(name).tag("table", "stock").tag("operation", operation).counter();
    return c == null ? 0 : c.count();
  }

  private Timer modifyTimer(String outcome) {
    return registry.find(MicrometerConflictListener.MODIFY)
        .tag("table", "stock").tag("operation", "modify").tag("outcome", outcome).timer();
  }

  @Test
  void aStaleWriteCountsOneConflictOfItsOperation() {
    Stock read = stock.findById(1).orElseThrow();
    other.touch(read);
    assertThrows(StaleRecordException.class, () -> stock.update(read));
    assertThrows(StaleRecordException.class, () -> stock.touch(read));
    assertThrows(StaleRecordException.class, () -> stock.touch(read));
    assertEquals(1, count("versioned.conflicts", "update"));
    assertEquals(2, count("versioned.conflicts", "touch"));
    assertEquals(0, count("versioned.retries", "update"));
    assertNull(modifyTimer("succeeded"), "no modify, no timer");
  }

  @Test
  void modifyCountsConflictsRetriesAndGiveUpsAndTimesEachCall() {
    assertThrows(StaleRecordException.class, () -> stock.modify(1, s -> {
      other.touch(other.findById(1).orElseThrow()); // every attempt loses the race
      return new Stock(s.id(), s.quantity() - 1, s.lockVersion());
    }));
    assertEquals(3, count("versioned.conflicts", "modify"));
    assertEquals(2, count("versioned.retries", "modify"));
    assertEquals(1, count("versioned.gave.up", "modify"));
    assertEquals(1, modifyTimer("gave_up").count());

    AtomicInteger attempts = new AtomicInteger();
    Stock written = stock.modify(1, s -> {
      if (attempts.incrementAndGet() == 1) {
        other.touch(other.findById(1).orElseThrow());
      }
      return new Stock(s.id(), s.quantity() - 1, s.lockVersion());
    });
    assertEquals(99, written.quantity());
    assertEquals(4, count("versioned.conflicts", "modify"));
    assertEquals(3, count("versioned.retries", "modify"));
    assertEquals(1, count("versioned.gave.up", "modify"));
    Timer succeeded = modifyTimer("succeeded");
    assertEquals(1, succeeded.count());
    assertTrue(succeeded.totalTime(TimeUnit.NANOSECONDS) > 0);
  }

  @Test
  void eightThreadsOnOneHotRowAddUp() throws Exception {
    StockRepository hot = new StockRepository(dsl,
        new RetryPolicy(1_000, Duration.ofMillis(1), Duration.ofMillis(10)).withLockAfter(2));
    int threads = 8;
    int perThread = 20;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            hot.modify(1, s -> new Stock(s.id(), s.quantity() - 1, s.lockVersion()));
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    int calls = threads * perThread;
    assertEquals(100 - calls, stock.findById(1).orElseThrow().quantity(), "no update lost");
    assertEquals(calls, modifyTimer("succeeded").count());
    assertEquals(0, count("versioned.gave.up", "modify"));
    assertEquals(count("versioned.conflicts", "modify"), count("versioned.retries", "modify"),
        "every conflict was retried");
  }
}
