package dev.versioned.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.versioned.processor.TestCompiler.compile;
import static dev.versioned.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What may carry {@code @Versioned}: a record, not generic, that its package can see (so not
 * private, nor nested in a private class, nor local to a method, an initializer or a lambda).
 *
 * <p>Each diagnostic is checked as {@link DiagnosticsTest} describes: its exact text, file and
 * line (and column, for an annotation value), and the count of errors.
 */
class RecordShapeDiagnosticsTest {

  @ParameterizedTest
  @CsvSource({
    "public class Thing {}, a class",
    "public interface Thing {}, an interface",
    "public enum Thing { A }, an enum",
    "public @interface Thing {}, an annotation type"
  })
  void notARecord(String declaration, String kind) {
    JavaFileObject file = source("p.Thing", "@Versioned", declaration);
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.NOT_A_RECORD.format("Thing", kind, "Thing"))
        .inFile(file)
        .onLineContaining(declaration);
  }

  @Test
  void genericRecord() {
    JavaFileObject file =
        source(
            "p.Box",
            "@Versioned",
            "public record Box<T, U extends Number>(",
            "    long id,",
            "    T value,",
            "    U amount,",
            "    long lockVersion) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.GENERIC_RECORD.format("Box", "<T, U>"))
        .inFile(file)
        .onLineContaining("public record Box<");
  }

  @Test
  void privateNestedRecord() {
    JavaFileObject file =
        source(
            "p.Outer",
            "public class Outer {",
            "  @Versioned",
            "  private record Secret(",
            "      long id,",
            "      long lockVersion) {}",
            "}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.NOT_ACCESSIBLE.format("Secret", "private"))
        .inFile(file)
        .onLineContaining("private record Secret(");
  }

  @Test
  void recordNestedInAPrivateClass() {
    JavaFileObject file =
        source(
            "p.Outer",
            "public class Outer {",
            "  private static class Hidden {",
            "    @Versioned",
            "    record Inner(",
            "        long id,",
            "        long lockVersion) {}",
            "  }",
            "}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.NOT_ACCESSIBLE.format("Inner", "nested in private Hidden"))
        .inFile(file)
        .onLineContaining("record Inner(");
  }

  @Test
  void localRecord() {
    JavaFileObject file =
        source(
            "p.Service",
            "public class Service {",
            "  void run() {",
            "    @Versioned",
            "    record Local(",
            "        long id,",
            "        long lockVersion) {}",
            "  }",
            "}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.NOT_ACCESSIBLE.format("Local", "local to a method"))
        .inFile(file)
        .onLineContaining("record Local(");
  }

  @Test
  void localRecordWithAQualifiedAnnotation() {
    JavaFileObject file =
        com.google.testing.compile.JavaFileObjects.forSourceLines(
            "p.Service",
            "package p;",
            "public class Service {",
            "  static {",
            "    @dev.versioned.Versioned",
            "    record Local(",
            "        long id,",
            "        long lockVersion) {}",
            "  }",
            "}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.NOT_ACCESSIBLE.format("Local", "local to a method"))
        .inFile(file)
        .onLineContaining("record Local(");
  }

  /**
   * Only files whose text could name the annotation are searched for local classes; a Unicode
   * escape can spell any name, so a file with one is searched too.
   */
  @Test
  void localRecordWithAnAnnotationSpelledByAUnicodeEscape() {
    JavaFileObject file =
        source(
            "p.Service",
            "public class Service {",
            "  void run() {",
            "    @\\u0056ersioned",
            "    record Local(",
            "        long id,",
            "        long lockVersion) {}",
            "  }",
            "}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.NOT_ACCESSIBLE.format("Local", "local to a method"))
        .inFile(file)
        .onLineContaining("record Local(");
  }

  @Test
  void localClassesWithoutVersionedAreLeftAlone() {
    JavaFileObject file =
        source(
            "p.Service",
            "public class Service {",
            "  @Deprecated",
            "  record Member(long id) {}",
            "  Object run() {",
            "    @SuppressWarnings(\"unused\")",
            "    record Local(long id) {}",
            "    return new Object() {",
            "      @Override public String toString() { return \"x\"; }",
            "    };",
            "  }",
            "}");
    Compilation compilation = compile(file);
    assertThat(compilation).succeededWithoutWarnings();
    org.junit.jupiter.api.Assertions.assertTrue(compilation.generatedSourceFiles().isEmpty());
  }

  @Test
  void recordNestedInALocalClass() {
    JavaFileObject file =
        source(
            "p.Service",
            "public class Service {",
            "  Runnable task = () -> {",
            "    class Helper {",
            "      @Versioned",
            "      record Nested(",
            "          long id,",
            "          long lockVersion) {}",
            "    }",
            "  };",
            "}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.NOT_ACCESSIBLE.format("Nested", "nested in a local class"))
        .inFile(file)
        .onLineContaining("record Nested(");
  }

  @Test
  void localClassIsNotARecord() {
    JavaFileObject file =
        source(
            "p.Service",
            "public class Service {",
            "  void run() {",
            "    @Versioned",
            "    class Local {}",
            "  }",
            "}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.NOT_A_RECORD.format("Local", "a class", "Local"))
        .inFile(file)
        .onLineContaining("class Local {}");
  }
}
