package dev.versioned.sampleweb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(address)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<h1>Products</h1>"), page.body());
  }
}
