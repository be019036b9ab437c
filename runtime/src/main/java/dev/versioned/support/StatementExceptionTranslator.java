package dev.versioned.support;

import java.sql.SQLException;
import org.jooq.Configuration;
import org.jooq.ExecuteListener;

/**
 * An {@link ExecuteListener} whose only effect is to replace the exception of a failed statement,
 * such as a framework's translation of {@link SQLException}s into its own exception hierarchy.
 *
 * <p>Any execute listener makes a generated repository hand its statements to jOOQ's own
 * execution, because a listener may observe every step of it. A listener that implements this
 * interface declares that it observes nothing but failures: when every listener of a configuration
 * implements it, repositories keep their cached statement path and, when a statement fails, ask
 * each listener in order to translate the exception, as jOOQ would have called its {@link
 * ExecuteListener#exception exception} callback.
 */
public interface StatementExceptionTranslator extends ExecuteListener {
  /**
   * Translates the failure of a statement.
   *
   * @param configuration the configuration the statement ran with
   * @param sql the SQL of the statement
   * @param failure what the driver threw
   * @param current the exception that would be thrown now: jOOQ's own translation, or what a
   *     listener before this one made of it
   * @return the exception to throw instead, or {@code current} to keep it
   */
  RuntimeException translate(
      Configuration configuration, String sql, SQLException failure, RuntimeException current);
}
