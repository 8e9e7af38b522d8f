package dev.promotel.format.internal;


/**
 * Number spelling compatible with Prometheus: Go's {@code strconv.FormatFloat(v, 'g', -1, 64)}
 * (shortest round-tripping digits; exponent form when the decimal exponent is below -4 or at
 * least 6, e.g. {@code 1e+06}, {@code 1.234567e+06}, {@code 1e-05}), and the OpenMetrics canonical
 * form, which adds {@code .0} when the Go form has neither a point nor an exponent.
 * specs/translation.md §7.
 *
 * <p>Internal: public only for the format packages; may change at any time.
 */
public final class FloatFormat {
  private FloatFormat() {}

  /** Go {@code %g}-compatible: {@code 0.005}, {@code 100000}, {@code 1e+06}, {@code NaN}, {@code +Inf}. */
  public static String formatGo(double v) {
    if (Double.isNaN(v)) return "NaN";
    if (v == Double.POSITIVE_INFINITY) return "+Inf";
    if (v == Double.NEGATIVE_INFINITY) return "-Inf";
    if (v == 0) return Double.doubleToRawLongBits(v) < 0 ? "-0" : "0";
    boolean negative = v < 0;
    double a = Math.abs(v);
    String digits;
    int exp; // decimal exponent of the first digit: a = d.ddd × 10^exp
    if (a < 1e15 && a == Math.rint(a)) {
      String s = Long.toString((long) a);
      exp = s.length() - 1;
      digits = stripTrailingZeros(s);
    } else {
      String[] parsed = shortestDigits(a);
      digits = parsed[0];
      exp = Integer.parseInt(parsed[1]);
    }
    StringBuilder out = new StringBuilder(digits.length() + 8);
    if (negative) out.append('-');
    if (exp < -4 || exp >= 6) {
      out.append(digits.charAt(0));
      if (digits.length() > 1) out.append('.').append(digits, 1, digits.length());
      out.append('e').append(exp < 0 ? '-' : '+');
      int e = Math.abs(exp);
      if (e < 10) out.append('0');
      out.append(e);
    } else if (exp < 0) {
      out.append("0.");
      for (int i = -1; i > exp; i--) out.append('0');
      out.append(digits);
    } else if (digits.length() <= exp + 1) {
      out.append(digits);
      for (int i = digits.length(); i <= exp; i++) out.append('0');
    } else {
      out.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
    }
    return out.toString();
  }

  /** OpenMetrics canonical: the Go form plus {@code .0} on integers ({@code 1.0}, {@code 1e+06}). */
  public static String formatOpenMetrics(double v) {
    String s = formatGo(v);
    if (Double.isNaN(v) || Double.isInfinite(v)) return s;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.' || c == 'e') return s;
    }
    return s + ".0";
  }

  /**
   * The shortest decimal digits that parse back to {@code a} (a > 0, finite), as {digits,
   * exponent}. JDK 17's {@code Double.toString} round-trips but is not always shortest (fixed in
   * JDK 19), so its digits are shortened while they still round-trip.
   */
  private static String[] shortestDigits(double a) {
    String s = Double.toString(a);
    int ePos = s.indexOf('E');
    int exp10 = 0;
    String mantissa = s;
    if (ePos >= 0) {
      exp10 = Integer.parseInt(s.substring(ePos + 1));
      mantissa = s.substring(0, ePos);
    }
    int dot = mantissa.indexOf('.');
    String all = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
    int point = dot + exp10; // digits before the decimal point
    int lead = 0;
    while (lead < all.length() - 1 && all.charAt(lead) == '0') lead++;
    all = stripTrailingZeros(all.substring(lead));
    point -= lead;
    // JDK 17 sometimes prints a digit too many (4.9E-324 for 5e-324): drop digits while the
    // rounded string still parses back to the same double. One parse in the common case.
    while (all.length() > 1) {
      String shorter = roundDigits(all, all.length() - 1);
      int shorterPoint = point + (shorter.length() > all.length() - 1 ? 1 : 0);
      String candidate = "0." + shorter + "E" + shorterPoint;
      if (Double.parseDouble(candidate) != a) break;
      all = stripTrailingZeros(shorter.length() > all.length() - 1 ? shorter.substring(0, all.length() - 1) : shorter);
      point = shorterPoint;
    }
    return new String[] {all, Integer.toString(point - 1)};
  }

  /** {@code digits} rounded half-up to {@code keep} digits; one digit longer on carry-out (99 → 100). */
  private static String roundDigits(String digits, int keep) {
    char[] out = digits.substring(0, keep).toCharArray();
    if (digits.charAt(keep) >= '5') {
      int i = keep - 1;
      while (i >= 0 && out[i] == '9') {
        out[i] = '0';
        i--;
      }
      if (i < 0) return "1" + new String(out);
      out[i]++;
    }
    return new String(out);
  }

  private static String stripTrailingZeros(String s) {
    int end = s.length();
    while (end > 1 && s.charAt(end - 1) == '0') end--;
    return s.substring(0, end);
  }

  /**
   * Nanoseconds since the epoch as OpenMetrics seconds: up to 9 fractional digits, trailing zeros
   * removed, never an exponent ({@code 1520879607.789}).
   */
  public static String formatSeconds(long unixNano) {
    long seconds = Math.floorDiv(unixNano, 1_000_000_000L);
    long nanos = Math.floorMod(unixNano, 1_000_000_000L);
    if (nanos == 0) return Long.toString(seconds);
    String frac = Long.toString(1_000_000_000L + nanos).substring(1);
    return seconds + "." + stripTrailingZeros(frac);
  }
}
