package dev.promotel.format.openmetrics;

import dev.promotel.format.internal.FloatFormat;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * A growable, reusable char buffer the writer assembles text in: the rendered label sets of a chunk
 * (compared and hashed as char ranges, never turned into Strings) and the output lines, handed to
 * the {@link Writer} in blocks so a sample costs a few array copies instead of a String per token
 * and a synchronized Writer call per token.
 *
 * <p>Example: {@code append("a{").appendEscaped("x\"y").append("} ").appendLong(3)} holds {@code
 * a{x\"y} 3}.
 */
final class CharText {
  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17
  };

  // Below 2^49 a scaled value is within 1/8 of at most one integer that parses back to it; see
  // appendOpenMetricsDouble.
  private static final double FAST_LIMIT = 0x1p49;

  private char[] buf;
  private int length;

  CharText(int capacity) {
    buf = new char[capacity];
  }

  int length() {
    return length;
  }

  void setLength(int length) {
    this.length = length;
  }

  char[] chars() {
    return buf;
  }

  private void ensure(int extra) {
    if (length + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + extra));
    }
  }

  CharText append(char c) {
    ensure(1);
    buf[length++] = c;
    return this;
  }

  CharText append(String s) {
    int n = s.length();
    ensure(n);
    s.getChars(0, n, buf, length);
    length += n;
    return this;
  }

  CharText append(char[] chars, int from, int to) {
    int n = to - from;
    ensure(n);
    System.arraycopy(chars, from, buf, length, n);
    length += n;
    return this;
  }

  /**
   * Appends a label value (or quoted name) with OpenMetrics escapes for {@code \}, {@code "} and
   * newline. The value is copied in bulk and only re-done char by char when it holds one of them.
   */
  CharText appendEscaped(String s) {
    int n = s.length();
    ensure(n);
    s.getChars(0, n, buf, length);
    int end = length + n;
    for (int i = length; i < end; i++) {
      char c = buf[i];
      if (c == '\\' || c == '"' || c == '\n') return appendEscapedFrom(s, i - length);
    }
    length = end;
    return this;
  }

  private CharText appendEscapedFrom(String s, int from) {
    length += from;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> append('\\').append('\\');
        case '"' -> append('\\').append('"');
        case '\n' -> append('\\').append('n');
        default -> append(c);
      }
    }
    return this;
  }

  /** Decimal digits of {@code v}, as {@link Long#toString(long)} spells them. */
  CharText appendLong(long v) {
    if (v == Long.MIN_VALUE) return append(Long.toString(v));
    ensure(20);
    if (v < 0) {
      buf[length++] = '-';
      v = -v;
    }
    int digits = 1;
    for (long t = v; t >= 10; t /= 10) digits++;
    int at = length + digits;
    length = at;
    do {
      buf[--at] = (char) ('0' + v % 10);
      v /= 10;
    } while (v != 0);
    return this;
  }

  /**
   * Appends {@code v} exactly as {@link FloatFormat#formatOpenMetrics} spells it ({@code 1.0},
   * {@code 0.25}, {@code 2.3811e-05}, {@code 3.412376e+06}), without its String building for the
   * common values: finite, non-zero, with a shortest spelling of at most 17 digits after the point
   * and below 2^49 when scaled to an integer.
   *
   * <p>Why it is exact: for the smallest k where m = rint(|v|·10^k) gives m/10^k == |v| (IEEE
   * division is correctly rounded, so that is exactly "the decimal m·10^-k parses back to v"), m
   * is the shortest round-tripping spelling: fewer digits would need a smaller k, which was
   * tried. While |v|·10^k stays below 2^49, half the spacing of doubles around v, scaled, is at
   * most 1/8, so at most one integer parses back to v at each k and rint finds it despite the
   * rounding of the product. Anything else goes to FloatFormat.
   */
  CharText appendOpenMetricsDouble(double v) {
    double a = Math.abs(v);
    if (!(a > 0) || a == Double.POSITIVE_INFINITY) {
      return append(FloatFormat.formatOpenMetrics(v));
    }
    for (int k = 0; k < POWERS_OF_TEN.length; k++) {
      double scaled = a * POWERS_OF_TEN[k];
      if (!(scaled < FAST_LIMIT)) break;
      double m = Math.rint(scaled);
      if (m / POWERS_OF_TEN[k] == a) {
        if (v < 0) append('-');
        return appendDigits((long) m, k);
      }
    }
    return append(FloatFormat.formatOpenMetrics(v));
  }

  /** m·10^-k (m > 0) in Go's {@code %g} shortest layout, plus {@code .0} when it has no point. */
  private CharText appendDigits(long m, int k) {
    int trailingZeros = 0;
    while (m % 10 == 0) {
      m /= 10;
      trailingZeros++;
    }
    int digits = 1;
    for (long t = m; t >= 10; t /= 10) digits++;
    // Decimal exponent of the first digit: m has `digits` digits, scaled by 10^(zeros - k).
    int exp = digits - 1 + trailingZeros - k;
    ensure(digits + 26);
    int start = length;
    appendLong(m); // the digits d1 d2 ... dn at [start, start + digits)
    if (exp < -4 || exp >= 6) {
      // d1[.d2...dn]e±XX
      if (digits > 1) {
        System.arraycopy(buf, start + 1, buf, start + 2, digits - 1);
        buf[start + 1] = '.';
        length++;
      }
      buf[length++] = 'e';
      buf[length++] = exp < 0 ? '-' : '+';
      int e = Math.abs(exp);
      if (e < 10) buf[length++] = '0';
      appendLong(e);
    } else if (exp < 0) {
      // 0.00ddd
      int zeros = -exp - 1;
      System.arraycopy(buf, start, buf, start + 2 + zeros, digits);
      buf[start] = '0';
      buf[start + 1] = '.';
      for (int i = 0; i < zeros; i++) buf[start + 2 + i] = '0';
      length = start + 2 + zeros + digits;
    } else if (digits <= exp + 1) {
      // ddd000.0
      for (int i = digits; i <= exp; i++) buf[length++] = '0';
      buf[length++] = '.';
      buf[length++] = '0';
    } else {
      // dd.ddd
      int point = start + exp + 1;
      System.arraycopy(buf, point, buf, point + 1, length - point);
      buf[point] = '.';
      length++;
    }
    return this;
  }

  boolean rangeEquals(int from1, int to1, int from2, int to2) {
    return Arrays.equals(buf, from1, to1, buf, from2, to2);
  }

  String substring(int from, int to) {
    return new String(buf, from, to - from);
  }

  void writeTo(Writer out) throws IOException {
    out.write(buf, 0, length);
  }
}
