package dev.versioned.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.versioned.processor.TestCompiler.compile;
import static dev.versioned.processor.TestCompiler.source;
import static dev.versioned.processor.TestCompiler.tag;

import com.google.testing.compile.Compilation;
import dev.versioned.processor.reader.TypeMappings;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A record with several mistakes: each is reported once, at its own line, with no cascade.
 *
 * <p>Each diagnostic is checked as {@link DiagnosticsTest} describes: its exact text, file and
 * line (and column, for an annotation value), and the count of errors.
 */
class SeveralMistakesDiagnosticsTest {

  @Test
  void everyMistakeOfARecordIsReportedAtItsOwnLine() {
    JavaFileObject file =
        source(
            "p.Doc",
            "@Versioned(table = \" \")",
            "public record Doc(",
            "    @Id @Counter long id,",
            "    @Column(\"\") String body,",
            "    @Column(\"Title\") String a,",
            "    String title,",
            "    @Counter String tag,",
            "    java.util.Date created,",
            "    @Version double lockVersion) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(7);
    assertThat(compilation)
        .hadErrorContaining(Message.BLANK_TABLE.format(" ", "Doc", "doc"))
        .inFile(file)
        .onLineContaining("@Versioned(table");
    assertThat(compilation)
        .hadErrorContaining(Message.COUNTER_ON_KEY.format("Doc", "id"))
        .inFile(file)
        .onLineContaining("long id,");
    assertThat(compilation)
        .hadErrorContaining(Message.BLANK_COLUMN.format("", "Doc", "body", "body"))
        .inFile(file)
        .onLineContaining("String body,");
    assertThat(compilation)
        .hadErrorContaining(Message.DUPLICATE_COLUMN.format("Doc", "a", "title", "title"))
        .inFile(file)
        .onLineContaining("String title,");
    assertThat(compilation)
        .hadErrorContaining(Message.COUNTER_NOT_NUMERIC.format("Doc", "tag", "java.lang.String"))
        .inFile(file)
        .onLineContaining("String tag,");
    assertThat(compilation)
        .hadErrorContaining(
            Message.UNMAPPED_TYPE.format(
                "Doc", "created", "java.util.Date", TypeMappings.MAPPED_TYPES))
        .inFile(file)
        .onLineContaining("created,");
    assertThat(compilation)
        .hadErrorContaining(Message.VERSION_TYPE.format("Doc", "lockVersion", "double"))
        .inFile(file)
        .onLineContaining("double lockVersion");
  }

  @Test
  void annotationOnItsOwnLineStillPointsAtTheComponent() {
    JavaFileObject file =
        source(
            "p.Doc",
            "@Versioned",
            "public record Doc(",
            "    long id,",
            "    @Counter",
            "    String tag,",
            "    java.util.Date",
            "        created,",
            "    long lockVersion) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(2);
    // An error about an annotation sits at the annotation, one about the type at the name.
    assertThat(compilation)
        .hadErrorContaining(tag(Message.COUNTER_NOT_NUMERIC))
        .inFile(file)
        .onLineContaining("@Counter");
    assertThat(compilation)
        .hadErrorContaining(tag(Message.UNMAPPED_TYPE))
        .inFile(file)
        .onLineContaining("created,");
  }
}
