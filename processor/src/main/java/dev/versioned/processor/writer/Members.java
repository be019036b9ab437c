package dev.versioned.processor.writer;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The methods of a repository in the order a reader wants them: every public method first, in the
 * order they are added (the order of docs/generated-repository.md's member table), then every
 * private one, in the order they are added, so each write's own helpers follow one another in the
 * order of the writes that call them.
 */
final class Members {
  private final List<MethodSpec> publics = new ArrayList<>();
  private final List<MethodSpec> privates = new ArrayList<>();

  /**
   * Adds methods, in order.
   *
   * @param methods the methods
   */
  void add(MethodSpec... methods) {
    for (MethodSpec method : methods) {
      (method.modifiers().contains(Modifier.PUBLIC) ? publics : privates).add(method);
    }
  }

  /**
   * Adds the methods to the type: the public ones, then the others.
   *
   * @param type the repository being built
   */
  void addTo(TypeSpec.Builder type) {
    type.addMethods(publics);
    type.addMethods(privates);
  }
}
