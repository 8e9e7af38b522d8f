package dev.promotel.yaml;

import java.util.Collection;

/**
 * "Did you mean" for config errors: the known word nearest to a misspelt one by edit distance,
 * when it is close enough to be a likely typo ({@code regexp} → {@code regex}, {@code
 * name/snakecase} → {@code name/snake-case}).
 */
public final class Suggestions {
  private Suggestions() {}

  /** The candidate nearest to {@code word}, or null when none is within a third of its length (at least 2). */
  public static String nearest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = editDistance(word, c);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return bestDistance <= Math.max(2, word.length() / 3) ? best : null;
  }

  /** ` (did you mean "x"?)` for a near candidate, else "". */
  public static String didYouMean(String word, Collection<String> candidates) {
    String near = nearest(word, candidates);
    return near == null ? "" : " (did you mean \"" + near + "\"?)";
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
