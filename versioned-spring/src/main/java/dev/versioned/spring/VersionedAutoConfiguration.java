package dev.versioned.spring;

import dev.versioned.ConflictListener;
import dev.versioned.RetryPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Spring Boot auto-configuration for repositories generated with {@code
 * -Aversioned.inject=spring}:
 *
 * <ul>
 *   <li>a {@link RetryPolicy} bean from the {@code versioned.retry.*} properties, unless the
 *       application declares one; every repository is constructed with it;
 *   <li>{@link StaleExceptionTranslator}: stale writes thrown out of a repository bean reach the
 *       caller as Spring's {@code OptimisticLockingFailureException}, the original as cause;
 *   <li>Boot's exception-translating jOOQ listener is replaced by a {@link
 *       SpringStatementExceptionTranslator} that translates alike but keeps the repositories'
 *       cached statement path;
 *   <li>every {@link ConflictListener} bean is registered on the application's jOOQ {@code
 *       Configuration} beans ({@link ConflictListenerRegistrar}); with {@code
 *       versioned-micrometer} and a Micrometer {@code MeterRegistry}, {@link
 *       VersionedMetricsAutoConfiguration} contributes one.
 * </ul>
 */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.autoconfigure.jooq.JooqAutoConfiguration",
      "org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration"
    })
@ConditionalOnClass(RetryPolicy.class)
@EnableConfigurationProperties(VersionedRetryProperties.class)
public class VersionedAutoConfiguration {
  /** Created by Spring Boot. */
  public VersionedAutoConfiguration() {}

  /**
   * The retry policy of every repository.
   *
   * @param properties {@code versioned.retry.*}
   * @return the policy
   */
  @Bean
  @ConditionalOnMissingBean
  public RetryPolicy versionedRetryPolicy(VersionedRetryProperties properties) {
    return properties.toPolicy();
  }

  /**
   * Translates stale writes into Spring's exceptions.
   *
   * @return the translator
   */
  @Bean
  @ConditionalOnMissingBean
  public static StaleExceptionTranslator versionedStaleExceptionTranslator() {
    return new StaleExceptionTranslator();
  }

  /**
   * Keeps the cached statement path under Boot's jOOQ exception translation.
   *
   * @return the post-processor
   */
  @Bean
  public static BeanPostProcessor versionedJooqListenerPostProcessor() {
    return new BootJooqListenerPostProcessor();
  }

  /**
   * Registers the application's {@link ConflictListener} beans on its jOOQ configurations.
   *
   * @param listeners the listener beans, looked up when a configuration is initialised
   * @return the post-processor
   */
  @Bean
  public static BeanPostProcessor versionedConflictListenerRegistrar(
      ObjectProvider<ConflictListener> listeners) {
    return new ConflictListenerRegistrar(listeners);
  }
}
