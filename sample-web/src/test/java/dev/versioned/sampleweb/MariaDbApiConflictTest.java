package dev.versioned.sampleweb;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two HTTP clients on MariaDB, started as a user would: {@code --spring.datasource.url} and
 * {@code --spring.datasource.username}, in a database of this JVM's own.
 */
@ExtendWith(Available.MariaDb.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MariaDbApiConflictTest extends ApiConflictTestBase {
  @BeforeAll
  static void database() {
    Servers.createMariaDbDatabase();
  }

  @AfterAll
  static void dropDatabase() {
    Servers.dropMariaDbDatabase();
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> Servers.MARIADB + Servers.SCHEMA);
    registry.add("spring.datasource.username", () -> "root");
  }
}
