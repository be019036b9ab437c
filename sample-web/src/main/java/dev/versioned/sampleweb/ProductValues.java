package dev.versioned.sampleweb;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The fields of a product that a person edits: what a form shows and an API body carries.
 *
 * @param name the name: 1 to 100 characters
 * @param price the price: 0 or more, at most two decimals, below 100,000,000
 * @param stock the units in stock: 0 or more
 * @param description a line about the product: at most 1,000 characters, may be empty
 */
public record ProductValues(String name, BigDecimal price, int stock, String description) {
  /** The largest price a product can have (exclusive): {@code DECIMAL(10,2)} holds 8 digits. */
  private static final BigDecimal PRICE_LIMIT = new BigDecimal("100000000");

  /**
   * Checks the values and brings the price to two decimals, so that equal prices are equal
   * values ({@code 4.5} and {@code 4.50}).
   *
   * @throws InvalidProductException naming each field that is wrong
   */
  public ProductValues {
    FieldErrors errors = new FieldErrors();
    if (name == null || name.isBlank()) {
      errors.add(ProductField.NAME, "Enter a name.");
    } else if (name.strip().length() > 100) {
      errors.add(ProductField.NAME, "Use at most 100 characters.");
    } else {
      name = name.strip();
    }
    if (price == null) {
      errors.add(ProductField.PRICE, "Enter a price.");
    } else if (price.signum() < 0) {
      errors.add(ProductField.PRICE, "A price cannot be negative.");
    } else if (price.stripTrailingZeros().scale() > 2) {
      errors.add(ProductField.PRICE, "Use at most two decimals, like 19.90.");
    } else if (price.compareTo(PRICE_LIMIT) >= 0) {
      errors.add(ProductField.PRICE, "Enter a price below 100,000,000.");
    } else {
      price = price.setScale(2);
    }
    if (stock < 0) {
      errors.add(ProductField.STOCK, "Stock cannot be negative.");
    }
    description = description == null ? "" : description.strip();
    if (description.length() > 1000) {
      errors.add(ProductField.DESCRIPTION, "Use at most 1,000 characters.");
    }
    errors.throwIfAny();
  }

  /**
   * The fields whose values differ between these values and others.
   *
   * @param other the values to compare with
   * @return the fields that differ, in the form's order
   */
  public Set<ProductField> differencesFrom(ProductValues other) {
    Objects.requireNonNull(other, "other");
    Set<ProductField> fields = EnumSet.noneOf(ProductField.class);
    for (ProductField field : ProductField.values()) {
      if (!field.get(this).equals(field.get(other))) {
        fields.add(field);
      }
    }
    return fields;
  }

  /**
   * These values with one field taken from others.
   *
   * @param field the field to take
   * @param from the values to take it from
   * @return the copy
   */
  public ProductValues withField(ProductField field, ProductValues from) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(from, "from");
    return switch (field) {
      case NAME -> new ProductValues(from.name, price, stock, description);
      case PRICE -> new ProductValues(name, from.price, stock, description);
      case STOCK -> new ProductValues(name, price, from.stock, description);
      case DESCRIPTION -> new ProductValues(name, price, stock, from.description);
    };
  }

  /**
   * A person's changes reapplied on top of the current values: the fields the person changed
   * (where {@code mine} differs from {@code original}, the values they started from) take their
   * values; every other field keeps its current value.
   *
   * @param original the values the person started from
   * @param mine the values the person saved
   * @param current the values as stored now
   * @return the current values with the person's changes on top
   */
  public static ProductValues reapply(
      ProductValues original, ProductValues mine, ProductValues current) {
    Objects.requireNonNull(current, "current");
    ProductValues merged = current;
    for (ProductField field : mine.differencesFrom(original)) {
      merged = merged.withField(field, mine);
    }
    return merged;
  }
}
