package dev.versioned.sampleweb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What "reapply my changes" takes from whom, and what values a product can have. */
class ProductValuesTest {
  private static final ProductValues OPENED =
      new ProductValues("Desk lamp", new BigDecimal("19.90"), 12, "Warm white.");

  @Test
  void reapplyTakesOnlyTheFieldsThePersonChanged() {
    ProductValues mine = new ProductValues("Desk lamp", new BigDecimal("19.90"), 7, "Warm white.");
    ProductValues current =
        new ProductValues("Desk lamp", new BigDecimal("24.50"), 12, "Warm white, dimmable.");
    assertEquals(Set.of(ProductField.STOCK), mine.differencesFrom(OPENED));
    assertEquals(
        new ProductValues("Desk lamp", new BigDecimal("24.50"), 7, "Warm white, dimmable."),
        ProductValues.reapply(OPENED, mine, current));
  }

  @Test
  void whereBothChangedTheSameFieldThePersonsValueIsReapplied() {
    ProductValues mine = new ProductValues("Desk lamp", new BigDecimal("21.00"), 12, "Warm white.");
    ProductValues current = new ProductValues("Lamp", new BigDecimal("24.50"), 12, "Warm white.");
    assertEquals(
        new ProductValues("Lamp", new BigDecimal("21.00"), 12, "Warm white."),
        ProductValues.reapply(OPENED, mine, current));
  }

  @Test
  void nothingChangedReappliesNothing() {
    ProductValues current = new ProductValues("Lamp", new BigDecimal("24.50"), 3, "");
    assertEquals(current, ProductValues.reapply(OPENED, OPENED, current));
  }

  @Test
  void pricesAreComparedAtTwoDecimals() {
    ProductValues a = new ProductValues("Pen", new BigDecimal("4.5"), 1, null);
    ProductValues b = new ProductValues("Pen", new BigDecimal("4.50"), 1, "");
    assertEquals(a, b);
    assertEquals(new BigDecimal("4.50"), a.price());
    assertEquals(
        new BigDecimal("100.00"), new ProductValues("Pen", new BigDecimal("1E+2"), 1, "").price());
  }

  @Test
  void wrongValuesNameEachField() {
    InvalidProductException e =
        assertThrows(
            InvalidProductException.class,
            () -> new ProductValues(" ", new BigDecimal("1.234"), -1, "x".repeat(1001)));
    assertEquals(
        Map.of(
            "name", "Enter a name.",
            "price", "Use at most two decimals, like 19.90.",
            "stock", "Stock cannot be negative.",
            "description", "Use at most 1,000 characters."),
        e.fieldMessages());
    assertEquals(
        Map.of("price", "A price cannot be negative."),
        assertThrows(
                InvalidProductException.class,
                () -> new ProductValues("Pen", new BigDecimal("-1"), 0, ""))
            .fieldMessages());
    assertEquals(
        Map.of("price", "Enter a price below 100,000,000."),
        assertThrows(
                InvalidProductException.class,
                () -> new ProductValues("Pen", new BigDecimal("100000000"), 0, ""))
            .fieldMessages());
  }

  @Test
  void aFormReportsTextThatIsNoNumberBesideTheOtherFields() {
    ProductForm form = new ProductForm();
    form.setName("");
    form.setPrice("twelve");
    form.setStock("1.5");
    form.setDescription("ok");
    InvalidProductException e = assertThrows(InvalidProductException.class, form::values);
    assertEquals(
        Map.of(
            "name", "Enter a name.",
            "price", "Enter the price as a number, like 19.90.",
            "stock", "Enter the stock as a whole number, like 12."),
        e.fieldMessages());
  }

  @Test
  void theConflictViewSaysWhatReapplyingDoesWithEachField() {
    ProductValues mine = new ProductValues("Lamp", new BigDecimal("21.00"), 12, "Warm white.");
    Product current = new Product(1, "Desk lamp", new BigDecimal("24.50"), 12, "Warm white.", 1);
    List<ConflictRow> rows = ConflictRow.rows(OPENED, mine, current);
    assertEquals(
        List.of(
            "You changed this: your value is saved",
            "You both changed this: your value replaces theirs",
            "You did not change this: the current value stays",
            "You did not change this: the current value stays"),
        rows.stream().map(ConflictRow::outcome).toList());
    assertEquals("21.00", rows.get(1).yours());
    assertEquals("24.50", rows.get(1).current());
  }

  @Test
  void conflictLabelsAreInPlainWords() {
    assertEquals("stock", ConflictRow.labels(Set.of(ProductField.STOCK)));
    assertEquals(
        "price and stock",
        ConflictRow.labels(EnumSet.of(ProductField.STOCK, ProductField.PRICE)));
    assertEquals(
        "name, price and description",
        ConflictRow.labels(
            EnumSet.of(ProductField.NAME, ProductField.PRICE, ProductField.DESCRIPTION)));
  }

  @Test
  void theStartupLineHidesTheUrlsParameters() {
    assertEquals(
        "jdbc:postgresql://db:5432/shop",
        SampleWebApplication.database("jdbc:postgresql://db:5432/shop?password=secret"));
    assertEquals(
        "jdbc:h2:mem:versioned-sample-web",
        SampleWebApplication.database("jdbc:h2:mem:versioned-sample-web;DB_CLOSE_DELAY=-1"));
  }
}
