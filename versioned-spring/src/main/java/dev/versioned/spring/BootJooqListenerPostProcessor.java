package dev.versioned.spring;

import java.util.Set;
import org.jooq.ExecuteListener;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.type.MethodMetadata;

/**
 * Replaces Spring Boot's default exception-translating jOOQ listener by a {@link
 * SpringStatementExceptionTranslator} around it, so that the generated repositories keep their
 * cached statement path under Boot's jOOQ configuration.
 *
 * <p>Only Boot's own default is replaced: the listener provider bean that Boot's jOOQ
 * auto-configuration declares, while the listener it wraps is also Boot's default (an application
 * that declares its own {@code ExceptionTranslatorExecuteListener} bean keeps it, and with it
 * jOOQ's execution of every statement). Boot 3.5 and 4.0 name these beans alike and differ only in
 * the package of the auto-configuration, which is why the beans are recognised by name and origin.
 */
final class BootJooqListenerPostProcessor implements BeanPostProcessor, BeanFactoryAware {
  /** Boot's provider of its exception-translating listener. */
  static final String PROVIDER = "jooqExceptionTranslatorExecuteListenerProvider";

  /** Boot's default exception-translating listener. */
  static final String LISTENER = "jooqExceptionTranslator";

  private static final Set<String> BOOT_JOOQ =
      Set.of(
          "org.springframework.boot.autoconfigure.jooq.JooqAutoConfiguration",
          "org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration");

  private ConfigurableListableBeanFactory beanFactory;

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    if (beanFactory instanceof ConfigurableListableBeanFactory listable) {
      this.beanFactory = listable;
    }
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName)
      throws BeansException {
    if (bean instanceof DefaultExecuteListenerProvider provider
        && PROVIDER.equals(beanName)
        && declaredByBoot(PROVIDER)
        && declaredByBoot(LISTENER)) {
      ExecuteListener listener = provider.provide();
      if (!(listener instanceof SpringStatementExceptionTranslator)) {
        return new DefaultExecuteListenerProvider(new SpringStatementExceptionTranslator(listener));
      }
    }
    return bean;
  }

  /** Whether the bean is declared by a factory method of Boot's jOOQ auto-configuration. */
  private boolean declaredByBoot(String name) {
    if (beanFactory == null || !beanFactory.containsBeanDefinition(name)) {
      return false;
    }
    BeanDefinition definition = beanFactory.getBeanDefinition(name);
    if (!(definition instanceof AnnotatedBeanDefinition annotated)) {
      return false;
    }
    MethodMetadata method = annotated.getFactoryMethodMetadata();
    return method != null && BOOT_JOOQ.contains(method.getDeclaringClassName());
  }
}
