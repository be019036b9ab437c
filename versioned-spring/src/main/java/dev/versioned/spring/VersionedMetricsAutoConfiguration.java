package dev.versioned.spring;

import dev.versioned.micrometer.MicrometerConflictListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The conflicts of the repositories as Micrometer meters: when {@code
 * dev.versioned:versioned-micrometer} is on the class path and the application has a Micrometer
 * {@link MeterRegistry} bean (Boot's actuator, or its own), a {@link MicrometerConflictListener}
 * bean recording into it, which {@link ConflictListenerRegistrar} registers on the jOOQ
 * configuration. Counters {@code versioned.conflicts}, {@code versioned.retries}, {@code
 * versioned.gave.up} and the timer {@code versioned.modify}.
 *
 * <p>Off with {@code versioned.metrics.enabled=false}; an application's own {@link
 * MicrometerConflictListener} bean replaces this one.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
    })
@ConditionalOnClass({MicrometerConflictListener.class, MeterRegistry.class})
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(
    prefix = "versioned.metrics",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
public class VersionedMetricsAutoConfiguration {
  /** Created by Spring Boot. */
  public VersionedMetricsAutoConfiguration() {}

  /**
   * The listener that records the repositories' conflicts into the registry.
   *
   * @param registry the application's meter registry
   * @return the listener
   */
  @Bean
  @ConditionalOnMissingBean
  public MicrometerConflictListener versionedMicrometerConflictListener(MeterRegistry registry) {
    return new MicrometerConflictListener(registry);
  }
}
