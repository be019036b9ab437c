package dev.versioned.processor.schema;

/** Shows a statement of a migration in a message: one line, not too long. */
final class Statements {
  private static final int MAX = 160;

  private Statements() {}

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
