package dev.versioned.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * A stand-in for another annotation processor: in its first round it writes the given source
 * files, so the types they declare exist only from the second round on.
 */
final class GeneratingProcessor extends AbstractProcessor {
  private final Map<String, String> sources = new LinkedHashMap<>();
  private boolean done;

  /**
   * Creates the processor.
   *
   * @param qualifiedNameAndSource pairs: a type's qualified name, then its source text
   */
  GeneratingProcessor(String... qualifiedNameAndSource) {
    for (int i = 0; i < qualifiedNameAndSource.length; i += 2) {
      sources.put(qualifiedNameAndSource[i], qualifiedNameAndSource[i + 1]);
    }
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (done) {
      return false;
    }
    done = true;
    for (Map.Entry<String, String> source : sources.entrySet()) {
      try (Writer writer = processingEnv.getFiler().createSourceFile(source.getKey()).openWriter()) {
        writer.write(source.getValue());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return false;
  }
}
