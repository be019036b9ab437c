package dev.versioned.spring;

import dev.versioned.support.StatementExceptionTranslator;
import java.sql.SQLException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jooq.Configuration;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Spring Boot's jOOQ exception translation, usable on the repositories' cached statement path.
 *
 * <p>Spring Boot's jOOQ configuration carries an {@link ExecuteListener} that translates a failed
 * statement's {@link SQLException} into Spring's {@link DataAccessException} hierarchy. Any
 * listener makes the generated repositories hand every statement to jOOQ's own execution; this
 * one stands in for Boot's default listener and, being a {@link StatementExceptionTranslator},
 * keeps their cached path. Statements that jOOQ runs are translated by Boot's listener itself;
 * failures of the cached path are translated the same way: with {@link
 * SQLErrorCodeSQLExceptionTranslator} for the dialect's Spring database name, or {@link
 * SQLExceptionSubclassTranslator} when the dialect has none; of a chain of {@link
 * SQLException#getNextException() next exceptions} the last is thrown and the others are logged.
 */
public final class SpringStatementExceptionTranslator implements StatementExceptionTranslator {
  private static final long serialVersionUID = 1L;
  private static final Log LOG = LogFactory.getLog(SpringStatementExceptionTranslator.class);

  private final ExecuteListener boot;

  /**
   * Wraps Boot's listener.
   *
   * @param boot the listener that translates the statements jOOQ runs
   */
  public SpringStatementExceptionTranslator(ExecuteListener boot) {
    this.boot = boot;
  }

  /**
   * The listener that translates the statements jOOQ runs.
   *
   * @return Boot's listener
   */
  public ExecuteListener boot() {
    return boot;
  }

  @Override
  public void exception(ExecuteContext ctx) {
    boot.exception(ctx);
  }

  @Override
  public RuntimeException translate(
      Configuration configuration, String sql, SQLException failure, RuntimeException current) {
    SQLExceptionTranslator translator = translator(configuration.dialect());
    RuntimeException result = current;
    for (SQLException e = failure; e != null; e = e.getNextException()) {
      DataAccessException translated = translator.translate("jOOQ", sql, e);
      if (e.getNextException() != null) {
        LOG.error("Execution of SQL statement failed.", translated != null ? translated : e);
      } else if (translated != null) {
        result = translated;
      }
    }
    return result;
  }

  /** The translator Boot's default listener uses for the dialect. */
  private static SQLExceptionTranslator translator(SQLDialect dialect) {
    String dbName =
        dialect != null && dialect.thirdParty() != null ? dialect.thirdParty().springDbName() : null;
    return dbName != null
        ? new SQLErrorCodeSQLExceptionTranslator(dbName)
        : new SQLExceptionSubclassTranslator();
  }
}
