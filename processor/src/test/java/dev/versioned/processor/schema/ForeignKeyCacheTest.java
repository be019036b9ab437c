package dev.versioned.processor.schema;

import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.JavaFileObjects;
import dev.versioned.processor.VersionedProcessor;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The foreign keys the {@code @Touch} check reads survive the schema cache, and an entry of the
 * cache's previous format (which kept no foreign keys) is read again from the migrations rather
 * than reused.
 */
class ForeignKeyCacheTest {
  private static final List<JavaFileObject> SOURCES =
      List.of(
          JavaFileObjects.forSourceLines(
              "p.Purchase",
              "package p;",
              "import dev.versioned.*;",
              "@Versioned",
              "public record Purchase(long id, int lockVersion) {}"),
          JavaFileObjects.forSourceLines(
              "p.Line",
              "package p;",
              "import dev.versioned.*;",
              "@Versioned",
              "public record Line(long id, @Touch(Purchase.class) long purchaseId,"
                  + " int lockVersion) {}"),
          JavaFileObjects.forSourceLines(
              "p.Loose",
              "package p;",
              "import dev.versioned.*;",
              "@Versioned",
              "public record Loose(long id, @Touch(Purchase.class) long purchaseId,"
                  + " int lockVersion) {}"));

  private static final String DDL =
      "CREATE TABLE purchase (id BIGINT PRIMARY KEY, lock_version INT NOT NULL);\n"
          + "CREATE TABLE line (id BIGINT PRIMARY KEY,"
          + " purchase_id BIGINT NOT NULL REFERENCES purchase (id), lock_version INT NOT NULL);\n"
          + "CREATE TABLE loose (id BIGINT PRIMARY KEY, purchase_id BIGINT NOT NULL,"
          + " lock_version INT NOT NULL);\n";

  /** javac with the processor, writing classes to {@code project/target/classes}. */
  private static List<String> compile(Path project) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      Path classes = Files.createDirectories(project.resolve("target/classes"));
      Path generated = Files.createDirectories(project.resolve("target/generated-sources"));
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
      List<Path> classPath = new ArrayList<>();
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        classPath.add(Path.of(entry));
      }
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
      List<String> options = List.of("-Aversioned.schema=" + project.resolve("db"));
      JavaCompiler.CompilationTask task =
          javac.getTask(null, files, diagnostics, options, null, SOURCES);
      task.setProcessors(List.of(new VersionedProcessor()));
      task.call();
    }
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
        .map(d -> d.getKind() + " " + d.getMessage(Locale.ROOT))
        .collect(Collectors.toList());
  }

  private static Path entry(Path project) throws IOException {
    try (Stream<Path> list = Files.list(project.resolve("target/versioned-schema-cache"))) {
      List<Path> entries = list.collect(Collectors.toList());
      assertThat(entries).hasSize(1);
      return entries.get(0);
    }
  }

  @Test
  void foreignKeysComeBackFromTheCacheAndAnOldFormatIsNotReused(@TempDir Path project)
      throws IOException {
    Files.createDirectories(project.resolve("db"));
    Files.writeString(project.resolve("db/V1__tables.sql"), DDL);

    List<String> first = compile(project);
    assertThat(first).hasSize(1);
    assertThat(first.get(0)).startsWith("WARNING [VersionedSchemaTouchNoForeignKey] component"
        + " Loose.purchaseId touches Purchase, but no foreign key of table loose");

    // From the cache: the same diagnostics, so line's foreign key came back with it.
    Path entry = entry(project);
    Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    FileTime cached = Files.getLastModifiedTime(entry);
    assertThat(compile(project)).isEqualTo(first);
    assertThat(Files.getLastModifiedTime(entry)).isEqualTo(cached);

    // The same entry under the previous format's header is not trusted: read again, rewritten.
    byte[] bytes = Files.readAllBytes(entry);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("versioned-schema-cache 3");
    assertThat(at).isAtLeast(0);
    bytes[at + "versioned-schema-cache ".length()] = '2';
    Files.write(entry, bytes);
    Files.setLastModifiedTime(entry, cached);
    assertThat(compile(project)).isEqualTo(first);
    assertThat(Files.getLastModifiedTime(entry)).isNotEqualTo(cached);
    assertThat(new String(Files.readAllBytes(entry), StandardCharsets.ISO_8859_1))
        .contains("versioned-schema-cache 3");
  }
}
