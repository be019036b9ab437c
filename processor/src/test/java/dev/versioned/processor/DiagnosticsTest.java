package dev.versioned.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.versioned.processor.TestCompiler.columnOf;
import static dev.versioned.processor.TestCompiler.compile;
import static dev.versioned.processor.TestCompiler.lineOf;
import static dev.versioned.processor.TestCompiler.source;
import static dev.versioned.processor.TestCompiler.tag;

import com.google.testing.compile.Compilation;
import dev.versioned.processor.reader.TypeMappings;
import java.util.EnumSet;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every diagnostic of the {@link Message} catalog, each checked for its exact text (built from the
 * catalog), its file and its line: record-level errors on the line of the {@code record} keyword,
 * component errors on the component's line (each component sits on its own line below), and errors
 * about an annotation value at that value's column. Each test also counts the errors, so a mistake
 * reports one error and not a cascade.
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
   * {@code Converter} (the annotation's bound, see {@link #convertOfANonConverterIsLeftToJavac}),
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

  @ParameterizedTest
  @EnumSource(Message.class)
  void everyMessageIsTested(Message message) {
    int lists =
        (TESTED.contains(message) ? 1 : 0)
            + (UNREACHABLE.contains(message) ? 1 : 0)
            + (TESTED_ELSEWHERE.contains(message) ? 1 : 0);
    org.junit.jupiter.api.Assertions.assertEquals(
        1, lists, message + " must be in exactly one of TESTED, TESTED_ELSEWHERE and UNREACHABLE");
  }

  // ------------------------------------------------------------------ the declaration

  @ParameterizedTest
  @CsvSource({
    "public class Thing {}, a class",
    "public interface Thing {}, an interface",
    "public enum Thing { A }, an enum",
    "public @interface Thing {}, an annotation type"
  })
  void notARecord(String declaration, String kind) {
    JavaFileObject file = source("p.Thing", "@Versioned", declaration);
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.NOT_A_RECORD.format("Thing", kind, "Thing"))
        .inFile(file)
        .onLineContaining(declaration);
  }

  @Test
  void genericRecord() {
    JavaFileObject file =
        source(
            "p.Box",
            "@Versioned",
            "public record Box<T, U extends Number>(",
            "    long id,",
            "    T value,",
            "    U amount,",
            "    long lockVersion) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.GENERIC_RECORD.format("Box", "<T, U>"))
        .inFile(file)
        .onLineContaining("public record Box<");
  }

  @Test
  void privateNestedRecord() {
    JavaFileObject file =
        source(
            "p.Outer",
            "public class Outer {",
            "  @Versioned",
            "  private record Secret(",
            "      long id,",
            "      long lockVersion) {}",
            "}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.NOT_ACCESSIBLE.format("Secret", "private"))
        .inFile(file)
        .onLineContaining("private record Secret(");
  }

  @Test
  void recordNestedInAPrivateClass() {
    JavaFileObject file =
        source(
            "p.Outer",
            "public class Outer {",
            "  private static class Hidden {",
            "    @Versioned",
            "    record Inner(",
            "        long id,",
            "        long lockVersion) {}",
            "  }",
            "}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.NOT_ACCESSIBLE.format("Inner", "nested in private Hidden"))
        .inFile(file)
        .onLineContaining("record Inner(");
  }

  @Test
  void localRecord() {
    JavaFileObject file =
        source(
            "p.Service",
            "public class Service {",
            "  void run() {",
            "    @Versioned",
            "    record Local(",
            "        long id,",
            "        long lockVersion) {}",
            "  }",
            "}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.NOT_ACCESSIBLE.format("Local", "local to a method"))
        .inFile(file)
        .onLineContaining("record Local(");
  }

  @Test
  void localRecordWithAQualifiedAnnotation() {
    JavaFileObject file =
        com.google.testing.compile.JavaFileObjects.forSourceLines(
            "p.Service",
            "package p;",
            "public class Service {",
            "  static {",
            "    @dev.versioned.Versioned",
            "    record Local(",
            "        long id,",
            "        long lockVersion) {}",
            "  }",
            "}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.NOT_ACCESSIBLE.format("Local", "local to a method"))
        .inFile(file)
        .onLineContaining("record Local(");
  }

  @Test
  void localClassesWithoutVersionedAreLeftAlone() {
    JavaFileObject file =
        source(
            "p.Service",
            "public class Service {",
            "  @Deprecated",
            "  record Member(long id) {}",
            "  Object run() {",
            "    @SuppressWarnings(\"unused\")",
            "    record Local(long id) {}",
            "    return new Object() {",
            "      @Override public String toString() { return \"x\"; }",
            "    };",
            "  }",
            "}");
    Compilation compilation = compile(file);
    assertThat(compilation).succeededWithoutWarnings();
    org.junit.jupiter.api.Assertions.assertTrue(compilation.generatedSourceFiles().isEmpty());
  }

  @Test
  void recordNestedInALocalClass() {
    JavaFileObject file =
        source(
            "p.Service",
            "public class Service {",
            "  Runnable task = () -> {",
            "    class Helper {",
            "      @Versioned",
            "      record Nested(",
            "          long id,",
            "          long lockVersion) {}",
            "    }",
            "  };",
            "}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.NOT_ACCESSIBLE.format("Nested", "nested in a local class"))
        .inFile(file)
        .onLineContaining("record Nested(");
  }

  @Test
  void localClassIsNotARecord() {
    JavaFileObject file =
        source(
            "p.Service",
            "public class Service {",
            "  void run() {",
            "    @Versioned",
            "    class Local {}",
            "  }",
            "}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.NOT_A_RECORD.format("Local", "a class", "Local"))
        .inFile(file)
        .onLineContaining("class Local {}");
  }

  // ------------------------------------------------------------------ key and version

  @Test
  void noKey() {
    JavaFileObject file =
        source(
            "p.Note",
            "@Versioned",
            "public record Note(",
            "    String text,",
            "    long lockVersion) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.NO_KEY.format("Note"))
        .inFile(file)
        .onLineContaining("public record Note(");
  }

  @Test
  void noVersion() {
    JavaFileObject file =
        source(
            "p.Note",
            "@Versioned",
            "public record Note(",
            "    long id,",
            "    long version) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.NO_VERSION.format("Note"))
        .inFile(file)
        .onLineContaining("public record Note(");
  }

  @Test
  void noKeyAndNoVersionAreBothReported() {
    JavaFileObject file =
        source("p.Note", "@Versioned", "public record Note(", "    String text) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(Message.NO_KEY.format("Note"))
        .inFile(file)
        .onLineContaining("public record Note(");
    assertThat(compilation)
        .hadErrorContaining(Message.NO_VERSION.format("Note"))
        .inFile(file)
        .onLineContaining("public record Note(");
  }

  @ParameterizedTest
  @CsvSource({
    "String, java.lang.String",
    "java.time.LocalDate, java.time.LocalDate",
    "double, double",
    "java.math.BigInteger, java.math.BigInteger"
  })
  void versionOfAWrongType(String type, String typeText) {
    JavaFileObject file =
        source(
            "p.Doc",
            "@Versioned",
            "public record Doc(",
            "    long id,",
            "    String title,",
            "    @Version " + type + " revision) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.VERSION_TYPE.format("Doc", "revision", typeText))
        .inFile(file)
        .onLineContaining(" revision) {}");
  }

  @Test
  void conventionalVersionOfAWrongType() {
    JavaFileObject file =
        source(
            "p.Doc",
            "@Versioned",
            "public record Doc(",
            "    long id,",
            "    String lockVersion,",
            "    String title) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.VERSION_TYPE.format("Doc", "lockVersion", "java.lang.String"))
        .inFile(file)
        .onLineContaining("String lockVersion,");
  }

  @Test
  void moreThanOneVersion() {
    JavaFileObject file =
        source(
            "p.Doc",
            "@Versioned",
            "public record Doc(",
            "    long id,",
            "    @Version long revision,",
            "    String title,",
            "    @Version long lockVersion) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.MULTIPLE_VERSIONS.format("Doc", "revision, lockVersion"))
        .inFile(file)
        .onLineContaining("@Version long lockVersion");
  }

  @Test
  void componentBothIdAndVersion() {
    JavaFileObject file =
        source(
            "p.Doc",
            "@Versioned",
            "public record Doc(",
            "    @Id @Version long id,",
            "    String title) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.ID_AND_VERSION.format("Doc", "id"))
        .inFile(file)
        .onLineContaining("@Id @Version long id");
  }

  // ------------------------------------------------------------------ counters

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

  // ------------------------------------------------------------------ columns and types

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

  // ------------------------------------------------------------------ blank names

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

  // ------------------------------------------------------------------ converters

  private static final JavaFileObject MONEY =
      source("p.Money", "public record Money(String text) {}");

  private static JavaFileObject moneyConverter(String declaration, String constructor) {
    return source(
        "p.MoneyConverter",
        declaration + " extends org.jooq.impl.AbstractConverter<String, Money> {",
        "  " + constructor,
        "  @Override public Money from(String text) { return text == null ? null : new Money(text); }",
        "  @Override public String to(Money money) { return money == null ? null : money.text(); }",
        "}");
  }

  /**
   * A component with a converter. Converter errors point at the {@code @Convert} value; javac
   * positions a class literal at its {@code .class}, hence the {@code atColumn(".class")} below.
   */
  private static final String CONVERTED = "    @Convert(MoneyConverter.class) Money price,";

  private static JavaFileObject docWithComponent(String line) {
    return source(
        "p.Doc",
        "@Versioned",
        "public record Doc(",
        "    long id,",
        line,
        "    long lockVersion) {}");
  }

  @Test
  void convertWithAGoodConverter() {
    Compilation compilation =
        compile(
            MONEY,
            moneyConverter(
                "public class MoneyConverter",
                "public MoneyConverter() { super(String.class, Money.class); }"),
            docWithComponent(CONVERTED));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.DocRepository");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "public class MoneyConverter"
            + " | public MoneyConverter(int scale) { super(String.class, Money.class); }",
        "public class MoneyConverter"
            + " | private MoneyConverter() { super(String.class, Money.class); }",
        "public class MoneyConverter"
            + " | MoneyConverter() { super(String.class, Money.class); }",
        "class MoneyConverter"
            + " | public MoneyConverter() { super(String.class, Money.class); }",
        "public abstract class MoneyConverter"
            + " | public MoneyConverter() { super(String.class, Money.class); }"
      })
  void converterWithoutAPublicNoArgumentConstructor(String declaration, String constructor) {
    JavaFileObject file = docWithComponent(CONVERTED);
    Compilation compilation = compile(MONEY, moneyConverter(declaration, constructor), file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.CONVERTER_NO_CONSTRUCTOR.format("p.MoneyConverter.class", "Doc", "price"))
        .inFile(file)
        .onLine(lineOf(file, CONVERTED))
        .atColumn(columnOf(CONVERTED, ".class"));
  }

  @Test
  void nonStaticNestedConverter() {
    String line = "    @Convert(Doc.Inner.class) Money price,";
    JavaFileObject file =
        source(
            "p.Doc",
            "@Versioned",
            "public record Doc(",
            "    long id,",
            line,
            "    long lockVersion) {",
            "  public class Inner extends org.jooq.impl.AbstractConverter<String, Money> {",
            "    public Inner() { super(String.class, Money.class); }",
            "    @Override public Money from(String t) { return t == null ? null : new Money(t); }",
            "    @Override public String to(Money m) { return m == null ? null : m.text(); }",
            "  }",
            "}");
    Compilation compilation = compile(MONEY, file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.CONVERTER_NO_CONSTRUCTOR.format("p.Doc.Inner.class", "Doc", "price"))
        .inFile(file)
        .onLine(lineOf(file, line))
        .atColumn(columnOf(line, ".class"));
  }

  @Test
  void converterOfAnotherUserType() {
    String line = "    @Convert(MoneyConverter.class) Price price,";
    JavaFileObject file = docWithComponent(line);
    Compilation compilation =
        compile(
            MONEY,
            source("p.Price", "public record Price(String text) {}"),
            moneyConverter(
                "public class MoneyConverter",
                "public MoneyConverter() { super(String.class, Money.class); }"),
            file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.CONVERTER_USER_TYPE.format(
                "p.MoneyConverter.class", "Doc", "price", "p.Money", "p.Price"))
        .inFile(file)
        .onLine(lineOf(file, line))
        .atColumn(columnOf(line, ".class"));
  }

  @Test
  void converterOfAnUnmappedDatabaseType() {
    String line = "    @Convert(DateMoneyConverter.class) Money price,";
    JavaFileObject file = docWithComponent(line);
    Compilation compilation =
        compile(
            MONEY,
            source(
                "p.DateMoneyConverter",
                "public class DateMoneyConverter",
                "    extends org.jooq.impl.AbstractConverter<java.util.Date, Money> {",
                "  public DateMoneyConverter() { super(java.util.Date.class, Money.class); }",
                "  @Override public Money from(java.util.Date d) { return null; }",
                "  @Override public java.util.Date to(Money m) { return null; }",
                "}"),
            file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.CONVERTER_DATABASE_TYPE.format(
                "p.DateMoneyConverter.class",
                "Doc",
                "price",
                "java.util.Date",
                TypeMappings.DATABASE_TYPES))
        .inFile(file)
        .onLine(lineOf(file, line))
        .atColumn(columnOf(line, ".class"));
  }

  @Test
  void converterOfTheSameClassWithOtherTypeArguments() {
    String line = "    @Convert(TagsConverter.class) java.util.List<Integer> tags,";
    JavaFileObject file = docWithComponent(line);
    Compilation compilation = compile(tagsConverter("java.util.List<String>"), file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.CONVERTER_USER_TYPE.format(
                "p.TagsConverter.class",
                "Doc",
                "tags",
                "java.util.List<java.lang.String>",
                "java.util.List<java.lang.Integer>"))
        .inFile(file)
        .onLine(lineOf(file, line))
        .atColumn(columnOf(line, ".class"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"java.util.List<String>", "java.util.List<?>"})
  void converterOfAParameterizedUserType(String type) {
    Compilation compilation =
        compile(
            tagsConverter(type),
            docWithComponent("    @Convert(TagsConverter.class) " + type + " tags,"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.DocRepository");
  }

  private static JavaFileObject tagsConverter(String userType) {
    return source(
        "p.TagsConverter",
        "public class TagsConverter implements org.jooq.Converter<String, " + userType + "> {",
        "  private static final long serialVersionUID = 1L;",
        "  @Override public " + userType + " from(String text) { return null; }",
        "  @Override public String to(" + userType + " tags) { return null; }",
        "  @Override public Class<String> fromType() { return String.class; }",
        "  @SuppressWarnings(\"unchecked\")",
        "  @Override public Class<" + userType + "> toType() {",
        "    return (Class<" + userType + ">) (Class<?>) java.util.List.class;",
        "  }",
        "}");
  }

  @Test
  void converterOfAnEnumDatabaseType() {
    String line = "    @Convert(ColorConverter.class) String color,";
    JavaFileObject file = docWithComponent(line);
    Compilation compilation =
        compile(
            source("p.Color", "public enum Color { RED }"),
            source(
                "p.ColorConverter",
                "public class ColorConverter extends org.jooq.impl.AbstractConverter<Color, String> {",
                "  private static final long serialVersionUID = 1L;",
                "  public ColorConverter() { super(Color.class, String.class); }",
                "  @Override public String from(Color c) { return c == null ? null : c.name(); }",
                "  @Override public Color to(String s) { return s == null ? null : Color.valueOf(s); }",
                "}"),
            file);
    // An enum component is mapped (by name), but a converter's database type must be a type jOOQ
    // binds itself, and the message must not offer "any enum".
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.CONVERTER_DATABASE_TYPE.format(
                "p.ColorConverter.class", "Doc", "color", "p.Color", TypeMappings.DATABASE_TYPES))
        .inFile(file)
        .onLine(lineOf(file, line))
        .atColumn(columnOf(line, ".class"));
  }

  /**
   * {@code @Convert}'s value is a {@code Class<? extends Converter<?, ?>>}, so javac rejects any
   * other class (even a raw {@code Converter}) before the processor sees it: {@link
   * Message#CONVERTER_NOT_A_CONVERTER} cannot appear, and the processor adds nothing to javac's own
   * error.
   */
  @Test
  void convertOfANonConverterIsLeftToJavac() {
    String line = "    @Convert(String.class) String price,";
    JavaFileObject file = docWithComponent(line);
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("String").inFile(file).onLineContaining(line);
    assertNoProcessorDiagnostic(compilation);
  }

  // ------------------------------------------------------------------ warnings and rounds

  @ParameterizedTest
  @ValueSource(strings = {"short lockVersion", "@Version Short lockVersion"})
  void shortVersionIsAWarning(String component) {
    JavaFileObject file =
        source(
            "p.Doc",
            "@Versioned",
            "public record Doc(",
            "    long id,",
            "    " + component + ") {}");
    Compilation compilation = compile(file);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(Message.SHORT_VERSION.format("Doc", "lockVersion"))
        .inFile(file)
        .onLineContaining(component);
    assertThat(compilation).generatedSourceFile("p.DocRepository");
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

  @Test
  void converterThatNeverResolves() {
    JavaFileObject file = docWithComponent("    @Convert(MissingConverter.class) Money price,");
    Compilation compilation = compile(MONEY, file);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("MissingConverter")
        .inFile(file)
        .onLineContaining("MissingConverter.class");
    assertThat(compilation)
        .hadErrorContaining(Message.UNRESOLVED_TYPE.format("Doc", "MissingConverter"))
        .inFile(file)
        .onLineContaining("public record Doc(");
  }

  // ------------------------------------------------------------------ many mistakes at once

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

  private static void assertNoProcessorDiagnostic(Compilation compilation) {
    for (Diagnostic<?> d : compilation.diagnostics()) {
      org.junit.jupiter.api.Assertions.assertFalse(
          d.getMessage(null).contains("[Versioned"), () -> "unexpected: " + d);
    }
  }
}
