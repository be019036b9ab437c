package dev.versioned.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The index of the {@link Message} catalog's tests: every entry is tested, tested elsewhere or
 * unreachable, and every tested entry is named by a test. The record's own diagnostics are tested
 * by theme: {@link RecordShapeDiagnosticsTest} (what may carry {@code @Versioned}), {@link
 * KeyAndVersionDiagnosticsTest}, {@link ComponentDiagnosticsTest} (counters, columns, types),
 * {@link BlankNameDiagnosticsTest}, {@link ConverterDiagnosticsTest} and {@link
 * SeveralMistakesDiagnosticsTest}.
 *
 * <p>Each of them checks a diagnostic for its exact text (built from the catalog), its file and its
 * line: record-level errors on the line of the {@code record} keyword, component errors on the
 * component's line (each component sits on its own line), and errors about an annotation value at
 * that value's column. Each test also counts the errors, so a mistake reports one error and not a
 * cascade.
 */
class DiagnosticsTest {

  /** The catalog entries these tests trigger; {@link #everyMessageIsTested} keeps the list whole. */
  private static final Set<Message> TESTED =
      EnumSet.of(
          Message.NOT_A_RECORD,
          Message.GENERIC_RECORD,
          Message.NOT_ACCESSIBLE,
          Message.NO_KEY,
          Message.NO_VERSION,
          Message.VERSION_TYPE,
          Message.MULTIPLE_VERSIONS,
          Message.ID_AND_VERSION,
          Message.COUNTER_ON_KEY,
          Message.COUNTER_ON_VERSION,
          Message.COUNTER_NOT_NUMERIC,
          Message.DUPLICATE_COLUMN,
          Message.UNMAPPED_TYPE,
          Message.TYPE_NOT_ACCESSIBLE,
          Message.BLANK_TABLE,
          Message.BLANK_SCHEMA,
          Message.BLANK_COLUMN,
          Message.CONVERTER_NO_CONSTRUCTOR,
          Message.CONVERTER_USER_TYPE,
          Message.CONVERTER_DATABASE_TYPE,
          Message.SHORT_VERSION,
          Message.UNRESOLVED_TYPE);

  /**
   * Entries no source can trigger: javac itself rejects a {@code @Convert} value that is not a
   * {@code Converter} (the annotation's bound, see {@link
   * ConverterDiagnosticsTest#convertOfANonConverterIsLeftToJavac}),
   * and an internal error is a bug (every compilation of these tests asserts there is none).
   */
  private static final Set<Message> UNREACHABLE =
      EnumSet.of(
          Message.CONVERTER_NOT_A_CONVERTER,
          Message.INTERNAL_ERROR,
          // An I/O failure reading a migration that exists; the build runs as root here, so no
          // file can be made unreadable to test it.
          Message.SCHEMA_READ);

  /**
   * Entries of the processor options, each tested at its line in {@code
   * schema.SchemaVerificationTest}, {@code schema.MigrationConventionsTest} and {@code
   * options.InjectOptionTest}; the {@code @Touch} entries in {@code TouchDiagnosticsTest}.
   */
  private static final Set<Message> TESTED_ELSEWHERE =
      EnumSet.of(
          Message.TOUCH_NOT_VERSIONED,
          Message.TOUCH_COMPOSITE_KEY,
          Message.TOUCH_KEY_TYPE,
          Message.TOUCH_PARENT_INVALID,
          Message.TOUCH_ON_VERSION,
          Message.TOUCH_CYCLE,
          Message.SCHEMA_TOUCH_NO_FOREIGN_KEY,
          Message.OPTION_VALUE,
          Message.OPTION_PLACEHOLDERS,
          Message.SCHEMA_CHANGELOG,
          Message.SCHEMA_DYNAMIC,
          Message.SCHEMA_UNVERIFIED,
          Message.SCHEMA_NOT_FOUND,
          Message.SCHEMA_EMPTY,
          Message.SCHEMA_PARSE,
          Message.SCHEMA_INTERPRET,
          Message.SCHEMA_MISSING_TABLE,
          Message.SCHEMA_MISSING_COLUMN,
          Message.SCHEMA_VERSION_NOT_INTEGER,
          Message.SCHEMA_VERSION_TOO_WIDE,
          Message.SCHEMA_VERSION_NULLABLE,
          Message.SCHEMA_TYPE_MISMATCH,
          Message.SCHEMA_ENUM_VALUES,
          Message.SCHEMA_NO_PRIMARY_KEY,
          Message.SCHEMA_KEY_NOT_PRIMARY,
          Message.SCHEMA_PRIMARY_NOT_KEY,
          Message.SCHEMA_NULLABLE_PRIMITIVE,
          // TimestampVersionDiagnosticsTest:
          Message.PRECISION_ON_INTEGER_VERSION,
          Message.VERSION_PRECISION,
          Message.SCHEMA_VERSION_NOT_TIMESTAMP,
          Message.SCHEMA_VERSION_PRECISION);

  /** The text of every test source of the module but this one. */
  private static final String TEST_SOURCES = testSources();

  @ParameterizedTest
  @EnumSource(Message.class)
  void everyMessageIsTested(Message message) {
    int lists =
        (TESTED.contains(message) ? 1 : 0)
            + (UNREACHABLE.contains(message) ? 1 : 0)
            + (TESTED_ELSEWHERE.contains(message) ? 1 : 0);
    assertEquals(
        1, lists, message + " must be in exactly one of TESTED, TESTED_ELSEWHERE and UNREACHABLE");
  }

  /** A tested entry is named, as {@code Message.NAME}, by a test other than this index. */
  @ParameterizedTest
  @EnumSource(Message.class)
  void everyTestedMessageIsNamedByATest(Message message) {
    if (UNREACHABLE.contains(message)) {
      return;
    }
    Pattern named = Pattern.compile("\\bMessage\\." + message.name() + "\\b");
    assertTrue(
        named.matcher(TEST_SOURCES).find(),
        message + " is listed as tested, but no test under src/test/java names it");
  }

  private static String testSources() {
    Path root =
        Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .resolve("src/test/java");
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !f.getFileName().toString().equals("DiagnosticsTest.java"))
          .map(DiagnosticsTest::read)
          .collect(Collectors.joining("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
