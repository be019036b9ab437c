package dev.versioned.processor.schema;

import java.util.List;
import java.util.Locale;

/**
 * The name that a misspelt or renamed table or column most likely stands for, which a message
 * about a missing one suggests.
 */
final class NearestName {
  private NearestName() {}

  /**
   * The name a misspelt or renamed one most likely stands for: the nearest by edit distance
   * (ignoring case, a transposition counting as one edit) within a third of the length, or one
   * that contains the other ({@code version} for {@code lock_version}).
   */
  static String nearest(String wanted, List<String> names) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String w = wanted.toLowerCase(Locale.ROOT);
    for (String name : names) {
      String n = name.toLowerCase(Locale.ROOT);
      int d = distance(w, n);
      int limit = Math.max(1, Math.max(w.length(), n.length()) / 3);
      boolean contains =
          Math.min(w.length(), n.length()) >= 3 && (w.contains(n) || n.contains(w));
      if ((d <= limit || contains) && d < bestDistance) {
        best = name;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Levenshtein distance with adjacent transpositions (optimal string alignment). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
