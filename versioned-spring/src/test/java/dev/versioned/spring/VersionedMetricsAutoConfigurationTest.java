package dev.versioned.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.versioned.ConflictListener;
import dev.versioned.ModifyEvent;
import dev.versioned.micrometer.MicrometerConflictListener;
import dev.versioned.support.Conflicts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.SQLDialect;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Micrometer binding and the registration of conflict listeners in real application contexts,
 * on an application's own jOOQ configuration bean.
 */
class VersionedMetricsAutoConfigurationTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  VersionedAutoConfiguration.class, VersionedMetricsAutoConfiguration.class))
          .withUserConfiguration(JooqConfiguration.class);

  @Configuration(proxyBeanMethods = false)
  static class JooqConfiguration {
    @Bean
    org.jooq.Configuration jooqConfiguration() {
      return new DefaultConfiguration().set(SQLDialect.H2);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Registry {
    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnMicrometerListener {
    static final MicrometerConflictListener LISTENER =
        new MicrometerConflictListener(new SimpleMeterRegistry());

    @Bean
    MicrometerConflictListener ownMicrometerListener() {
      return LISTENER;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class CountingListener {
    @Bean
    Counting countingListener() {
      return new Counting();
    }
  }

  static final class Counting implements ConflictListener {
    final AtomicInteger modifies = new AtomicInteger();

    @Override
    public void onModify(ModifyEvent modify) {
      modifies.incrementAndGet();
    }
  }

  private static ModifyEvent succeeded() {
    return new ModifyEvent(
        "t", List.of(1L), 1, 0, 0, Duration.ofMillis(3), ModifyEvent.Outcome.SUCCEEDED, null);
  }

  @Test
  void aMeterRegistryGetsTheListenerRegisteredOnTheJooqConfiguration() {
    runner
        .withUserConfiguration(Registry.class)
        .run(
            context -> {
              MicrometerConflictListener listener =
                  context.getBean(MicrometerConflictListener.class);
              assertSame(listener, Conflicts.listener(context.getBean(org.jooq.Configuration.class)));
              listener.onModify(succeeded());
              assertEquals(
                  1,
                  context
                      .getBean(MeterRegistry.class)
                      .get(MicrometerConflictListener.MODIFY)
                      .tag("table", "t")
                      .tag("outcome", "succeeded")
                      .timer()
                      .count());
            });
  }

  @Test
  void withoutAMeterRegistryNothingIsRegistered() {
    runner.run(
        context -> {
          assertFalse(context.containsBean("versionedMicrometerConflictListener"));
          assertNull(Conflicts.listener(context.getBean(org.jooq.Configuration.class)));
        });
  }

  @Test
  void withoutVersionedMicrometerTheContextStartsWithoutIt() {
    runner
        .withUserConfiguration(Registry.class)
        .withClassLoader(new FilteredClassLoader(MicrometerConflictListener.class))
        .run(
            context -> {
              assertNull(context.getStartupFailure());
              assertFalse(context.containsBean("versionedMicrometerConflictListener"));
              assertNull(Conflicts.listener(context.getBean(org.jooq.Configuration.class)));
            });
  }

  @Test
  void thePropertyTurnsItOff() {
    runner
        .withUserConfiguration(Registry.class)
        .withPropertyValues("versioned.metrics.enabled=false")
        .run(
            context -> {
              assertFalse(context.containsBean("versionedMicrometerConflictListener"));
              assertNull(Conflicts.listener(context.getBean(org.jooq.Configuration.class)));
            });
  }

  @Test
  void anApplicationsOwnMicrometerListenerReplacesIt() {
    runner
        .withUserConfiguration(Registry.class, OwnMicrometerListener.class)
        .run(
            context -> {
              assertFalse(context.containsBean("versionedMicrometerConflictListener"));
              assertSame(
                  OwnMicrometerListener.LISTENER,
                  Conflicts.listener(context.getBean(org.jooq.Configuration.class)));
            });
  }

  @Test
  void anApplicationsOwnListenerIsRegisteredBesideTheMeters() {
    runner
        .withUserConfiguration(Registry.class, CountingListener.class)
        .run(
            context -> {
              ConflictListener registered =
                  Conflicts.listener(context.getBean(org.jooq.Configuration.class));
              assertNotNull(registered);
              registered.onModify(succeeded());
              assertEquals(1, context.getBean(Counting.class).modifies.get());
              assertEquals(
                  1,
                  context
                      .getBean(MeterRegistry.class)
                      .get(MicrometerConflictListener.MODIFY)
                      .tag("outcome", "succeeded")
                      .timer()
                      .count());
            });
  }

  @Test
  void anApplicationsOwnListenerAloneIsRegistered() {
    runner
        .withUserConfiguration(CountingListener.class)
        .run(
            context ->
                assertSame(
                    context.getBean(Counting.class),
                    Conflicts.listener(context.getBean(org.jooq.Configuration.class))));
  }
}
