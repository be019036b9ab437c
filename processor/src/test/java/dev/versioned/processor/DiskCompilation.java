package dev.versioned.processor;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * A javac run with the processor that writes generated sources to a directory. compile-testing's
 * {@code Compilation} refuses to show the generated files of a failed compilation, but the
 * isolation tests are about exactly that case: one bad record fails the build, and the good
 * records' repositories must still have been written.
 */
final class DiskCompilation {
  final boolean success;
  final List<Diagnostic<? extends JavaFileObject>> diagnostics;
  private final Path generated;

  private DiskCompilation(
      boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path generated) {
    this.success = success;
    this.diagnostics = diagnostics;
    this.generated = generated;
  }

  /**
   * Compiles the sources with the processor.
   *
   * @param dir an empty directory for the generated sources and classes
   * @param sources the sources
   * @return the outcome
   */
  static DiskCompilation compile(Path dir, JavaFileObject... sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path generated = dir.resolve("generated");
    Path classes = dir.resolve("classes");
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      Files.createDirectories(generated);
      Files.createDirectories(classes);
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      List<Path> classPath = new ArrayList<>();
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        classPath.add(Path.of(entry));
      }
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
      JavaCompiler.CompilationTask task =
          javac.getTask(null, files, diagnostics, List.of(), null, List.of(sources));
      task.setProcessors(List.of(new VersionedProcessor()));
      boolean success = task.call();
      TestCompiler.assertNoInternalError(diagnostics.getDiagnostics());
      return new DiskCompilation(success, diagnostics.getDiagnostics(), generated);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The qualified names of the generated source files. */
  Set<String> generatedSources() {
    try (Stream<Path> paths = Files.walk(generated)) {
      return paths
          .filter(p -> p.toString().endsWith(".java"))
          .map(p -> generated.relativize(p).toString())
          .map(p -> p.substring(0, p.length() - ".java".length()).replace(File.separatorChar, '.'))
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The errors, as "line: message". */
  List<String> errors() {
    return diagnostics.stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
        .collect(Collectors.toList());
  }
}
