package dev.versioned.sampleweb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** The address the application prints once it listens is the one it serves the page at. */
class StartupLineTest extends SampleWebTest {
  @Autowired Environment environment;

  @Test
  void theAddressIsTheServersPort() throws Exception {
    String address = SampleWebApplication.address(environment);
    assertEquals("http://localhost:" + port + "/", address);
    var page =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(address)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    assertEquals(true, page.body().contains("<h1>Products</h1>"), page.body());
  }
}
