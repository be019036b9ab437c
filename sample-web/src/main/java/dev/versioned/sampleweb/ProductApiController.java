package dev.versioned.sampleweb;

import static org.springframework.http.HttpHeaders.IF_MATCH;

import dev.versioned.spring.web.ConditionalRequests;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API: the version is the {@code ETag}, and every write must send it back in {@code
 * If-Match}. A write from a stale copy is {@code 412 Precondition Failed} with the current {@code
 * ETag} and nothing written; a write without {@code If-Match} is {@code 428}. A client that gets
 * {@code 412} reads the product again and sends its change once more, on the new {@code ETag}.
 */
@RestController
@RequestMapping("/api/products")
public class ProductApiController {
  /**
   * A partial change: the fields present (not null) are changed, the others keep their values.
   *
   * @param name the new name, or null
   * @param price the new price, or null
   * @param stock the new stock, or null
   * @param description the new description, or null
   */
  public record Patch(String name, BigDecimal price, Integer stock, String description) {
    ProductValues applyTo(ProductValues current) {
      return new ProductValues(
          name == null ? current.name() : name,
          price == null ? current.price() : price,
          stock == null ? current.stock() : stock,
          description == null ? current.description() : description);
    }
  }

  private final ProductRepository products;

  ProductApiController(ProductRepository products) {
    this.products = products;
  }

  /**
   * Every product, by key.
   *
   * @return the products
   */
  @GetMapping
  public List<Product> list() {
    List<Product> all = new ArrayList<>(products.findAll());
    all.sort(Comparator.comparingLong(Product::id));
    return all;
  }

  /**
   * One product with its version as {@code ETag}.
   *
   * @param id the key
   * @return {@code 200} with {@code ETag}, or {@code 404}
   */
  @GetMapping("/{id}")
  public ResponseEntity<Product> get(@PathVariable long id) {
    return ConditionalRequests.found(products.findById(id), Product::lockVersion);
  }

  /**
   * Replaces the edited fields, if {@code If-Match} names the current version.
   *
   * @param id the key
   * @param body every edited field
   * @param ifMatch the version the client read
   * @return {@code 200} with the new {@code ETag}
   */
  @PutMapping("/{id}")
  public ResponseEntity<Product> put(
      @PathVariable long id,
      @RequestBody ProductValues body,
      @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
    Product current =
        ConditionalRequests.ifMatch(products.findById(id), Product::lockVersion, ifMatch);
    return ConditionalRequests.ok(products.update(current.with(body)), Product::lockVersion);
  }

  /**
   * Changes the fields the body names, if {@code If-Match} names the current version; only those
   * columns are written ({@code updateChanged}, checked against that version).
   *
   * @param id the key
   * @param patch the fields to change
   * @param ifMatch the version the client read
   * @return {@code 200} with the new {@code ETag} (the same one when nothing changed)
   */
  @PatchMapping("/{id}")
  public ResponseEntity<Product> patch(
      @PathVariable long id,
      @RequestBody Patch patch,
      @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
    Product current =
        ConditionalRequests.ifMatch(products.findById(id), Product::lockVersion, ifMatch);
    Product changed = current.with(patch.applyTo(current.values()));
    return ConditionalRequests.ok(products.updateChanged(current, changed), Product::lockVersion);
  }

  /**
   * Deletes the product, if {@code If-Match} names the current version.
   *
   * @param id the key
   * @param ifMatch the version the client read
   * @return {@code 204}
   */
  @DeleteMapping("/{id}")
  public ResponseEntity<Void> delete(
      @PathVariable long id, @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
    products.delete(
        ConditionalRequests.ifMatch(products.findById(id), Product::lockVersion, ifMatch));
    return ResponseEntity.noContent().build();
  }

  /**
   * Values a product cannot have: {@code 400} with a problem body naming each field.
   *
   * @param e the refusal
   * @return the problem
   */
  @ExceptionHandler(InvalidProductException.class)
  public ResponseEntity<ProblemDetail> invalid(InvalidProductException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields are not valid.");
    problem.setProperty("fields", e.fieldMessages());
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
