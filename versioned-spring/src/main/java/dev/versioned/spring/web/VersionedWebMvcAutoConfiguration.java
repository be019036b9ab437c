package dev.versioned.spring.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Spring MVC applications get {@link ConditionalRequestsAdvice}, unless they declare one. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
public class VersionedWebMvcAutoConfiguration {
  /** Created by Spring Boot. */
  public VersionedWebMvcAutoConfiguration() {}

  /**
   * The advice that answers refused conditional requests.
   *
   * @return the advice
   */
  @Bean
  @ConditionalOnMissingBean
  public ConditionalRequestsAdvice versionedConditionalRequestsAdvice() {
    return new ConditionalRequestsAdvice();
  }
}
