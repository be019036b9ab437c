package dev.versioned.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.versioned.processor.TestCompiler.columnOf;
import static dev.versioned.processor.TestCompiler.compile;
import static dev.versioned.processor.TestCompiler.lineOf;
import static dev.versioned.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names given in annotations: a blank table, schema or column name is an error at the value's
 * column; an empty schema means none.
 *
 * <p>Each diagnostic is checked as {@link DiagnosticsTest} describes: its exact text, file and
 * line (and column, for an annotation value), and the count of errors.
 */
class BlankNameDiagnosticsTest {

  @ParameterizedTest
  @ValueSource(strings = {" ", "", "\\t"})
  void blankTable(String table) {
    String annotation = "@Versioned(table = \"" + table + "\")";
    JavaFileObject file =
        source(
            "p.Doc",
            annotation,
            "public record Doc(",
            "    long id,",
            "    long lockVersion) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.BLANK_TABLE.format(table.replace("\\t", "\t"), "Doc", "doc"))
        .inFile(file)
        .onLine(lineOf(file, annotation))
        .atColumn(columnOf(annotation, "\"" + table));
  }

  @Test
  void blankSchema() {
    String annotation = "@Versioned(schema = \"  \")";
    JavaFileObject file =
        source(
            "p.Doc",
            annotation,
            "public record Doc(",
            "    long id,",
            "    long lockVersion) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.BLANK_SCHEMA.format("  ", "Doc"))
        .inFile(file)
        .onLine(lineOf(file, annotation))
        .atColumn(columnOf(annotation, "\"  \""));
  }

  @Test
  void emptySchemaMeansNone() {
    JavaFileObject file =
        source(
            "p.Doc",
            "@Versioned(schema = \"\")",
            "public record Doc(",
            "    long id,",
            "    long lockVersion) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.DocRepository");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void blankColumn(String name) {
    String line = "    @Column(\"" + name + "\") String title,";
    JavaFileObject file =
        source(
            "p.Doc",
            "@Versioned",
            "public record Doc(",
            "    long id,",
            line,
            "    long lockVersion) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.BLANK_COLUMN.format(name, "Doc", "title", "title"))
        .inFile(file)
        .onLine(lineOf(file, "@Column(\"" + name + "\")"))
        .atColumn(columnOf(line, "\"" + name + "\""));
  }
}
