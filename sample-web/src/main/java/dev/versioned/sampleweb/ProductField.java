package dev.versioned.sampleweb;

import java.math.BigDecimal;
import java.util.function.Function;

/** The fields a person edits, in the form's order, with their labels and values. */
public enum ProductField {
  /** The name. */
  NAME("Name", "name", ProductValues::name),
  /** The price. */
  PRICE("Price", "price", ProductValues::price),
  /** The units in stock. */
  STOCK("Stock", "stock", ProductValues::stock),
  /** The description. */
  DESCRIPTION("Description", "description", ProductValues::description);

  private final String label;
  private final String property;
  private final Function<ProductValues, Object> getter;

  ProductField(String label, String property, Function<ProductValues, Object> getter) {
    this.label = label;
    this.property = property;
    this.getter = getter;
  }

  /**
   * The label a person reads.
   *
   * @return "Name", "Price", ...
   */
  public String label() {
    return label;
  }

  /**
   * The name of the form field and of the JSON property.
   *
   * @return "name", "price", ...
   */
  public String property() {
    return property;
  }

  /**
   * The field's value in some values.
   *
   * @param values the values
   * @return the value (never null)
   */
  public Object get(ProductValues values) {
    return getter.apply(values);
  }

  /**
   * The field's value as a person reads it: prices with two decimals.
   *
   * @param values the values
   * @return the text
   */
  public String text(ProductValues values) {
    Object value = get(values);
    return value instanceof BigDecimal price ? price.toPlainString() : String.valueOf(value);
  }
}
