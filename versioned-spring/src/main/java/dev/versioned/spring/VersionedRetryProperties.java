package dev.versioned.spring;

import dev.versioned.RetryPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code versioned.retry.*}: how the repositories' {@code modify} retries after a conflict, bound to
 * the {@link RetryPolicy} bean that every repository generated with {@code
 * -Aversioned.inject=spring} is constructed with. The defaults are those of {@link
 * RetryPolicy#DEFAULT}.
 */
@ConfigurationProperties("versioned.retry")
public class VersionedRetryProperties {
  /** Attempts in all, at least 1 (1 means no retry). */
  private int maxAttempts = 5;

  /** The cap of the first sleep between attempts; later caps double. */
  private Duration initialBackoff = Duration.ofMillis(2);

  /** The cap of every sleep between attempts. */
  private Duration maxBackoff = Duration.ofMillis(200);

  /**
   * Conflicting attempts after which each further attempt of modify reads the row with a row lock
   * (SELECT ... FOR UPDATE); 0 means never (purely optimistic).
   */
  private int lockAfter = 0;

  /** Creates the properties with the defaults of {@link RetryPolicy#DEFAULT}. */
  public VersionedRetryProperties() {}

  /**
   * Attempts in all.
   *
   * @return at least 1 once validated
   */
  public int getMaxAttempts() {
    return maxAttempts;
  }

  /**
   * Sets the attempts in all.
   *
   * @param maxAttempts at least 1
   */
  public void setMaxAttempts(int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  /**
   * The cap of the first sleep.
   *
   * @return not negative once validated
   */
  public Duration getInitialBackoff() {
    return initialBackoff;
  }

  /**
   * Sets the cap of the first sleep.
   *
   * @param initialBackoff not negative
   */
  public void setInitialBackoff(Duration initialBackoff) {
    this.initialBackoff = initialBackoff;
  }

  /**
   * The cap of every sleep.
   *
   * @return not negative once validated
   */
  public Duration getMaxBackoff() {
    return maxBackoff;
  }

  /**
   * Sets the cap of every sleep.
   *
   * @param maxBackoff not negative
   */
  public void setMaxBackoff(Duration maxBackoff) {
    this.maxBackoff = maxBackoff;
  }

  /**
   * Conflicting attempts after which {@code modify} reads with a row lock.
   *
   * @return not negative once validated; 0 never
   */
  public int getLockAfter() {
    return lockAfter;
  }

  /**
   * Sets the conflicting attempts after which {@code modify} reads with a row lock.
   *
   * @param lockAfter not negative; 0 never
   */
  public void setLockAfter(int lockAfter) {
    this.lockAfter = lockAfter;
  }

  /**
   * The policy these properties describe.
   *
   * @return the policy
   * @throws IllegalArgumentException naming the property when a value is out of range
   */
  public RetryPolicy toPolicy() {
    try {
      return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, lockAfter);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("versioned.retry: " + e.getMessage(), e);
    }
  }
}
