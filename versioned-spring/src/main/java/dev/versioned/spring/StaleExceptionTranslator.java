package dev.versioned.spring;

import dev.versioned.StaleBatchException;
import dev.versioned.StaleRecordException;
import dev.versioned.VersionOverflowException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.support.PersistenceExceptionTranslator;

/**
 * Translates the exceptions of generated repositories into Spring's {@link DataAccessException}
 * hierarchy, the original as cause: a {@link StaleRecordException} or {@link StaleBatchException}
 * becomes an {@link OptimisticLockingFailureException}, a {@link VersionOverflowException} a {@link
 * DataIntegrityViolationException}.
 *
 * <p>Spring's {@code PersistenceExceptionTranslationPostProcessor} (which Spring Boot registers)
 * applies every {@link PersistenceExceptionTranslator} bean to the exceptions thrown out of
 * {@code @Repository} beans, which the repositories generated with {@code
 * -Aversioned.inject=spring} are.
 */
public class StaleExceptionTranslator implements PersistenceExceptionTranslator {
  /** Creates the translator. */
  public StaleExceptionTranslator() {}

  @Override
  public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
    if (ex instanceof StaleRecordException || ex instanceof StaleBatchException) {
      return new OptimisticLockingFailureException(ex.getMessage(), ex);
    }
    if (ex instanceof VersionOverflowException) {
      return new DataIntegrityViolationException(ex.getMessage(), ex);
    }
    return null;
  }
}
