package dev.promotel.format.prometheus;

import dev.promotel.format.internal.NumberParser;
import dev.promotel.model.NumberValue;
import java.nio.charset.StandardCharsets;

/**
 * Sample values and timestamps parsed straight from the line buffer, so the common spellings
 * ({@code 42}, {@code 0.25}, {@code 1.5e+06}) need no String. Results equal {@link
 * NumberParser#parseGo} exactly; anything the fast paths do not cover goes through it.
 *
 * <p>prometheus/common's {@code parseFloat} rejects any value containing {@code p}, {@code P} or
 * {@code _} before calling Go's ParseFloat, which rules out hex floats; so does this class.
 */
final class ByteNumbers {
  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = p;
      p *= 10;
    }
  }

  private ByteNumbers() {}

  /** The value of bytes {@code [from, to)}, or null when they are not a Go float. */
  static NumberValue parseValue(byte[] b, int from, int to) {
    if (from >= to) return null;
    int i = from;
    boolean negative = false;
    if (b[i] == '+' || b[i] == '-') {
      negative = b[i] == '-';
      i++;
    }
    int digitsFrom = i;
    long mantissa = 0;
    // Integers of up to 18 digits cannot overflow a long: the common case of counters.
    while (i < to && i - digitsFrom < 18 && isDigit(b[i])) {
      mantissa = mantissa * 10 + (b[i] - '0');
      i++;
    }
    if (i == to && i > digitsFrom) {
      if (negative && mantissa == 0) return NumberValue.ofDouble(-0.0);
      return NumberValue.ofLong(negative ? -mantissa : mantissa);
    }
    NumberValue decimal = parseShortDecimal(b, digitsFrom, to, negative);
    return decimal != null ? decimal : parseSlow(b, from, to);
  }

  /**
   * Decimals of up to 18 significant digits. Clinger's fast path: with at most 15 significant
   * digits and a power of ten up to 22, both operands are exact doubles, so one multiplication or
   * division rounds correctly; longer mantissas or exponents go to {@link EiselLemire}.
   */
  private static NumberValue parseShortDecimal(byte[] b, int from, int to, boolean negative) {
    int i = from;
    long mantissa = 0;
    int significant = 0;
    int digits = 0;
    int exponent = 0;
    while (i < to && isDigit(b[i])) {
      if (mantissa != 0 || b[i] != '0') {
        if (++significant > 18) return null;
        mantissa = mantissa * 10 + (b[i] - '0');
      }
      digits++;
      i++;
    }
    boolean point = i < to && b[i] == '.';
    if (point) {
      i++;
      while (i < to && isDigit(b[i])) {
        if (mantissa != 0 || b[i] != '0') {
          if (++significant > 18) return null;
          mantissa = mantissa * 10 + (b[i] - '0');
        }
        exponent--;
        digits++;
        i++;
      }
    }
    if (digits == 0) return null;
    boolean integer = !point && i == to;
    if (i < to && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      boolean negativeExponent = false;
      if (i < to && (b[i] == '+' || b[i] == '-')) {
        negativeExponent = b[i] == '-';
        i++;
      }
      int expFrom = i;
      int e = 0;
      while (i < to && isDigit(b[i]) && i - expFrom < 4) {
        e = e * 10 + (b[i] - '0');
        i++;
      }
      if (i == expFrom) return null;
      exponent += negativeExponent ? -e : e;
    }
    // Plain integers too long for the first loop stay integers in parseGo: leave them to it.
    if (i != to || integer) return null;
    double v;
    if (mantissa == 0) {
      v = 0;
    } else if (significant <= 15 && exponent >= 0 && exponent < POWERS_OF_TEN.length) {
      v = mantissa * POWERS_OF_TEN[exponent];
    } else if (significant <= 15 && exponent < 0 && -exponent < POWERS_OF_TEN.length) {
      v = mantissa / POWERS_OF_TEN[-exponent];
    } else {
      long bits = EiselLemire.toDoubleBits(mantissa, exponent);
      if (bits == -1) return null;
      v = Double.longBitsToDouble(bits);
    }
    return NumberValue.ofDouble(negative ? -v : v);
  }

  private static NumberValue parseSlow(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == 'p' || b[i] == 'P' || b[i] == '_') return null;
    }
    try {
      return NumberParser.parseGo(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
    } catch (IllegalArgumentException invalid) {
      return null;
    }
  }

  /** Go {@code strconv.ParseInt(s, 10, 64)}: optional sign, decimal digits; null when invalid. */
  static Long parseTimestampMillis(byte[] b, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (b[i] == '+' || b[i] == '-')) {
      negative = b[i] == '-';
      i++;
    }
    if (i == to || to - i > 19) return null;
    long value = 0;
    for (; i < to; i++) {
      if (!isDigit(b[i])) return null;
      int d = b[i] - '0';
      if (value > (Long.MAX_VALUE - d) / 10) return null;
      value = value * 10 + d;
    }
    return negative ? -value : value;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }
}
