package dev.promotel.format.internal;

import dev.promotel.model.NumberValue;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Parses sample values and timestamps the way Prometheus does, but strictly: Go {@code
 * ParseFloat} syntax ({@code 1}, {@code -1.5e-3}, {@code +Inf}, {@code NaN}, case-insensitive
 * {@code inf}/{@code infinity}/{@code nan}, hex floats {@code 0x1p-2}), never Java's extras
 * ({@code 1d}, {@code 1f}, spaces). Integers that fit a long stay integers so they round-trip.
 *
 * <p>Internal: public only for the format packages; may change at any time.
 */
public final class NumberParser {
  private NumberParser() {}

  /** A 0.0.4 sample value; throws {@link IllegalArgumentException} naming the bad text. */
  public static NumberValue parseGo(String s) {
    NumberValue special = parseSpecial(s);
    if (special != null) return special;
    int i = 0;
    int n = s.length();
    if (n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-')) i++;
    if (i + 1 < n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
      return NumberValue.ofDouble(parseHex(s, i + 2));
    }
    if (isDecimal(s, i)) {
      return decimalValue(s, i);
    }
    throw invalid(s);
  }

  /**
   * An OpenMetrics realnumber: decimal with optional exponent, or {@code [+-]inf}/{@code
   * infinity}/{@code nan} in any case; no hex.
   */
  public static NumberValue parseOpenMetrics(String s) {
    NumberValue special = parseSpecial(s);
    if (special != null) return special;
    int i = 0;
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) i++;
    if (!isDecimal(s, i)) throw invalid(s);
    return decimalValue(s, i);
  }

  private static NumberValue decimalValue(String s, int digitsFrom) {
    boolean integer = true;
    for (int j = digitsFrom; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c < '0' || c > '9') {
        integer = false;
        break;
      }
    }
    // "-0" must stay a negative zero float; integers beyond a long become doubles, as in Prometheus.
    if (integer && s.length() - digitsFrom <= 19 && !(s.charAt(0) == '-' && isAllZeros(s, digitsFrom))) {
      try {
        return NumberValue.ofLong(Long.parseLong(s));
      } catch (NumberFormatException beyondLong) {
        // falls through to a double
      }
    }
    return NumberValue.ofDouble(Double.parseDouble(s));
  }

  private static boolean isAllZeros(String s, int from) {
    for (int j = from; j < s.length(); j++) {
      if (s.charAt(j) != '0') return false;
    }
    return true;
  }

  private static NumberValue parseSpecial(String s) {
    int n = s.length();
    if (n < 3 || n > 9) return null;
    int i = 0;
    char sign = s.charAt(0);
    if (sign == '+' || sign == '-') i = 1;
    String word = s.substring(i);
    if (word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity")) {
      return NumberValue.ofDouble(sign == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    // Go's ParseFloat and the OpenMetrics ABNF take a sign before inf/infinity only, not nan.
    if (i == 0 && word.equalsIgnoreCase("nan")) return NumberValue.ofDouble(Double.NaN);
    return null;
  }

  /** {@code digits[.digits][e[+-]digits]} or {@code .digits[...]}, from index {@code i}. */
  private static boolean isDecimal(String s, int i) {
    int n = s.length();
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) return false;
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
      int expDigits = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) return false;
    }
    return i == n;
  }

  private static double parseHex(String s, int from) {
    // Go allows underscores between digits after a base prefix; Java's parser does not.
    String cleaned = s.replace("_", "");
    int p = Math.max(cleaned.indexOf('p'), cleaned.indexOf('P'));
    if (p < 0 || from >= p) throw invalid(s);
    for (int j = from; j < p; j++) {
      char c = cleaned.charAt(j);
      if (!(isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.')) {
        throw invalid(s);
      }
    }
    try {
      return Double.parseDouble(cleaned);
    } catch (NumberFormatException e) {
      throw invalid(s);
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static IllegalArgumentException invalid(String s) {
    return new IllegalArgumentException("invalid number '" + s + "'");
  }

  /** A 0.0.4 timestamp: an int64 of milliseconds, returned as nanoseconds since the epoch. */
  public static long parseMillisToNanos(String s) {
    long ms;
    try {
      ms = Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid timestamp '" + s + "': expected integer milliseconds");
    }
    if (ms < 0) {
      throw new IllegalArgumentException("timestamp " + s + " is before 1970, which is not supported");
    }
    if (ms > Long.MAX_VALUE / 1_000_000L) {
      throw new IllegalArgumentException("timestamp " + s + " ms is beyond the year 2262");
    }
    return ms * 1_000_000L;
  }

  /**
   * An OpenMetrics timestamp: float seconds, converted exactly from the decimal text (no binary
   * rounding: {@code 1520879607.789} is 1520879607789000000 ns). Digits below 1 ns are rounded.
   */
  public static long parseSecondsToNanos(String s) {
    NumberValue v = parseOpenMetrics(s);
    if (!v.isLong() && (Double.isNaN(v.doubleValue()) || Double.isInfinite(v.doubleValue()))) {
      throw new IllegalArgumentException("invalid timestamp '" + s + "': expected seconds");
    }
    BigDecimal nanos;
    try {
      nanos = new BigDecimal(s.startsWith("+") ? s.substring(1) : s)
          .movePointRight(9).setScale(0, RoundingMode.HALF_EVEN);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid timestamp '" + s + "'");
    }
    if (nanos.signum() < 0) {
      throw new IllegalArgumentException("timestamp " + s + " is before 1970, which is not supported");
    }
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("timestamp " + s + " s is beyond the year 2262");
    }
    return nanos.longValueExact();
  }
}
