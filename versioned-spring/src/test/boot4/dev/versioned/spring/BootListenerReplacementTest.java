package dev.versioned.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.jooq.ExecuteListenerProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jooq.autoconfigure.ExceptionTranslatorExecuteListener;
import org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/** Only Boot's default exception-translating listener is replaced; an application's own stays. */
class BootListenerReplacementTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withPropertyValues("spring.datasource.url=jdbc:h2:mem:listener;DB_CLOSE_DELAY=-1")
          .withConfiguration(
              AutoConfigurations.of(
                  DataSourceAutoConfiguration.class,
                  JooqAutoConfiguration.class,
                  VersionedAutoConfiguration.class));

  @Configuration(proxyBeanMethods = false)
  static class OwnListener {
    static final ExceptionTranslatorExecuteListener LISTENER =
        ExceptionTranslatorExecuteListener.of(
            ctx -> new SQLStateSQLExceptionTranslator());

    @Bean
    ExceptionTranslatorExecuteListener ownListener() {
      return LISTENER;
    }
  }

  @Test
  void bootsDefaultListenerIsReplaced() {
    runner.run(
        context -> {
          ExecuteListenerProvider[] providers =
              context.getBean(org.jooq.Configuration.class).executeListenerProviders();
          assertEquals(1, providers.length);
          SpringStatementExceptionTranslator ours =
              assertInstanceOf(SpringStatementExceptionTranslator.class, providers[0].provide());
          assertInstanceOf(ExceptionTranslatorExecuteListener.class, ours.boot());
        });
  }

  @Test
  void anApplicationsOwnListenerIsKept() {
    runner
        .withUserConfiguration(OwnListener.class)
        .run(
            context -> {
              ExecuteListenerProvider[] providers =
                  context.getBean(org.jooq.Configuration.class).executeListenerProviders();
              assertEquals(1, providers.length);
              assertSame(OwnListener.LISTENER, providers[0].provide());
            });
  }
}
