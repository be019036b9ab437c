package dev.versioned.processor;

import java.util.Locale;

/** Name conventions shared by the reader and the writer. */
public final class Names {
  private Names() {}

  /**
   * Converts a Java name to snake_case: {@code BlogPost} to {@code blog_post}, {@code lockVersion}
   * to {@code lock_version}, {@code HTTPRequest} to {@code http_request}.
   *
   * @param name a Java identifier
   * @return its snake_case form
   */
  public static String snakeCase(String name) {
    StringBuilder sb = new StringBuilder(name.length() + 8);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          char prev = name.charAt(i - 1);
          boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
          if (Character.isLowerCase(prev)
              || Character.isDigit(prev)
              || (Character.isUpperCase(prev) && nextLower)) {
            sb.append('_');
          }
        }
        sb.append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Converts a Java name to UPPER_SNAKE_CASE, the name of its {@code Field} constant.
   *
   * @param name a Java identifier
   * @return its UPPER_SNAKE_CASE form
   */
  public static String constantCase(String name) {
    return snakeCase(name).toUpperCase(Locale.ROOT);
  }

  /**
   * Capitalizes the first letter: {@code views} to {@code Views}.
   *
   * @param name a Java identifier
   * @return the name with its first letter in upper case
   */
  public static String capitalize(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
