package dev.versioned.processor.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clauses of an {@code ALTER TABLE}, for the statements jOOQ's parser does not read whole:
 * which of them shape the table, and the rewriting of the common ones jOOQ's open-source parser
 * does not know into ones it does.
 *
 * <ul>
 *   <li>MySQL {@code CHANGE [COLUMN] old new <definition>}: {@code RENAME COLUMN old TO new} (when
 *       the name changes), then {@code MODIFY new <definition>};
 *   <li>MySQL {@code MODIFY [COLUMN] c <definition>} that jOOQ cannot read whole: {@code ALTER
 *       COLUMN c SET DATA TYPE <type>} and {@code SET NOT NULL} or {@code DROP NOT NULL} (a MODIFY
 *       without NOT NULL makes the column nullable);
 *   <li>PostgreSQL {@code ALTER [COLUMN] c [SET DATA] TYPE <type> USING <expression>}: the same
 *       without {@code USING}, which says how to convert the rows, not what the column becomes.
 * </ul>
 */
final class AlterClauses {
  private AlterClauses() {}

  /** Leading keywords of clauses that change no column, type, nullability, key or name. */
  private static final List<String> INERT =
      List.of(
          "OWNER TO",
          "ADD INDEX",
          "ADD KEY",
          "ADD FULLTEXT",
          "ADD SPATIAL",
          "DROP INDEX",
          "DROP KEY",
          "RENAME INDEX",
          "RENAME KEY",
          "ALTER INDEX",
          "DROP FOREIGN KEY",
          "ADD FOREIGN KEY",
          "ENABLE",
          "DISABLE",
          "CLUSTER ON",
          "SET WITHOUT",
          "SET TABLESPACE",
          "SET LOGGED",
          "SET UNLOGGED",
          "SET SCHEMA",
          "SET (",
          "RESET",
          "VALIDATE CONSTRAINT",
          "INHERIT",
          "NO INHERIT",
          "REPLICA IDENTITY",
          "ENGINE",
          "AUTO_INCREMENT",
          "DEFAULT CHARSET",
          "DEFAULT CHARACTER",
          "CHARACTER SET",
          "CHARSET",
          "COLLATE",
          "CONVERT TO",
          "COMMENT",
          "ROW_FORMAT",
          "ALGORITHM",
          "LOCK",
          "FORCE",
          "ORDER BY",
          "ADD PARTITION",
          "DROP PARTITION",
          "PARTITION",
          "ATTACH PARTITION",
          "DETACH PARTITION");

  private static final Set<String> DEFINITION_END =
      Set.of(
          "NOT", "NULL", "DEFAULT", "AUTO_INCREMENT", "COMMENT", "PRIMARY", "UNIQUE", "CHARACTER",
          "CHARSET", "COLLATE", "ON", "AFTER", "FIRST", "GENERATED", "REFERENCES", "CHECK",
          "COLUMN_FORMAT", "STORAGE", "INVISIBLE", "VISIBLE", "AS", "CONSTRAINT");

  private static final Pattern COLUMN_DEFAULT =
      Pattern.compile(
          "(?is)^ALTER\\s+(?:COLUMN\\s+)?\\S+\\s+(?:SET\\s+DEFAULT|DROP\\s+DEFAULT|SET\\s+STATISTICS"
              + "|SET\\s+STORAGE|SET\\s+COMPRESSION|SET\\s*\\(|RESET\\s*\\(|SET\\s+VISIBLE"
              + "|SET\\s+INVISIBLE)\\b.*");

  private static final String NAME = "(\"[^\"]+\"|`[^`]+`|\\[[^\\]]+\\]|[\\w$]+)";

  private static final Pattern FOREIGN_KEY_CONSTRAINT =
      Pattern.compile("(?is)\\s*ADD\\s+(?:CONSTRAINT\\s+" + NAME + "\\s+)?FOREIGN\\s+KEY\\b");

  private static final Pattern CHANGE =
      Pattern.compile("(?is)^CHANGE\\s+(?:COLUMN\\s+)?" + NAME + "\\s+" + NAME + "\\s+(.*)$");
  private static final Pattern MODIFY =
      Pattern.compile("(?is)^MODIFY\\s+(?:COLUMN\\s+)?" + NAME + "\\s+(.*)$");
  private static final Pattern USING =
      Pattern.compile(
          "(?is)^(ALTER\\s+(?:COLUMN\\s+)?" + NAME + "\\s+(?:SET\\s+DATA\\s+)?TYPE\\s+.*?)\\s+USING\\s+.*$");

  /**
   * Splits the text after {@code ALTER TABLE name} at its top-level commas.
   *
   * @param clauses the clauses
   * @return each clause, trimmed
   */
  static List<String> split(String clauses) {
    List<String> result = new ArrayList<>();
    int depth = 0;
    int start = 0;
    char quote = 0;
    for (int i = 0; i < clauses.length(); i++) {
      char c = clauses.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (c == ',' && depth == 0) {
        add(result, clauses.substring(start, i));
        start = i + 1;
      }
    }
    add(result, clauses.substring(start));
    return result;
  }

  private static void add(List<String> result, String clause) {
    String trimmed = clause.trim();
    if (!trimmed.isEmpty()) {
      result.add(trimmed);
    }
  }

  /**
   * Whether a clause changes what the checks read.
   *
   * @param clause one clause of an ALTER TABLE
   * @return false for index, owner, storage, trigger and default-value clauses
   */
  static boolean shapes(String clause) {
    String normal = String.join(" ", Classifier.words(clause, 3));
    String spaced = clause.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (FOREIGN_KEY_CONSTRAINT.matcher(clause).lookingAt()) {
      return true; // the @Touch check reads foreign keys
    }
    for (String inert : INERT) {
      if (normal.startsWith(inert) || spaced.startsWith(inert)) {
        return false;
      }
    }
    return !COLUMN_DEFAULT.matcher(clause.trim()).matches();
  }

  /**
   * The clauses jOOQ's parser reads that mean what a clause means to the checks.
   *
   * @param clause one clause that {@link #shapes shapes} the table
   * @param modifyRewritten whether to rewrite MODIFY too (when jOOQ cannot read it whole)
   * @return the rewritten clauses, or the clause itself when no rewriting applies
   */
  static List<String> rewrite(String clause, boolean modifyRewritten) {
    String c = clause.trim();
    Matcher change = CHANGE.matcher(c);
    if (change.matches()) {
      List<String> out = new ArrayList<>();
      String from = change.group(1);
      String to = change.group(2);
      if (!Classifier.unquote(from).equalsIgnoreCase(Classifier.unquote(to))) {
        out.add("RENAME COLUMN " + from + " TO " + to);
      }
      out.addAll(modify(to, change.group(3), modifyRewritten));
      return out;
    }
    Matcher modify = MODIFY.matcher(c);
    if (modify.matches()) {
      return modify(modify.group(1), modify.group(2), modifyRewritten);
    }
    Matcher using = USING.matcher(c);
    if (using.matches()) {
      return List.of(using.group(1));
    }
    return List.of(c);
  }

  private static List<String> modify(String column, String definition, boolean rewritten) {
    if (!rewritten) {
      return List.of("MODIFY " + column + " " + definition);
    }
    // The type is the definition's text up to its first attribute keyword, parentheses kept.
    StringBuilder type = new StringBuilder();
    int depth = 0;
    Matcher token = Pattern.compile("\\(|\\)|[^\\s()]+").matcher(definition);
    int end = definition.length();
    while (token.find()) {
      String t = token.group();
      if (t.equals("(")) {
        depth++;
      } else if (t.equals(")")) {
        depth--;
      } else if (depth == 0 && DEFINITION_END.contains(t.toUpperCase(Locale.ROOT))) {
        end = token.start();
        break;
      }
    }
    type.append(definition, 0, end);
    String rest = definition.substring(end).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    List<String> out = new ArrayList<>();
    out.add("ALTER COLUMN " + column + " SET DATA TYPE " + type.toString().trim());
    out.add(
        "ALTER COLUMN "
            + column
            + (rest.contains("NOT NULL") || rest.contains("PRIMARY KEY")
                ? " SET NOT NULL"
                : " DROP NOT NULL"));
    return out;
  }
}
