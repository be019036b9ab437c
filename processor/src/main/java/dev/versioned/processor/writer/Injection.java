package dev.versioned.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;

/**
 * The dependency-injection annotations a generated repository carries ({@code
 * -Aversioned.inject}). The annotations are written by name: the processor needs none of these
 * libraries, only the code that compiles the generated repositories does.
 */
public enum Injection {
  /** No annotation: the user constructs repositories. */
  NONE(null, null),
  /**
   * {@code @Repository} on the class, and {@code @Autowired} on the {@code DSLContext} constructor:
   * with two constructors and no {@code @Autowired}, Spring would look for a no-argument one.
   */
  SPRING(
      ClassName.get("org.springframework.stereotype", "Repository"),
      ClassName.get("org.springframework.beans.factory.annotation", "Autowired")),
  /** {@code @Singleton} on the class, and {@code @Inject} on the {@code DSLContext} constructor. */
  JAKARTA(
      ClassName.get("jakarta.inject", "Singleton"), ClassName.get("jakarta.inject", "Inject"));

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
   * Annotates the constructor a container calls: the one that takes only a {@code DSLContext}.
   *
   * @param constructor that constructor
   */
  void annotateConstructor(MethodSpec.Builder constructor) {
    if (constructorAnnotation != null) {
      constructor.addAnnotation(constructorAnnotation);
    }
  }
}
