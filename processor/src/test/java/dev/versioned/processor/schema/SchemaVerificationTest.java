package dev.versioned.processor.schema;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.versioned.processor.Message;
import dev.versioned.processor.VersionedProcessor;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code -Aversioned.schema}: each diagnostic at its line, against the migrations under {@code
 * src/test/resources/migrations}. {@code app} is a Flyway folder for PostgreSQL whose later
 * migrations rename, retype and drop what V1 created.
 */
class SchemaVerificationTest {
  private static final String APP = "app";

  static Path migrations(String name) {
    try {
      return Paths.get(SchemaVerificationTest.class.getResource("/migrations/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Compilation compile(String schema, String dialect, JavaFileObject... sources) {
    List<String> options = new ArrayList<>();
    if (schema != null) {
      options.add("-Aversioned.schema=" + schema);
    }
    if (dialect != null) {
      options.add("-Aversioned.dialect=" + dialect);
    }
    return Compiler.javac()
        .withProcessors(new VersionedProcessor())
        .withOptions(options)
        .compile(sources);
  }

  static Compilation compileApp(JavaFileObject... sources) {
    return compile(migrations(APP).toString(), "POSTGRES", sources);
  }

  /** A record in package {@code p}; line 1 is the package, imports follow, the record last. */
  static JavaFileObject source(String name, String... lines) {
    List<String> all = new ArrayList<>();
    all.add("package p;");
    all.add("import dev.versioned.*;");
    all.add("import java.time.*;");
    all.addAll(List.of(lines));
    return JavaFileObjects.forSourceLines("p." + name, all);
  }

  private static long errors(Compilation compilation) {
    return compilation.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .count();
  }

  // ------------------------------------------------------------------------------- the happy path

  @Test
  void matchingRecordsCompileAndMigrationsApplyInVersionOrder() {
    // nine: VARCHAR in V9, BIGINT in V10; seq: VARCHAR in V1_9, INT in V1_10, a column in V2.
    // Were V10 applied before V9 (or V1_10 before V1_9), jOOQ would find no table to alter.
    JavaFileObject nine = source("Nine", "@Versioned", "public record Nine(long id, long lockVersion) {}");
    JavaFileObject seq =
        source("Seq", "@Versioned", "public record Seq(long id, String note, int lockVersion) {}");
    JavaFileObject account =
        source(
            "Account",
            "@Versioned",
            "public record Account(long id, LocalDate owner, long lockVersion) {}");
    JavaFileObject membership =
        source(
            "Membership",
            "@Versioned",
            "public record Membership(",
            "    @Id long orgId, @Id String userName, String role, int lockVersion) {}");
    JavaFileObject post =
        source(
            "Post",
            "@Versioned",
            "public record Post(long id, String title, String body, int views,",
            "    @Version int version) {}");
    Compilation compilation = compileApp(nine, seq, account, membership, post);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.NineRepository");
    assertThat(compilation).generatedSourceFile("p.PostRepository");
  }

  // ---------------------------------------------------------------------------- missing things

  @Test
  void missingTableSuggestsTheNearestOne() {
    JavaFileObject posts =
        source("Posts", "@Versioned", "public record Posts(long id, int lockVersion) {}");
    Compilation compilation = compileApp(posts);
    assertThat(compilation)
        .hadErrorContaining(
            Message.SCHEMA_MISSING_TABLE.format("Posts", "posts", " (did you mean \"post\"?)"))
        .inFile(posts)
        .onLine(4);
    assertThat(errors(compilation)).isEqualTo(1);
  }

  @Test
  void droppedTableNamesTheMigrationThatDroppedIt() {
    JavaFileObject gone =
        source(
            "Gone",
            "@Versioned(table = \"gone\")",
            "public record Gone(long id, int lockVersion) {}");
    Compilation compilation = compileApp(gone);
    assertThat(compilation)
        .hadErrorContaining(
            Message.SCHEMA_MISSING_TABLE.format(
                "Gone", "gone", " (V3__drop_gone.sql dropped or renamed table gone)"))
        .inFile(gone)
        .onLine(4);
  }

  @Test
  void renamedColumnIsMissingAndTheNewNameSuggested() {
    JavaFileObject post =
        source(
            "Post",
            "@Versioned",
            "public record Post(long id, String title, String body, int views,",
            "    int lockVersion) {}");
    Compilation compilation = compileApp(post);
    assertThat(compilation)
        .hadErrorContaining(
            Message.SCHEMA_MISSING_COLUMN.format(
                "Post",
                "lockVersion",
                "lock_version",
                "post",
                "V2__rename_and_retype.sql",
                "; did you mean \"version\"?"))
        .inFile(post)
        .onLine(6);
    assertThat(errors(compilation)).isEqualTo(1);
  }

  @Test
  void missingColumnNamedByColumnAnnotation() {
    JavaFileObject post =
        source(
            "Post",
            "@Versioned",
            "public record Post(long id,",
            "    @Column(\"titel\") String title,",
            "    @Version int version) {}");
    Compilation compilation = compileApp(post);
    assertThat(compilation)
        .hadErrorContaining(
            Message.SCHEMA_MISSING_COLUMN.format(
                "Post", "title", "titel", "post", "V2__rename_and_retype.sql",
                "; did you mean \"title\"?"))
        .inFile(post)
        .onLine(6);
  }

  // ------------------------------------------------------------------------------------ version

  @Test
  void versionColumnOfTextType() {
    JavaFileObject source =
        source(
            "TextVersion",
            "@Versioned",
            "public record TextVersion(long id,",
            "    long lockVersion) {}");
    assertThat(compileApp(source))
        .hadErrorContaining(
            Message.SCHEMA_VERSION_NOT_INTEGER.format(
                "TextVersion", "lockVersion", "text_version.lock_version", "VARCHAR(10)",
                "V1__init.sql"))
        .inFile(source)
        .onLine(6);
  }

  @Test
  void versionColumnWiderThanTheComponent() {
    JavaFileObject source =
        source(
            "Account",
            "@Versioned",
            "public record Account(long id, LocalDate owner,",
            "    int lockVersion) {}");
    assertThat(compileApp(source))
        .hadErrorContaining(
            Message.SCHEMA_VERSION_TOO_WIDE.format(
                "Account", "lockVersion", "an int", "account.lock_version", "BIGINT",
                "V1__init.sql", "an int", "make the component long, or the column INTEGER"))
        .inFile(source)
        .onLine(6);
  }

  @Test
  void nullableVersionColumnForAPrimitive() {
    JavaFileObject primitive =
        source("Legacy", "@Versioned", "public record Legacy(long id,", "    int lockVersion) {}");
    assertThat(compileApp(primitive))
        .hadErrorContaining(
            Message.SCHEMA_VERSION_NULLABLE.format(
                "Legacy", "lockVersion", "int", "legacy.lock_version", "INTEGER", "V1__init.sql",
                "Integer"))
        .inFile(primitive)
        .onLine(6);
    JavaFileObject boxed =
        source("Legacy", "@Versioned", "public record Legacy(long id, Integer lockVersion) {}");
    assertThat(compileApp(boxed)).succeededWithoutWarnings();
  }

  // ------------------------------------------------------------------------------ column types

  @Test
  void stringOnAColumnRetypedToDate() {
    JavaFileObject source =
        source(
            "Account",
            "@Versioned",
            "public record Account(long id,",
            "    String owner,",
            "    long lockVersion) {}");
    assertThat(compileApp(source))
        .hadErrorContaining(
            Message.SCHEMA_TYPE_MISMATCH.format(
                "Account", "owner", "String", "account.owner", "DATE",
                "V2__rename_and_retype.sql", "a String", TypeCompatibility.requirement("VARCHAR")))
        .inFile(source)
        .onLine(6);
  }

  @Test
  void intOnAVarcharColumn() {
    JavaFileObject source =
        source(
            "Membership",
            "@Versioned",
            "public record Membership(@Id long orgId, @Id String userName,",
            "    int role,",
            "    int lockVersion) {}");
    assertThat(compileApp(source))
        .hadErrorContaining(
            Message.SCHEMA_TYPE_MISMATCH.format(
                "Membership", "role", "int", "membership.role", "VARCHAR(10)", "V1__init.sql",
                "an int", TypeCompatibility.requirement("INTEGER")))
        .inFile(source)
        .onLine(6);
  }

  @Test
  void convertedComponentIsCheckedByItsDatabaseType() {
    JavaFileObject money =
        JavaFileObjects.forSourceLines(
            "p.Money",
            "package p;",
            "public record Money(long cents) {",
            "  public static final class Cents implements org.jooq.Converter<Long, Money> {",
            "    public Cents() {}",
            "    @Override public Money from(Long l) { return l == null ? null : new Money(l); }",
            "    @Override public Long to(Money m) { return m == null ? null : m.cents(); }",
            "    @Override public Class<Long> fromType() { return Long.class; }",
            "    @Override public Class<Money> toType() { return Money.class; }",
            "  }",
            "}");
    JavaFileObject shipment =
        source(
            "Shipment",
            "@Versioned",
            "public record Shipment(java.util.UUID id,",
            "    @Convert(Money.Cents.class) Money price,",
            "    int lockVersion) {}");
    assertThat(compileApp(money, shipment))
        .hadErrorContaining(
            Message.SCHEMA_TYPE_MISMATCH.format(
                "Shipment", "price", "Money (stored by Money.Cents as Long)", "shipment.price",
                "VARCHAR(20)", "V1__init.sql", "a Long", TypeCompatibility.requirement("BIGINT")))
        .inFile(shipment)
        .onLine(6);
  }

  @Test
  void enumConstantLongerThanTheColumn() {
    JavaFileObject status =
        JavaFileObjects.forSourceLines("p.Status", "package p;", "public enum Status { NEW, SHIPPED }");
    JavaFileObject shipment =
        source(
            "Shipment",
            "@Versioned",
            "public record Shipment(java.util.UUID id,",
            "    Status status,",
            "    int lockVersion) {}");
    assertThat(compileApp(status, shipment))
        .hadErrorContaining(
            Message.SCHEMA_ENUM_VALUES.format(
                "Shipment", "status", "Status", "shipment.status", "VARCHAR(3)", "V1__init.sql",
                "SHIPPED (7 characters)", "widen the column to at least 7 characters"))
        .inFile(shipment)
        .onLine(6);
  }

  @Test
  void primitiveOnANullableColumnIsAWarning() {
    JavaFileObject shipment =
        source(
            "Shipment",
            "@Versioned",
            "public record Shipment(java.util.UUID id,",
            "    int weight,",
            "    int lockVersion) {}");
    Compilation compilation = compileApp(shipment);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            Message.SCHEMA_NULLABLE_PRIMITIVE.format(
                "Shipment", "weight", "int", "shipment.weight", "INTEGER", "V1__init.sql",
                "Integer"))
        .inFile(shipment)
        .onLine(6);
    assertThat(compilation).generatedSourceFile("p.ShipmentRepository");
  }

  // ---------------------------------------------------------------------------------------- key

  @Test
  void keyComponentOutsideThePrimaryKey() {
    JavaFileObject source =
        source(
            "Membership",
            "@Versioned",
            "public record Membership(@Id long orgId, @Id String userName,",
            "    @Id String role,",
            "    int lockVersion) {}");
    assertThat(compileApp(source))
        .hadErrorContaining(
            Message.SCHEMA_KEY_NOT_PRIMARY.format(
                "Membership", "role", "role", "org_id, user_name", "membership", "V1__init.sql"))
        .inFile(source)
        .onLine(6);
  }

  @Test
  void primaryKeyColumnWithoutAKeyComponent() {
    JavaFileObject source =
        source(
            "Membership",
            "@Versioned",
            "public record Membership(@Id long orgId,",
            "    String userName,",
            "    String role, int lockVersion) {}");
    assertThat(compileApp(source))
        .hadErrorContaining(
            Message.SCHEMA_PRIMARY_NOT_KEY.format(
                "org_id, user_name", "membership", "V1__init.sql", "user_name", "Membership",
                "annotate component userName with @Id (and every other key component)"))
        .inFile(source)
        .onLine(6);
  }

  @Test
  void tableWithoutPrimaryKey() {
    JavaFileObject source =
        source("NoKey", "@Versioned", "public record NoKey(long id, int lockVersion) {}");
    assertThat(compileApp(source))
        .hadErrorContaining(
            Message.SCHEMA_NO_PRIMARY_KEY.format(
                "NoKey", "column id", "no_key", "V1__init.sql", "id"))
        .inFile(source)
        .onLine(4);
  }

  // ------------------------------------------------------------------------------------- names

  @Test
  void unquotedNamesMatchIgnoringCaseQuotedOnesDoNot() {
    String schema = migrations("h2-names.sql").toString();
    JavaFileObject post =
        source("Post", "@Versioned", "public record Post(long id, int lockVersion) {}");
    assertThat(compile(schema, "H2", post)).succeededWithoutWarnings();
    JavaFileObject quoted =
        source("Quoted", "@Versioned", "public record Quoted(long id, int lockVersion) {}");
    assertThat(compile(schema, "H2", quoted))
        .hadErrorContaining(
            Message.SCHEMA_MISSING_TABLE.format("Quoted", "quoted", " (did you mean \"Quoted\"?)"))
        .inFile(quoted)
        .onLine(4);
  }

  // ----------------------------------------------------------------------- broken migrations

  @Test
  void unparseableMigrationIsAWarningAndItsTableIsCheckedAsWarnings() {
    JavaFileObject post =
        source("Post", "@Versioned", "public record Post(long id, int lockVersion) {}");
    JavaFileObject frob =
        source("Frob", "@Versioned", "public record Frob(long id,", "    int lockVersion) {}");
    Compilation compilation =
        compile(migrations("unparseable").toString(), "POSTGRES", post, frob);
    String statement = "CREATE TABLE frob (id BIGINT PRIMARY KEY, x WIBBLE WOBBLE)";
    assertThat(compilation)
        .hadWarningContaining(
            Message.SCHEMA_PARSE.format(
                "V2__broken.sql", 3, statement, "Token ')' expected", "POSTGRES", "table frob"));
    // frob is not in the schema, but a statement that would create it could not be read: the
    // missing table is a warning that says why, never a false error.
    assertThat(compilation)
        .hadWarningContaining(
            Message.SCHEMA_UNVERIFIED.format(
                "Frob",
                "frob",
                "V2__broken.sql, line 3 (`" + statement + "`)",
                Message.SCHEMA_MISSING_TABLE.format("Frob", "frob", "")))
        .inFile(frob)
        .onLine(4);
    // post, which the statement does not touch, is checked as before.
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("p.PostRepository");
  }

  @Test
  void migrationThatJooqCannotApplyIsAWarning() {
    JavaFileObject post =
        source("Post", "@Versioned", "public record Post(long id, int lockVersion) {}");
    Compilation compilation = compile(migrations("uninterpretable").toString(), null, post);
    assertThat(compilation)
        .hadWarningContaining(
            Message.SCHEMA_INTERPRET.format(
                "V2__alter_missing.sql",
                2,
                "ALTER TABLE nope ADD COLUMN x INT",
                "Table does not exist: nope",
                "table nope"));
    assertThat(errors(compilation)).isEqualTo(0);
  }

  @Test
  void relativePathResolvesAgainstTheProjectDirectory() {
    // In memory there is no class output on disk: the fallback is the working directory, which
    // Surefire sets to this module's directory.
    JavaFileObject nine =
        source("Nine", "@Versioned", "public record Nine(long id, long lockVersion) {}");
    assertThat(compile("src/test/resources/migrations/app", "POSTGRES", nine))
        .succeededWithoutWarnings();
  }

  @Test
  void missingSchemaPath() {
    JavaFileObject post =
        source("Post", "@Versioned", "public record Post(long id, int lockVersion) {}");
    Path missing = migrations(APP).resolveSibling("no-such-folder");
    Compilation compilation = compile(missing.toString(), null, post);
    assertThat(compilation)
        .hadErrorContaining(Message.SCHEMA_NOT_FOUND.format(missing, missing));
    assertThat(errors(compilation)).isEqualTo(1);
  }

  @Test
  void folderWithoutSqlFiles() {
    JavaFileObject post =
        source("Post", "@Versioned", "public record Post(long id, int lockVersion) {}");
    Path empty = migrations("empty");
    assertThat(compile(empty.toString(), null, post))
        .hadErrorContaining(Message.SCHEMA_EMPTY.format(empty, empty));
  }

  @Test
  void unknownDialectListsTheValidOnes() {
    JavaFileObject post =
        source("Post", "@Versioned", "public record Post(long id, int lockVersion) {}");
    Compilation compilation = compile(null, "ORACLE", post);
    assertThat(compilation).hadErrorContaining("[VersionedOption] -Aversioned.dialect=ORACLE is not"
        + " a valid value: use one of DEFAULT, ");
    assertThat(compilation).hadErrorContaining("H2, HSQLDB");
    assertThat(compilation).hadErrorContaining("MARIADB, MYSQL, POSTGRES, SQLITE");
  }
}
