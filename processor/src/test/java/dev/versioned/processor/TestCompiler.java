package dev.versioned.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Shared helpers of the processor tests: source files written line by line (so each test can say on
 * which line a diagnostic must sit) and a javac run that fails the test if the processor reported an
 * internal error, which is how it turns any exception into a diagnostic.
 */
final class TestCompiler {
  private TestCompiler() {}

  /**
   * A source file in the package of {@code qualifiedName}, with {@code import dev.versioned.*;}.
   * The given lines start at line 3.
   */
  static JavaFileObject source(String qualifiedName, String... lines) {
    int dot = qualifiedName.lastIndexOf('.');
    List<String> all = new ArrayList<>();
    all.add("package " + qualifiedName.substring(0, dot) + ";");
    all.add("import dev.versioned.*;");
    all.addAll(List.of(lines));
    return JavaFileObjects.forSourceLines(qualifiedName, all);
  }

  /** Compiles with the processor (and any extra processors) and no options. */
  static Compilation compile(JavaFileObject... files) {
    return compile(List.of(), List.of(), files);
  }

  /** Compiles with the given javac options. */
  static Compilation compileWithOptions(List<String> options, JavaFileObject... files) {
    return compile(options, List.of(), files);
  }

  /** Compiles with the processor followed by {@code others}, with the given javac options. */
  static Compilation compile(
      List<String> options, List<? extends Processor> others, JavaFileObject... files) {
    List<Processor> processors = new ArrayList<>();
    processors.add(new VersionedProcessor());
    processors.addAll(others);
    Compilation compilation =
        Compiler.javac().withProcessors(processors).withOptions(options).compile(files);
    assertNoInternalError(compilation.diagnostics());
    return compilation;
  }

  /** The processor never crashes: no internal-error diagnostic and no stack trace in any message. */
  static void assertNoInternalError(List<? extends Diagnostic<?>> diagnostics) {
    for (Diagnostic<?> d : diagnostics) {
      String text = d.getMessage(null);
      assertWithMessage("the processor reported an internal error")
          .that(text)
          .doesNotContain(tag(Message.INTERNAL_ERROR));
      assertWithMessage("a diagnostic carries a stack trace").that(text).doesNotContain("\tat ");
    }
  }

  /**
   * The tag that starts every text of a catalog entry, e.g. {@code [VersionedNoKey]}.
   *
   * @param message the entry
   * @return its tag
   */
  static String tag(Message message) {
    String text = message.format(new Object[16]);
    return text.substring(0, text.indexOf(']') + 1);
  }

  /** The 1-based number of the one line of {@code file} that contains {@code fragment}. */
  static long lineOf(JavaFileObject file, String fragment) {
    String[] lines;
    try {
      lines = file.getCharContent(true).toString().split("\n", -1);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    long found = -1;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(fragment)) {
        if (found != -1) {
          throw new IllegalArgumentException(fragment + " is on more than one line of " + file);
        }
        found = i + 1;
      }
    }
    if (found == -1) {
      throw new IllegalArgumentException(fragment + " is not in " + file);
    }
    return found;
  }

  /** The 1-based column of {@code fragment} in {@code line}, as javac counts columns. */
  static long columnOf(String line, String fragment) {
    int index = line.indexOf(fragment);
    if (index < 0) {
      throw new IllegalArgumentException(fragment + " not in " + line);
    }
    return index + 1;
  }
}
