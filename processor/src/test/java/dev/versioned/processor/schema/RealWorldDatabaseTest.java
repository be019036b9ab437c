package dev.versioned.processor.schema;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.versioned.processor.schema.MigrationConventionsTest.errors;
import static dev.versioned.processor.schema.SchemaVerificationTest.compile;
import static dev.versioned.processor.schema.SchemaVerificationTest.migrations;
import static dev.versioned.processor.schema.SchemaVerificationTest.source;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.versioned.StaleRecordException;
import dev.versioned.processor.CompiledClasses;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The real migration folders loaded, unchanged, into the PostgreSQL and MariaDB servers (a private
 * schema or database each, dropped afterwards), statement by statement in Flyway's order as the
 * migration tool would run them, and the repositories generated against the same folders used on
 * them: what the schema check accepted works at run time. Conductor's MySQL folder is the one whose
 * primary keys change through procedures: the check could only warn, and the table is as the
 * database says.
 *
 * <p>Servers from {@code VERSIONED_PG_URL}/{@code _USER}/{@code _PASSWORD} and {@code
 * VERSIONED_MARIADB_URL}/..., as the integration tests take them; a server that does not answer
 * skips its test with the reason, or fails it with {@code VERSIONED_REQUIRE_SERVERS=true}.
 */
class RealWorldDatabaseTest {
  private static final String WORKFLOW_LINES =
      "public record Workflow(@Id String workflowId, String correlationId, String jsonData,"
          + " long lockVersion) {}";

  @Test
  void conductorOnPostgres() throws Exception {
    String url = env("VERSIONED_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    String user = env("VERSIONED_PG_USER", "postgres");
    String password = env("VERSIONED_PG_PASSWORD", "");
    String schema = "versioned_rw_" + ProcessHandle.current().pid();
    try (Connection admin = connect(url, user, password)) {
      try (Statement s = admin.createStatement()) {
        s.execute("CREATE SCHEMA " + schema);
      }
      try {
        try (Connection c = connect(url, user, password)) {
          try (Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + schema);
          }
          roundTrip(c, SQLDialect.POSTGRES, "conductor-pg", "realworld/conductor-pg", false);
        }
      } finally {
        try (Statement s = admin.createStatement()) {
          s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
      }
    }
  }

  @Test
  void conductorOnMariadb() throws Exception {
    String url = env("VERSIONED_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
    String user = env("VERSIONED_MARIADB_USER", "root");
    String password = env("VERSIONED_MARIADB_PASSWORD", "");
    String database = "versioned_rw_" + ProcessHandle.current().pid();
    try (Connection admin = connect(url, user, password)) {
      try (Statement s = admin.createStatement()) {
        s.execute("CREATE DATABASE " + database);
      }
      try {
        try (Connection c = connect(url, user, password)) {
          c.setCatalog(database);
          roundTrip(c, SQLDialect.MARIADB, "conductor-mysql", "realworld/conductor-mysql", true);
        }
      } finally {
        try (Statement s = admin.createStatement()) {
          s.execute("DROP DATABASE " + database);
        }
      }
    }
  }

  /** Migrates, compiles the record against the same folders, and writes through the repository. */
  private static void roundTrip(
      Connection c, SQLDialect dialect, String folder, String own, boolean mysql) throws Exception {
    Path corpus = RealWorldSchemaTest.corpus().resolve(folder);
    List<MigrationFiles.Migration> files =
        MigrationFiles.list(List.of(corpus, migrations(own)));
    for (MigrationFiles.Migration m : files) {
      String text = new String(Files.readAllBytes(m.path()), StandardCharsets.UTF_8);
      for (SqlScript.Statement statement : SqlScript.split(text, mysql, "")) {
        try (Statement s = c.createStatement()) {
          s.execute(statement.sql());
        } catch (SQLException e) {
          throw new AssertionError(
              m.display() + ", line " + statement.line() + ": " + e.getMessage(), e);
        }
      }
    }

    JavaFileObject workflow = source("Workflow", "@Versioned", WORKFLOW_LINES);
    Compilation compilation =
        compile(corpus + "," + migrations(own), dialect.name(), workflow);
    assertThat(compilation).succeeded();
    assertThat(errors(compilation)).isEqualTo(0);

    ClassLoader loader = CompiledClasses.loader(compilation);
    Class<?> recordType = loader.loadClass("p.Workflow");
    Class<?> repositoryType = loader.loadClass("p.WorkflowRepository");
    DSLContext dsl = DSL.using(c, dialect);
    Object repository = repositoryType.getConstructor(DSLContext.class).newInstance(dsl);
    Object fresh =
        recordType
            .getDeclaredConstructors()[0]
            .newInstance("w-1", "order-7", "{\"status\":\"RUNNING\"}", 0L);

    call(repository, "insert", fresh);
    Optional<?> found = (Optional<?>) call(repository, "findById", "w-1");
    assertThat(found.orElseThrow()).isEqualTo(fresh);
    Object changed = withJson(recordType, fresh, "{\"status\":\"COMPLETED\"}");
    Object updated = call(repository, "update", changed);
    assertThat(component(updated, "lockVersion")).isEqualTo(1L);
    // The stale copy (version 0) is refused, and the row keeps the first update.
    assertThrows(StaleRecordException.class, () -> call(repository, "update", changed));
    assertThat(((Optional<?>) call(repository, "findById", "w-1")).orElseThrow())
        .isEqualTo(updated);
  }

  private static Object withJson(Class<?> type, Object record, String json) throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] =
          components[i].getName().equals("jsonData")
              ? json
              : components[i].getAccessor().invoke(record);
    }
    return type.getDeclaredConstructors()[0].newInstance(values);
  }

  private static Object component(Object record, String name) throws Exception {
    return record.getClass().getMethod(name).invoke(record);
  }

  private static Object call(Object target, String name, Object argument) throws Exception {
    for (Method m : target.getClass().getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == 1) {
        try {
          return m.invoke(target, argument);
        } catch (InvocationTargetException e) {
          if (e.getCause() instanceof Exception) {
            throw (Exception) e.getCause();
          }
          throw e;
        }
      }
    }
    throw new NoSuchMethodException(name);
  }

  private static Connection connect(String url, String user, String password) {
    try {
      return DriverManager.getConnection(url, user, password);
    } catch (SQLException e) {
      String reason = url + " does not answer: " + e.getMessage();
      if (Boolean.parseBoolean(env("VERSIONED_REQUIRE_SERVERS", "false"))) {
        Assertions.fail(reason + " (VERSIONED_REQUIRE_SERVERS=true)");
      }
      Assumptions.abort(reason);
      throw new AssertionError(reason);
    }
  }

  private static String env(String name, String fallback) {
    Map<String, String> env = System.getenv();
    return env.getOrDefault(name, fallback);
  }
}
