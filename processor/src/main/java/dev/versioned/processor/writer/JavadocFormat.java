package dev.versioned.processor.writer;

import java.util.ArrayList;
import java.util.List;

/**
 * Fills the Javadoc comments of a generated source file to its line limit, as a Java formatter
 * would: each paragraph and each block tag is one run of words, broken at the last space that keeps
 * the line within {@link #LIMIT} columns, and a block tag's further lines are indented four spaces.
 * Writers can then give a comment's text without knowing where its lines will end (a table's name
 * or an imported class's name can be of any length). Code is left as JavaPoet wrote it.
 */
final class JavadocFormat {
  /** The longest line, in columns. */
  static final int LIMIT = 100;

  private JavadocFormat() {}

  /**
   * The source with every Javadoc comment filled.
   *
   * @param source a source file as JavaPoet wrote it
   * @return the same file, its comments filled
   */
  static String format(String source) {
    String[] lines = source.split("\n", -1);
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    while (i < lines.length) {
      String line = lines[i];
      if (line.strip().equals("/**")) {
        String indent = line.substring(0, line.indexOf('/'));
        List<String> body = new ArrayList<>();
        int j = i + 1;
        while (j < lines.length && !lines[j].strip().equals("*/")) {
          String text = lines[j].strip();
          body.add(text.equals("*") ? "" : text.substring(2));
          j++;
        }
        out.append(line).append('\n');
        for (String filled : fill(body, indent + " * ")) {
          out.append(filled.isEmpty() ? indent + " *" : indent + " * " + filled).append('\n');
        }
        out.append(lines[j]);
        i = j + 1;
      } else {
        out.append(line);
        i++;
      }
      if (i < lines.length) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** The comment's lines, refilled; an empty string for each blank line between paragraphs. */
  private static List<String> fill(List<String> body, String prefix) {
    List<String> filled = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    boolean tag = false;
    for (String text : body) {
      boolean startsTag = text.startsWith("@");
      if (text.isEmpty() || startsTag || text.startsWith("<p>")) {
        flush(run, tag, prefix, filled);
        if (text.isEmpty()) {
          filled.add("");
          tag = false;
          continue;
        }
        tag = startsTag;
      }
      if (run.length() > 0) {
        run.append(' ');
      }
      run.append(text);
    }
    flush(run, tag, prefix, filled);
    return filled;
  }

  private static void flush(StringBuilder run, boolean tag, String prefix, List<String> filled) {
    if (run.length() == 0) {
      return;
    }
    String continuation = tag ? "    " : "";
    String rest = run.toString();
    String lead = "";
    while (prefix.length() + lead.length() + rest.length() > LIMIT) {
      int room = LIMIT - prefix.length() - lead.length();
      int cut = rest.lastIndexOf(' ', room);
      if (cut <= 0) {
        cut = rest.indexOf(' ', room);
        if (cut < 0) {
          break;
        }
      }
      filled.add(lead + rest.substring(0, cut));
      rest = rest.substring(cut + 1);
      lead = continuation;
    }
    filled.add(lead + rest);
    run.setLength(0);
  }
}
