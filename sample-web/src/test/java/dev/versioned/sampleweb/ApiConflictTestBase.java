package dev.versioned.sampleweb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Two people through the JSON API, and through the page's plain form posts, each with an HTTP
 * client of their own: both read version 0 of the desk lamp, one changes the price, the other the
 * stock. The second write is refused (nothing written, the current {@code ETag} told); the second
 * client reads again and sends its change once more; the database then holds both changes at
 * version 2. A third client's delete from version 0 is refused and the product stays.
 */
abstract class ApiConflictTestBase extends SampleWebTest {
  private static final String JSON = "application/json";
  private static final String FORM = "application/x-www-form-urlencoded";

  private final HttpClient alice = HttpClient.newHttpClient();
  private final HttpClient bob = HttpClient.newHttpClient();
  private final HttpClient carol = HttpClient.newHttpClient();

  private static String etag(HttpResponse<?> response) {
    return response.headers().firstValue("ETag").orElse(null);
  }

  private Product stored() {
    return products.findById(LAMP.id()).orElseThrow();
  }

  @Test
  void twoClientsChangeDifferentFieldsAndBothChangesAreKept() throws Exception {
    HttpResponse<String> aliceRead = send(alice, "GET", "/api/products/1", null, null);
    HttpResponse<String> bobRead = send(bob, "GET", "/api/products/1", null, null);
    HttpResponse<String> carolRead = send(carol, "GET", "/api/products/1", null, null);
    assertEquals(200, aliceRead.statusCode(), aliceRead.body());
    assertEquals("\"0\"", etag(aliceRead));
    assertEquals("\"0\"", etag(bobRead));
    assertTrue(aliceRead.body().contains("\"price\":19.90"), aliceRead.body());

    HttpResponse<String> aliceSaved =
        send(alice, "PATCH", "/api/products/1", JSON, "{\"price\":24.50}", "If-Match", "\"0\"");
    assertEquals(200, aliceSaved.statusCode(), aliceSaved.body());
    assertEquals("\"1\"", etag(aliceSaved));

    // Bob's copy is stale: refused, nothing written, and he is told the current version.
    HttpResponse<String> bobRefused =
        send(bob, "PATCH", "/api/products/1", JSON, "{\"stock\":7}", "If-Match", etag(bobRead));
    assertEquals(412, bobRefused.statusCode(), bobRefused.body());
    assertEquals("\"1\"", etag(bobRefused));
    assertTrue(
        bobRefused.headers().firstValue("Content-Type").orElseThrow()
            .startsWith("application/problem+json"),
        bobRefused.headers().toString());
    assertEquals(lamp("24.50", 12, 1), stored());

    // He reads the current version and sends only his change again, on its ETag.
    HttpResponse<String> bobReread = send(bob, "GET", "/api/products/1", null, null);
    assertEquals("\"1\"", etag(bobReread));
    assertTrue(bobReread.body().contains("\"price\":24.50"), bobReread.body());
    HttpResponse<String> bobSaved =
        send(bob, "PATCH", "/api/products/1", JSON, "{\"stock\":7}", "If-Match", etag(bobReread));
    assertEquals(200, bobSaved.statusCode(), bobSaved.body());
    assertEquals("\"2\"", etag(bobSaved));
    assertEquals(lamp("24.50", 7, 2), stored());

    // Carol deletes the copy she read at version 0: refused, the product stays as it is.
    HttpResponse<String> carolRefused =
        send(carol, "DELETE", "/api/products/1", null, null, "If-Match", etag(carolRead));
    assertEquals(412, carolRefused.statusCode(), carolRefused.body());
    assertEquals("\"2\"", etag(carolRefused));
    assertEquals(lamp("24.50", 7, 2), stored());
  }

  @Test
  void aStalePutIsRefusedEvenWhenItsBodyEqualsTheStoredValues() throws Exception {
    products.update(LAMP); // version 1, same values
    String body =
        "{\"name\":\"Desk lamp\",\"price\":19.90,\"stock\":12,"
            + "\"description\":\"Adjustable arm, warm white LED.\"}";
    HttpResponse<String> put =
        send(alice, "PUT", "/api/products/1", JSON, body, "If-Match", "\"0\"");
    assertEquals(412, put.statusCode(), put.body());
    assertEquals("\"1\"", etag(put));
    HttpResponse<String> patch =
        send(alice, "PATCH", "/api/products/1", JSON, "{}", "If-Match", "\"0\"");
    assertEquals(412, patch.statusCode(), patch.body());
    assertEquals(1, stored().lockVersion());

    HttpResponse<String> current =
        send(alice, "PUT", "/api/products/1", JSON, body.replace("12", "11"), "If-Match", "\"1\"");
    assertEquals(200, current.statusCode(), current.body());
    assertEquals("\"2\"", etag(current));
    assertEquals(11, stored().stock());
  }

  @Test
  void writesWithoutIfMatchOrWithWrongValuesAreRefused() throws Exception {
    HttpResponse<String> noIfMatch =
        send(alice, "PATCH", "/api/products/1", JSON, "{\"stock\":1}");
    assertEquals(428, noIfMatch.statusCode(), noIfMatch.body());
    HttpResponse<String> noIfMatchDelete = send(alice, "DELETE", "/api/products/1", null, null);
    assertEquals(428, noIfMatchDelete.statusCode(), noIfMatchDelete.body());
    HttpResponse<String> negative =
        send(alice, "PATCH", "/api/products/1", JSON, "{\"stock\":-1,\"price\":1.234}", "If-Match",
            "\"0\"");
    assertEquals(400, negative.statusCode(), negative.body());
    assertTrue(negative.body().contains("Stock cannot be negative."), negative.body());
    assertTrue(negative.body().contains("Use at most two decimals"), negative.body());
    assertEquals(404, send(alice, "GET", "/api/products/99", null, null).statusCode());
    assertEquals(LAMP, stored());

    HttpResponse<String> deleted =
        send(alice, "DELETE", "/api/products/1", null, null, "If-Match", "\"0\"");
    assertEquals(204, deleted.statusCode(), deleted.body());
    assertTrue(products.findById(1).isEmpty());
  }

  @Test
  void thePagesFormsRefuseStaleCopiesToo() throws Exception {
    String opened =
        "version=0&originalName=Desk+lamp&originalPrice=19.90&originalStock=12"
            + "&originalDescription=Adjustable+arm%2C+warm+white+LED.";
    String description = "&description=Adjustable+arm%2C+warm+white+LED.";
    String aliceForm = opened + "&name=Desk+lamp&price=24.50&stock=12" + description;
    String bobForm = opened + "&name=Desk+lamp&price=19.90&stock=7" + description;

    HttpResponse<String> aliceSaved = send(alice, "POST", "/products/1", FORM, aliceForm);
    assertEquals(302, aliceSaved.statusCode(), aliceSaved.body());
    assertEquals(lamp("24.50", 12, 1), stored());

    HttpResponse<String> bobConflict = send(bob, "POST", "/products/1", FORM, bobForm);
    assertEquals(409, bobConflict.statusCode(), bobConflict.body());
    assertTrue(bobConflict.body().contains("Not saved: someone else changed this product"));
    assertEquals(lamp("24.50", 12, 1), stored());

    HttpResponse<String> bobReapplied =
        send(bob, "POST", "/products/1/resolve", FORM,
            bobForm + "&choice=reapply&currentVersion=1");
    assertEquals(302, bobReapplied.statusCode(), bobReapplied.body());
    assertEquals(lamp("24.50", 7, 2), stored());

    // A reapply from a conflict view that is itself out of date shows the conflict again.
    HttpResponse<String> outdated =
        send(bob, "POST", "/products/1/resolve", FORM,
            bobForm.replace("stock=7", "stock=6") + "&choice=reapply&currentVersion=1");
    assertEquals(409, outdated.statusCode(), outdated.body());
    assertTrue(outdated.body().contains("It changed once more"), outdated.body());
    assertEquals(lamp("24.50", 7, 2), stored());

    HttpResponse<String> carolDelete = send(carol, "POST", "/products/1/delete", FORM, opened);
    assertEquals(409, carolDelete.statusCode(), carolDelete.body());
    assertTrue(carolDelete.body().contains("Not deleted"), carolDelete.body());
    assertEquals(lamp("24.50", 7, 2), stored());
  }

  @Test
  void aFormWithWrongValuesShowsEachMessageAndSavesNothing() throws Exception {
    String form =
        "version=0&originalName=Desk+lamp&originalPrice=19.90&originalStock=12"
            + "&originalDescription=Adjustable+arm%2C+warm+white+LED."
            + "&name=&price=cheap&stock=-2&description=";
    HttpResponse<String> refused = send(alice, "POST", "/products/1", FORM, form);
    assertEquals(422, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("Enter a name."), refused.body());
    assertTrue(refused.body().contains("Enter the price as a number, like 19.90."));
    assertTrue(refused.body().contains("Stock cannot be negative."));
    assertTrue(refused.body().contains("aria-describedby=\"price-error\""), refused.body());
    assertEquals(LAMP, stored());
  }

  private static Product lamp(String price, int stock, long version) {
    return new Product(
        LAMP.id(), LAMP.name(), new BigDecimal(price), stock, LAMP.description(), version);
  }
}
