package dev.versioned.sampleweb;

import java.math.BigDecimal;

/**
 * The edit form as the browser sends it: the person's values, the version they opened, and the
 * values they opened (hidden fields), so the server can tell which fields the person changed.
 *
 * <p>Every field is text, as typed; {@link #values()} checks and converts it.
 */
public class ProductForm {
  private String name = "";
  private String price = "";
  private String stock = "";
  private String description = "";
  private long version;
  private String originalName = "";
  private String originalPrice = "";
  private String originalStock = "";
  private String originalDescription = "";

  /** An empty form, filled by Spring MVC's data binding. */
  public ProductForm() {}

  /**
   * A form showing a product as stored: its values, as typed and as opened.
   *
   * @param product the product
   * @return the form
   */
  public static ProductForm of(Product product) {
    ProductForm form = new ProductForm();
    form.setValues(product.values());
    form.setOriginal(product.values());
    form.version = product.lockVersion();
    return form;
  }

  /**
   * The values the person saved.
   *
   * @return the checked values
   * @throws InvalidProductException naming each wrong field
   */
  public ProductValues values() {
    return parse(name, price, stock, description);
  }

  /**
   * The values the person opened.
   *
   * @return the checked values
   * @throws InvalidProductException when the hidden fields were altered
   */
  public ProductValues original() {
    return parse(originalName, originalPrice, originalStock, originalDescription);
  }

  /**
   * The copy the person opened: the key, the values they opened and the version.
   *
   * @param id the product's key
   * @return the product as it was when opened
   */
  public Product openedCopy(long id) {
    ProductValues opened = original();
    return new Product(
        id, opened.name(), opened.price(), opened.stock(), opened.description(), version);
  }

  /**
   * Shows values in the editable fields.
   *
   * @param values the values
   */
  public void setValues(ProductValues values) {
    name = values.name();
    price = values.price().toPlainString();
    stock = Integer.toString(values.stock());
    description = values.description();
  }

  /**
   * Sets the hidden values the person started from.
   *
   * @param values the values
   */
  public void setOriginal(ProductValues values) {
    originalName = values.name();
    originalPrice = values.price().toPlainString();
    originalStock = Integer.toString(values.stock());
    originalDescription = values.description();
  }

  private static ProductValues parse(String name, String price, String stock, String description) {
    FieldErrors errors = new FieldErrors();
    BigDecimal parsedPrice = BigDecimal.ZERO;
    try {
      parsedPrice = new BigDecimal(price == null ? "" : price.strip());
    } catch (NumberFormatException e) {
      errors.add(ProductField.PRICE, "Enter the price as a number, like 19.90.");
    }
    int parsedStock = 0;
    try {
      parsedStock = Integer.parseInt(stock == null ? "" : stock.strip());
    } catch (NumberFormatException e) {
      errors.add(ProductField.STOCK, "Enter the stock as a whole number, like 12.");
    }
    // The other fields are checked as well, so the person sees every message at once.
    ProductValues values = null;
    try {
      values = new ProductValues(name, parsedPrice, parsedStock, description);
    } catch (InvalidProductException e) {
      e.fieldMessages().forEach(errors::add);
    }
    errors.throwIfAny();
    return values;
  }

  /** @return the name as typed */
  public String getName() {
    return name;
  }

  /** @param name the name as typed */
  public void setName(String name) {
    this.name = name;
  }

  /** @return the price as typed */
  public String getPrice() {
    return price;
  }

  /** @param price the price as typed */
  public void setPrice(String price) {
    this.price = price;
  }

  /** @return the stock as typed */
  public String getStock() {
    return stock;
  }

  /** @param stock the stock as typed */
  public void setStock(String stock) {
    this.stock = stock;
  }

  /** @return the description as typed */
  public String getDescription() {
    return description;
  }

  /** @param description the description as typed */
  public void setDescription(String description) {
    this.description = description;
  }

  /** @return the version the person opened */
  public long getVersion() {
    return version;
  }

  /** @param version the version the person opened */
  public void setVersion(long version) {
    this.version = version;
  }

  /** @return the name the person opened */
  public String getOriginalName() {
    return originalName;
  }

  /** @param originalName the name the person opened */
  public void setOriginalName(String originalName) {
    this.originalName = originalName;
  }

  /** @return the price the person opened */
  public String getOriginalPrice() {
    return originalPrice;
  }

  /** @param originalPrice the price the person opened */
  public void setOriginalPrice(String originalPrice) {
    this.originalPrice = originalPrice;
  }

  /** @return the stock the person opened */
  public String getOriginalStock() {
    return originalStock;
  }

  /** @param originalStock the stock the person opened */
  public void setOriginalStock(String originalStock) {
    this.originalStock = originalStock;
  }

  /** @return the description the person opened */
  public String getOriginalDescription() {
    return originalDescription;
  }

  /** @param originalDescription the description the person opened */
  public void setOriginalDescription(String originalDescription) {
    this.originalDescription = originalDescription;
  }
}
