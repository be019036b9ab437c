package dev.versioned.sampleweb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where what it needs is here: a browser or a database server. Otherwise
 * the class is skipped and the reason reported (before any Spring context starts), or, with {@code
 * VERSIONED_REQUIRE_SERVERS=true} as in CI, it fails with that reason.
 */
abstract class Available implements ExecutionCondition {
  /**
   * Why the class cannot run here.
   *
   * @return the reason, or null when it can run
   */
  abstract String missing();

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String missing = missing();
    if (missing == null) {
      return ConditionEvaluationResult.enabled("available");
    }
    if ("true".equalsIgnoreCase(System.getenv("VERSIONED_REQUIRE_SERVERS"))) {
      throw new AssertionError(missing + " (VERSIONED_REQUIRE_SERVERS=true)");
    }
    return ConditionEvaluationResult.disabled(missing);
  }

  private static String answers(String server, String url, String user) {
    DriverManager.setLoginTimeout(3);
    try (Connection c = DriverManager.getConnection(url, user, "")) {
      return c.isValid(3) ? null : server + " does not answer";
    } catch (SQLException e) {
      return server + " (user " + user + ") does not answer: " + e.getMessage();
    }
  }

  /** Debian's chromium and chromium-driver. */
  static final class Chromium extends Available {
    @Override
    String missing() {
      return Browser.missing();
    }
  }

  /** PostgreSQL on 127.0.0.1:5432. */
  static final class Postgres extends Available {
    @Override
    String missing() {
      return answers("PostgreSQL at 127.0.0.1:5432", Servers.POSTGRES, "postgres");
    }
  }

  /** MariaDB on 127.0.0.1:3306. */
  static final class MariaDb extends Available {
    @Override
    String missing() {
      return answers("MariaDB at 127.0.0.1:3306", Servers.MARIADB, "root");
    }
  }
}
