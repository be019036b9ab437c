package dev.versioned.processor.options;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.versioned.processor.Message;
import dev.versioned.processor.VersionedProcessor;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import dev.versioned.RetryPolicy;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.stereotype.Repository;

/**
 * {@code -Aversioned.inject}: the generated repositories compile against the real annotation jars
 * (on the test class path), carry the annotations at run time, and Spring wires one.
 */
class InjectOptionTest {
  private static final JavaFileObject POST =
      JavaFileObjects.forSourceLines(
          "p.Post",
          "package p;",
          "import dev.versioned.Versioned;",
          "@Versioned",
          "public record Post(long id, String title, int lockVersion) {}");

  private static Compilation compile(String inject) {
    return Compiler.javac()
        .withProcessors(new VersionedProcessor())
        .withOptions("-Aversioned.inject=" + inject)
        .compile(POST);
  }

  @Test
  void springRepositoryIsWiredBySpring() throws Exception {
    Compilation compilation = compile("spring");
    assertThat(compilation).succeededWithoutWarnings();
    Class<?> repository = load(compilation, "p.PostRepository");
    assertThat(repository.isAnnotationPresent(Repository.class)).isTrue();
    // Spring's persistence exception translation and aspects proxy a @Repository by subclassing.
    assertThat(Modifier.isFinal(repository.getModifiers())).isFalse();
    Constructor<?> injected = repository.getConstructor(DSLContext.class);
    assertThat(injected.getAnnotation(Autowired.class).required()).isFalse();
    Constructor<?> withRetry = repository.getConstructor(DSLContext.class, RetryPolicy.class);
    assertThat(withRetry.getAnnotation(Autowired.class).required()).isFalse();

    try (AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext()) {
      spring.registerBean(DSLContext.class, () -> DSL.using(SQLDialect.H2));
      spring.registerBean(repository);
      spring.refresh();
      assertThat(retryOf(spring.getBean(repository))).isEqualTo(RetryPolicy.DEFAULT);
    }
  }

  @Test
  void springUsesARetryPolicyBeanWhenThereIsOne() throws Exception {
    Compilation compilation = compile("spring");
    Class<?> repository = load(compilation, "p.PostRepository");
    RetryPolicy policy = new RetryPolicy(9, Duration.ofMillis(1), Duration.ofMillis(20));
    try (AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext()) {
      spring.registerBean(DSLContext.class, () -> DSL.using(SQLDialect.H2));
      spring.registerBean(RetryPolicy.class, () -> policy);
      spring.registerBean(repository);
      spring.refresh();
      assertThat(retryOf(spring.getBean(repository))).isSameInstanceAs(policy);
    }
  }

  /** The policy a repository was constructed with (a test may look; generated code never does). */
  private static Object retryOf(Object repository) throws ReflectiveOperationException {
    Field field = repository.getClass().getDeclaredField("retry");
    field.setAccessible(true);
    return field.get(repository);
  }

  @Test
  void jakartaRepositoryIsASingletonWithAnInjectConstructor() throws Exception {
    Compilation compilation = compile("jakarta");
    assertThat(compilation).succeededWithoutWarnings();
    Class<?> repository = load(compilation, "p.PostRepository");
    assertThat(repository.isAnnotationPresent(Singleton.class)).isTrue();
    assertThat(repository.getConstructor(DSLContext.class).isAnnotationPresent(Inject.class))
        .isTrue();
    Constructor<?> other =
        repository.getConstructor(DSLContext.class, RetryPolicy.class);
    assertThat(other.isAnnotationPresent(Inject.class)).isFalse();
  }

  @Test
  void noneAddsNoAnnotation() throws Exception {
    Compilation compilation = compile("none");
    assertThat(compilation).succeededWithoutWarnings();
    Class<?> repository = load(compilation, "p.PostRepository");
    assertThat(repository.isAnnotationPresent(Repository.class)).isFalse();
    assertThat(repository.isAnnotationPresent(Singleton.class)).isFalse();
  }

  @Test
  void unknownValueListsTheValidOnes() {
    Compilation compilation = compile("guice");
    assertThat(compilation)
        .hadErrorContaining(
            Message.OPTION_VALUE.format("versioned.inject", "guice", "none, spring, jakarta"));
    // The option is the only error: the repository is still generated, without annotations.
    assertThat(compilation.errors()).hasSize(1);
  }

  /** Loads a class compiled in memory, with the test class path as parent. */
  private static Class<?> load(Compilation compilation, String name) throws ClassNotFoundException {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String path = file.toUri().getPath();
      String binary = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length());
      binary = binary.substring(0, binary.length() - ".class".length()).replace('/', '.');
      try (InputStream in = file.openInputStream()) {
        classes.put(binary, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    ClassLoader loader =
        new ClassLoader(InjectOptionTest.class.getClassLoader()) {
          @Override
          protected Class<?> findClass(String className) throws ClassNotFoundException {
            byte[] bytes = classes.get(className);
            if (bytes == null) {
              throw new ClassNotFoundException(className);
            }
            return defineClass(className, bytes, 0, bytes.length);
          }
        };
    return Class.forName(name, true, loader);
  }
}
