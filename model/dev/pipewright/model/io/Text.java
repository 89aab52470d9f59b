package dev.pipewright.model.io;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Small text helpers for problem messages: abbreviations, sizes and "did you mean" suggestions.
 * Public for the lint's "did you mean" on unknown property keys.
 */
public final class Text {
  private Text() {}

  static String abbreviate(String s) {
    String oneLine = s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    return oneLine.length() > 40 ? oneLine.substring(0, 37) + "..." : oneLine;
  }

  static String size(long chars) {
    if (chars >= 1 << 20) {
      return String.format(java.util.Locale.ROOT, "%.1f MiB", chars / (double) (1 << 20));
    }
    if (chars >= 1 << 10) {
      return (chars >> 10) + " KiB";
    }
    return chars + " characters";
  }

  /** The closest candidate within a typo's distance of {@code word}, if any. */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    if (word == null || word.isEmpty() || word.length() > 100) {
      return Optional.empty();
    }
    int allowed = Math.max(1, Math.min(3, word.length() / 3));
    return candidates.stream()
        .filter(c -> distance(word.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT)) <= allowed)
        .min(Comparator.comparingInt((String c) -> distance(word, c)).thenComparing(c -> c));
  }

  /** "did you mean 'x'?" when a close candidate exists, else "use one of a, b, c". */
  static String suggestion(String word, Collection<String> candidates, String what) {
    return closest(word, candidates).map(c -> "Did you mean '" + c + "'?")
        .orElse(what + " " + String.join(", ", candidates));
  }

  /**
   * Edit distance counting a swap of neighbours as one edit (optimal string alignment), since
   * swapped letters are the commonest typo ({@code avor} for {@code avro}).
   */
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
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
