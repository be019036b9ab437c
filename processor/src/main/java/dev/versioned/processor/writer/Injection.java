package dev.versioned.processor.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;

/**
 * The dependency-injection annotations a generated repository carries ({@code -Aversioned.inject}).
 * The annotations are written by name: the processor needs none of these libraries, only the code
 * that compiles the generated repositories does.
 */
public enum Injection {
  /** No annotation: the user constructs repositories. */
  NONE(null, null),
  /**
   * {@code @Repository} on a class that is not final (Spring's persistence exception translation
   * and any aspect proxy it by subclassing), and {@code @Autowired(required = false)} on both
   * constructors: Spring then calls the one whose parameters it can all satisfy with the most
   * beans, so a {@code RetryPolicy} bean reaches the repository when there is one and {@code
   * RetryPolicy.DEFAULT} is used otherwise.
   */
  SPRING(
      ClassName.get("org.springframework.stereotype", "Repository"),
      ClassName.get("org.springframework.beans.factory.annotation", "Autowired")),
  /** {@code @Singleton} on the class, and {@code @Inject} on the {@code DSLContext} constructor. */
  JAKARTA(ClassName.get("jakarta.inject", "Singleton"), ClassName.get("jakarta.inject", "Inject"));

  private final ClassName typeAnnotation;
  private final ClassName constructorAnnotation;

  Injection(ClassName typeAnnotation, ClassName constructorAnnotation) {
    this.typeAnnotation = typeAnnotation;
    this.constructorAnnotation = constructorAnnotation;
  }

  /**
   * Annotates the repository class.
   *
   * @param type the repository being built
   */
  void annotateType(TypeSpec.Builder type) {
    if (typeAnnotation != null) {
      type.addAnnotation(typeAnnotation);
    }
  }

  /**
   * Whether the repository class is final: not under Spring, which proxies {@code @Repository}
   * beans by subclassing them.
   *
   * @return true when the class is declared final
   */
  boolean finalClass() {
    return this != SPRING;
  }

  /**
   * Annotates the constructor that takes only a {@code DSLContext}: the one a container calls when
   * no {@code RetryPolicy} is to be injected.
   *
   * @param constructor that constructor
   */
  void annotateConstructor(MethodSpec.Builder constructor) {
    if (this == SPRING) {
      constructor.addAnnotation(optionalAutowired());
    } else if (constructorAnnotation != null) {
      constructor.addAnnotation(constructorAnnotation);
    }
  }

  /**
   * Annotates the constructor that takes a {@code DSLContext} and a {@code RetryPolicy}: under
   * Spring a candidate too, chosen when a {@code RetryPolicy} bean exists.
   *
   * @param constructor that constructor
   */
  void annotateRetryConstructor(MethodSpec.Builder constructor) {
    if (this == SPRING) {
      constructor.addAnnotation(optionalAutowired());
    }
  }

  private AnnotationSpec optionalAutowired() {
    return AnnotationSpec.builder(constructorAnnotation).addMember("required", "false").build();
  }
}
