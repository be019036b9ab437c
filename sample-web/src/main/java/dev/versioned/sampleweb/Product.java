package dev.versioned.sampleweb;

import dev.versioned.Versioned;
import java.math.BigDecimal;

/**
 * A product as stored in {@code web_product}; the processor writes {@code ProductRepository} for
 * it, a Spring bean under {@code -Aversioned.inject=spring}.
 *
 * @param id the key
 * @param name what it is called
 * @param price its price, two decimals
 * @param stock units in stock
 * @param description a line about it (empty when there is none)
 * @param lockVersion the version: raised by one on every write, checked on every write
 */
@Versioned(table = "web_product")
public record Product(
    long id, String name, BigDecimal price, int stock, String description, long lockVersion) {

  /**
   * The fields a person edits.
   *
   * @return name, price, stock and description
   */
  public ProductValues values() {
    return new ProductValues(name, price, stock, description);
  }

  /**
   * This product with other values for the edited fields, at the same key and version.
   *
   * @param values the new values
   * @return the copy
   */
  public Product with(ProductValues values) {
    return new Product(
        id, values.name(), values.price(), values.stock(), values.description(), lockVersion);
  }
}
