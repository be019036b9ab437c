package dev.versioned.sampleweb;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * The web sample: a page and a JSON API to list and edit products, on embedded H2 unless {@code
 * --spring.datasource.url} names PostgreSQL or MariaDB. Run it with {@code java -jar
 * sample-web/target/versioned-sample-web.jar}; it prints the address to open.
 */
@SpringBootApplication
public class SampleWebApplication {
  private static final Logger LOG = LoggerFactory.getLogger(SampleWebApplication.class);

  /** Created by Spring. */
  public SampleWebApplication() {}

  /**
   * Starts the application.
   *
   * @param args Spring Boot's arguments: {@code --server.port=8081}, {@code
   *     --spring.datasource.url=...}
   */
  public static void main(String[] args) {
    SpringApplication.run(SampleWebApplication.class, args);
  }

  /**
   * Tells where the page is, once the server listens.
   *
   * @param event the application is ready
   */
  @EventListener
  public void announce(ApplicationReadyEvent event) {
    Environment environment = event.getApplicationContext().getEnvironment();
    LOG.info(
        "Versioned sample-web: open {} (database {})",
        address(environment),
        database(environment.getProperty("spring.datasource.url", "")));
  }

  /**
   * The address of the page.
   *
   * @param environment the running application's environment
   * @return {@code http://localhost:<port><context path>/}
   */
  static String address(Environment environment) {
    String port = environment.getProperty("local.server.port", "8080");
    String path = environment.getProperty("server.servlet.context-path", "");
    return "http://localhost:" + port + path + "/";
  }

  /** The JDBC URL without its parameters (which may hold a password). */
  static String database(String url) {
    int end = url.length();
    for (char c : new char[] {'?', ';'}) {
      int at = url.indexOf(c);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return url.substring(0, end);
  }
}
