package dev.versioned.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.versioned.processor.TestCompiler.columnOf;
import static dev.versioned.processor.TestCompiler.compile;
import static dev.versioned.processor.TestCompiler.lineOf;
import static dev.versioned.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import dev.versioned.processor.reader.TypeMappings;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code @Convert}: the converter needs a public no-argument constructor, a user type that is the
 * component's and a database type that jOOQ binds itself; an unresolved converter is explained.
 *
 * <p>Each diagnostic is checked as {@link DiagnosticsTest} describes: its exact text, file and
 * line (and column, for an annotation value), and the count of errors.
 */
class ConverterDiagnosticsTest {

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

  private static void assertNoProcessorDiagnostic(Compilation compilation) {
    for (Diagnostic<?> d : compilation.diagnostics()) {
      org.junit.jupiter.api.Assertions.assertFalse(
          d.getMessage(null).contains("[Versioned"), () -> "unexpected: " + d);
    }
  }
}
