package dev.versioned.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.versioned.processor.TestCompiler.compile;
import static dev.versioned.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key and the version: each must be found, the version must be of an allowed type and
 * alone, no component may be both, and a {@code short} version is a warning.
 *
 * <p>Each diagnostic is checked as {@link DiagnosticsTest} describes: its exact text, file and
 * line (and column, for an annotation value), and the count of errors.
 */
class KeyAndVersionDiagnosticsTest {

  @Test
  void noKey() {
    JavaFileObject file =
        source(
            "p.Note",
            "@Versioned",
            "public record Note(",
            "    String text,",
            "    long lockVersion) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.NO_KEY.format("Note"))
        .inFile(file)
        .onLineContaining("public record Note(");
  }

  @Test
  void noVersion() {
    JavaFileObject file =
        source(
            "p.Note",
            "@Versioned",
            "public record Note(",
            "    long id,",
            "    long version) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.NO_VERSION.format("Note"))
        .inFile(file)
        .onLineContaining("public record Note(");
  }

  @Test
  void noKeyAndNoVersionAreBothReported() {
    JavaFileObject file =
        source("p.Note", "@Versioned", "public record Note(", "    String text) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(Message.NO_KEY.format("Note"))
        .inFile(file)
        .onLineContaining("public record Note(");
    assertThat(compilation)
        .hadErrorContaining(Message.NO_VERSION.format("Note"))
        .inFile(file)
        .onLineContaining("public record Note(");
  }

  @ParameterizedTest
  @CsvSource({
    "String, java.lang.String",
    "java.time.LocalDate, java.time.LocalDate",
    "double, double",
    "java.math.BigInteger, java.math.BigInteger"
  })
  void versionOfAWrongType(String type, String typeText) {
    JavaFileObject file =
        source(
            "p.Doc",
            "@Versioned",
            "public record Doc(",
            "    long id,",
            "    String title,",
            "    @Version " + type + " revision) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.VERSION_TYPE.format("Doc", "revision", typeText))
        .inFile(file)
        .onLineContaining(" revision) {}");
  }

  @Test
  void conventionalVersionOfAWrongType() {
    JavaFileObject file =
        source(
            "p.Doc",
            "@Versioned",
            "public record Doc(",
            "    long id,",
            "    String lockVersion,",
            "    String title) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.VERSION_TYPE.format("Doc", "lockVersion", "java.lang.String"))
        .inFile(file)
        .onLineContaining("String lockVersion,");
  }

  @Test
  void moreThanOneVersion() {
    JavaFileObject file =
        source(
            "p.Doc",
            "@Versioned",
            "public record Doc(",
            "    long id,",
            "    @Version long revision,",
            "    String title,",
            "    @Version long lockVersion) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.MULTIPLE_VERSIONS.format("Doc", "revision, lockVersion"))
        .inFile(file)
        .onLineContaining("@Version long lockVersion");
  }

  @Test
  void componentBothIdAndVersion() {
    JavaFileObject file =
        source(
            "p.Doc",
            "@Versioned",
            "public record Doc(",
            "    @Id @Version long id,",
            "    String title) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.ID_AND_VERSION.format("Doc", "id"))
        .inFile(file)
        .onLineContaining("@Id @Version long id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"short lockVersion", "@Version Short lockVersion"})
  void shortVersionIsAWarning(String component) {
    JavaFileObject file =
        source(
            "p.Doc",
            "@Versioned",
            "public record Doc(",
            "    long id,",
            "    " + component + ") {}");
    Compilation compilation = compile(file);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(Message.SHORT_VERSION.format("Doc", "lockVersion"))
        .inFile(file)
        .onLineContaining(component);
    assertThat(compilation).generatedSourceFile("p.DocRepository");
  }
}
