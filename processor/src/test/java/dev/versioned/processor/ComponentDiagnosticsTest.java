package dev.versioned.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.versioned.processor.TestCompiler.compile;
import static dev.versioned.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import dev.versioned.processor.reader.TypeMappings;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The components: {@code @Counter} only on a numeric component that is neither key nor version,
 * one column per component, and a type that is mapped, visible from the repository's package and
 * resolvable.
 *
 * <p>Each diagnostic is checked as {@link DiagnosticsTest} describes: its exact text, file and
 * line (and column, for an annotation value), and the count of errors.
 */
class ComponentDiagnosticsTest {

  @Test
  void counterOnKey() {
    JavaFileObject file =
        source(
            "p.Doc",
            "@Versioned",
            "public record Doc(",
            "    @Id @Counter long number,",
            "    String title,",
            "    long lockVersion) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.COUNTER_ON_KEY.format("Doc", "number"))
        .inFile(file)
        .onLineContaining("@Id @Counter long number");
  }

  @Test
  void counterOnVersion() {
    JavaFileObject file =
        source(
            "p.Doc",
            "@Versioned",
            "public record Doc(",
            "    long id,",
            "    String title,",
            "    @Counter long lockVersion) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.COUNTER_ON_VERSION.format("Doc", "lockVersion"))
        .inFile(file)
        .onLineContaining("@Counter long lockVersion");
  }

  @ParameterizedTest
  @CsvSource({
    "String, java.lang.String",
    "boolean, boolean",
    "java.time.Instant, java.time.Instant",
    "java.util.UUID, java.util.UUID"
  })
  void counterOnANonNumericComponent(String type, String typeText) {
    JavaFileObject file =
        source(
            "p.Doc",
            "@Versioned",
            "public record Doc(",
            "    long id,",
            "    @Counter " + type + " hits,",
            "    long lockVersion) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.COUNTER_NOT_NUMERIC.format("Doc", "hits", typeText))
        .inFile(file)
        .onLineContaining(" hits,");
  }

  @Test
  void twoComponentsOnOneColumnIgnoringCase() {
    JavaFileObject file =
        source(
            "p.Doc",
            "@Versioned",
            "public record Doc(",
            "    long id,",
            "    @Column(\"Title\") String a,",
            "    String title,",
            "    long lockVersion) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.DUPLICATE_COLUMN.format("Doc", "a", "title", "title"))
        .inFile(file)
        .onLineContaining("String title,");
  }

  @Test
  void twoColumnAnnotationsWithOneName() {
    String second = "    @Column(\"NAME\") String b,";
    JavaFileObject file =
        source(
            "p.Doc",
            "@Versioned",
            "public record Doc(",
            "    long id,",
            "    @Column(\"name\") String a,",
            second,
            "    long lockVersion) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.DUPLICATE_COLUMN.format("Doc", "a", "b", "NAME"))
        .inFile(file)
        .onLineContaining(second);
  }

  @Test
  void columnOfTheConventionalVersionTaken() {
    JavaFileObject file =
        source(
            "p.Doc",
            "@Versioned",
            "public record Doc(",
            "    long id,",
            "    @Column(\"LOCK_VERSION\") String b,",
            "    long lockVersion) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.DUPLICATE_COLUMN.format("Doc", "b", "lockVersion", "lock_version"))
        .inFile(file)
        .onLineContaining("long lockVersion) {}");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "java.util.Date | java.util.Date",
        "Object | java.lang.Object",
        "java.util.List<String> | java.util.List<java.lang.String>",
        "char | char",
        "Character | java.lang.Character",
        "byte | byte",
        "int[] | int[]"
      })
  void unmappedType(String type, String typeText) {
    JavaFileObject file =
        source(
            "p.Doc",
            "@Versioned",
            "public record Doc(",
            "    long id,",
            "    " + type + " payload,",
            "    long lockVersion) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.UNMAPPED_TYPE.format("Doc", "payload", typeText, TypeMappings.MAPPED_TYPES))
        .inFile(file)
        .onLineContaining(" payload,");
  }

  @Test
  void componentOfAPrivateNestedType() {
    JavaFileObject file =
        source(
            "p.Outer",
            "public class Outer {",
            "  private enum Secret { A, B }",
            "",
            "  @Versioned",
            "  record Inner(",
            "      long id,",
            "      Secret secret,",
            "      long lockVersion) {}",
            "}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.TYPE_NOT_ACCESSIBLE.format(
                "Inner", "secret", "p.Outer.Secret", "package p", "p.Outer.Secret is private"))
        .inFile(file)
        .onLineContaining("Secret secret,");
  }

  @Test
  void componentOfAProtectedTypeFromAnotherPackage() {
    JavaFileObject file =
        source(
            "p.Shop",
            "public class Shop extends q.Base {",
            "  @Versioned",
            "  public record Item(",
            "      long id,",
            "      Kind kind,",
            "      long lockVersion) {}",
            "}");
    // The record, nested in a subclass, may use Kind; the repository, a top-level class of p, not.
    Compilation compilation =
        compile(
            source("q.Base", "public class Base {", "  protected enum Kind { A }", "}"), file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.TYPE_NOT_ACCESSIBLE.format(
                "Item",
                "kind",
                "q.Base.Kind",
                "package p",
                "q.Base.Kind is protected in package q"))
        .inFile(file)
        .onLineContaining("Kind kind,");
  }

  @Test
  void typeThatNeverResolves() {
    JavaFileObject file =
        source(
            "p.Doc",
            "@Versioned",
            "public record Doc(",
            "    long id,",
            "    Missing payload,",
            "    long lockVersion) {}");
    Compilation compilation = compile(file);
    // javac's own "cannot find symbol", then the processor's explanation.
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("Missing").inFile(file).onLineContaining("payload");
    assertThat(compilation)
        .hadErrorContaining(Message.UNRESOLVED_TYPE.format("Doc", "Missing"))
        .inFile(file)
        .onLineContaining("public record Doc(");
  }
}
