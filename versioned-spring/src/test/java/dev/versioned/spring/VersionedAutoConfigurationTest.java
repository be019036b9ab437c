package dev.versioned.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
  void lockAfterIsBound() {
    runner
        .withPropertyValues("versioned.retry.lock-after=3")
        .run(
            context -> {
              RetryPolicy policy = context.getBean(RetryPolicy.class);
              assertEquals(RetryPolicy.DEFAULT.withLockAfter(3), policy);
              assertFalse(policy.locksOn(3));
              assertTrue(policy.locksOn(4));
            });
  }

  @Test
  void anInvalidPropertyFailsNamingIt() {
    assertStartupFailsNaming("versioned.retry.max-attempts=0", "versioned.retry: maxAttempts");
  }

  @Test
  void aNegativeLockAfterFailsNamingIt() {
    assertStartupFailsNaming(
        "versioned.retry.lock-after=-1", "versioned.retry: lockAfter must not be negative, was -1");
  }

  private void assertStartupFailsNaming(String property, String message) {
    runner
        .withPropertyValues(property)
        .run(
            context -> {
              Throwable failure = context.getStartupFailure();
              assertNotNull(failure, property);
              boolean named = false;
              for (Throwable t = failure; t != null; t = t.getCause()) {
                named |= String.valueOf(t.getMessage()).contains(message);
              }
              assertTrue(named, failure.toString());
            });
  }
}
