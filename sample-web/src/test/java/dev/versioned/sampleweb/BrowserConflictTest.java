package dev.versioned.sampleweb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Three people, three browsers (headless Chromium, each with a profile of its own), one product.
 * Alice and Bob open the desk lamp; Alice changes the price with the mouse and saves; Bob changes
 * the stock with the keyboard only and saves, sees the conflict view with both values, tabs
 * through it and reapplies his change with Enter. The database then holds both changes at version
 * 2. Carol, who opened the product at version 0, deletes it: refused, the product stays.
 *
 * <p>Each step is saved as a screenshot in {@code target/screenshots/}. The class fails when the
 * browser is missing and {@code VERSIONED_REQUIRE_SERVERS=true} (as in CI, whose script installs
 * it), and is skipped with the reason otherwise.
 */
@ExtendWith(Available.Chromium.class)
class BrowserConflictTest extends SampleWebTest {
  private static final Path SCREENSHOTS =
      Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

  private final List<Browser> open = new ArrayList<>();

  @BeforeAll
  static void emptyScreenshotFolder() throws IOException {
    if (Files.isDirectory(SCREENSHOTS)) {
      try (var old = Files.list(SCREENSHOTS)) {
        for (Path file : (Iterable<Path>) old::iterator) {
          if (file.getFileName().toString().endsWith(".png")) {
            Files.delete(file);
          }
        }
      }
    }
  }

  @AfterEach
  void closeBrowsers() {
    for (Browser browser : open) {
      browser.close();
    }
    open.clear();
  }

  private Browser browser(String name) {
    Browser browser = Browser.open(name);
    open.add(browser);
    return browser;
  }

  private void shot(Browser browser, String name) {
    browser.screenshot(SCREENSHOTS.resolve(name + ".png"));
  }

  private static WebElement waitFor(WebDriver driver, By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private static String text(WebDriver driver, String css) {
    return driver.findElement(By.cssSelector(css)).getText();
  }

  private static String focusedId(WebDriver driver) {
    String id = driver.switchTo().activeElement().getDomAttribute("id");
    return id == null ? "" : id;
  }

  private static void press(WebDriver driver, CharSequence key) {
    new Actions(driver).sendKeys(key).perform();
  }

  /**
   * Presses Tab from the top of a freshly loaded page until the focus comes back to an element it
   * was on, and returns the ids of the elements it stopped at, in order.
   */
  private static List<String> tabOrder(WebDriver driver) {
    List<String> order = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      press(driver, Keys.TAB);
      String id = focusedId(driver);
      if (id.isEmpty()) {
        continue; // the focus left the page's elements (the document itself)
      }
      if (order.contains(id)) {
        return order;
      }
      order.add(id);
    }
    return order;
  }

  /** Presses Tab until the element with this id has the focus. */
  private static void tabTo(WebDriver driver, String id) {
    for (int i = 0; i < 20 && !focusedId(driver).equals(id); i++) {
      press(driver, Keys.TAB);
    }
    assertEquals(id, focusedId(driver), "Tab never reached #" + id);
  }

  private Product stored() {
    return products.findById(LAMP.id()).orElseThrow();
  }

  private static Product lamp(String price, int stock, long version) {
    return new Product(
        LAMP.id(), LAMP.name(), new BigDecimal(price), stock, LAMP.description(), version);
  }

  @Test
  void twoPeopleEditOneProductAndNeitherChangeIsLost() {
    Browser alice = browser("alice");
    Browser bob = browser("bob");
    Browser carol = browser("carol");
    WebDriver a = alice.driver();
    WebDriver b = bob.driver();
    WebDriver c = carol.driver();

    a.get(uri("/").toString());
    waitFor(a, By.linkText("Desk lamp"));
    assertEquals("0", text(a, "#product-1 td:last-child"));
    shot(alice, "01-alice-sees-the-list");
    a.findElement(By.linkText("Desk lamp")).click();
    waitFor(a, By.id("edit-form"));
    shot(alice, "02-alice-opens-the-desk-lamp-version-0");

    b.get(uri("/products/1").toString());
    waitFor(b, By.id("edit-form"));
    c.get(uri("/products/1").toString());
    waitFor(c, By.id("edit-form"));
    assertEquals("0", text(b, "#version"));
    assertEquals("0", text(c, "#version"));
    shot(bob, "03-bob-opens-the-same-product-version-0");

    // Alice, with the mouse: a new price, saved.
    WebElement price = a.findElement(By.id("price"));
    price.clear();
    price.sendKeys("24.50");
    shot(alice, "04-alice-changes-the-price");
    a.findElement(By.id("save")).click();
    assertEquals(
        "Saved. This product is now at version 1.", waitFor(a, By.id("message")).getText());
    assertEquals("1", text(a, "#version"));
    shot(alice, "05-alice-saved-version-1");
    assertEquals(lamp("24.50", 12, 1), stored());

    // Bob, with the keyboard only: the form's fields in reading order, then his stock change.
    assertEquals(
        List.of("all-products", "name", "price", "stock", "description", "save", "delete"),
        tabOrder(b));
    tabTo(b, "stock");
    new Actions(b).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys("7").perform();
    assertEquals("7", b.findElement(By.id("stock")).getDomProperty("value"));
    tabTo(b, "save");
    shot(bob, "06-bob-changes-the-stock-with-the-keyboard");
    press(b, Keys.ENTER);

    // His copy was version 0: nothing saved, both versions shown, and what each button does.
    WebElement heading = waitFor(b, By.id("conflict-heading"));
    assertEquals(
        "Not saved: someone else changed this product while you were editing it",
        heading.getText());
    String explanation = text(b, "#conflict-explanation");
    assertTrue(explanation.contains("You opened version 0."), explanation);
    assertTrue(explanation.contains("is now at version 1."), explanation);
    assertTrue(explanation.contains("Your changes have not been saved yet"), explanation);
    assertEquals("19.90", text(b, "#row-price .yours"));
    assertEquals("24.50", text(b, "#row-price .current"));
    assertEquals("7", text(b, "#row-stock .yours"));
    assertEquals("12", text(b, "#row-stock .current"));
    assertEquals("You changed this: your value is saved", text(b, "#row-stock .outcome"));
    assertEquals(
        "You did not change this: the current value stays", text(b, "#row-price .outcome"));
    assertTrue(text(b, "#reapply-help").startsWith("Saves only what you changed (stock)"));
    assertTrue(text(b, "#discard-help").startsWith("Forgets your changes"));
    assertEquals(
        "reapply-help", b.findElement(By.id("reapply")).getDomAttribute("aria-describedby"));
    shot(bob, "07-bob-sees-the-conflict-view");
    assertEquals(lamp("24.50", 12, 1), stored());

    // The conflict view with the keyboard: once through, then Enter on "Reapply my changes".
    assertEquals(List.of("all-products", "reapply", "discard"), tabOrder(b));
    tabTo(b, "reapply");
    shot(bob, "08-bob-focuses-reapply-my-changes");
    press(b, Keys.ENTER);
    assertEquals(
        "Saved your changes on top of version 1. This product is now at version 2.",
        waitFor(b, By.id("message")).getText());
    assertEquals("24.50", b.findElement(By.id("price")).getDomProperty("value"));
    assertEquals("7", b.findElement(By.id("stock")).getDomProperty("value"));
    shot(bob, "09-bob-reapplied-version-2-holds-both-changes");

    // Both changes, two writes.
    assertEquals(lamp("24.50", 7, 2), stored());

    // Carol still has version 0 open and deletes it: refused, nothing deleted.
    c.findElement(By.id("delete")).click();
    assertEquals(
        "Not deleted: someone else changed this product after you opened it",
        waitFor(c, By.id("conflict-heading")).getText());
    assertEquals("2", text(c, "#current-version"));
    assertEquals("19.90", text(c, "#row-price .yours"));
    assertEquals("24.50", text(c, "#row-price .current"));
    assertEquals("12", text(c, "#row-stock .yours"));
    assertEquals("7", text(c, "#row-stock .current"));
    shot(carol, "10-carol-stale-delete-is-refused");
    assertEquals(lamp("24.50", 7, 2), stored());

    c.findElement(By.id("keep")).click();
    waitFor(c, By.id("edit-form"));
    assertEquals("2", text(c, "#version"));
    a.get(uri("/").toString());
    assertEquals("2", waitFor(a, By.cssSelector("#product-1 td:last-child")).getText());
    shot(alice, "11-the-list-shows-version-2");
  }

  @Test
  void discardingShowsTheCurrentValuesAndWritesNothing() {
    Browser alice = browser("alice");
    Browser bob = browser("bob");
    WebDriver a = alice.driver();
    WebDriver b = bob.driver();
    a.get(uri("/products/2").toString());
    b.get(uri("/products/2").toString());
    waitFor(a, By.id("edit-form"));
    waitFor(b, By.id("edit-form"));

    WebElement name = a.findElement(By.id("name"));
    name.clear();
    name.sendKeys("Notebook, squared");
    a.findElement(By.id("save")).click();
    waitFor(a, By.id("message"));

    WebElement description = b.findElement(By.id("description"));
    description.clear();
    description.sendKeys("A5, lined.");
    b.findElement(By.id("save")).click();
    waitFor(b, By.id("conflict-heading"));
    assertEquals("Notebook, squared", text(b, "#row-name .current"));
    assertEquals("A5, lined.", text(b, "#row-description .yours"));
    b.findElement(By.id("discard")).click();
    assertEquals(
        "Your changes were discarded. The form shows the current values.",
        waitFor(b, By.id("message")).getText());
    assertEquals("Notebook, squared", b.findElement(By.id("name")).getDomProperty("value"));
    assertEquals(
        "A5, dotted, 120 pages.", b.findElement(By.id("description")).getDomProperty("value"));
    shot(bob, "discard-01-bob-discarded-his-change");

    Product notebook = products.findById(2).orElseThrow();
    assertEquals("Notebook, squared", notebook.name());
    assertEquals("A5, dotted, 120 pages.", notebook.description());
    assertEquals(1, notebook.lockVersion());
  }
}
