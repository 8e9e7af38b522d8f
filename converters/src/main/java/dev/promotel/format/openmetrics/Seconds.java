package dev.promotel.format.openmetrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * An OpenMetrics timestamp (float seconds, {@code realnumber} in the ABNF) kept exactly enough to
 * order timestamps as written and to convert them to nanoseconds without binary rounding: {@code
 * 1520879607.789} is 1520879607789000000 ns. OpenMetrics allows negative timestamps and digits
 * below a nanosecond; such values still order exactly ({@link #compareTo}), but only whole,
 * non-negative nanoseconds up to the year 2262 fit the model ({@link #toUnixNano}).
 */
final class Seconds implements Comparable<Seconds> {
  /** Beyond this many significant digits or exponent size, a timestamp is rejected (DoS guard). */
  static final int MAX_DIGITS = 64;

  static final int MAX_EXPONENT = 400;

  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  /** Nanoseconds, rounded half-even below 1 ns; meaningful only when {@link #inLongRange}. */
  private final long nanos;

  /** The exact value in seconds when {@link #nanos} is not exact; null otherwise. */
  private final BigDecimal exact;

  private final boolean inLongRange;

  private Seconds(long nanos, BigDecimal exact, boolean inLongRange) {
    this.nanos = nanos;
    this.exact = exact;
    this.inLongRange = inLongRange;
  }

  static Seconds ofNanos(long nanos) {
    return new Seconds(nanos, null, true);
  }

  /**
   * Parses bytes already checked to be a realnumber ({@code [sign] digits [. digits] [e [sign]
   * digits]}). Returns null when the number has more than {@link #MAX_DIGITS} significant digits
   * or an exponent beyond {@link #MAX_EXPONENT}, which the caller reports.
   */
  static Seconds parse(byte[] b, int from, int to) {
    int i = from;
    boolean negative = false;
    if (b[i] == '+' || b[i] == '-') {
      negative = b[i] == '-';
      i++;
    }
    // Fast path: plain decimal with at most 9 fractional digits, the common case.
    long whole = 0;
    int j = i;
    boolean fast = true;
    try {
      while (j < to && b[j] >= '0' && b[j] <= '9') {
        whole = Math.addExact(Math.multiplyExact(whole, 10), b[j] - '0');
        j++;
      }
      long frac = 0;
      int fracDigits = 0;
      if (j < to && b[j] == '.') {
        j++;
        while (j < to && b[j] >= '0' && b[j] <= '9') {
          if (fracDigits == 9) {
            fast = false;
            break;
          }
          frac = frac * 10 + (b[j] - '0');
          fracDigits++;
          j++;
        }
      }
      if (fast && j == to) {
        for (int k = fracDigits; k < 9; k++) frac *= 10;
        long n = Math.addExact(Math.multiplyExact(whole, 1_000_000_000L), frac);
        return new Seconds(negative ? -n : n, null, true);
      }
    } catch (ArithmeticException beyondLong) {
      // falls through to the exact path
    }
    return parseExact(b, from, to);
  }

  private static Seconds parseExact(byte[] b, int from, int to) {
    int significant = 0;
    boolean leading = true;
    int exponent = 0;
    for (int k = from; k < to; k++) {
      byte c = b[k];
      if (c == 'e' || c == 'E') {
        int e = 0;
        int m = k + 1;
        boolean negExp = false;
        if (m < to && (b[m] == '+' || b[m] == '-')) {
          negExp = b[m] == '-';
          m++;
        }
        for (; m < to; m++) {
          e = e * 10 + (b[m] - '0');
          if (e > MAX_EXPONENT) return null;
        }
        exponent = negExp ? -e : e;
        break;
      }
      if (c >= '0' && c <= '9') {
        if (c != '0') leading = false;
        if (!leading) significant++;
      }
    }
    if (significant > MAX_DIGITS || Math.abs(exponent) > MAX_EXPONENT) return null;
    int start = b[from] == '+' ? from + 1 : from;
    BigDecimal seconds = new BigDecimal(new String(b, start, to - start, StandardCharsets.ISO_8859_1));
    BigDecimal ns = seconds.movePointRight(9);
    if (ns.compareTo(LONG_MIN) < 0 || ns.compareTo(LONG_MAX) > 0) {
      return new Seconds(0, seconds, false);
    }
    BigDecimal rounded = ns.setScale(0, RoundingMode.HALF_EVEN);
    long n = rounded.longValueExact();
    boolean isExact = ns.compareTo(rounded) == 0;
    return new Seconds(n, isExact ? null : seconds, true);
  }

  /** Nanoseconds since the epoch, or -1 when the value is negative or beyond the year 2262. */
  long toUnixNano() {
    return inLongRange && nanos >= 0 ? nanos : -1;
  }

  private BigDecimal asBigDecimal() {
    return exact != null ? exact : BigDecimal.valueOf(nanos, 9);
  }

  @Override
  public int compareTo(Seconds other) {
    if (exact == null && other.exact == null) return Long.compare(nanos, other.nanos);
    return asBigDecimal().compareTo(other.asBigDecimal());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Seconds s && compareTo(s) == 0;
  }

  @Override
  public int hashCode() {
    return exact == null ? Long.hashCode(nanos) : exact.stripTrailingZeros().hashCode();
  }

  @Override
  public String toString() {
    BigDecimal v = asBigDecimal().stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
  }
}
