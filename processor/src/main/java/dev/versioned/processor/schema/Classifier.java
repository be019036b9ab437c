package dev.versioned.processor.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells, from a statement's leading keywords and without parsing it, whether it can shape a table.
 * The checks need only the tables: their columns, types, nullability and keys. So DML, indexes,
 * views, sequences, functions, procedures, triggers, grants, comments and session settings are
 * skipped, and a statement that would change a table through dynamic SQL (a {@code DO} block, a
 * call of a procedure that alters tables, a DDL string prepared and executed) is recognised as
 * such, so that the tables it may change are checked as warnings only.
 */
final class Classifier {
  private Classifier() {}

  /** What a statement means to the checks. */
  enum Kind {
    /** It creates, alters, renames or drops a table, or sets the current schema. */
    SHAPES,
    /** It cannot change a table: skipped without parsing. */
    SKIP,
    /** A procedure's definition: remembered, in case a later CALL changes tables through it. */
    PROCEDURE,
    /** It may change tables by running SQL that is not known before it runs. */
    DYNAMIC
  }

  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");

  private static final String NAME = "(?:\"[^\"]+\"|`[^`]+`|\\[[^\\]]+\\]|[\\w$]+)";
  static final String QUALIFIED = NAME + "(?:\\s*\\.\\s*" + NAME + ")*";

  /** The table a table-shaping statement names, after its leading keywords. */
  private static final Pattern TABLE_STATEMENT =
      Pattern.compile(
          "(?is)^\\s*(?:CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:(?:GLOBAL|LOCAL)\\s+)?"
              + "(?:(?:TEMPORARY|TEMP|UNLOGGED)\\s+)?TABLE|ALTER\\s+TABLE|DROP\\s+TABLE"
              + "|RENAME\\s+TABLES?|TRUNCATE\\s+TABLE)\\s+(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?"
              + "(?:ONLY\\s+)?("
              + QUALIFIED
              + "(?:\\s*,\\s*"
              + QUALIFIED
              + ")*)");

  private static final Pattern RENAMED_TO = nameAfter("(?i)\\bRENAME\\s+(?:TO|AS)\\s+", "");
  private static final Pattern RENAME_TABLE_TO = nameAfter("(?i)\\bTO\\s+", "");

  private static final Pattern DDL_IN_TEXT =
      Pattern.compile(
          "(?i)\\b(?:ALTER|DROP|CREATE|RENAME)\\s+TABLE\\s+(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?"
              + "(?:ONLY\\s+)?");

  private static final Pattern PROCEDURE_NAME =
      nameAfter(
          "(?is)^\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:DEFINER\\s*=\\s*\\S+\\s+)?"
              + "(?:PROCEDURE|FUNCTION)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?",
          "");

  private static final Pattern CALL_NAME =
      nameAfter("(?is)^\\s*(?:CALL|EXEC|EXECUTE|PERFORM|SELECT)\\s+", "\\s*\\(");

  private static final Pattern LITERAL =
      Pattern.compile("'((?:[^'\\\\]|''|\\\\.)*)'|\"((?:[^\"\\\\]|\"\"|\\\\.)*)\"");

  private static final Pattern VARIABLE_ASSIGNMENT =
      Pattern.compile("(?is)^\\s*SET\\s+@(\\w+)\\s*:?=\\s*(?:'((?:[^']|'')*)'|\"((?:[^\"]|\"\")*)\")\\s*$");
  private static final Pattern VARIABLE = Pattern.compile("@(\\w+)");

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][\\w$]*(?:\\.[A-Za-z_][\\w$]*)?");

  /** A pattern whose group 1 is a name, qualified or not, between the two expressions. */
  private static Pattern nameAfter(String before, String after) {
    return Pattern.compile(before + "(" + QUALIFIED + ")" + after);
  }

  /**
   * Classifies a statement.
   *
   * @param sql the statement, as {@link SqlScript} split it
   * @return its kind
   */
  static Kind classify(String sql) {
    List<String> w = words(sql, 6);
    if (w.isEmpty()) {
      return Kind.SKIP;
    }
    String first = w.get(0);
    switch (first) {
      case "CREATE":
        {
          int i = 1;
          while (i < w.size()
              && Set.of("OR", "REPLACE", "GLOBAL", "LOCAL", "TEMPORARY", "TEMP", "UNLOGGED")
                  .contains(w.get(i))) {
            i++;
          }
          String what = i < w.size() ? w.get(i) : "";
          if (what.equals("TABLE") || what.equals("SCHEMA") || what.equals("DATABASE")
              || what.equals("DOMAIN")) {
            return Kind.SHAPES;
          }
          if (what.equals("PROCEDURE") || what.equals("FUNCTION") || what.equals("DEFINER")) {
            return PROCEDURE_NAME.matcher(sql).find() ? Kind.PROCEDURE : Kind.SKIP;
          }
          return Kind.SKIP;
        }
      case "ALTER":
      case "DROP":
        {
          String what = w.size() > 1 ? w.get(1) : "";
          if (what.equals("TABLE")) {
            return first.equals("ALTER") && !alterShapes(sql) ? Kind.SKIP : Kind.SHAPES;
          }
          return what.equals("SCHEMA") || what.equals("DATABASE") || what.equals("DOMAIN")
              ? Kind.SHAPES
              : Kind.SKIP;
        }
      case "RENAME":
        return w.size() > 1 && w.get(1).startsWith("TABLE") ? Kind.SHAPES : Kind.SKIP;
      case "USE":
        return Kind.SHAPES;
      case "SET":
        {
          String what = w.size() > 1 ? w.get(1) : "";
          // The search path only says where unqualified tables go; a record without a schema
          // finds its table in any schema, so it is not interpreted (jOOQ's interpreter rejects
          // PostgreSQL's pg_catalog). A MySQL user variable may hold DDL to execute later.
          return what.isEmpty() || what.equals("SEARCH_PATH") || what.equals("SCHEMA")
              ? Kind.SKIP
              : Kind.DYNAMIC;
        }
      case "DO":
      case "CALL":
      case "EXEC":
      case "EXECUTE":
      case "PERFORM":
      case "SELECT":
      case "BEGIN":
        return Kind.DYNAMIC;
      default:
        return Kind.SKIP;
    }
  }

  /** The first {@code max} words of a statement, upper-cased. */
  static List<String> words(String sql, int max) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(sql);
    while (words.size() < max && m.find()) {
      words.add(m.group().toUpperCase(Locale.ROOT));
    }
    return words;
  }

  /**
   * Whether an ALTER TABLE changes anything the checks read: columns, their types and
   * nullability, primary and unique keys, the table's name. Only index, owner, storage, trigger
   * and default-value clauses do not.
   */
  static boolean alterShapes(String sql) {
    Matcher m = TABLE_STATEMENT.matcher(sql);
    if (!m.find()) {
      return true;
    }
    for (String clause : AlterClauses.split(sql.substring(m.end()))) {
      if (AlterClauses.shapes(clause)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The tables a table-shaping statement names: the table it creates, alters or drops, and the
   * new name of a renamed one; lower-cased, without schema.
   *
   * @param sql the statement
   * @return the names, possibly empty
   */
  static Set<String> tables(String sql) {
    Set<String> tables = new LinkedHashSet<>();
    Matcher m = TABLE_STATEMENT.matcher(sql);
    if (m.find()) {
      for (String name : splitNames(m.group(1))) {
        tables.add(name);
      }
      Matcher to =
          (words(sql, 1).get(0).equals("RENAME") ? RENAME_TABLE_TO : RENAMED_TO)
              .matcher(sql.substring(m.end()));
      while (to.find()) {
        tables.add(lastPart(to.group(1)));
      }
    }
    return tables;
  }

  /**
   * The name of the procedure or function a statement defines.
   *
   * @param sql a statement of kind {@link Kind#PROCEDURE}
   * @return its name, lower-cased, without schema
   */
  static String procedureName(String sql) {
    Matcher m = PROCEDURE_NAME.matcher(sql);
    return m.find() ? lastPart(m.group(1)) : "";
  }

  /**
   * The procedure a statement calls.
   *
   * @param sql a statement of kind {@link Kind#DYNAMIC}
   * @return its name, lower-cased, without schema, or null when it calls none
   */
  static String calledProcedure(String sql) {
    Matcher m = CALL_NAME.matcher(sql);
    return m.find() ? lastPart(m.group(1)) : null;
  }

  /**
   * Whether a text (a procedure's body, a {@code DO} block, a string to be executed) holds DDL
   * that shapes a table: an ALTER TABLE whose clauses do (not only indexes), or a CREATE, DROP or
   * RENAME TABLE. String literals are read as the SQL they will become once concatenated.
   *
   * @param text the text
   * @return whether it does
   */
  static boolean dynamicDdl(String text) {
    String sql = dynamicText(text);
    Matcher m = DDL_IN_TEXT.matcher(sql);
    while (m.find()) {
      String phrase = m.group().trim().toUpperCase(Locale.ROOT);
      if (!phrase.startsWith("ALTER")) {
        return true;
      }
      int next = sql.length();
      Matcher following = DDL_IN_TEXT.matcher(sql);
      if (following.find(m.end())) {
        next = following.start();
      }
      String rest = sql.substring(m.end(), next).replaceFirst("^\\s*" + QUALIFIED, "");
      for (String clause : AlterClauses.split(rest)) {
        if (AlterClauses.shapes(clause)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The tables a text of dynamic DDL names: those named after its table keywords, and the string
   * literals shaped like a name that a call passes (the table a procedure is told to alter).
   *
   * @param text the text
   * @return the names, lower-cased, without schema
   */
  static Set<String> dynamicTables(String text) {
    Set<String> tables = new LinkedHashSet<>();
    String sql = dynamicText(text);
    Matcher m = DDL_IN_TEXT.matcher(sql);
    while (m.find()) {
      Matcher name = Pattern.compile("^\\s*(" + QUALIFIED + ")").matcher(sql.substring(m.end()));
      if (name.find() && !name.group(1).equals("x")) {
        tables.add(lastPart(name.group(1)));
      }
    }
    return tables;
  }

  /**
   * Remembers a MySQL user variable set to a string ({@code SET @tablename = "queue"}), which
   * dynamic SQL built later may name a table with.
   *
   * @param sql a statement
   * @param variables the variables so far, by name
   */
  static void recordVariable(String sql, java.util.Map<String, String> variables) {
    Matcher m = VARIABLE_ASSIGNMENT.matcher(sql);
    if (m.matches()) {
      variables.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
    }
  }

  /**
   * A statement with each user variable that holds a string replaced by that string, quoted.
   *
   * @param sql the statement
   * @param variables the variables, by name
   * @return the statement
   */
  static String withVariables(String sql, java.util.Map<String, String> variables) {
    if (variables.isEmpty()) {
      return sql;
    }
    Matcher m = VARIABLE.matcher(sql);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = variables.get(m.group(1).toLowerCase(Locale.ROOT));
      m.appendReplacement(
          sb, Matcher.quoteReplacement(value == null ? m.group() : "'" + value.replace("'", "''") + "'"));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /**
   * The identifiers passed as string literals, for a call: {@code CALL fix('queue', 'a, b')}
   * yields {@code queue}.
   */
  static Set<String> literalNames(String sql) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = LITERAL.matcher(sql);
    while (m.find()) {
      String value = (m.group(1) != null ? m.group(1) : m.group(2)).trim();
      if (IDENTIFIER.matcher(value).matches()) {
        names.add(lastPart(value));
      }
    }
    return names;
  }

  /**
   * The statement with each string literal replaced by its content, and each stretch of code
   * between two literals by a name {@code x}: {@code CONCAT('ALTER TABLE ', t, ' MODIFY id INT')}
   * reads {@code ALTER TABLE x MODIFY id INT}.
   */
  private static String dynamicText(String text) {
    StringBuilder sb = new StringBuilder();
    Matcher m = LITERAL.matcher(text);
    int last = 0;
    boolean any = false;
    while (m.find()) {
      String between = text.substring(last, m.start());
      String separator = between.trim();
      if (any && (separator.equals(",") || separator.equals("||") || separator.equals("+"))) {
        sb.append(""); // two literals concatenated
      } else if (any && !between.isBlank()) {
        sb.append(between.contains(")") || between.contains(";") ? " ; " : " x ");
      } else if (!any) {
        sb.append(text, last, m.start()).append(' ');
      }
      sb.append(m.group(1) != null ? m.group(1).replace("''", "'") : m.group(2));
      last = m.end();
      any = true;
    }
    sb.append(' ').append(text.substring(last));
    return sb.toString();
  }

  private static List<String> splitNames(String list) {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile(QUALIFIED).matcher(list);
    while (m.find()) {
      String name = lastPart(m.group());
      if (!name.equalsIgnoreCase("to")) {
        names.add(name);
      }
    }
    return names;
  }

  private static String lastPart(String qualified) {
    Matcher m = Pattern.compile(NAME).matcher(qualified);
    String last = qualified;
    while (m.find()) {
      last = m.group();
    }
    return unquote(last).toLowerCase(Locale.ROOT);
  }

  static String unquote(String name) {
    if (name.length() >= 2
        && ((name.startsWith("\"") && name.endsWith("\""))
            || (name.startsWith("`") && name.endsWith("`"))
            || (name.startsWith("[") && name.endsWith("]")))) {
      return name.substring(1, name.length() - 1);
    }
    return name;
  }
}
