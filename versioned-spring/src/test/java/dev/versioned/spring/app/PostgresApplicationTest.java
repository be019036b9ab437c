package dev.versioned.spring.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.TestPropertySource;

/**
 * The test application on PostgreSQL (127.0.0.1:5432, database {@code test}), in its own schema
 * that Flyway creates and migrates. An unreachable server skips the class, or fails it with
 * {@code VERSIONED_REQUIRE_SERVERS=true}.
 */
@TestPropertySource(
    properties = {
      "spring.datasource.url=" + PostgresApplicationTest.URL,
      "spring.datasource.username=postgres",
      "spring.flyway.schemas=versioned_spring",
      "spring.flyway.default-schema=versioned_spring"
    })
class PostgresApplicationTest extends ApplicationTestBase {
  static final String URL =
      "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=versioned_spring";

  @BeforeAll
  static void serverIsUp() {
    try (Connection c =
        DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
      c.isValid(2);
    } catch (SQLException e) {
      String reason = "PostgreSQL at 127.0.0.1:5432 is not reachable: " + e.getMessage();
      if (Boolean.parseBoolean(System.getenv("VERSIONED_REQUIRE_SERVERS"))) {
        Assertions.fail(reason + " (VERSIONED_REQUIRE_SERVERS=true)");
      }
      Assumptions.abort(reason);
    }
  }
}
