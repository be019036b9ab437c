package dev.versioned.spring.app;

import org.springframework.test.context.TestPropertySource;

/** The test application on H2, migrated by Flyway, pooled by HikariCP. */
@TestPropertySource(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:versioned_spring;DB_CLOSE_DELAY=-1",
      "spring.datasource.username=sa"
    })
class H2ApplicationTest extends ApplicationTestBase {}
