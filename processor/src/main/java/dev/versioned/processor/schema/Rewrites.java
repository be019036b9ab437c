package dev.versioned.processor.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second reading of a CREATE or ALTER TABLE that jOOQ's parser rejects: the same statement with
 * what the checks do not read taken out, and dialect-specific types jOOQ's open-source parser does
 * not know replaced by the standard type that holds the same values.
 *
 * <ul>
 *   <li>{@code DEFAULT <expression>} of a column is dropped: the checks never read defaults, and
 *       typed or dialect-specific default expressions are a common reason the parser fails;
 *   <li>MySQL's {@code SET('a', 'b')} becomes {@code VARCHAR(n)}, {@code n} long enough for every
 *       label at once, and an {@code ENUM} whose labels jOOQ cannot make an enum of becomes {@code
 *       VARCHAR} of its longest label;
 *   <li>MySQL's {@code BINARY} attribute after a character type (a binary collation) is dropped.
 * </ul>
 */
final class Rewrites {
  private Rewrites() {}

  private static final Set<String> ATTRIBUTE_START =
      Set.of(
          "NOT", "NULL", "PRIMARY", "UNIQUE", "CHECK", "REFERENCES", "CONSTRAINT", "COMMENT",
          "COLLATE", "GENERATED", "AUTO_INCREMENT", "ON", "AFTER", "FIRST", "IDENTITY");

  private static final Pattern SET_TYPE = Pattern.compile("(?i)\\bSET\\s*\\(((?:\\s*'(?:[^']|'')*'\\s*,?)+)\\)");
  private static final Pattern ENUM_TYPE = Pattern.compile("(?i)\\bENUM\\s*\\(((?:\\s*'(?:[^']|'')*'\\s*,?)+)\\)");
  private static final Pattern LABEL = Pattern.compile("'((?:[^']|'')*)'");
  private static final Pattern BINARY_ATTRIBUTE =
      Pattern.compile("(?i)\\b((?:VAR)?CHAR\\s*\\(\\s*\\d+\\s*\\)|TEXT)\\s+BINARY\\b");

  /**
   * The statement rewritten for a second attempt.
   *
   * @param sql a CREATE or ALTER TABLE statement
   * @param enums whether to replace ENUM types too
   * @return the rewritten statement (the same text when nothing applies)
   */
  static String rewrite(String sql, boolean enums) {
    String s = withoutDefaults(sql);
    s = replaceLabels(SET_TYPE, s, true);
    if (enums) {
      s = replaceLabels(ENUM_TYPE, s, false);
    }
    return BINARY_ATTRIBUTE.matcher(s).replaceAll("$1");
  }

  /**
   * Replaces MySQL's {@code SET('a', 'b')} column types by the {@code VARCHAR} that holds every
   * label at once (jOOQ would compile a Java enum for each).
   *
   * @param sql a CREATE or ALTER TABLE statement
   * @return the statement
   */
  static String setTypes(String sql) {
    return replaceLabels(SET_TYPE, sql, true);
  }

  private static String replaceLabels(Pattern type, String sql, boolean all) {
    Matcher m = type.matcher(sql);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      Matcher label = LABEL.matcher(m.group(1));
      int total = 0;
      int longest = 1;
      int count = 0;
      while (label.find()) {
        int length = label.group(1).replace("''", "'").length();
        total += length;
        longest = Math.max(longest, length);
        count++;
      }
      int length = all ? Math.max(1, total + count - 1) : longest;
      m.appendReplacement(sb, "VARCHAR(" + length + ")");
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static final Pattern INLINE_REFERENCES =
      Pattern.compile(
          "(?is)\\bREFERENCES\\s+[\\w$.\"`]+\\s*(?:\\([^)]*\\))?(?:\\s+(?:ON\\s+(?:DELETE|UPDATE)\\s+"
              + "(?:SET\\s+NULL|SET\\s+DEFAULT|CASCADE|RESTRICT|NO\\s+ACTION)|MATCH\\s+\\w+"
              + "|NOT\\s+DEFERRABLE|DEFERRABLE|INITIALLY\\s+\\w+))*");

  /**
   * The statement without its foreign keys, for one that jOOQ's interpreter rejects because of
   * one (a reference to a table created later, or renamed since): the checks do not read them.
   *
   * @param sql a CREATE or ALTER TABLE statement
   * @return the statement, or null when it declares no foreign key
   */
  static String withoutForeignKeys(String sql) {
    if (!sql.toUpperCase(Locale.ROOT).contains("REFERENCES")) {
      return null;
    }
    int open = sql.indexOf('(');
    boolean create = Classifier.words(sql, 1).get(0).equals("CREATE");
    String result;
    if (create && open > 0) {
      int close = sql.lastIndexOf(')');
      List<String> kept = new ArrayList<>();
      for (String element : AlterClauses.split(sql.substring(open + 1, close))) {
        if (!element.toUpperCase(Locale.ROOT).contains("FOREIGN KEY")) {
          kept.add(INLINE_REFERENCES.matcher(element).replaceAll(""));
        }
      }
      result = sql.substring(0, open + 1) + String.join(", ", kept) + sql.substring(close);
    } else {
      Matcher head = Pattern.compile("(?is)^\\s*ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?[\\w$.\"`]+").matcher(sql);
      if (!head.find()) {
        return null;
      }
      List<String> kept = new ArrayList<>();
      for (String clause : AlterClauses.split(sql.substring(head.end()))) {
        String upper = clause.toUpperCase(Locale.ROOT);
        if (!upper.contains("FOREIGN KEY") && !upper.startsWith("DROP CONSTRAINT")) {
          kept.add(INLINE_REFERENCES.matcher(clause).replaceAll(""));
        }
      }
      if (kept.isEmpty()) {
        return "";
      }
      result = head.group() + " " + String.join(", ", kept);
    }
    return result;
  }

  private static final Pattern COLUMN_ENUM =
      Pattern.compile(
          "(?i)([\\w$]+|`[^`]+`|\"[^\"]+\")\\s+ENUM\\s*\\(((?:\\s*'(?:[^']|'')*'\\s*,?)+)\\)");

  /**
   * Replaces MySQL's inline {@code ENUM('a', 'b')} column types by {@code VARCHAR} of the longest
   * label, and tells the labels of each column. jOOQ's parser would otherwise compile a Java enum
   * for each of them while javac runs, which costs about a second for the first one.
   *
   * @param sql a CREATE or ALTER TABLE statement
   * @param labels receives, per lower-cased column name, its labels
   * @return the statement with the ENUM types replaced
   */
  static String inlineEnums(String sql, Map<String, List<String>> labels) {
    Matcher m = COLUMN_ENUM.matcher(sql);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      List<String> values = new ArrayList<>();
      Matcher label = LABEL.matcher(m.group(2));
      int longest = 1;
      while (label.find()) {
        String value = label.group(1).replace("''", "'");
        values.add(value);
        longest = Math.max(longest, value.length());
      }
      labels.put(Classifier.unquote(m.group(1)).toLowerCase(Locale.ROOT), List.copyOf(values));
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + " VARCHAR(" + longest + ")"));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Drops each {@code DEFAULT <expression>}, up to the next column attribute, comma or paren. */
  static String withoutDefaults(String sql) {
    StringBuilder out = new StringBuilder();
    Matcher m = Pattern.compile("(?i)\\bDEFAULT\\b").matcher(sql);
    int last = 0;
    while (m.find(last)) {
      int start = m.start();
      if (inLiteral(sql, start) || precededBySpecialWord(sql, start)) {
        out.append(sql, last, m.end());
        last = m.end();
        continue;
      }
      out.append(sql, last, start);
      int i = m.end();
      int depth = 0;
      int n = sql.length();
      while (i < n) {
        char c = sql.charAt(i);
        if (c == '\'') {
          int close = i + 1;
          while (close < n && !(sql.charAt(close) == '\'' && (close + 1 >= n || sql.charAt(close + 1) != '\''))) {
            close += sql.charAt(close) == '\'' ? 2 : 1;
          }
          i = Math.min(n, close + 1);
          continue;
        }
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          if (depth == 0) {
            break;
          }
          depth--;
        } else if (c == ',' && depth == 0) {
          break;
        } else if (depth == 0 && Character.isLetter(c) && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
          int end = i;
          while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
            end++;
          }
          String word = sql.substring(i, end).toUpperCase(Locale.ROOT);
          if (ATTRIBUTE_START.contains(word) && i > m.end() + 1) {
            break;
          }
          i = end;
          continue;
        }
        i++;
      }
      out.append(' ');
      last = i;
    }
    out.append(sql.substring(last));
    return out.toString();
  }

  /** {@code DEFAULT CHARSET}, {@code SET DEFAULT}, {@code DROP DEFAULT}: not a column default. */
  private static boolean precededBySpecialWord(String sql, int at) {
    String before = sql.substring(0, at).trim().toUpperCase(Locale.ROOT);
    String after = sql.substring(at + "DEFAULT".length()).trim().toUpperCase(Locale.ROOT);
    return before.endsWith("SET")
        || before.endsWith("DROP")
        || after.startsWith("CHARSET")
        || after.startsWith("CHARACTER")
        || after.startsWith("COLLATE")
        || after.startsWith("=");
  }

  private static boolean inLiteral(String sql, int at) {
    int quotes = 0;
    for (int i = 0; i < at; i++) {
      if (sql.charAt(i) == '\'') {
        quotes++;
      }
    }
    return quotes % 2 == 1;
  }
}
