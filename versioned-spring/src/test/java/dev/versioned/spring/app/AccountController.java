package dev.versioned.spring.app;

import static org.springframework.http.HttpHeaders.IF_MATCH;
import static org.springframework.http.HttpHeaders.IF_NONE_MATCH;

import dev.versioned.spring.web.ConditionalRequests;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A REST controller with conditional requests: a few lines per method. */
@RestController
@RequestMapping("/accounts")
public class AccountController {
  /**
   * The client's fields of an account.
   *
   * @param owner the owner
   * @param balance the balance
   */
  public record Body(String owner, long balance) {}

  /**
   * A partial change.
   *
   * @param owner the new owner, or null to keep it
   */
  public record Patch(String owner) {}

  private final AccountRepository accounts;

  AccountController(AccountRepository accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/{id}")
  ResponseEntity<Account> get(@PathVariable long id) {
    return ConditionalRequests.found(accounts.findById(id), Account::lockVersion);
  }

  @PostMapping("/{id}")
  ResponseEntity<Account> create(
      @PathVariable long id,
      @RequestBody Body body,
      @RequestHeader(name = IF_NONE_MATCH, required = false) String ifNoneMatch) {
    ConditionalRequests.ifNoneMatch(accounts.findById(id), Account::lockVersion, ifNoneMatch);
    Account created = accounts.insert(new Account(id, body.owner(), body.balance(), 0));
    return ConditionalRequests.created(
        URI.create("/accounts/" + id), created, Account::lockVersion);
  }

  @PutMapping("/{id}")
  ResponseEntity<Account> put(
      @PathVariable long id,
      @RequestBody Body body,
      @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
    Account current = ConditionalRequests.ifMatch(accounts.findById(id), Account::lockVersion, ifMatch);
    Account changed = new Account(id, body.owner(), body.balance(), current.lockVersion());
    return ConditionalRequests.ok(accounts.update(changed), Account::lockVersion);
  }

  @PutMapping("/{id}/blind")
  ResponseEntity<Account> putWithoutReading(
      @PathVariable long id,
      @RequestBody Body body,
      @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
    long expected = ConditionalRequests.expectedVersion(ifMatch);
    Account changed = new Account(id, body.owner(), body.balance(), expected);
    return ConditionalRequests.ok(accounts.update(changed), Account::lockVersion);
  }

  @PatchMapping("/{id}")
  ResponseEntity<Account> patch(
      @PathVariable long id,
      @RequestBody Patch patch,
      @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
    Account current = ConditionalRequests.ifMatch(accounts.findById(id), Account::lockVersion, ifMatch);
    Account changed = patch.owner() == null ? current : current.withOwner(patch.owner());
    return ConditionalRequests.ok(accounts.update(changed), Account::lockVersion);
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable long id, @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
    accounts.delete(ConditionalRequests.ifMatch(accounts.findById(id), Account::lockVersion, ifMatch));
    return ResponseEntity.noContent().build();
  }
}
