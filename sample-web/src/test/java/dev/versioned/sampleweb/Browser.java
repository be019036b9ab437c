package dev.versioned.sampleweb;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's headless Chromium, driven through the system's chromedriver: Debian's {@code
 * chromium} and {@code chromium-driver}, which {@code .ci/install-browser.sh} installs. Both paths
 * are given explicitly, so Selenium Manager neither looks for nor downloads a browser or driver.
 * Each browser is a context of its own: a fresh profile directory, no shared cookies or session.
 */
final class Browser implements AutoCloseable {
  /** Debian's Chromium; {@code -Dversioned.chromium=...} names another. */
  static final Path CHROMIUM =
      Path.of(System.getProperty("versioned.chromium", "/usr/bin/chromium"));

  /** Debian's chromedriver; {@code -Dversioned.chromedriver=...} names another. */
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("versioned.chromedriver", "/usr/bin/chromedriver"));

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Why the browser cannot run here, or null when it can.
   *
   * @return the reason, naming the missing program
   */
  static String missing() {
    for (Path program : new Path[] {CHROMIUM, CHROMEDRIVER}) {
      if (!Files.isExecutable(program)) {
        return program
            + " is missing: install Debian's chromium and chromium-driver"
            + " (.ci/install-browser.sh)";
      }
    }
    return null;
  }

  /**
   * Starts a browser with a fresh profile.
   *
   * @param name who uses it, for the profile directory's name
   * @return the browser
   */
  static Browser open(String name) {
    Path profile;
    try {
      profile = Files.createTempDirectory("versioned-web-" + name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // The machine has no network but the loopback: without these flags Chromium waits on
    // background requests (updates, sync, QUIC probes) and the first page load hangs.
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1000,1100",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return new Browser(driver, profile);
  }

  /**
   * The driver.
   *
   * @return the driver of this browser
   */
  ChromeDriver driver() {
    return driver;
  }

  /**
   * Saves what the browser shows as a PNG.
   *
   * @param file where
   */
  void screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory; the system cleans it up later
    }
  }
}
