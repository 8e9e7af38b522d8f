package dev.promotel.translate.naming;

import java.util.ArrayList;
import java.util.List;

/**
 * Character classes and splitting shared by the namers. Code points outside ASCII are never valid
 * (they are separators or become {@code _}), which matches otlptranslator's rune-wise checks.
 *
 * <p>Provenance: prometheus/otlptranslator {@code metric_namer.go}, {@code strconv.go} @51da773
 * (re-implemented from specs/translation.md §4.2 and §4.4).
 */
final class NameChars {
  private NameChars() {}

  static boolean isAlnum(int cp) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  }

  /** A character that may appear inside a metric-name token: {@code [a-zA-Z0-9:]}. */
  static boolean isMetricTokenChar(int cp) {
    return isAlnum(cp) || cp == ':';
  }

  /** A legacy metric-name character: {@code [a-zA-Z0-9:_]}. */
  static boolean isMetricChar(int cp) {
    return isMetricTokenChar(cp) || cp == '_';
  }

  static boolean startsWithDigit(String s) {
    return !s.isEmpty() && s.charAt(0) >= '0' && s.charAt(0) <= '9';
  }

  static boolean isAllUnderscores(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != '_') return false;
    }
    return true;
  }

  /**
   * Go's {@code strings.FieldsFunc}: the non-empty runs of characters for which {@code keep} holds.
   * Everything else separates, and leading, trailing and repeated separators vanish.
   */
  static List<String> fields(String s, CodePointClass keep) {
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (keep.test(cp)) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        out.add(s.substring(start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) out.add(s.substring(start));
    return out;
  }

  /** Each code point failing {@code keep} becomes one {@code _}; runs of {@code _} are kept. */
  static String replaceInvalid(String s, CodePointClass keep) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> b.appendCodePoint(keep.test(cp) ? cp : '_'));
    return b.toString();
  }

  /** Replaces every run of two or more {@code _} by one. */
  static String collapseUnderscores(String s) {
    if (s.indexOf("__") < 0) return s;
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '_' || b.length() == 0 || b.charAt(b.length() - 1) != '_') b.append(c);
    }
    return b.toString();
  }

  /** Go's {@code unicode.IsSpace}: ASCII/Latin-1 blanks plus the Unicode White_Space set. */
  static boolean isGoSpace(int cp) {
    return cp == '\t'
        || cp == '\n'
        || cp == 0x0B
        || cp == '\f'
        || cp == '\r'
        || cp == 0x85
        || Character.isSpaceChar(cp);
  }

  /** Go's {@code strings.TrimSpace}. */
  static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isGoSpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && isGoSpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  @FunctionalInterface
  interface CodePointClass {
    boolean test(int cp);
  }
}
