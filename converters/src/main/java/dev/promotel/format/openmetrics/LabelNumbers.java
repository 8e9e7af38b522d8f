package dev.promotel.format.openmetrics;

import dev.promotel.format.internal.FloatFormat;

/**
 * The {@code le} and {@code quantile} label values the writer prints, in OpenMetrics canonical form
 * ({@link FloatFormat#formatOpenMetrics}), remembered in a small direct-mapped cache: every series of
 * a histogram family usually has the same bucket bounds, and every summary the same quantiles, so
 * each spelling is worked out about once per family instead of once per sample line.
 *
 * <p>Example: {@code format(0.005)} is {@code "0.005"}, {@code format(1)} is {@code "1.0"}.
 */
final class LabelNumbers {
  private static final int SIZE = 256;

  private final long[] bits = new long[SIZE];
  private final String[] spellings = new String[SIZE];

  String format(double v) {
    long b = Double.doubleToRawLongBits(v);
    long mixed = b * 0x9E3779B97F4A7C15L;
    int slot = (int) (mixed >>> 56);
    String s = spellings[slot];
    if (s != null && bits[slot] == b) return s;
    s = FloatFormat.formatOpenMetrics(v);
    bits[slot] = b;
    spellings[slot] = s;
    return s;
  }
}
