package dev.versioned.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.versioned.processor.TestCompiler.compile;
import static dev.versioned.processor.TestCompiler.compileWithOptions;
import static dev.versioned.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every diagnostic about {@code @Touch}, each checked for its exact text (built from the {@link
 * Message} catalog), its file and the line of the component it is about; and the records that
 * pass: a boxed component for an unboxed key, a parent with a timestamp version, a parent generated
 * in a later round, a parent linked by a foreign key however the DDL declares it.
 */
class TouchDiagnosticsTest {
  private static final JavaFileObject PURCHASE =
      source(
          "p.Purchase",
          "@Versioned",
          "public record Purchase(",
          "    long id,",
          "    String customer,",
          "    int lockVersion) {}");

  private static JavaFileObject line(String touchLine) {
    return source(
        "p.Line",
        "@Versioned",
        "public record Line(",
        "    long id,",
        touchLine,
        "    int quantity,",
        "    int lockVersion) {}");
  }

  private static long warnings(Compilation compilation) {
    return compilation.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.WARNING)
        .count();
  }

  // ------------------------------------------------------------------ records that pass

  @ParameterizedTest
  @ValueSource(
      strings = {
        "    @Touch(Purchase.class) long purchaseId,",
        "    @Touch(Purchase.class) Long purchaseId,",
        "    @Touch(p.Purchase.class) @Column(\"purchase\") Long purchaseId,"
      })
  void aComponentOfTheParentsKeyTypeBoxedOrNotPasses(String component) {
    Compilation compilation = compile(PURCHASE, line(component));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("p.LineRepository")
        .contentsAsUtf8String()
        .contains("DSL.table(DSL.name(\"purchase\"))");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "    @Version java.time.Instant updatedAt) {}|MICROS",
        "    @Version(precision = java.time.temporal.ChronoUnit.MILLIS)"
            + " java.time.LocalDateTime updatedAt) {}|MILLIS",
        "    @Version java.time.OffsetDateTime updatedAt) {}|MICROS"
      })
  void aParentWithATimestampVersionPasses(String versionAndPrecision) {
    String[] parts = versionAndPrecision.split("\\|");
    JavaFileObject purchase =
        source(
            "p.Purchase",
            "@Versioned",
            "public record Purchase(",
            "    long id,",
            "    String customer,",
            parts[0]);
    Compilation compilation =
        compile(purchase, line("    @Touch(Purchase.class) long purchaseId,"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("p.LineRepository")
        .contentsAsUtf8String()
        .contains("ParentTouch.timestamped(");
    assertThat(compilation)
        .generatedSourceFile("p.LineRepository")
        .contentsAsUtf8String()
        .contains("v -> TimestampVersions.next(v, ChronoUnit." + parts[1] + ")");
  }

  @Test
  void aParentGeneratedInALaterRoundDefersTheChild() {
    String purchase =
        String.join(
            "\n",
            "package p.gen;",
            "",
            "@dev.versioned.Versioned",
            "public record Purchase(long id, String customer, int lockVersion) {}",
            "");
    JavaFileObject child =
        source(
            "p.Line",
            "@Versioned",
            "public record Line(",
            "    long id,",
            "    @Touch(p.gen.Purchase.class) long purchaseId,",
            "    int lockVersion) {}");
    Compilation compilation =
        TestCompiler.compile(
            List.of(), List.of(new GeneratingProcessor("p.gen.Purchase", purchase)), child);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("p.LineRepository")
        .contentsAsUtf8String()
        .contains("DSL.table(DSL.name(\"purchase\"))");
    assertThat(compilation).generatedSourceFile("p.gen.PurchaseRepository");
  }

  @Test
  void aChainWithoutACyclePasses() {
    JavaFileObject customer =
        source("p.Customer", "@Versioned", "public record Customer(long id, int lockVersion) {}");
    JavaFileObject purchase =
        source(
            "p.Purchase",
            "@Versioned",
            "public record Purchase(",
            "    long id,",
            "    @Touch(Customer.class) long customerId,",
            "    int lockVersion) {}");
    Compilation compilation =
        compile(customer, purchase, line("    @Touch(Purchase.class) long purchaseId,"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  // ------------------------------------------------------------------ errors

  @Test
  void aTargetThatIsNotVersioned() {
    JavaFileObject plain =
        source("p.Plain", "public record Plain(long id, int lockVersion) {}");
    String component = "    @Touch(Plain.class) long plainId,";
    JavaFileObject file = line(component);
    Compilation compilation = compile(plain, file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.TOUCH_NOT_VERSIONED.format("Plain", "Line", "plainId", "Plain", "Plain"))
        .inFile(file)
        .onLineContaining(component);
  }

  @Test
  void aTargetThatIsNotARecordIsLeftToJavac() {
    // value() is a Class<? extends Record>: javac refuses any other class at the annotation.
    JavaFileObject file = line("    @Touch(String.class) long plainId,");
    Compilation compilation = compile(file);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("incompatible types");
    assertThat(
            compilation.errors().stream()
                .map(d -> d.getMessage(null))
                .filter(m -> m.contains("[Versioned"))
                .collect(Collectors.toList()))
        .isEmpty();
  }

  @Test
  void aParentWithACompositeKey() {
    JavaFileObject membership =
        source(
            "p.Membership",
            "@Versioned",
            "public record Membership(",
            "    @Id long orgId,",
            "    @Id String userName,",
            "    int lockVersion) {}");
    String component = "    @Touch(Membership.class) long membershipId,";
    JavaFileObject file = line(component);
    Compilation compilation = compile(membership, file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.TOUCH_COMPOSITE_KEY.format(
                "Membership", "Line", "membershipId", "Membership", "orgId, userName"))
        .inFile(file)
        .onLineContaining(component);
  }

  @ParameterizedTest
  @ValueSource(strings = {"String", "int", "Integer", "java.util.UUID"})
  void aComponentOfAnotherTypeThanTheParentsKey(String type) {
    String component = "    @Touch(Purchase.class) " + type + " purchaseId,";
    JavaFileObject file = line(component);
    Compilation compilation = compile(PURCHASE, file);
    assertThat(compilation).hadErrorCount(1);
    String typeText = type.equals("String") ? "java.lang.String"
        : type.equals("Integer") ? "java.lang.Integer" : type;
    assertThat(compilation)
        .hadErrorContaining(
            Message.TOUCH_KEY_TYPE.format(
                "Purchase", "Line", "purchaseId", typeText, "Purchase", "id", "long", "long"))
        .inFile(file)
        .onLineContaining(component);
  }

  @Test
  void aParentWhoseRepositoryCannotBeGenerated() {
    JavaFileObject draft =
        source(
            "p.Draft", "@Versioned", "public record Draft(", "    long id,", "    String text) {}");
    String component = "    @Touch(Draft.class) long draftId,";
    JavaFileObject file = line(component);
    Compilation compilation = compile(draft, file);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(Message.NO_VERSION.format("Draft"))
        .inFile(draft)
        .onLineContaining("public record Draft(");
    assertThat(compilation)
        .hadErrorContaining(
            Message.TOUCH_PARENT_INVALID.format(
                "Draft", "Line", "draftId", "Draft", "it has no version", "Draft"))
        .inFile(file)
        .onLineContaining(component);
  }

  @Test
  void touchOnTheVersion() {
    JavaFileObject file =
        source(
            "p.Line",
            "@Versioned",
            "public record Line(",
            "    long id,",
            "    @Touch(Purchase.class) long lockVersion) {}");
    Compilation compilation = compile(PURCHASE, file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.TOUCH_ON_VERSION.format("Line", "lockVersion"))
        .inFile(file)
        .onLineContaining("@Touch(Purchase.class) long lockVersion");
  }

  @Test
  void aRecordThatTouchesItself() {
    String component = "    @Touch(Node.class) Long parentId,";
    JavaFileObject file =
        source(
            "p.Node",
            "@Versioned",
            "public record Node(",
            "    long id,",
            component,
            "    int lockVersion) {}");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.TOUCH_CYCLE.format("Node", "Node", "parentId", "Node -> Node"))
        .inFile(file)
        .onLineContaining(component);
  }

  @Test
  void aCycleOfTwoRecordsIsReportedAtBoth() {
    String toB = "    @Touch(B.class) long bId,";
    String toA = "    @Touch(A.class) long aId,";
    JavaFileObject a =
        source("p.A", "@Versioned", "public record A(", "    long id,", toB,
            "    int lockVersion) {}");
    JavaFileObject b =
        source("p.B", "@Versioned", "public record B(", "    long id,", toA,
            "    int lockVersion) {}");
    Compilation compilation = compile(a, b);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(Message.TOUCH_CYCLE.format("B", "A", "bId", "A -> B -> A"))
        .inFile(a)
        .onLineContaining(toB);
    assertThat(compilation)
        .hadErrorContaining(Message.TOUCH_CYCLE.format("A", "B", "aId", "B -> A -> B"))
        .inFile(b)
        .onLineContaining(toA);
  }

  @Test
  void aCycleFurtherUpTheChainIsNotTheChildsError() {
    // Line -> Purchase -> Customer -> Purchase: the cycle is Purchase's and Customer's.
    JavaFileObject customer =
        source("p.Customer", "@Versioned", "public record Customer(", "    long id,",
            "    @Touch(Purchase.class) long lastPurchaseId,", "    int lockVersion) {}");
    JavaFileObject purchase =
        source("p.Purchase", "@Versioned", "public record Purchase(", "    long id,",
            "    @Touch(Customer.class) long customerId,", "    int lockVersion) {}");
    JavaFileObject file = line("    @Touch(Purchase.class) long purchaseId,");
    Compilation compilation = compile(customer, purchase, file);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            Message.TOUCH_CYCLE.format(
                "Customer", "Purchase", "customerId", "Purchase -> Customer -> Purchase"))
        .inFile(purchase)
        .onLineContaining("@Touch(Customer.class) long customerId,");
    assertThat(compilation)
        .hadErrorContaining(
            Message.TOUCH_CYCLE.format(
                "Purchase", "Customer", "lastPurchaseId", "Customer -> Purchase -> Customer"))
        .inFile(customer)
        .onLineContaining("@Touch(Purchase.class) long lastPurchaseId,");
  }

  // ------------------------------------------------------------------ the foreign key warning

  private static final String PURCHASE_TABLE =
      "CREATE TABLE purchase (id BIGINT PRIMARY KEY, customer VARCHAR(50),"
          + " lock_version INT NOT NULL);\n";

  private static Compilation compileAgainst(Path dir, String ddl) throws IOException {
    Path file = dir.resolve("V1__tables.sql");
    Files.writeString(file, PURCHASE_TABLE + ddl);
    return compileWithOptions(
        List.of("-Aversioned.schema=" + file, "-Aversioned.dialect=H2"),
        PURCHASE,
        line("    @Touch(Purchase.class) long purchaseId,"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE TABLE line (id BIGINT PRIMARY KEY,"
            + " purchase_id BIGINT NOT NULL REFERENCES purchase (id),"
            + " quantity INT NOT NULL, lock_version INT NOT NULL);",
        "CREATE TABLE line (id BIGINT PRIMARY KEY, purchase_id BIGINT NOT NULL,"
            + " quantity INT NOT NULL, lock_version INT NOT NULL,"
            + " FOREIGN KEY (purchase_id) REFERENCES purchase (id));",
        "CREATE TABLE line (id BIGINT PRIMARY KEY, purchase_id BIGINT NOT NULL,"
            + " quantity INT NOT NULL, lock_version INT NOT NULL);\n"
            + "ALTER TABLE line ADD CONSTRAINT line_purchase FOREIGN KEY (purchase_id)"
            + " REFERENCES purchase (id);"
      })
  void aForeignKeyDeclaredAnyWaySilencesTheWarning(String ddl, @TempDir Path dir)
      throws IOException {
    Compilation compilation = compileAgainst(dir, ddl);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void noForeignKeyIsAWarningAtTheComponent(@TempDir Path dir) throws IOException {
    Compilation compilation =
        compileAgainst(
            dir,
            "CREATE TABLE line (id BIGINT PRIMARY KEY, purchase_id BIGINT NOT NULL,"
                + " quantity INT NOT NULL, lock_version INT NOT NULL);\n"
                + "CREATE TABLE other (id BIGINT PRIMARY KEY);\n"
                + "ALTER TABLE line ADD FOREIGN KEY (quantity) REFERENCES other (id);\n");
    assertThat(compilation).succeeded();
    assertThat(warnings(compilation)).isEqualTo(1);
    assertThat(compilation)
        .hadWarningContaining(
            Message.SCHEMA_TOUCH_NO_FOREIGN_KEY.format(
                "Line", "purchaseId", "Purchase", "LINE", "PURCHASE_ID", "PURCHASE", "ID",
                "V1__tables.sql", "PURCHASE_ID", "PURCHASE", "ID"))
        .inFile(line("    @Touch(Purchase.class) long purchaseId,"))
        .onLineContaining("@Touch(Purchase.class) long purchaseId,");
  }
}
