package dev.versioned.processor.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.Writer;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;

/**
 * Writes every generated source file, so each carries the same {@code @Generated} annotation (with
 * no date, so builds are reproducible) and its originating record (for incremental builds), and has
 * its Javadoc filled to 100 columns ({@link JavadocFormat}) and no trailing white space (a line
 * JavaPoet breaks right after {@code =} would keep one).
 */
public final class SourceFileGenerator {
  /** The processor's name, as {@code @Generated} gives it. */
  public static final String GENERATOR = "dev.versioned.processor.VersionedProcessor";

  private static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");

  private final Filer filer;

  /**
   * Creates a generator.
   *
   * @param filer javac's filer
   */
  public SourceFileGenerator(Filer filer) {
    this.filer = filer;
  }

  /**
   * Builds the source file of a type.
   *
   * @param packageName the package
   * @param type the type
   * @param originatingElement the record it was generated from
   * @return the file, not yet written
   */
  public static JavaFile file(String packageName, TypeSpec type, TypeElement originatingElement) {
    TypeSpec annotated =
        type.toBuilder()
            .addAnnotation(
                AnnotationSpec.builder(GENERATED).addMember("value", "$S", GENERATOR).build())
            .addOriginatingElement(originatingElement)
            .build();
    return JavaFile.builder(packageName, annotated)
        .skipJavaLangImports(true)
        .indent("    ")
        .build();
  }

  /**
   * Writes the source file of a type.
   *
   * @param packageName the package
   * @param type the type
   * @param originatingElement the record it was generated from
   * @throws IOException when the file cannot be written
   */
  public void write(String packageName, TypeSpec type, TypeElement originatingElement)
      throws IOException {
    JavaFile file = file(packageName, type, originatingElement);
    String name = packageName.isEmpty() ? type.name() : packageName + "." + type.name();
    JavaFileObject source = filer.createSourceFile(name, originatingElement);
    try (Writer writer = source.openWriter()) {
      writer.write(JavadocFormat.format(file.toString()).replaceAll("[ \\t]+\n", "\n"));
    }
  }
}
