package dev.versioned.processor.schema;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.versioned.processor.schema.MigrationConventionsTest.errors;
import static dev.versioned.processor.schema.SchemaVerificationTest.compile;
import static dev.versioned.processor.schema.SchemaVerificationTest.migrations;
import static dev.versioned.processor.schema.SchemaVerificationTest.source;

import com.google.testing.compile.Compilation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schema check on the real, unmodified migration folders and schema scripts of public
 * projects (Sakila, Quartz, Apache Guacamole, Netflix Conductor, Eclipse hawkBit), in the
 * PostgreSQL and MySQL dialects they are written in. They are test data kept outside the project,
 * in {@code ../shared/realworld-schemas} beside the repository (its {@code SOURCES.md} names the
 * repository, commit and path of each file). Where a project's tables have no lock column, a
 * second location of this module adds one, as a user of the project would, in a migration of
 * their own.
 *
 * <p>For each folder: records written from its tables compile with no error, and a planted
 * mistake is an error at its line, or, on a table that a statement the check cannot interpret may
 * have changed, a warning at its line that says so.
 */
class RealWorldSchemaTest {
  /** The corpus, relative to the repository root (the parent of this module's directory). */
  static Path corpus() {
    Path root = Paths.get("").toAbsolutePath().getParent();
    Path corpus = root.resolve("../shared/realworld-schemas").normalize();
    assertWithMessage(
            "the real-world schemas are missing: expected them in %s (a copy of shared/ beside the"
                + " repository); they are test data, not part of the project",
            corpus)
        .that(Files.isDirectory(corpus))
        .isTrue();
    return corpus;
  }

  /**
   * One folder of the corpus.
   *
   * @param folder its name in the corpus
   * @param dialect the dialect it is written in
   * @param own this module's location that adds a lock column, or null when the tables have one
   * @param good lines of a record that matches the schema
   * @param bad lines of a record with one mistake, on the line holding {@code mistake}
   * @param mistake a fragment of the line the mistake is on
   * @param expected the start of the diagnostic expected there
   * @param warned whether it is a warning (the table cannot be verified) rather than an error
   */
  record Case(
      String folder,
      String dialect,
      String own,
      String[] good,
      String[] bad,
      String mistake,
      String expected,
      boolean warned) {
    @Override
    public String toString() {
      return folder;
    }
  }

  private static String[] lines(String... lines) {
    return lines;
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        new Case(
            "sakila-pg", "POSTGRES", "realworld/sakila-pg",
            lines("@Versioned", "public record Actor(@Id int actorId, String firstName,",
                "    String lastName, LocalDateTime lastUpdate, int lockVersion) {}"),
            lines("@Versioned", "public record Actor(@Id int actorId,",
                "    @Column(\"firstname\") String firstName, String lastName, int lockVersion) {}"),
            "firstname",
            "[VersionedSchemaMissingColumn] component Actor.firstName maps to column \"firstname\"",
            false),
        new Case(
            "sakila-mysql", "MYSQL", "realworld/sakila-mysql",
            lines("@Versioned", "public record Actor(@Id long actorId, String firstName,",
                "    String lastName, LocalDateTime lastUpdate, int lockVersion) {}"),
            lines("@Versioned", "public record Actor(@Id long actorId, String firstName,",
                "    LocalDate lastName, int lockVersion) {}"),
            "LocalDate lastName",
            "[VersionedSchemaTypeMismatch] component Actor.lastName has type LocalDate, but column"
                + " actor.last_name is VARCHAR(45) (mysql-sakila-schema.sql)",
            false),
        new Case(
            "quartz-pg", "POSTGRES", "realworld/quartz-pg",
            lines("@Versioned(table = \"qrtz_triggers\")",
                "public record Trigger(@Id String schedName, @Id String triggerName,",
                "    @Id String triggerGroup, String jobName, String jobGroup, String triggerState,",
                "    Long nextFireTime, int lockVersion) {}"),
            lines("@Versioned(table = \"qrtz_triggers\")",
                "public record Trigger(@Id String schedName, @Id String triggerName,",
                "    String triggerGroup, String jobName, int lockVersion) {}"),
            "String triggerGroup",
            "[VersionedSchemaPrimaryNotKey] the primary key (sched_name, trigger_name,"
                + " trigger_group) of table qrtz_triggers",
            false),
        new Case(
            "quartz-mysql", "MYSQL", "realworld/quartz-mysql",
            lines("@Versioned(table = \"QRTZ_TRIGGERS\")",
                "public record Trigger(@Id String schedName, @Id String triggerName,",
                "    @Id String triggerGroup, String jobName, Long nextFireTime, byte[] jobData,",
                "    int lockVersion) {}"),
            lines("@Versioned(table = \"QRTZ_TRIGGERS\")",
                "public record Trigger(@Id String schedName, @Id String triggerName,",
                "    @Id String triggerGroup, String jobName,",
                "    @Version short lockVersion) {}"),
            "short lockVersion",
            "[VersionedSchemaVersionTooWide] version component Trigger.lockVersion is a short, but"
                + " column QRTZ_TRIGGERS.LOCK_VERSION is INTEGER",
            false),
        new Case(
            "guacamole-pg", "POSTGRES", "realworld/guacamole-pg",
            lines("@Versioned(table = \"guacamole_connection\")",
                "public record Connection(@Id int connectionId, String connectionName,",
                "    String protocol, Integer maxConnections, boolean failoverOnly,",
                "    int lockVersion) {}"),
            lines("@Versioned(table = \"guacamole_connection\")",
                "public record Connection(@Id int connectionId, String connectionName,",
                "    String maxConnections, int lockVersion) {}"),
            "String maxConnections",
            "[VersionedSchemaTypeMismatch] component Connection.maxConnections has type String,"
                + " but column guacamole_connection.max_connections is INTEGER",
            false),
        new Case(
            "conductor-pg", "POSTGRES", "realworld/conductor-pg",
            lines("@Versioned",
                "public record Workflow(@Id String workflowId, String correlationId,",
                "    String jsonData, LocalDateTime createdOn, long lockVersion) {}"),
            lines("@Versioned",
                "public record Workflow(@Id String workflowId, String correlationId,",
                "    int lockVersion) {}"),
            "int lockVersion",
            "[VersionedSchemaVersionTooWide] version component Workflow.lockVersion is an int, but"
                + " column workflow.lock_version is BIGINT (V100__lock_version.sql)",
            false),
        new Case(
            // V8 changes every primary key through procedures that build ALTER TABLEs as text:
            // those tables cannot be verified, and their mistakes are warnings.
            "conductor-mysql", "MYSQL", "realworld/conductor-mysql",
            lines("@Versioned",
                "public record Workflow(@Id String workflowId, String correlationId,",
                "    String jsonData, long lockVersion) {}"),
            lines("@Versioned",
                "public record Workflow(@Id String workflowId, String correlationId,",
                "    int lockVersion) {}"),
            "int lockVersion",
            "[VersionedSchemaUnverified] record Workflow: could not verify table workflow because"
                + " of migration V8__update_pk.sql, line ",
            true),
        new Case(
            "hawkbit-pg", "POSTGRES", null,
            lines("@Versioned(table = \"sp_target\")",
                "public record Target(@Id long id, String tenant, String name, String controllerId,",
                "    Long lastModifiedAt, Integer updateStatus, @Version Long optlockRevision) {}"),
            lines("@Versioned(table = \"sp_target\")",
                "public record Target(@Id long id, String tenant, String name,",
                "    @Version Integer optlockRevision) {}"),
            "Integer optlockRevision",
            "[VersionedSchemaVersionTooWide] version component Target.optlockRevision is an"
                + " Integer, but column sp_target.optlock_revision is BIGINT"
                + " (B1_20_0__1.0.0_baseline__POSTGRESQL.sql)",
            false),
        new Case(
            "hawkbit-mysql", "MARIADB", null,
            lines("@Versioned(table = \"sp_distribution_set\")",
                "public record DistributionSet(@Id long id, String tenant, String name,",
                "    String version, boolean locked, Long dsType, @Version Long optlockRevision) {}"),
            lines("@Versioned(table = \"sp_distribution_set\")",
                "public record DistributionSet(@Id long id, String tenant, String name,",
                "    String dsType, @Version Long optlockRevision) {}"),
            "String dsType",
            "[VersionedSchemaTypeMismatch] component DistributionSet.dsType has type String, but"
                + " column sp_distribution_set.ds_type is BIGINT",
            false))
        .map(Arguments::of);
  }

  private static String schema(Case c) {
    String folder = corpus().resolve(c.folder()).toString();
    return c.own() == null ? folder : folder + "," + migrations(c.own());
  }

  private static String recordName(String[] lines) {
    String declaration = String.join(" ", lines);
    int at = declaration.indexOf("record ") + "record ".length();
    return declaration.substring(at, declaration.indexOf('(', at));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void correctRecordsCompileWithoutErrors(Case c) {
    JavaFileObject good = source(recordName(c.good()), c.good());
    Compilation compilation = compile(schema(c), c.dialect(), good);
    assertThat(compilation).succeeded();
    assertThat(errors(compilation)).isEqualTo(0);
    assertThat(compilation).generatedSourceFile("p." + recordName(c.good()) + "Repository");
    if (!c.warned()) {
      // A verified table: not even a warning at the record.
      assertThat(compilation.warnings().stream().filter(w -> w.getSource() != null).count())
          .isEqualTo(0);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aPlantedMistakeIsCaughtAtItsLine(Case c) {
    JavaFileObject bad = source(recordName(c.bad()), c.bad());
    Compilation compilation = compile(schema(c), c.dialect(), bad);
    long line = dev.versioned.processor.TestCompilerAccess.lineOf(bad, c.mistake());
    if (c.warned()) {
      assertThat(compilation).hadWarningContaining(c.expected()).inFile(bad).onLine(line);
      assertThat(errors(compilation)).isEqualTo(0);
    } else {
      assertThat(compilation).hadErrorContaining(c.expected()).inFile(bad).onLine(line);
      assertThat(errors(compilation)).isEqualTo(1);
    }
  }
}
