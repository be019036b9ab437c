package dev.versioned.spring.app;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A controller with its own handler for Spring's optimistic-locking exception. */
@RestController
public class StaleWriteController {
  private final AccountRepository accounts;
  private final AccountService service;

  StaleWriteController(AccountRepository accounts, AccountService service) {
    this.accounts = accounts;
    this.service = service;
  }

  /**
   * Writes a stale copy in a transaction: the handler below answers.
   *
   * @param id the account
   * @return never normally
   */
  @PostMapping("/stale-write/{id}")
  ResponseEntity<Account> staleWrite(@PathVariable long id) {
    Account current = accounts.findById(id).orElseThrow();
    accounts.update(current.withOwner("first"));
    service.depositThenWriteStale(id, current.withOwner("stale"));
    return ResponseEntity.ok(current);
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ResponseEntity<String> conflict(OptimisticLockingFailureException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body("conflict: " + e.getCause().getMessage());
  }
}
