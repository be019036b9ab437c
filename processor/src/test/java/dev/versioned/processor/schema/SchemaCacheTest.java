package dev.versioned.processor.schema;

import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.JavaFileObjects;
import dev.versioned.processor.Message;
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
 * The interpreted schema is kept beside the class output between builds, keyed by the migrations'
 * content: an unchanged folder is not read again, a changed one is, and the warnings of the
 * migrations are reported on every build.
 */
class SchemaCacheTest {
  private static final JavaFileObject POST =
      JavaFileObjects.forSourceLines(
          "p.Post",
          "package p;",
          "import dev.versioned.*;",
          "@Versioned",
          "public record Post(long id, String title, int lockVersion) {}");

  /** javac with the processor, writing classes to {@code project/target/classes}. */
  private static List<String> compile(Path project, String... options) throws IOException {
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
      List<String> all = new ArrayList<>(List.of(options));
      all.add("-Aversioned.schema=" + project.resolve("db"));
      JavaCompiler.CompilationTask task =
          javac.getTask(null, files, diagnostics, all, null, List.of(POST));
      task.setProcessors(List.of(new VersionedProcessor()));
      task.call();
    }
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
        .map(d -> d.getKind() + " " + d.getMessage(Locale.ROOT))
        .collect(Collectors.toList());
  }

  private static List<Path> entries(Path project) throws IOException {
    Path folder = project.resolve("target/versioned-schema-cache");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(folder)) {
      return list.collect(Collectors.toList());
    }
  }

  @Test
  void anUnchangedFolderIsReadFromTheCacheAndAChangedOneAgain(@TempDir Path project)
      throws IOException {
    Path db = Files.createDirectories(project.resolve("db"));
    Files.writeString(
        db.resolve("V1__post.sql"),
        "CREATE TABLE post (id BIGINT PRIMARY KEY, title VARCHAR(100), lock_version INT NOT NULL);\n"
            + "ALTER TABLE post ADD COLUMN x INT WIBBLE;\n");
    String warning =
        "WARNING "
            + Message.SCHEMA_PARSE.format(
                "V1__post.sql", 2, "ALTER TABLE post ADD COLUMN x INT WIBBLE", "Unsupported query type",
                "DEFAULT", "table post").substring(0, 60);

    List<String> first = compile(project);
    assertThat(String.join("\n", first)).contains(warning);
    List<Path> entries = entries(project);
    assertThat(entries).hasSize(1);
    FileTime written = Files.getLastModifiedTime(entries.get(0));

    // The same migrations: the same diagnostics (the warning too), the entry not rewritten.
    Files.setLastModifiedTime(entries.get(0), FileTime.fromMillis(written.toMillis() - 60_000));
    FileTime before = Files.getLastModifiedTime(entries.get(0));
    assertThat(compile(project)).isEqualTo(first);
    assertThat(Files.getLastModifiedTime(entries.get(0))).isEqualTo(before);

    // A changed migration is read again: title is now an INT.
    Files.writeString(
        db.resolve("V2__retype.sql"), "ALTER TABLE post ALTER COLUMN title SET DATA TYPE INT;\n");
    List<String> changed = compile(project);
    assertThat(String.join("\n", changed))
        .contains("[VersionedSchemaUnverified] record Post: could not verify table post");
    assertThat(String.join("\n", changed)).contains("column post.title is INTEGER");
    assertThat(Files.getLastModifiedTime(entries(project).get(0))).isNotEqualTo(before);
  }

  @Test
  void theCacheCanBeTurnedOffOrMoved(@TempDir Path project) throws IOException {
    Path db = Files.createDirectories(project.resolve("db"));
    Files.writeString(
        db.resolve("V1__post.sql"),
        "CREATE TABLE post (id BIGINT PRIMARY KEY, title VARCHAR(100), lock_version INT NOT NULL);\n");
    assertThat(compile(project, "-Aversioned.schemaCache=none")).isEmpty();
    assertThat(entries(project)).isEmpty();
    Path elsewhere = project.resolve("cache");
    assertThat(compile(project, "-Aversioned.schemaCache=" + elsewhere)).isEmpty();
    try (Stream<Path> list = Files.list(elsewhere)) {
      assertThat(list.count()).isEqualTo(1);
    }
  }

  @Test
  void aRelativeCacheFolderIsInTheProjectDirectory(@TempDir Path project) throws IOException {
    Files.writeString(project.resolve("pom.xml"), "<project/>\n");
    Path db = Files.createDirectories(project.resolve("db"));
    Files.writeString(
        db.resolve("V1__post.sql"),
        "CREATE TABLE post (id BIGINT PRIMARY KEY, title VARCHAR(100), lock_version INT NOT NULL);\n");
    String relative = "build-cache-" + ProcessHandle.current().pid();
    assertThat(compile(project, "-Aversioned.schemaCache=" + relative)).isEmpty();
    try (Stream<Path> list = Files.list(project.resolve(relative))) {
      assertThat(list.count()).isEqualTo(1);
    }
    assertThat(Files.exists(Path.of(System.getProperty("user.dir")).resolve(relative))).isFalse();
  }
}
