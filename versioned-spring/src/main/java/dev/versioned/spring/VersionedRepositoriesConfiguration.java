package dev.versioned.spring;

import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.stereotype.Repository;

/**
 * Registers the generated repositories of the application's packages: for test slices such as
 * {@code @JooqTest}, which scan no components but give the application's jOOQ configuration.
 *
 * <p>A generated repository is recognised without loading it: a {@code @Repository} class with the
 * public static {@code fromRecord(org.jooq.Record)} mapping every generated repository declares.
 * Repositories already registered (by the application's own component scan) are left alone.
 */
@AutoConfiguration(
    after = VersionedAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.autoconfigure.jooq.JooqAutoConfiguration",
      "org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration"
    })
@Import(VersionedRepositoriesConfiguration.Registrar.class)
public class VersionedRepositoriesConfiguration {
  /** Created by Spring Boot. */
  public VersionedRepositoriesConfiguration() {}

  /** Scans the auto-configuration packages for generated repositories. */
  static final class Registrar implements ImportBeanDefinitionRegistrar, BeanFactoryAware {
    private BeanFactory beanFactory;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
      this.beanFactory = beanFactory;
    }

    @Override
    public void registerBeanDefinitions(
        AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
      if (beanFactory == null || !AutoConfigurationPackages.has(beanFactory)) {
        return;
      }
      List<String> packages = AutoConfigurationPackages.get(beanFactory);
      ClassPathScanningCandidateComponentProvider scanner =
          new ClassPathScanningCandidateComponentProvider(false);
      scanner.addIncludeFilter(generatedRepository());
      for (String pkg : packages) {
        for (BeanDefinition candidate : scanner.findCandidateComponents(pkg)) {
          String className = candidate.getBeanClassName();
          if (className != null && !registered(registry, className)) {
            registry.registerBeanDefinition(className, candidate);
          }
        }
      }
    }

    private static TypeFilter generatedRepository() {
      AnnotationTypeFilter repository = new AnnotationTypeFilter(Repository.class, false);
      return (reader, factory) ->
          repository.match(reader, factory)
              && reader.getAnnotationMetadata().getDeclaredMethods().stream()
                  .anyMatch(
                      m ->
                          m.isStatic()
                              && m.getMethodName().equals("fromRecord")
                              && !m.getReturnTypeName().equals("void"));
    }

    private static boolean registered(BeanDefinitionRegistry registry, String className) {
      for (String name : registry.getBeanDefinitionNames()) {
        if (className.equals(registry.getBeanDefinition(name).getBeanClassName())) {
          return true;
        }
      }
      return false;
    }
  }
}
