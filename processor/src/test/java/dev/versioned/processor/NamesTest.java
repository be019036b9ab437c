package dev.versioned.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The naming conventions: table and column names, constant names, method names. */
class NamesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "BlogPost, blog_post",
    "lockVersion, lock_version",
    "HTTPRequest, http_request",
    "address2Line, address2_line",
    "id, id",
    "Post, post",
    "A, a",
    "URL, url",
    "userID, user_id",
    "getHTTPResponseCode, get_http_response_code",
    "ABTest, ab_test",
    "line2, line2",
    "line22b, line22b",
    "x1Y2, x1_y2",
    "already_snake, already_snake",
    "Already_Snake, already_snake",
    "größeInMeter, größe_in_meter",
    "ÄrgerMitÜmlauten, ärger_mit_ümlauten",
    "orderId, order_id",
    "OrderLine, order_line"
  })
  void snakeCase(String name, String expected) {
    assertEquals(expected, Names.snakeCase(name));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "id, ID",
    "lockVersion, LOCK_VERSION",
    "title, TITLE",
    "address2Line, ADDRESS2_LINE",
    "httpURL, HTTP_URL"
  })
  void constantCase(String name, String expected) {
    assertEquals(expected, Names.constantCase(name));
  }

  @Test
  void constantCaseDoesNotDependOnTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      // Turkish upper-cases i to a dotted İ unless the root locale is used.
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertEquals("ID", Names.constantCase("id"));
      assertEquals("LINE_ITEM", Names.constantCase("lineItem"));
      assertEquals("title_id", Names.snakeCase("TitleID"));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"views, Views", "x, X", "URL, URL", "lockVersion, LockVersion", "'', ''"})
  void capitalize(String name, String expected) {
    assertEquals(expected, Names.capitalize(name));
  }
}
