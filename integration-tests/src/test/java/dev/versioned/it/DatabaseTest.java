package dev.versioned.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test method once per {@link TestDatabase}, named {@code [postgres] methodName}. The
 * method (and the class's {@code @BeforeEach} methods) may take a {@link Db}, a clean schema opened
 * for that run and closed after it, and the {@link TestDatabase}. A server that does not answer
 * skips its runs with the reason (fails them with {@code VERSIONED_REQUIRE_SERVERS=true}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(DatabaseExtension.class)
@interface DatabaseTest {
  /**
   * Runs each database twice: as is, and with a driver whose batches answer {@code
   * SUCCESS_NO_INFO} for every statement (named {@code [postgres, SUCCESS_NO_INFO] ...}).
   */
  boolean alsoHidingRowCounts() default false;

  /** Only these database labels (all when empty). */
  String[] only() default {};
}
