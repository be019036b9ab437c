package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The making of each database's DDL from {@code schema.sql}: how a column's definition is matched,
 * and that every replacement a database declares is still used.
 */
class SchemaScriptTest {
  private static final String SCRIPT =
      String.join(
          "\n",
          "CREATE TABLE \"t\" (",
          "  \"id\" BIGINT PRIMARY KEY,",
          "  \"at\" TIMESTAMP WITH TIME ZONE NOT NULL,",
          "  \"on\" TIMESTAMP,",
          "  \"amount\" DECIMAL(19, 2) NOT NULL,",
          "  \"big\" BIGINT",
          ");");

  @Test
  void theWholeDefinitionThenTheTypeThenTheTypeNameIsLookedUp() {
    assertEquals(
        String.join(
            "\n",
            "CREATE TABLE \"t\" (",
            "  \"id\" INTEGER PRIMARY KEY,",
            "  \"at\" TEXT NOT NULL,",
            "  \"on\" TEXT,",
            "  \"amount\" TEXT NOT NULL,",
            "  \"big\" BIGINT",
            ");"),
        SchemaScript.translate(SCRIPT, TestDatabase.SQLITE));
  }

  @Test
  void aTypeIsNotMatchedByTheStartOfALongerType() {
    String hsqldb = SchemaScript.translate(SCRIPT, TestDatabase.HSQLDB);
    assertTrue(hsqldb.contains("\"at\" TIMESTAMP(6) WITH TIME ZONE NOT NULL,"), hsqldb);
    assertTrue(hsqldb.contains("\"on\" TIMESTAMP(6),"), hsqldb);
  }

  @Test
  void mariaDbQuotesWithBackQuotesAndUsesInnoDb() {
    String mariadb = SchemaScript.translate(SCRIPT, TestDatabase.MARIADB);
    assertFalse(mariadb.contains("\""), mariadb);
    assertTrue(mariadb.startsWith("CREATE TABLE `t` ("), mariadb);
    assertTrue(mariadb.endsWith(") ENGINE = InnoDB;"), mariadb);
  }

  @Test
  void h2RunsTheScriptAsWritten() {
    assertEquals(
        TestDatabase.resource(SchemaScript.RESOURCE), SchemaScript.of(TestDatabase.H2));
  }

  /** A replacement that changes no line of {@code schema.sql} is left over: remove it. */
  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void everyReplacementIsUsed(TestDatabase db) {
    String script = TestDatabase.resource(SchemaScript.RESOURCE);
    Map<String, String> all = SchemaScript.types(db);
    String translated = SchemaScript.translate(script, all, db);
    for (String neutral : all.keySet()) {
      Map<String, String> others = new LinkedHashMap<>(all);
      others.remove(neutral);
      assertNotEquals(
          translated,
          SchemaScript.translate(script, others, db),
          db + ": the replacement of " + neutral + " changes no line of schema.sql");
    }
  }
}
