package dev.versioned.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.versioned.processor.TestCompiler.columnOf;
import static dev.versioned.processor.TestCompiler.compile;
import static dev.versioned.processor.TestCompiler.compileWithOptions;
import static dev.versioned.processor.TestCompiler.lineOf;
import static dev.versioned.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.net.URISyntaxException;
import java.nio.file.Paths;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The diagnostics of timestamp versions, each at its line (and column, for an annotation value):
 * {@code @Version(precision = ...)} only on a timestamp version and only of a supported unit, and
 * with {@code -Aversioned.schema} a version column that is no timestamp, or keeps fewer fractional
 * digits than the precision needs (migrations under {@code migrations/timestamps}; H2 folds the
 * unquoted names of its migration to upper case, as the messages show them). javac places an error
 * at a qualified enum constant on the dot before its name.
 */
class TimestampVersionDiagnosticsTest {

  private static String migrations(String name) {
    try {
      return Paths.get(
              TimestampVersionDiagnosticsTest.class
                  .getResource("/migrations/timestamps/" + name)
                  .toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Compilation checked(String folder, String dialect, JavaFileObject file) {
    return compileWithOptions(
        List.of("-Aversioned.schema=" + migrations(folder), "-Aversioned.dialect=" + dialect),
        file);
  }

  private static JavaFileObject stamped(String name, String type, String precision) {
    return source(
        "p." + name,
        "@Versioned",
        "public record " + name + "(",
        "    long id,",
        "    @Version" + (precision == null ? "" : "(precision = java.time.temporal.ChronoUnit."
            + precision + ")") + " java.time." + type + " updatedAt) {}");
  }

  private static long errors(Compilation compilation) {
    return compilation.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .count();
  }

  // ------------------------------------------------------------------------- the annotation

  @ParameterizedTest
  @CsvSource({
    "Instant,", "Instant,SECONDS", "LocalDateTime,MILLIS", "OffsetDateTime,MICROS",
    "LocalDateTime,NANOS"
  })
  void timestampVersionsOfEveryPrecisionCompileWithoutWarnings(String type, String precision) {
    JavaFileObject file = stamped("Event", type, precision);
    Compilation compilation =
        compileWithOptions(List.of("-Xlint:all", "-Xlint:-processing", "-Werror"), file);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.EventRepository");
  }

  @Test
  void precisionOnAnIntegerVersionIsAnErrorAtTheValue() {
    String line =
        "    @Version(precision = java.time.temporal.ChronoUnit.MILLIS) long revision) {}";
    JavaFileObject file = source("p.Doc", "@Versioned", "public record Doc(", "    long id,", line);
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.PRECISION_ON_INTEGER_VERSION.format(
                "ChronoUnit.MILLIS", "Doc", "revision", "long"))
        .inFile(file)
        .onLine(lineOf(file, line))
        .atColumn(columnOf(line, ".MILLIS"));
  }

  @Test
  void anUnsupportedPrecisionIsAnErrorAtTheValue() {
    String line = "    @Version(precision = java.time.temporal.ChronoUnit.DAYS)";
    JavaFileObject file =
        source(
            "p.Doc", "@Versioned", "public record Doc(", "    long id,", line,
            "    java.time.Instant updatedAt) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.VERSION_PRECISION.format("ChronoUnit.DAYS", "Doc", "updatedAt"))
        .inFile(file)
        .onLine(lineOf(file, line))
        .atColumn(columnOf(line, ".DAYS"));
  }

  // ----------------------------------------------------------------------------- the schema

  @Test
  void columnsWithEnoughDigitsPass() {
    // TIMESTAMP(6) for MICROS, TIMESTAMP WITH TIME ZONE (6 by default) for MICROS,
    // TIMESTAMP(9) for NANOS, TIMESTAMP(3) for MILLIS.
    assertThat(checked("h2", "H2", stamped("Fine", "LocalDateTime", null)))
        .succeededWithoutWarnings();
    assertThat(checked("h2", "H2", stamped("Plain", "Instant", "MICROS")))
        .succeededWithoutWarnings();
    assertThat(checked("h2", "H2", stamped("Nine", "LocalDateTime", "NANOS")))
        .succeededWithoutWarnings();
    assertThat(checked("h2", "H2", stamped("Coarse", "LocalDateTime", "MILLIS")))
        .succeededWithoutWarnings();
    assertThat(checked("mysql", "MYSQL", stamped("Modern", "LocalDateTime", "MICROS")))
        .succeededWithoutWarnings();
    // jOOQ binds an Instant as text on MySQL: a VARCHAR column keeps every digit.
    assertThat(checked("mysql", "MARIADB", stamped("Texted", "Instant", "NANOS")))
        .succeededWithoutWarnings();
  }

  @Test
  void nanosAgainstAColumnOfSixDigitsNamesTheColumnAndItsDigits() {
    JavaFileObject file = stamped("Fine", "LocalDateTime", "NANOS");
    Compilation compilation = checked("h2", "H2", file);
    assertThat(errors(compilation)).isEqualTo(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.SCHEMA_VERSION_PRECISION.format(
                "Fine", "updatedAt", "NANOS", 9, "FINE.UPDATED_AT", "TIMESTAMP(6)",
                "V1__stamps.sql", 6, "", "microsecond",
                "declare the column TIMESTAMP(9), or lower the precision to MICROS"))
        .inFile(file)
        .onLine(lineOf(file, "updatedAt"));
  }

  @Test
  void microsAgainstAMillisecondColumn() {
    JavaFileObject file = stamped("Coarse", "LocalDateTime", null);
    assertThat(checked("h2", "H2", file))
        .hadErrorContaining(
            Message.SCHEMA_VERSION_PRECISION.format(
                "Coarse", "updatedAt", "MICROS", 6, "COARSE.UPDATED_AT", "TIMESTAMP(3)",
                "V1__stamps.sql", 3, "", "millisecond",
                "declare the column TIMESTAMP(6), or lower the precision to MILLIS"))
        .inFile(file)
        .onLine(lineOf(file, "updatedAt"));
  }

  @Test
  void nanosAgainstTheDefaultOfAColumnDeclaredWithoutDigits() {
    JavaFileObject file = stamped("Plain", "Instant", "NANOS");
    assertThat(checked("h2", "H2", file))
        .hadErrorContaining(
            Message.SCHEMA_VERSION_PRECISION.format(
                "Plain", "updatedAt", "NANOS", 9, "PLAIN.UPDATED_AT", "TIMESTAMP WITH TIME ZONE",
                "V1__stamps.sql", 6, " (the default of a TIMESTAMP WITH TIME ZONE column on H2)",
                "microsecond",
                "declare the column TIMESTAMP(9), or lower the precision to MICROS"))
        .inFile(file)
        .onLine(lineOf(file, "updatedAt"));
  }

  @Test
  void mysqlDatetimeKeepsNoFractionSoMicrosIsAnError() {
    JavaFileObject file = stamped("Legacy", "LocalDateTime", null);
    Compilation compilation = checked("mysql", "MYSQL", file);
    assertThat(errors(compilation)).isEqualTo(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.SCHEMA_VERSION_PRECISION.format(
                "Legacy", "updatedAt", "MICROS", 6, "legacy.updated_at", "TIMESTAMP",
                "V1__stamps.sql", 0,
                " (a DATETIME or TIMESTAMP column declared without digits on MySQL)", "second",
                "declare the column DATETIME(6), or lower the precision to SECONDS"))
        .inFile(file)
        .onLine(lineOf(file, "updatedAt"));
  }

  @Test
  void nanosBeyondWhatTheDatabaseCanKeepSaysSo() {
    JavaFileObject file = stamped("Modern", "LocalDateTime", "NANOS");
    assertThat(checked("mysql", "MARIADB", file))
        .hadErrorContaining(
            Message.SCHEMA_VERSION_PRECISION.format(
                "Modern", "updatedAt", "NANOS", 9, "modern.updated_at", "TIMESTAMP(6)",
                "V1__stamps.sql", 6, "", "microsecond",
                "MariaDB keeps at most 6 digits: lower the precision to MICROS"))
        .inFile(file)
        .onLine(lineOf(file, "updatedAt"));
  }

  @Test
  void sqliteWritesALocalDateTimeWithMilliseconds() {
    JavaFileObject file = stamped("LocalEvent", "LocalDateTime", null);
    assertThat(checked("sqlite", "SQLITE", file))
        .hadErrorContaining(
            Message.SCHEMA_VERSION_PRECISION.format(
                "LocalEvent", "updatedAt", "MICROS", 6, "local_event.updated_at", "CLOB",
                "V1__stamps.sql", 3,
                " (the SQLite driver writes a LocalDateTime as text with milliseconds)",
                "millisecond",
                "lower the precision to MILLIS, or make the version an Instant or"
                    + " OffsetDateTime, which jOOQ writes as text with every digit"))
        .inFile(file)
        .onLine(lineOf(file, "updatedAt"));
    assertThat(checked("sqlite", "SQLITE", stamped("LocalEvent", "Instant", "NANOS")))
        .succeededWithoutWarnings();
  }

  @Test
  void aColumnThatIsNoTimestampIsAnError() {
    JavaFileObject file = stamped("Numbered", "Instant", null);
    Compilation compilation = checked("h2", "H2", file);
    assertThat(errors(compilation)).isEqualTo(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.SCHEMA_VERSION_NOT_TIMESTAMP.format(
                "Numbered", "updatedAt", "NUMBERED.UPDATED_AT", "BIGINT", "V1__stamps.sql",
                "TIMESTAMP(6)"))
        .inFile(file)
        .onLine(lineOf(file, "updatedAt"));
    JavaFileObject text = stamped("Texted", "Instant", null);
    assertThat(checked("pg", "POSTGRES", text))
        .hadErrorContaining(
            Message.SCHEMA_VERSION_NOT_TIMESTAMP.format(
                "Texted", "updatedAt", "texted.updated_at", "VARCHAR(64)", "V1__stamps.sql",
                "TIMESTAMP(6)"))
        .inFile(text)
        .onLine(lineOf(text, "updatedAt"));
    JavaFileObject local = stamped("Texted", "LocalDateTime", null);
    assertThat(checked("mysql", "MYSQL", local))
        .hadErrorContaining(
            Message.SCHEMA_VERSION_NOT_TIMESTAMP.format(
                "Texted", "updatedAt", "texted.updated_at", "VARCHAR(64)", "V1__stamps.sql",
                "DATETIME(6)"))
        .inFile(local)
        .onLine(lineOf(local, "updatedAt"));
  }

  @Test
  void theMessagesNameTheirTags() {
    assertThat(Message.SCHEMA_VERSION_PRECISION.format(new Object[11]))
        .startsWith("[VersionedSchemaVersionPrecision]");
  }
}
