package dev.promotel.translate.mapping;

import dev.promotel.model.ExponentialBuckets;
import dev.promotel.model.ExponentialHistogramPoint;
import dev.promotel.model.HistogramPoint;

/**
 * Exponential histogram point → explicit-bucket point ({@code --exp-histogram-text=classic}). With
 * base = 2^(2^-scale), positive bucket k covers (base^k, base^(k+1)] and becomes the classic bucket
 * with upper bound base^(k+1); negative bucket k covers [-base^(k+1), -base^k) and becomes the
 * bucket with upper bound -base^k. The zero bucket is folded into the bucket just above it (the
 * first positive bucket, or the +Inf bucket when there is none). Counts stay per bucket, as the
 * model holds them; writers make them cumulative.
 *
 * <p>Example: scale 0, zero count 1, positive offset 1 counts [0, 2] gives bounds [4, 8] and counts
 * [1, 2, 0] (the zero count joins (.., 4]).
 */
final class ExponentialToClassic {
  private ExponentialToClassic() {}

  /** The classic point, or null when a bound is not a finite, strictly increasing double. */
  static HistogramPoint convert(ExponentialHistogramPoint p, long timeUnixNano) {
    ExponentialBuckets neg = p.negative();
    ExponentialBuckets pos = p.positive();
    int n = neg.size() + pos.size();
    double[] bounds = new double[n];
    long[] counts = new long[n + 1];
    int at = 0;
    for (int i = neg.size() - 1; i >= 0; i--) {
      bounds[at] = -power(p.scale(), neg.offset() + i);
      counts[at++] = neg.count(i);
    }
    int firstPositive = at;
    for (int i = 0; i < pos.size(); i++) {
      bounds[at] = power(p.scale(), pos.offset() + i + 1);
      counts[at++] = pos.count(i);
    }
    counts[firstPositive] += p.zeroCount();
    long listed = 0;
    for (long c : counts) listed += c;
    counts[n] += Math.max(0, p.count() - listed);
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(bounds[i]) || (i > 0 && !(bounds[i] > bounds[i - 1]))) return null;
    }
    if (n == 0) {
      bounds = new double[0];
      counts = new long[0];
    }
    return new HistogramPoint(p.attributes(), p.startTimeUnixNano(), timeUnixNano, p.count(),
        p.sum(), bounds, counts, p.min(), p.max(), p.exemplars(), p.flags());
  }

  /** base^index with base = 2^(2^-scale); exact powers of two for scale ≤ 0. */
  static double power(int scale, long index) {
    if (scale <= 0) {
      long exponent = index << -scale;
      if (exponent > 2000) return Double.POSITIVE_INFINITY;
      if (exponent < -2000) return 0;
      return Math.scalb(1.0, (int) exponent);
    }
    return Math.pow(2.0, index / (double) (1L << scale));
  }
}
