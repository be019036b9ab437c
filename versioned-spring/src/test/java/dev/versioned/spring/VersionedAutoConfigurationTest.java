package dev.versioned.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.versioned.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-configuration in real application contexts, without a database. */
class VersionedAutoConfigurationTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(VersionedAutoConfiguration.class));

  @Configuration(proxyBeanMethods = false)
  static class OwnPolicy {
    static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ZERO, Duration.ZERO);

    @Bean
    RetryPolicy ownPolicy() {
      return POLICY;
    }
  }

  @Test
  void defaultsAreThoseOfRetryPolicyDefault() {
    runner.run(context -> assertEquals(RetryPolicy.DEFAULT, context.getBean(RetryPolicy.class)));
  }

  @Test
  void anApplicationsPolicyWins() {
    runner
        .withUserConfiguration(OwnPolicy.class)
        .withPropertyValues("versioned.retry.max-attempts=9")
        .run(context -> assertSame(OwnPolicy.POLICY, context.getBean(RetryPolicy.class)));
  }

  @Test
  void propertiesAreBound() {
    runner
        .withPropertyValues(
            "versioned.retry.max-attempts=7",
            "versioned.retry.initial-backoff=5ms",
            "versioned.retry.max-backoff=1s")
        .run(
            context ->
                assertEquals(
                    new RetryPolicy(7, Duration.ofMillis(5), Duration.ofSeconds(1)),
                    context.getBean(RetryPolicy.class)));
  }

  @Test
  void anInvalidPropertyFailsNamingIt() {
    runner
        .withPropertyValues("versioned.retry.max-attempts=0")
        .run(
            context -> {
              Throwable failure = context.getStartupFailure();
              assertNotNull(failure);
              boolean named = false;
              for (Throwable t = failure; t != null; t = t.getCause()) {
                named |= String.valueOf(t.getMessage()).contains("versioned.retry: maxAttempts");
              }
              assertTrue(named, failure.toString());
            });
  }
}
