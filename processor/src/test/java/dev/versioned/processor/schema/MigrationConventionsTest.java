package dev.versioned.processor.schema;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.versioned.processor.schema.SchemaVerificationTest.compile;
import static dev.versioned.processor.schema.SchemaVerificationTest.migrations;
import static dev.versioned.processor.schema.SchemaVerificationTest.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.versioned.processor.Message;
import dev.versioned.processor.VersionedProcessor;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The conventions of real migration folders: Flyway's baselines, placeholders, repeatable and undo
 * migrations and several locations; Liquibase's formatted SQL; statements jOOQ cannot read, which
 * are skipped, rewritten or warned about, never a false error.
 */
class MigrationConventionsTest {
  static long errors(Compilation compilation) {
    return compilation.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .count();
  }

  static Compilation compileWith(List<String> options, JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new VersionedProcessor()).withOptions(options).compile(sources);
  }

  // ------------------------------------------------------------------------------------ Flyway

  @Test
  void theLatestBaselineReplacesTheVersionsItCovers() {
    // V1 made title VARCHAR(10) without a version; B2 says the schema as of 2; V2 is not applied
    // (it would add lock_version twice); V3 adds body; U3 undoes V3 and is skipped.
    JavaFileObject doc =
        source(
            "Doc",
            "@Versioned",
            "public record Doc(long id, String title, String body, int lockVersion) {}");
    assertThat(compile(migrations("flyway/baseline").toString(), "POSTGRES", doc))
        .succeededWithoutWarnings();
    JavaFileObject wrong =
        source(
            "Doc",
            "@Versioned",
            "public record Doc(long id,",
            "    int title,",
            "    String body, int lockVersion) {}");
    assertThat(compile(migrations("flyway/baseline").toString(), "POSTGRES", wrong))
        .hadErrorContaining(
            Message.SCHEMA_TYPE_MISMATCH.format(
                "Doc", "title", "int", "doc.title", "VARCHAR(200)", "B2__baseline.sql", "an int",
                TypeCompatibility.requirement("INTEGER")))
        .inFile(wrong)
        .onLine(6);
  }

  @Test
  void placeholdersTakeTheirOptionValueOrANeutralOne() {
    String folder = migrations("flyway/placeholders").toString();
    JavaFileObject note =
        source("Note", "@Versioned", "public record Note(long id,", "    String body, int lockVersion) {}");
    // Without values: the schema qualifier is dropped, ${textType} is an unknown type, unchecked.
    assertThat(compile(folder, "POSTGRES", note)).succeededWithoutWarnings();
    // With values: the column is BIGINT, so a String does not fit.
    Compilation typed =
        compileWith(
            List.of(
                "-Aversioned.schema=" + folder,
                "-Aversioned.dialect=POSTGRES",
                "-Aversioned.placeholders=textType=BIGINT, reader=app_reader"),
            note);
    assertThat(typed)
        .hadErrorContaining(
            Message.SCHEMA_TYPE_MISMATCH.format(
                "Note", "body", "String", "note.body", "BIGINT", "V1__init.sql", "a String",
                TypeCompatibility.requirement("VARCHAR")))
        .inFile(note)
        .onLine(6);
  }

  @Test
  void aPlaceholderOptionThatIsNoPairIsAnError() {
    JavaFileObject note =
        source("Note", "@Versioned", "public record Note(long id, int lockVersion) {}");
    Compilation compilation =
        compileWith(List.of("-Aversioned.placeholders=schema=app,oops"), note);
    assertThat(compilation)
        .hadErrorContaining(
            Message.OPTION_PLACEHOLDERS.format("schema=app,oops", "oops"));
  }

  @Test
  void severalLocationsMergeIntoOneVersionOrder() {
    // The versioned migrations of every location first, then the other scripts.
    String both = migrations("dialects/pg") + ", " + migrations("liquibase/formatted");
    JavaFileObject doc =
        source("Task", "@Versioned", "public record Task(long id, String title, int lockVersion) {}");
    JavaFileObject item =
        source(
            "Item",
            "@Versioned",
            "public record Item(long id, java.math.BigDecimal price, int lockVersion) {}");
    assertThat(compile(both, "POSTGRES", doc, item)).succeededWithoutWarnings();
  }

  // --------------------------------------------------------------------------------- Liquibase

  @Test
  void liquibaseFormattedSqlIsReadChangesetByChangeset() {
    // changeset 2 is for H2 only; changeset 3 has its own delimiter and renames name to title.
    JavaFileObject task =
        source("Task", "@Versioned", "public record Task(long id, String title, int lockVersion) {}");
    assertThat(compile(migrations("liquibase/formatted").toString(), "POSTGRES", task))
        .succeededWithoutWarnings();
    JavaFileObject h2Only =
        source(
            "Task",
            "@Versioned",
            "public record Task(long id, String title,",
            "    Integer onlyOnH2, int lockVersion) {}");
    assertThat(compile(migrations("liquibase/formatted").toString(), "POSTGRES", h2Only))
        .hadErrorContaining("[VersionedSchemaMissingColumn] component Task.onlyOnH2")
        .inFile(h2Only)
        .onLine(6);
  }

  @Test
  void liquibaseXmlChangelogsAreReportedAsNotRead() {
    JavaFileObject t = source("T", "@Versioned", "public record T(long id, int lockVersion) {}");
    String folder = migrations("liquibase/xml").toString();
    Compilation compilation = compile(folder, null, t);
    assertThat(compilation)
        .hadErrorContaining(
            Message.SCHEMA_CHANGELOG.format(
                migrations("liquibase/xml").resolve("db.changelog-master.xml"), "XML"));
    assertThat(errors(compilation)).isEqualTo(1);
  }

  // ------------------------------------------------------------- statements jOOQ cannot read

  @Test
  void mysqlChangeAndModifyAreInterpretedAndTheRestSkipped() {
    // V1: DML and a trigger between DELIMITERs, skipped; V2: CHANGE renames label to title and
    // makes it VARCHAR(200) NOT NULL, MODIFY makes created_on a NOT NULL TIMESTAMP.
    JavaFileObject queue =
        source(
            "Queue",
            "@Versioned",
            "public record Queue(long id, String title, LocalDateTime createdOn, int lockVersion) {}");
    Compilation compilation = compile(migrations("dialects/mysql").toString(), "MYSQL", queue);
    assertThat(compilation).succeeded();
    assertThat(compilation.warnings().stream().filter(w -> w.getSource() != null).count())
        .isEqualTo(0);
    JavaFileObject old =
        source(
            "Queue",
            "@Versioned",
            "public record Queue(long id,",
            "    String label, int lockVersion) {}");
    assertThat(compile(migrations("dialects/mysql").toString(), "MYSQL", old))
        .hadErrorContaining(
            Message.SCHEMA_MISSING_COLUMN.format(
                "Queue", "label", "label", "queue", "V2__change.sql", ""))
        .inFile(old)
        .onLine(6);
  }

  @Test
  void aTableShapingStatementJooqCannotReadIsAWarningAndItsTableIsCheckedAsWarnings() {
    String folder = migrations("dialects/mysql").toString();
    JavaFileObject audit =
        source(
            "Audit",
            "@Versioned",
            "public record Audit(long id,",
            "    String amount, int lockVersion) {}");
    JavaFileObject queue =
        source(
            "Queue",
            "@Versioned",
            "public record Queue(long id,",
            "    int title, LocalDateTime createdOn, int lockVersion) {}");
    Compilation compilation = compile(folder, "MYSQL", audit, queue);
    String statement = "ALTER TABLE audit ADD COLUMN amount DECIMAL(10,2) WIBBLE WOBBLE";
    assertThat(compilation)
        .hadWarningContaining(
            "[VersionedSchemaParse] jOOQ cannot parse migration V3__unknowable.sql, line 3,"
                + " statement `" + statement + "`: ");
    assertThat(compilation)
        .hadWarningContaining(
            "(with -Aversioned.dialect=MYSQL); the checks of table audit are warnings from here on");
    // The missing column of audit is a warning that says why...
    assertThat(compilation)
        .hadWarningContaining(
            Message.SCHEMA_UNVERIFIED.format(
                "Audit",
                "audit",
                "V3__unknowable.sql, line 3 (`" + statement + "`)",
                Message.SCHEMA_MISSING_COLUMN.format(
                    "Audit", "amount", "amount", "audit", "V3__unknowable.sql", "")))
        .inFile(audit)
        .onLine(6);
    // ...and queue, which no such statement touched, is still checked with errors.
    assertThat(compilation)
        .hadErrorContaining("[VersionedSchemaTypeMismatch] component Queue.title")
        .inFile(queue)
        .onLine(6);
    assertThat(errors(compilation)).isEqualTo(1);
  }

  @Test
  void dynamicDdlIsAWarningAndItsTableIsCheckedAsWarnings() {
    JavaFileObject log =
        source("Log", "@Versioned", "public record Log(long id,", "    String note, int lockVersion) {}");
    Compilation compilation = compile(migrations("dialects/mysql").toString(), "MYSQL", log);
    assertThat(compilation)
        .hadWarningContaining(
            Message.SCHEMA_DYNAMIC.format(
                "V3__unknowable.sql",
                4,
                "SET @stmt := 'ALTER TABLE log ADD COLUMN note VARCHAR(20)'",
                "table log"));
    assertThat(compilation)
        .hadWarningContaining("[VersionedSchemaUnverified] record Log: could not verify table log")
        .inFile(log)
        .onLine(6);
    assertThat(errors(compilation)).isEqualTo(0);
  }

  @Test
  void postgresUsingAndSkippedStatements() {
    // V1: a concurrent index, a comment, a function and a DO block, all skipped unparsed;
    // V2: ALTER ... TYPE ... USING retypes price to NUMERIC.
    JavaFileObject item =
        source(
            "Item",
            "@Versioned",
            "public record Item(long id,",
            "    String price, int lockVersion) {}");
    assertThat(compile(migrations("dialects/pg").toString(), "POSTGRES", item))
        .hadErrorContaining(
            Message.SCHEMA_TYPE_MISMATCH.format(
                "Item", "price", "String", "item.price", "NUMERIC(10, 2)", "V2__retype.sql",
                "a String", TypeCompatibility.requirement("VARCHAR")))
        .inFile(item)
        .onLine(6);
  }
}
