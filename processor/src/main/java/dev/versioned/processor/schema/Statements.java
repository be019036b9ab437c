package dev.versioned.processor.schema;

/** Shows a statement of a migration in a message: one line, not too long. */
final class Statements {
  private static final int MAX = 160;

  private Statements() {}

  /**
   * The statement around a position of a script, for a parse error. jOOQ knows where parsing
   * stopped but not where the statement began: take the text between the semicolons around the
   * position (a semicolon in a string literal may cut it short, which only shortens the excerpt).
   *
   * @param text the script
   * @param position where parsing stopped
   * @return the statement, on one line
   */
  static String around(String text, int position) {
    int at = Math.max(0, Math.min(position, text.length()));
    int start = text.lastIndexOf(';', at - 1) + 1;
    int end = text.indexOf(';', at);
    if (end < 0) {
      end = text.length();
    }
    String statement = text.substring(start, end);
    // Drop the comment lines in front of the statement.
    StringBuilder sb = new StringBuilder();
    for (String line : statement.split("\\R")) {
      String trimmed = line.trim();
      if (sb.length() == 0 && (trimmed.isEmpty() || trimmed.startsWith("--"))) {
        continue;
      }
      sb.append(trimmed).append(' ');
    }
    return shorten(sb.toString());
  }

  /**
   * A statement on one line, cut when long.
   *
   * @param statement the statement
   * @return one line of at most 160 characters
   */
  static String shorten(String statement) {
    String line = statement.replaceAll("\\s+", " ").trim();
    return line.length() <= MAX ? line : line.substring(0, MAX - 3) + "...";
  }
}
