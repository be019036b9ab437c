package dev.versioned.spring.app;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.retry.annotation.Backoff;
import org.springframework.retry.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Transactional services over the repository. */
@Service
public class AccountService {
  private final AccountRepository accounts;
  private final TransactionTemplate separate;
  private final AtomicInteger interestAttempts = new AtomicInteger();

  AccountService(AccountRepository accounts, TransactionTemplate transactions) {
    this.accounts = accounts;
    this.separate = new TransactionTemplate(transactions.getTransactionManager());
    this.separate.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Deposits into one account, then writes a stale copy of another: the stale write fails and the
   * deposit is rolled back with it.
   *
   * @param depositTo the account to deposit into
   * @param stale a stale copy of another account
   */
  @Transactional
  public void depositThenWriteStale(long depositTo, Account stale) {
    accounts.modify(depositTo, a -> a.plus(10));
    accounts.update(stale);
  }

  /**
   * Adds interest by read and version-checked update; the first attempt meets a concurrent write,
   * and the whole transactional method is retried.
   *
   * @param id the account
   * @return the account after the interest
   */
  @Retryable(
      retryFor = OptimisticLockingFailureException.class,
      maxAttempts = 4,
      backoff = @Backoff(delay = 1))
  @Transactional
  public Account addInterest(long id) {
    Account read = accounts.findById(id).orElseThrow();
    if (interestAttempts.incrementAndGet() == 1) {
      separate.executeWithoutResult(status -> accounts.modify(id, a -> a.withOwner("concurrent")));
    }
    return accounts.update(read.plus(read.balance() / 10));
  }

  /**
   * The attempts {@link #addInterest} made.
   *
   * @return the count
   */
  public int interestAttempts() {
    return interestAttempts.get();
  }

  /**
   * Two modifies in one transaction; the second meets a concurrent write on its first attempt and
   * retries within a savepoint; then, if asked, the transaction fails.
   *
   * @param first the account changed first
   * @param second the account changed second
   * @param fail whether to throw at the end
   * @param attempts counts the second modify's attempts
   */
  @Transactional
  public void twoModifies(long first, long second, boolean fail, AtomicInteger attempts) {
    accounts.modify(first, a -> a.plus(1));
    accounts.modify(
        second,
        a -> {
          if (attempts.incrementAndGet() == 1) {
            separate.executeWithoutResult(
                status -> accounts.modify(second, b -> b.withOwner(b.owner() + "!")));
          }
          return a.plus(100);
        });
    if (fail) {
      throw new IllegalStateException("the transaction fails after both modifies");
    }
  }
}
