package dev.versioned.spring.app;

import dev.versioned.Versioned;

/**
 * An account of the test application.
 *
 * @param id the key
 * @param owner who owns it
 * @param balance its balance
 * @param lockVersion the version
 */
@Versioned(table = "spring_account")
public record Account(long id, String owner, long balance, long lockVersion) {
  /**
   * This account with another owner.
   *
   * @param newOwner the owner
   * @return the copy
   */
  public Account withOwner(String newOwner) {
    return new Account(id, newOwner, balance, lockVersion);
  }

  /**
   * This account with an amount added.
   *
   * @param amount the amount
   * @return the copy
   */
  public Account plus(long amount) {
    return new Account(id, owner, balance + amount, lockVersion);
  }
}
