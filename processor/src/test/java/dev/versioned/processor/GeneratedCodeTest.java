package dev.versioned.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.versioned.processor.TestCompiler.compile;
import static dev.versioned.processor.TestCompiler.compileWithOptions;
import static dev.versioned.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated code compiles cleanly under the strictest settings users build with ({@code
 * -Xlint:all -Werror}) for every mapped type, version type, key shape and awkward name, and uses no
 * reflection (docs/generated-repository.md, Semantics 4.13).
 */
class GeneratedCodeTest {
  /** What users with a strict build pass; {@code processing} is about processors, not code. */
  static final List<String> STRICT = List.of("-Xlint:all", "-Xlint:-processing", "-Werror");

  static final JavaFileObject MONEY = source("p.Money", "public record Money(String text) {}");

  /** A converter that implements {@code org.jooq.Converter} directly, with no jOOQ base class. */
  static final JavaFileObject MONEY_CONVERTER =
      source(
          "p.MoneyConverter",
          "public final class MoneyConverter implements org.jooq.Converter<String, Money> {",
          "  private static final long serialVersionUID = 1L;",
          "  @Override public Money from(String text) {",
          "    return text == null ? null : new Money(text);",
          "  }",
          "  @Override public String to(Money money) {",
          "    return money == null ? null : money.text();",
          "  }",
          "  @Override public Class<String> fromType() { return String.class; }",
          "  @Override public Class<Money> toType() { return Money.class; }",
          "}");

  static final JavaFileObject COLOR = source("p.Color", "public enum Color { RED, GREEN }");

  /** A record with a component of every type docs/annotations.md maps, and all counter kinds. */
  static final JavaFileObject EVERYTHING =
      source(
          "p.Everything",
          "@Versioned",
          "public record Everything(",
          "    long id,",
          "    String text,",
          "    boolean flag,",
          "    Boolean boxedFlag,",
          "    @Counter short smallCount,",
          "    @Counter Short boxedShort,",
          "    @Counter int count,",
          "    @Counter Integer boxedInt,",
          "    @Counter long big,",
          "    @Counter Long boxedLong,",
          "    @Counter float ratio,",
          "    @Counter Float boxedFloat,",
          "    @Counter double amount,",
          "    @Counter Double boxedDouble,",
          "    @Counter java.math.BigDecimal decimal,",
          "    @Counter java.math.BigInteger integer,",
          "    byte[] bytes,",
          "    java.util.UUID uuid,",
          "    java.time.LocalDate date,",
          "    java.time.LocalTime time,",
          "    java.time.LocalDateTime dateTime,",
          "    java.time.OffsetDateTime offsetDateTime,",
          "    java.time.Instant instant,",
          "    Color color,",
          "    @Convert(MoneyConverter.class) Money money,",
          "    long lockVersion) {}");

  @Test
  void everyMappedTypeCompilesWithoutWarnings() {
    Compilation compilation =
        compileWithOptions(STRICT, MONEY, MONEY_CONVERTER, COLOR, EVERYTHING);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.EverythingRepository");
  }

  @Test
  void everyVersionTypeCompilesWithoutWarnings() {
    List<JavaFileObject> files = new ArrayList<>();
    for (String type : List.of("int", "long", "Integer", "Long")) {
      files.add(
          source(
              "p.Doc" + type,
              "@Versioned",
              "public record Doc" + type + "(",
              "    long id,",
              "    @Counter int hits,",
              "    @Version " + type + " revision) {}"));
    }
    Compilation compilation = compileWithOptions(STRICT, files.toArray(new JavaFileObject[0]));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFiles()).hasSize(4);
  }

  @Test
  void shortVersionGivesOnlyTheProcessorsWarning() {
    JavaFileObject primitive =
        source(
            "p.Doc",
            "@Versioned",
            "public record Doc(",
            "    long id,",
            "    @Counter short hits,",
            "    @Version short revision) {}");
    JavaFileObject boxed =
        source(
            "p.BoxedDoc",
            "@Versioned",
            "public record BoxedDoc(",
            "    long id,",
            "    @Counter Short hits,",
            "    @Version Short revision) {}");
    Compilation compilation =
        compileWithOptions(List.of("-Xlint:all", "-Xlint:-processing"), primitive, boxed);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(2);
    assertThat(compilation)
        .hadWarningContaining(Message.SHORT_VERSION.format("Doc", "revision"))
        .inFile(primitive)
        .onLineContaining(" revision) {}");
    assertThat(compilation)
        .hadWarningContaining(Message.SHORT_VERSION.format("BoxedDoc", "revision"))
        .inFile(boxed)
        .onLineContaining(" revision) {}");
  }

  @Test
  void compositeKeysOfEveryKindCompileWithoutWarnings() {
    Compilation compilation =
        compileWithOptions(
            STRICT,
            COLOR,
            MONEY,
            MONEY_CONVERTER,
            source(
                "p.Entry",
                "@Versioned(schema = \"ledger\")",
                "public record Entry(",
                "    @Id long tenant,",
                "    @Id Long account,",
                "    @Id String code,",
                "    @Id java.util.UUID uuid,",
                "    @Id Color color,",
                "    @Id java.time.LocalDate day,",
                "    @Id @Convert(MoneyConverter.class) Money money,",
                "    @Counter long hits,",
                "    String note,",
                "    @Version Integer revision) {}"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void nestedRecordsAndQuotedNamesCompileWithoutWarnings() {
    Compilation compilation =
        compileWithOptions(
            STRICT,
            source(
                "p.Shop",
                "public interface Shop {",
                "  enum Kind { BOOK, MUSIC }",
                "",
                "  final class Orders {",
                "    private Orders() {}",
                "",
                "    @Versioned(table = \"order\", schema = \"my \\\"shop\\\"\")",
                "    public record Order(",
                "        @Id @Column(\"user\") String user,",
                "        @Column(\"group by\") Kind kind,",
                "        @Column(\"we\\\\ird\") String weird,",
                "        @Counter @Column(\"select\") int select,",
                "        long lockVersion) {}",
                "  }",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.Shop_Orders_OrderRepository");
  }

  /** Names the generated code uses for its fields, parameters, locals, constants and types. */
  private static final List<String> GENERATED_NAMES =
      List.of(
          "dsl", "retry", "ctx", "tx", "configuration", "record", "records", "input", "original",
          "changed", "change", "current", "changes", "delta", "rows", "expected", "version",
          "generated", "insert", "queries", "conflicts", "written", "stored", "i", "a", "b",
          "parameter", "operation", "batchIndex", "where", "table", "columns", "name", "type");

  /**
   * The names that share a scope with key parameters (findById, modify, deleteById, increment...):
   * one repository each, so fewer than {@link #GENERATED_NAMES} to keep the test fast.
   */
  private static final List<String> KEY_NAMES =
      List.of(
          "dsl", "retry", "ctx", "tx", "configuration", "record", "change", "current", "changed",
          "delta", "rows", "expected", "version", "table", "i");

  /** Components (counters, so they also appear in increment methods) named like generated code. */
  @Test
  void componentsNamedLikeGeneratedCode() {
    List<String> lines = new ArrayList<>(List.of("@Versioned", "public record Doc(", "    long id,"));
    for (String name : GENERATED_NAMES) {
      lines.add("    @Counter int " + name + ",");
    }
    lines.add("    long lockVersion) {}");
    Compilation compilation =
        compileWithOptions(STRICT, source("p.Doc", lines.toArray(new String[0])));
    assertThat(compilation).succeededWithoutWarnings();
  }

  /**
   * The same names as key components, which become parameters of the generated methods: one record
   * per name, so a failure lists each name that breaks (one generated file each).
   */
  @Test
  void keysNamedLikeGeneratedCode() {
    List<JavaFileObject> files = new ArrayList<>();
    for (String name : KEY_NAMES) {
      String record = "Key_" + name;
      files.add(
          source(
              "p." + record,
              "@Versioned",
              "public record " + record + "(",
              "    @Id long " + name + ",",
              "    @Counter int hits,",
              "    long lockVersion) {}"));
    }
    // javac stops before attribution once a file has an "already defined" error; the hidden
    // should-stop option lets it attribute (and report) every repository.
    List<String> options = new ArrayList<>(STRICT);
    options.add("-XDshould-stop.ifError=FLOW");
    Compilation compilation = compileWithOptions(options, files.toArray(new JavaFileObject[0]));
    Set<String> broken = new TreeSet<>();
    StringBuilder errors = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      if (d.getKind() != Diagnostic.Kind.NOTE && d.getSource() != null) {
        Matcher m = Pattern.compile("Key_(\\w+)Repository").matcher(d.getSource().getName());
        broken.add(m.find() ? m.group(1) : d.getSource().getName());
        errors.append(d).append('\n');
      }
    }
    assertWithMessage("key names whose repository does not compile:\n%s", errors)
        .that(broken)
        .isEmpty();
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void typesNamedLikeTheTypesTheGeneratedCodeUses() {
    List<JavaFileObject> files = new ArrayList<>();
    List<String> components = new ArrayList<>();
    for (String name :
        List.of("Record", "Field", "Table", "Condition", "Query", "DSL", "Rows", "Retry", "Columns",
            "RepositoryTable", "Objects", "Optional", "List", "Generated")) {
      files.add(source("p." + name, "public enum " + name + " { A }"));
      components.add("    " + name + " " + name.toLowerCase(java.util.Locale.ROOT) + "Value,");
    }
    List<String> lines = new ArrayList<>(List.of("@Versioned", "public record Doc(", "    long id,"));
    lines.addAll(components);
    lines.add("    long lockVersion) {}");
    files.add(source("p.Doc", lines.toArray(new String[0])));
    Compilation compilation = compileWithOptions(STRICT, files.toArray(new JavaFileObject[0]));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void enumNamedLikeItsComponentsConstant() {
    Compilation compilation =
        compileWithOptions(
            STRICT,
            source("p.STATUS", "public enum STATUS { OPEN, DONE }"),
            source(
                "p.Doc",
                "@Versioned",
                "public record Doc(",
                "    long id,",
                "    STATUS status,",
                "    long lockVersion) {}"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void deprecatedRecordCompilesWithoutWarnings() {
    Compilation compilation =
        compileWithOptions(
            STRICT,
            source(
                "p.Doc",
                "@Deprecated",
                "@Versioned",
                "public record Doc(",
                "    long id,",
                "    long lockVersion) {}"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  // ------------------------------------------------------------------ no reflection

  private static final List<Pattern> REFLECTION =
      List.of(
          Pattern.compile(Pattern.quote("java.lang.reflect")),
          Pattern.compile(Pattern.quote("Class.forName")),
          Pattern.compile("\\.into\\(\\s*[\\w.]+\\.class"),
          Pattern.compile(Pattern.quote("fetchInto(")),
          Pattern.compile(Pattern.quote("DefaultRecordMapper")),
          Pattern.compile(Pattern.quote("getDeclaredConstructor")),
          Pattern.compile(Pattern.quote("newInstance(")),
          Pattern.compile(Pattern.quote("MethodHandle")),
          Pattern.compile(Pattern.quote("getRecordComponents")));

  @Test
  void generatedCodeUsesNoReflection() throws IOException {
    Compilation compilation =
        compile(
            MONEY,
            MONEY_CONVERTER,
            COLOR,
            EVERYTHING,
            source(
                "p.Line",
                "@Versioned",
                "public record Line(",
                "    @Id Long order,",
                "    @Id int number,",
                "    @Counter Integer quantity,",
                "    Long lockVersion) {}"));
    assertThat(compilation).succeeded();
    List<JavaFileObject> generated = compilation.generatedSourceFiles();
    assertThat(generated).hasSize(2);
    for (JavaFileObject file : generated) {
      String text = file.getCharContent(false).toString();
      for (Pattern pattern : REFLECTION) {
        assertWithMessage("%s uses %s", file.getName(), pattern)
            .that(pattern.matcher(text).find())
            .isFalse();
      }
      // Records are built by calling their canonical constructor.
      assertThat(text).containsMatch("return new (Everything|Line)\\(");
    }
  }

  @Test
  void reflectionCheckRecognizesReflection() {
    // The patterns above must match what they are meant to catch, or the test proves nothing.
    for (String bad :
        List.of(
            "import java.lang.reflect.Constructor;",
            "Class.forName(\"p.Post\")",
            "record.into(Post.class)",
            "record.into( p.Post.class)",
            "ctx.selectFrom(TABLE).fetchInto(Post.class)",
            "new DefaultRecordMapper<>(...)",
            "Post.class.getDeclaredConstructor().newInstance()")) {
      assertWithMessage(bad).that(REFLECTION.stream().anyMatch(p -> p.matcher(bad).find())).isTrue();
    }
    assertThat(REFLECTION.stream().anyMatch(p -> p.matcher("insert.into(TABLE)").find()))
        .isFalse();
  }
}
