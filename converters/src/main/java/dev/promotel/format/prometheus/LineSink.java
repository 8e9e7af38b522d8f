package dev.promotel.format.prometheus;

import dev.promotel.format.internal.FloatFormat;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The writer's output buffer: an unsynchronized 64 KB byte buffer in front of the output stream,
 * encoding UTF-8 itself ({@link Utf8Buffer}). A sample line is a dozen small writes, and a {@code
 * BufferedWriter}'s per-call lock would cost more than the copying. Full buffers go downstream in
 * one call. Also prints numbers without allocating.
 */
final class LineSink extends Utf8Buffer {
  private final OutputStream downstream;

  LineSink(OutputStream downstream) {
    super(1 << 16);
    this.downstream = downstream;
  }

  @Override
  void room(int bytes) throws IOException {
    drain();
  }

  @Override
  void writeThrough(byte[] bytes, int off, int len) throws IOException {
    downstream.write(bytes, off, len);
  }

  /** Decimal digits of {@code v}. */
  void writeLong(long v) throws IOException {
    if (buf.length - n < 20) drain();
    if (v == Long.MIN_VALUE) {
      write("-9223372036854775808");
      return;
    }
    if (v < 0) {
      buf[n++] = '-';
      v = -v;
    }
    int digits = 1;
    for (long t = v; t >= 10; t /= 10) digits++;
    int end = n + digits;
    for (int i = end - 1; i >= n; i--) {
      buf[i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    n = end;
  }

  /**
   * Go {@code %g} spelling, identical to {@link FloatFormat#formatGo} but without its Strings and
   * its verification by {@code Double.parseDouble}: up to 15 significant digits and a power of
   * ten up to 22, a candidate decimal is checked exactly with one multiplication or division
   * (Clinger's fast path). Anything else goes to {@link FloatFormat#formatGo}.
   */
  void writeGoDouble(double v) throws IOException {
    // Small integral values, the most common floats in expositions; Go switches to exponent form
    // at 1e6.
    if (v == (long) v && Math.abs(v) < 1e6 && (v != 0 || Double.doubleToRawLongBits(v) == 0)) {
      writeLong((long) v);
      return;
    }
    if (Double.isNaN(v) || Double.isInfinite(v) || v == 0) {
      write(FloatFormat.formatGo(v));
      return;
    }
    double a = Math.abs(v);
    long digits;
    int count;
    int point; // value = 0.<digits> × 10^point
    if (a < 1e15 && a == Math.rint(a)) {
      digits = (long) a;
      count = decimalLength(digits);
      point = count;
    } else {
      if (a < Double.MIN_NORMAL) {
        write(FloatFormat.formatGo(v));
        return;
      }
      if (a >= 1e-7 && a < 1e12 && writeShortDecimal(v < 0, a)) return;
      String s = Double.toString(a);
      int ePos = s.indexOf('E');
      int end = ePos < 0 ? s.length() : ePos;
      int exp10 = ePos < 0 ? 0 : Integer.parseInt(s, ePos + 1, s.length(), 10);
      digits = 0;
      count = 0;
      point = exp10;
      boolean beforeDot = true;
      boolean leading = true;
      for (int i = 0; i < end; i++) {
        char c = s.charAt(i);
        if (c == '.') {
          beforeDot = false;
          continue;
        }
        if (beforeDot) point++;
        if (leading && c == '0') {
          point--;
          continue;
        }
        leading = false;
        if (++count > 18) {
          write(FloatFormat.formatGo(v));
          return;
        }
        digits = digits * 10 + (c - '0');
      }
      // JDK 17's Double.toString is not always shortest: drop digits while they still parse back.
      while (true) {
        while (count > 1 && digits % 10 == 0) {
          digits /= 10;
          count--;
        }
        if (count > 15) {
          write(FloatFormat.formatGo(v));
          return;
        }
        if (count == 1) break;
        long shorter = digits / 10 + (digits % 10 >= 5 ? 1 : 0);
        int shorterCount = count - 1;
        int shorterPoint = point;
        if (shorter == POWERS[shorterCount]) {
          shorterCount++;
          shorterPoint++;
        }
        int k = shorterPoint - shorterCount;
        if (k < -22 || k > 22) {
          write(FloatFormat.formatGo(v));
          return;
        }
        double candidate = k >= 0 ? shorter * EXACT[k] : shorter / EXACT[-k];
        if (candidate != a) break;
        if (shorterCount > count - 1) {
          digits = 1;
          count = 1;
        } else {
          digits = shorter;
          count = shorterCount;
        }
        point = shorterPoint;
      }
    }
    while (count > 1 && digits % 10 == 0) {
      digits /= 10;
      count--;
    }
    writeGoDigits(v < 0, digits, count, point - 1);
  }

  /**
   * The common case of a decimal with at most {@value #SHORT_DIGITS} significant digits, without
   * {@code Double.toString}: its digit generation (with big-integer arithmetic for some values)
   * is several hundred milliseconds of JIT compilation in a whole conversion, and it allocates.
   *
   * <p>At each scale 10^k, from one digit up, only the integer nearest to a × 10^k can give back
   * {@code a}: below 10^13 the interval of reals that round to {@code a} and the rounding error
   * of a × 10^k are each under 1.2e-3 wide there, so a candidate at least {@value #NEAR} away is
   * skipped without a division, and one that is nearer is tested with one exact multiplication or
   * division (Clinger's fast path: fewer than 2^53 and a power of ten up to 22). The first that
   * gives back {@code a} is the shortest; being that near {@code a} (far within 0.4 of its last
   * digit), it is also what Double.toString's digits (correctly rounded, at most one digit
   * longer) shorten to, so the spelling is the one {@link FloatFormat#formatGo} makes. Returns
   * false, writing nothing, when that cannot be shown.
   */
  private boolean writeShortDecimal(boolean negative, double a) throws IOException {
    int k = -(int) Math.floor(Math.log10(a)) - 1;
    for (int i = 0; i < SHORT_DIGITS + 1; i++, k++) {
      if (k < -22 || k > 22) return false;
      double scaled = k >= 0 ? a * EXACT[k] : a / EXACT[-k];
      if (scaled >= POWERS[SHORT_DIGITS]) return false;
      long nearest = Math.round(scaled);
      if (nearest == 0 || Math.abs(scaled - nearest) >= NEAR) continue;
      double back = k >= 0 ? nearest / EXACT[k] : nearest * EXACT[-k];
      if (back != a) continue;
      if (nearest % 10 == 0) return false;
      int count = decimalLength(nearest);
      writeGoDigits(negative, nearest, count, count - 1 - k);
      return true;
    }
    return false;
  }

  /** How near a × 10^k must be to an integer for that integer to be worth testing. */
  private static final double NEAR = 2.5e-3;

  /** Significant digits {@link #writeShortDecimal} handles; the error of a × 10^k stays tiny. */
  private static final int SHORT_DIGITS = 13;

  private static final long[] POWERS = new long[19];
  private static final double[] EXACT = new double[23];

  static {
    long p = 1;
    for (int i = 0; i < POWERS.length; i++) {
      POWERS[i] = p;
      p *= 10;
    }
    double d = 1;
    for (int i = 0; i < EXACT.length; i++) {
      EXACT[i] = d;
      d *= 10;
    }
  }

  private static int decimalLength(long v) {
    int n = 1;
    while (n < 19 && v >= POWERS[n]) n++;
    return n;
  }

  /** The layout of {@code FloatFormat.formatGo} for digits d.ddd × 10^exp. */
  private void writeGoDigits(boolean negative, long digits, int count, int exp)
      throws IOException {
    if (buf.length - n < 48) drain();
    byte[] d = digitBytes;
    for (int i = count - 1; i >= 0; i--) {
      d[i] = (byte) ('0' + digits % 10);
      digits /= 10;
    }
    if (negative) buf[n++] = '-';
    if (exp < -4 || exp >= 6) {
      buf[n++] = d[0];
      if (count > 1) {
        buf[n++] = '.';
        for (int i = 1; i < count; i++) buf[n++] = d[i];
      }
      buf[n++] = 'e';
      buf[n++] = (byte) (exp < 0 ? '-' : '+');
      int e = Math.abs(exp);
      if (e >= 100) {
        buf[n++] = (byte) ('0' + e / 100);
        e %= 100;
        buf[n++] = (byte) ('0' + e / 10);
      } else {
        buf[n++] = (byte) ('0' + e / 10);
      }
      buf[n++] = (byte) ('0' + e % 10);
    } else if (exp < 0) {
      buf[n++] = '0';
      buf[n++] = '.';
      for (int i = -1; i > exp; i--) buf[n++] = '0';
      for (int i = 0; i < count; i++) buf[n++] = d[i];
    } else if (count <= exp + 1) {
      for (int i = 0; i < count; i++) buf[n++] = d[i];
      for (int i = count; i <= exp; i++) buf[n++] = '0';
    } else {
      for (int i = 0; i <= exp; i++) buf[n++] = d[i];
      buf[n++] = '.';
      for (int i = exp + 1; i < count; i++) buf[n++] = d[i];
    }
  }

  private final byte[] digitBytes = new byte[20];

  private void drain() throws IOException {
    downstream.write(buf, 0, n);
    n = 0;
  }

  @Override
  public void flush() throws IOException {
    drain();
    downstream.flush();
  }

  @Override
  public void close() throws IOException {
    endText();
    drain();
    downstream.close();
  }
}
