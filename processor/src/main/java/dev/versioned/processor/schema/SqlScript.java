package dev.versioned.processor.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a migration script into statements the way the database's own client does, without
 * parsing them: each statement keeps the line it starts on, so a message can point at it.
 *
 * <p>Understood: {@code --}, {@code /* *}{@code /} and (MySQL, MariaDB) {@code #} comments; string
 * literals in single quotes (with {@code ''} and, on MySQL/MariaDB, backslash escapes), quoted
 * names in double quotes, backticks and brackets; PostgreSQL dollar-quoted bodies ({@code $$ ...
 * $$}, {@code $tag$ ... $tag$}); the MySQL client's {@code DELIMITER} command; jOOQ's {@code --
 * [jooq ignore start]} / {@code -- [jooq ignore stop]} comments (the statements between them are
 * dropped); and Liquibase formatted SQL ({@code --liquibase formatted sql}, {@code --changeset}
 * with its {@code endDelimiter}, {@code splitStatements} and {@code dbms} attributes).
 */
final class SqlScript {
  private static final Pattern DELIMITER =
      Pattern.compile("(?i)^[ \\t]*DELIMITER[ \\t]+(\\S+)[ \\t]*$", Pattern.MULTILINE);
  private static final Pattern LIQUIBASE =
      Pattern.compile("(?i)^[ \\t]*--[ \\t]*liquibase[ \\t]+formatted[ \\t]+sql");
  private static final Pattern CHANGESET =
      Pattern.compile("(?i)^[ \\t]*--[ \\t]*changeset[ \\t]+(.*)$");
  private static final Pattern ATTRIBUTE = Pattern.compile("(?i)\\b(\\w+):(\\S+)");

  private SqlScript() {}

  /**
   * One statement of a script.
   *
   * @param sql its text, without the delimiter and without leading comments
   * @param line the 1-based line of the script it starts on
   */
  record Statement(String sql, int line) {}

  /**
   * Whether a script is a Liquibase formatted-SQL changelog.
   *
   * @param text the script
   * @return whether its first line says {@code --liquibase formatted sql}
   */
  static boolean isLiquibase(String text) {
    return LIQUIBASE.matcher(text).lookingAt();
  }

  /**
   * Splits a script.
   *
   * @param text the script, placeholders already replaced
   * @param mysql whether MySQL's lexical rules apply ({@code #} comments, backslash escapes)
   * @param dbms the dialect's name as Liquibase's {@code dbms} attribute spells it
   * @return the statements, in order
   */
  static List<Statement> split(String text, boolean mysql, String dbms) {
    Splitter splitter = new Splitter(text, mysql);
    if (isLiquibase(text)) {
      splitter.liquibase = true;
      splitter.dbms = dbms;
    }
    splitter.run();
    return splitter.statements;
  }

  /** The state of one pass over a script. */
  private static final class Splitter {
    private final String text;
    private final boolean mysql;
    private final List<Statement> statements = new ArrayList<>();
    private String delimiter = ";";
    private boolean liquibase;
    private String dbms;
    private boolean splitStatements = true;
    private boolean skipChangeset;
    private boolean ignoring;
    private final StringBuilder current = new StringBuilder();
    private int currentLine = -1;
    private int line = 1;

    Splitter(String text, boolean mysql) {
      this.text = text;
      this.mysql = mysql;
    }

    void run() {
      int i = 0;
      int n = text.length();
      while (i < n) {
        boolean lineStart = i == 0 || text.charAt(i - 1) == '\n';
        char c = text.charAt(i);
        if (lineStart) {
          int handled = lineCommand(i);
          if (handled > i) {
            i = handled;
            continue;
          }
        }
        if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
          i = comment(i, lineEnd(i));
          continue;
        }
        if (c == '#' && mysql) {
          i = comment(i, lineEnd(i));
          continue;
        }
        if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
          int end = text.indexOf("*/", i + 2);
          end = end < 0 ? n : end + 2;
          i = comment(i, end);
          continue;
        }
        if (splitStatements && !skipChangeset && text.startsWith(delimiter, i)) {
          finish();
          i += delimiter.length();
          continue;
        }
        if (c == '\'' || c == '"' || c == '`' || (c == '[' && !mysql)) {
          i = quoted(i, c == '[' ? ']' : c);
          continue;
        }
        if (c == '$' && !mysql) {
          int end = dollarQuoted(i);
          if (end > i) {
            i = end;
            continue;
          }
        }
        append(i, i + 1);
        i++;
      }
      finish();
    }

    /**
     * A command that takes a line of its own: {@code DELIMITER}, jOOQ's ignore comments, and
     * Liquibase's {@code --changeset}.
     *
     * @return the index after the line, or {@code at} when the line is none of these
     */
    private int lineCommand(int at) {
      int end = lineEnd(at);
      String lineText = text.substring(at, end);
      String trimmed = lineText.trim();
      if (mysql) {
        Matcher d = DELIMITER.matcher(lineText);
        if (d.matches()) {
          finish();
          delimiter = d.group(1);
          return skipLine(end);
        }
      }
      String lower = trimmed.toLowerCase(Locale.ROOT);
      if (lower.startsWith("--") && lower.contains("[jooq ignore start]")) {
        finish();
        ignoring = true;
        return skipLine(end);
      }
      if (lower.startsWith("--") && lower.contains("[jooq ignore stop]")) {
        current.setLength(0);
        currentLine = -1;
        ignoring = false;
        return skipLine(end);
      }
      if (liquibase) {
        Matcher m = CHANGESET.matcher(lineText);
        if (m.matches()) {
          finish();
          changeset(m.group(1));
          return skipLine(end);
        }
      }
      return at;
    }

    private void changeset(String attributes) {
      delimiter = ";";
      splitStatements = true;
      skipChangeset = false;
      Matcher a = ATTRIBUTE.matcher(attributes);
      while (a.find()) {
        String key = a.group(1).toLowerCase(Locale.ROOT);
        String value = a.group(2);
        switch (key) {
          case "enddelimiter":
            delimiter = value.replace("\\n", "\n");
            break;
          case "splitstatements":
            splitStatements = !"false".equalsIgnoreCase(value);
            break;
          case "dbms":
            skipChangeset = !appliesTo(value);
            break;
          default:
            break;
        }
      }
    }

    private boolean appliesTo(String dbmsList) {
      boolean any = false;
      for (String d : dbmsList.toLowerCase(Locale.ROOT).split(",")) {
        String name = d.trim();
        if (name.equals("all")) {
          return true;
        }
        if (name.equals("none")) {
          return false;
        }
        if (name.startsWith("!")) {
          if (name.substring(1).equals(dbms)) {
            return false;
          }
          any = true;
        } else if (name.equals(dbms)) {
          return true;
        }
      }
      return any || dbms.equals("default");
    }

    private int skipLine(int end) {
      if (end < text.length()) {
        line++;
        return end + 1;
      }
      return end;
    }

    private int lineEnd(int at) {
      int end = text.indexOf('\n', at);
      return end < 0 ? text.length() : end;
    }

    /** A comment: kept inside a statement (it may be MySQL's executable comment), else dropped. */
    private int comment(int start, int end) {
      if (current.length() > 0) {
        append(start, end);
      } else {
        countLines(start, end);
      }
      return end;
    }

    private int quoted(int start, char close) {
      int n = text.length();
      int i = start + 1;
      while (i < n) {
        char c = text.charAt(i);
        if (c == '\\' && mysql && close != '`' && i + 1 < n) {
          i += 2;
          continue;
        }
        if (c == close) {
          if (i + 1 < n && text.charAt(i + 1) == close && close != ']') {
            i += 2;
            continue;
          }
          i++;
          break;
        }
        i++;
      }
      append(start, i);
      return i;
    }

    /** A PostgreSQL dollar-quoted string, or {@code start} when the dollar starts none. */
    private int dollarQuoted(int start) {
      int n = text.length();
      int i = start + 1;
      while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
        i++;
      }
      if (i >= n || text.charAt(i) != '$' || (i > start + 1 && Character.isDigit(text.charAt(start + 1)))) {
        return start;
      }
      String tag = text.substring(start, i + 1);
      int close = text.indexOf(tag, i + 1);
      int end = close < 0 ? n : close + tag.length();
      append(start, end);
      return end;
    }

    private void append(int start, int end) {
      if (current.length() == 0 && currentLine < 0) {
        String piece = text.substring(start, end);
        if (piece.isBlank()) {
          countLines(start, end);
          return;
        }
        currentLine = line;
      }
      current.append(text, start, end);
      countLines(start, end);
    }

    private void countLines(int start, int end) {
      for (int i = start; i < end; i++) {
        if (text.charAt(i) == '\n') {
          line++;
        }
      }
    }

    private void finish() {
      String sql = current.toString().trim();
      if (!sql.isEmpty() && !ignoring && !skipChangeset) {
        statements.add(new Statement(sql, currentLine));
      }
      current.setLength(0);
      currentLine = -1;
    }
  }
}
