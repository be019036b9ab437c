package dev.versioned.processor.schema;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces Flyway's (and Liquibase's) placeholders, {@code ${name}}, as the migration tool does
 * before it runs a script. A placeholder given a value by {@code -Aversioned.placeholders} takes
 * it. Any other one takes a neutral value: a schema qualifier ({@code ${flyway:defaultSchema}.post}
 * or {@code ${schema}.post}) is dropped, so the table lands in the default schema, which is where
 * a record without {@code schema} looks; elsewhere the placeholder becomes its own name, a plain
 * identifier ({@code flyway_user} for {@code ${flyway:user}}), which no check reads.
 */
final class Placeholders {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$\\{([A-Za-z0-9_.:-]+)}(\\s*\\.(?=\\s*[\"`\\[\\w]))?");

  private Placeholders() {}

  /**
   * Replaces the placeholders of a script.
   *
   * @param text the script
   * @param values the values given, by name (names compare without regard to case)
   * @return the script as the migration tool runs it
   */
  static String replace(String text, Map<String, String> values) {
    if (text.indexOf("${") < 0) {
      return text;
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = value(name, values);
      String replacement;
      if (value != null) {
        replacement = value + (m.group(2) == null ? "" : m.group(2));
      } else if (m.group(2) != null) {
        replacement = "";
      } else {
        replacement = name.replaceAll("[^A-Za-z0-9_]", "_");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String value(String name, Map<String, String> values) {
    String exact = values.get(name);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return e.getValue();
      }
    }
    return null;
  }
}
