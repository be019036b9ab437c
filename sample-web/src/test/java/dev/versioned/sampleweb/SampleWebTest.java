package dev.versioned.sampleweb;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The sample application as it runs from its jar (a real Tomcat on a random port, Flyway,
 * HikariCP), on embedded H2 unless a subclass names a server. Each test starts from the three
 * seeded products at version 0. Subclasses with the same configuration share one context.
 */
@SpringBootTest(
    classes = SampleWebApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"logging.level.root=warn", "spring.thymeleaf.cache=true"})
abstract class SampleWebTest {
  /** The desk lamp as seeded: the product every test edits. */
  static final Product LAMP =
      new Product(
          1, "Desk lamp", new BigDecimal("19.90"), 12, "Adjustable arm, warm white LED.", 0);

  static final List<Product> SEED =
      List.of(
          LAMP,
          new Product(2, "Notebook", new BigDecimal("4.50"), 140, "A5, dotted, 120 pages.", 0),
          new Product(
              3,
              "Fountain pen",
              new BigDecimal("32.00"),
              8,
              "Steel nib, blue ink cartridge included.",
              0));

  @Autowired ProductRepository products;

  @Value("${local.server.port}")
  int port;

  @BeforeEach
  void seed() {
    for (Product p : products.findAll()) {
      products.deleteById(p.id());
    }
    products.insertAll(SEED);
  }

  /** The address of a path on the running application. */
  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /**
   * Sends a request and reads the answer as text.
   *
   * @param client the client (one per person)
   * @param method the HTTP method
   * @param path the path
   * @param contentType the body's type, or null without a body
   * @param body the body, or null
   * @param headers name, value, name, value...
   */
  HttpResponse<String> send(
      HttpClient client,
      String method,
      String path,
      String contentType,
      String body,
      String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
