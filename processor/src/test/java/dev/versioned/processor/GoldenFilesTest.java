package dev.versioned.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.versioned.processor.TestCompiler.compileWithOptions;
import static dev.versioned.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact text of generated repositories, compared with golden files in {@code
 * src/test/resources/golden/}, so any change of the generated code, formatting included, shows in
 * review.
 *
 * <p>After an intended change of the writer, rewrite the golden files and review their diff:
 *
 * <pre>
 * mvn -pl processor -am verify -Dtest=GoldenFilesTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true
 * </pre>
 *
 * With {@code golden.update} the test writes the generated text over the golden file (under the
 * module's {@code src/test/resources/golden/}) instead of comparing.
 */
class GoldenFilesTest {
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private static final JavaFileObject POST =
      source(
          "p.Post",
          "@Versioned",
          "public record Post(",
          "    long id,",
          "    String title,",
          "    @Counter int views,",
          "    int lockVersion) {}");

  static Stream<Arguments> records() {
    return Stream.of(
        Arguments.of(
            "p.PostRepository",
            List.of(),
            List.of(),
            new JavaFileObject[] {POST}),
        Arguments.of(
            "p.OrderLineRepository",
            List.of(),
            List.of(),
            new JavaFileObject[] {
              source(
                  "p.OrderLine",
                  "@Versioned(table = \"order_line\", schema = \"shop\")",
                  "public record OrderLine(",
                  "    @Id Long orderId,",
                  "    @Id Integer lineNo,",
                  "    String product,",
                  "    @Column(\"qty\") @Counter int quantity,",
                  "    java.math.BigDecimal price,",
                  "    @Version Long revision) {}")
            }),
        Arguments.of(
            "p.Outer_InnerRepository",
            List.of(),
            List.of(),
            new JavaFileObject[] {
              source(
                  "p.Outer",
                  "public class Outer {",
                  "  public enum Kind { SMALL, LARGE }",
                  "",
                  "  @Versioned",
                  "  public record Inner(",
                  "      long id,",
                  "      Kind kind,",
                  "      byte[] data,",
                  "      java.time.Instant created,",
                  "      Integer lockVersion) {}",
                  "}")
            }),
        // Under Spring: not final (proxied by subclassing), @Repository, and two optional
        // @Autowired constructors so that a RetryPolicy bean is used when there is one.
        Arguments.of(
            "p.AccountRepository",
            List.of("-Aversioned.inject=spring", "-Xlint:all", "-Xlint:-processing"),
            List.of(),
            new JavaFileObject[] {
              source(
                  "p.Account",
                  "@Versioned",
                  "public record Account(",
                  "    long id,",
                  "    String owner,",
                  "    long balance,",
                  "    long lockVersion) {}")
            }),
        // A timestamp version: the new version computed in Java and bound; overwrite and counters
        // by a locking read and a compare-and-set.
        Arguments.of(
            "p.EventRepository",
            List.of("-Xlint:all", "-Xlint:-processing"),
            List.of(),
            new JavaFileObject[] {
              source(
                  "p.Event",
                  "@Versioned",
                  "public record Event(",
                  "    long id,",
                  "    String title,",
                  "    @Counter int hits,",
                  "    @Version(precision = java.time.temporal.ChronoUnit.MILLIS)",
                  "    java.time.Instant updatedAt) {}")
            }),
        // A part of an aggregate: each write also touches the parent invoice, in one transaction.
        Arguments.of(
            "p.InvoiceLineRepository",
            List.of("-Xlint:all", "-Xlint:-processing"),
            List.of(),
            new JavaFileObject[] {
              source(
                  "p.Invoice",
                  "@Versioned(schema = \"billing\")",
                  "public record Invoice(long id, String customer, int lockVersion) {}"),
              source(
                  "p.InvoiceLine",
                  "@Versioned",
                  "public record InvoiceLine(",
                  "    long id,",
                  "    @Touch(Invoice.class) Long invoiceId,",
                  "    String product,",
                  "    @Counter int quantity,",
                  "    long lockVersion) {}")
            }),
        // Under Jakarta Inject: @Singleton, and @Inject on the constructor that takes only the
        // DSLContext.
        Arguments.of(
            "p.CustomerRepository",
            List.of("-Aversioned.inject=jakarta", "-Xlint:all", "-Xlint:-processing"),
            List.of(),
            new JavaFileObject[] {
              source(
                  "p.Customer",
                  "@Versioned",
                  "public record Customer(",
                  "    long id,",
                  "    String name,",
                  "    long lockVersion) {}")
            }),
        // The option's default said out loud: exactly the repository written without the option.
        Arguments.of(
            "p.PostRepository",
            List.of("-Aversioned.inject=none", "-Xlint:all", "-Xlint:-processing"),
            List.of(),
            new JavaFileObject[] {POST}),
        // An identity key: the one boxed integer key, declared as the table's identity; a record
        // inserted with a null key gets the key the database generated.
        Arguments.of(
            "p.TicketRepository",
            List.of(),
            List.of(),
            new JavaFileObject[] {
              source(
                  "p.Ticket",
                  "@Versioned",
                  "public record Ticket(",
                  "    Long id,",
                  "    String subject,",
                  "    long lockVersion) {}")
            }),
        // A @Convert component: the field carries the converter's data type.
        Arguments.of(
            "p.InvoiceRepository",
            List.of(),
            List.of(),
            new JavaFileObject[] {
              source("p.Money", "public record Money(String text) {}"),
              source(
                  "p.MoneyConverter",
                  "public class MoneyConverter",
                  "    extends org.jooq.impl.AbstractConverter<String, Money> {",
                  "  private static final long serialVersionUID = 1L;",
                  "  public MoneyConverter() { super(String.class, Money.class); }",
                  "  @Override",
                  "  public Money from(String t) { return t == null ? null : new Money(t); }",
                  "  @Override",
                  "  public String to(Money m) { return m == null ? null : m.text(); }",
                  "}"),
              source(
                  "p.Invoice",
                  "@Versioned",
                  "public record Invoice(",
                  "    long id,",
                  "    @Convert(MoneyConverter.class) Money total,",
                  "    long lockVersion) {}")
            }),
        // A short version, which the processor accepts with a warning: its maximum is
        // Short.MAX_VALUE.
        Arguments.of(
            "p.TagRepository",
            List.of(),
            List.of(Message.SHORT_VERSION.format("Tag", "lockVersion")),
            new JavaFileObject[] {
              source(
                  "p.Tag",
                  "@Versioned",
                  "public record Tag(",
                  "    long id,",
                  "    String name,",
                  "    short lockVersion) {}")
            }));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("records")
  void generatedSourceIsTheGoldenFile(
      String repository, List<String> options, List<String> warnings, JavaFileObject[] sources)
      throws IOException {
    Compilation compilation = compileWithOptions(options, sources);
    if (warnings.isEmpty()) {
      assertThat(compilation).succeededWithoutWarnings();
    } else {
      assertThat(compilation).succeeded();
      assertThat(compilation).hadWarningCount(warnings.size());
      for (String warning : warnings) {
        assertThat(compilation).hadWarningContaining(warning);
      }
    }
    String actual =
        compilation
            .generatedSourceFile(repository)
            .orElseThrow(() -> new AssertionError(repository + " was not generated"))
            .getCharContent(false)
            .toString();
    String fileName = repository.substring(repository.lastIndexOf('.') + 1) + ".java";

    // Whatever the golden file says: @Generated names the processor and carries no date.
    assertThat(actual).contains("\n@Generated(\"dev.versioned.processor.VersionedProcessor\")\n");
    assertThat(actual).doesNotContain("date =");
    assertThat(actual).contains("import javax.annotation.processing.Generated;");

    if (UPDATE) {
      Path golden = goldenDirectory().resolve(fileName);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      System.out.println("golden.update: wrote " + golden);
      return;
    }
    String expected;
    try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + fileName)) {
      assertWithMessage("golden file %s is missing; write it with -Dgolden.update=true", fileName)
          .that(in)
          .isNotNull();
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertWithMessage(
            "%s differs from golden/%s; if the change is intended, rerun with"
                + " -Dgolden.update=true and review the diff",
            repository,
            fileName)
        .that(actual)
        .isEqualTo(expected);
  }

  /** The module's {@code src/test/resources/golden}; surefire sets {@code basedir}. */
  private static Path goldenDirectory() throws IOException {
    Path dir =
        Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .resolve("src/test/resources/golden");
    return Files.createDirectories(dir);
  }
}
