package dev.versioned.sampleweb;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two HTTP clients on PostgreSQL, started as a user would: {@code --spring.datasource.url} and
 * {@code --spring.datasource.username}, in a schema of this JVM's own.
 */
@ExtendWith(Available.Postgres.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresApiConflictTest extends ApiConflictTestBase {
  @BeforeAll
  static void schema() {
    Servers.createPostgresSchema();
  }

  @AfterAll
  static void dropSchema() {
    Servers.dropPostgresSchema();
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url", () -> Servers.POSTGRES + "?currentSchema=" + Servers.SCHEMA);
    registry.add("spring.datasource.username", () -> "postgres");
  }
}
