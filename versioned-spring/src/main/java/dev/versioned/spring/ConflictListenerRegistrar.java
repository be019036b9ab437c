package dev.versioned.spring;

import dev.versioned.ConflictListener;
import java.util.List;
import org.jooq.Configuration;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Registers every {@link ConflictListener} bean of the application on each jOOQ {@link
 * Configuration} bean (Boot's {@code jooqConfiguration}, or the application's own), with {@link
 * ConflictListener#register}, in the beans' order. The repositories built on a {@code DSLContext}
 * of that configuration, and the transactions derived from it, then tell the listeners of their
 * conflicts.
 *
 * <p>The jOOQ configuration is recognised by type, not by the package of Boot's auto-configuration,
 * so Spring Boot 3.5 and 4.0 are handled alike. The listeners are looked up only when a
 * configuration bean is initialised.
 */
final class ConflictListenerRegistrar implements BeanPostProcessor {
  private final ObjectProvider<ConflictListener> listeners;

  /**
   * A registrar of the application's listeners.
   *
   * @param listeners the {@link ConflictListener} beans, looked up lazily
   */
  ConflictListenerRegistrar(ObjectProvider<ConflictListener> listeners) {
    this.listeners = listeners;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName)
      throws BeansException {
    if (bean instanceof Configuration configuration) {
      List<ConflictListener> ordered = listeners.orderedStream().toList();
      for (ConflictListener listener : ordered) {
        ConflictListener.register(configuration, listener);
      }
    }
    return bean;
  }
}
