package dev.versioned.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.versioned.processor.TestCompiler.compile;
import static dev.versioned.processor.TestCompiler.lineOf;
import static dev.versioned.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A mistake in one record stops that record only: the other records' repositories are still
 * written, nothing is written for the bad one, and the processor never crashes javac, whatever
 * state the sources are in. Generated files are looked for on disk ({@link DiskCompilation}),
 * since a failed compilation hides them from compile-testing.
 */
class IsolationTest {
  @TempDir Path dir;

  @Test
  void badAndGoodRecordInOneFile() {
    JavaFileObject file =
        source(
            "p.Records",
            "public final class Records {",
            "  @Versioned",
            "  public record Good(",
            "      long id,",
            "      String title,",
            "      long lockVersion) {}",
            "",
            "  @Versioned",
            "  public record Bad(",
            "      long id,",
            "      String title) {}",
            "}");

    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.NO_VERSION.format("Bad"))
        .inFile(file)
        .onLineContaining("public record Bad(");

    DiskCompilation onDisk = DiskCompilation.compile(dir, file);
    assertThat(onDisk.success).isFalse();
    assertThat(onDisk.generatedSources()).containsExactly("p.Records_GoodRepository");
    assertThat(onDisk.errors())
        .containsExactly(lineOf(file, "record Bad(") + ": " + Message.NO_VERSION.format("Bad"));
  }

  @Test
  void badRecordsInOtherFilesDoNotStopTheGoodOnes() {
    JavaFileObject first =
        source(
            "p.First",
            "@Versioned",
            "public record First(",
            "    String title,",
            "    long lockVersion) {}");
    JavaFileObject good =
        source(
            "p.Good",
            "@Versioned",
            "public record Good(",
            "    long id,",
            "    long lockVersion) {}");
    JavaFileObject last =
        source(
            "p.Last",
            "@Versioned(table = \"\")",
            "public record Last(",
            "    long id,",
            "    java.util.Date when,",
            "    long lockVersion) {}");
    JavaFileObject alsoGood =
        source(
            "p.AlsoGood",
            "@Versioned",
            "public record AlsoGood(",
            "    @Id String code,",
            "    int lockVersion) {}");

    DiskCompilation onDisk = DiskCompilation.compile(dir, first, good, last, alsoGood);
    assertThat(onDisk.success).isFalse();
    assertThat(onDisk.generatedSources()).containsExactly("p.GoodRepository", "p.AlsoGoodRepository");
    assertThat(onDisk.errors()).hasSize(3);
  }

  @Test
  void recordWithAMissingTypeDoesNotStopTheOthers() {
    JavaFileObject file =
        source(
            "p.Records",
            "final class Records {",
            "  @Versioned",
            "  record Broken(",
            "      long id,",
            "      NoSuchType value,",
            "      long lockVersion) {}",
            "",
            "  @Versioned",
            "  record Fine(",
            "      long id,",
            "      long lockVersion) {}",
            "}");
    DiskCompilation onDisk = DiskCompilation.compile(dir, file);
    assertThat(onDisk.success).isFalse();
    assertThat(onDisk.generatedSources()).containsExactly("p.Records_FineRepository");
    // javac's "cannot find symbol" at the component, then the processor's explanation.
    assertThat(onDisk.errors()).hasSize(2);
    assertThat(onDisk.errors().get(0)).startsWith(lineOf(file, "NoSuchType value") + ": ");
    assertThat(onDisk.errors().get(0)).contains("NoSuchType");
    assertThat(onDisk.errors().get(1))
        .isEqualTo(
            lineOf(file, "record Broken(")
                + ": "
                + Message.UNRESOLVED_TYPE.format("Broken", "NoSuchType"));
  }

  /** A component whose type or converter never resolves: javac's error, and no repository. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Missing<String> value,",
        "java.util.List<Missing> value,",
        "Missing[] value,",
        "@Convert(NoSuchConverter.class) String value,",
      })
  void unresolvedTypesGetNoRepository(String component) {
    JavaFileObject file =
        source(
            "p.Doc",
            "@Versioned",
            "public record Doc(",
            "    long id,",
            "    " + component,
            "    long lockVersion) {}");
    DiskCompilation onDisk = DiskCompilation.compile(dir, file);
    assertThat(onDisk.success).isFalse();
    assertThat(onDisk.errors()).isNotEmpty();
    assertThat(onDisk.generatedSources()).isEmpty();
  }

  /**
   * Sources javac itself rejects, in ways the processor has to read around: each gives javac's own
   * error(s), and no internal error of the processor (checked by {@link DiskCompilation}) nor
   * exception out of javac. Whether a repository is written does not matter: the build fails.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "@Convert String value,",
        "@Convert(int.class) int value,",
        "@Column String value,",
        "@Column(42) String value,",
        "@Counter(1) int value,",
        "@NoSuchAnnotation String value,",
        "@Version(\"x\") long value,",
        "String value, String value,",
      })
  void brokenSourcesNeverCrashTheProcessor(String component) {
    JavaFileObject file =
        source(
            "p.Doc",
            "@Versioned",
            "public record Doc(",
            "    long id,",
            "    " + component,
            "    long lockVersion) {}");
    DiskCompilation onDisk = DiskCompilation.compile(dir, file);
    assertThat(onDisk.success).isFalse();
    assertThat(onDisk.errors()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "@Versioned(table = 1)",
        "@Versioned(schema = null)",
        "@Versioned(name = \"x\")",
        "@Versioned(table = NoSuchConstant.NAME)",
      })
  void brokenVersionedAnnotationsNeverCrashTheProcessor(String annotation) {
    JavaFileObject file =
        source(
            "p.Doc",
            annotation,
            "public record Doc(",
            "    long id,",
            "    long lockVersion) {}");
    DiskCompilation onDisk = DiskCompilation.compile(dir, file);
    assertThat(onDisk.success).isFalse();
    assertThat(onDisk.errors()).isNotEmpty();
  }

  @Test
  void errorsInMethodBodiesAreJavacsAlone() {
    JavaFileObject file =
        source(
            "p.Doc",
            "@Versioned",
            "public record Doc(",
            "    long id,",
            "    long lockVersion) {",
            "  int broken() { return \"not an int\"; }",
            "}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("String").inFile(file).onLineContaining("broken()");
    DiskCompilation onDisk = DiskCompilation.compile(dir, file);
    // The record itself is fine, so its repository is written; only the method body is wrong.
    assertThat(onDisk.generatedSources()).containsExactly("p.DocRepository");
    assertThat(onDisk.errors()).hasSize(1);
  }
}
