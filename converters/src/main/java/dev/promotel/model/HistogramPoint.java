package dev.promotel.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * An explicit-bucket histogram point in OTLP's shape: per-bucket (not cumulative) counts, one more
 * count than bounds, the last bucket being (last bound, +Inf]. No buckets at all is allowed (count
 * and sum only). Bounds are strictly increasing and never +Inf (that bucket is implicit).
 *
 * <p>Prometheus {@code le="0.1"} 3, {@code le="+Inf"} 5 becomes bounds [0.1], counts [3, 2].
 */
public record HistogramPoint(
    Attributes attributes,
    long startTimeUnixNano,
    long timeUnixNano,
    long count,
    OptionalDouble sum,
    double[] explicitBounds,
    long[] bucketCounts,
    OptionalDouble min,
    OptionalDouble max,
    List<Exemplar> exemplars,
    int flags)
    implements Point {
  public HistogramPoint {
    Point.checkCommon(attributes, startTimeUnixNano, timeUnixNano);
    Objects.requireNonNull(sum, "sum (use OptionalDouble.empty())");
    Objects.requireNonNull(min, "min (use OptionalDouble.empty())");
    Objects.requireNonNull(max, "max (use OptionalDouble.empty())");
    explicitBounds = explicitBounds.clone();
    bucketCounts = bucketCounts.clone();
    if (count < 0) throw new IllegalArgumentException("count must be >= 0, got " + count);
    if (bucketCounts.length == 0 ? explicitBounds.length != 0
        : bucketCounts.length != explicitBounds.length + 1) {
      throw new IllegalArgumentException(
          "expected bucketCounts to have one more entry than explicitBounds (or both empty), got "
              + bucketCounts.length + " counts and " + explicitBounds.length + " bounds");
    }
    for (int i = 0; i < explicitBounds.length; i++) {
      double b = explicitBounds[i];
      if (Double.isNaN(b) || b == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("bound " + i + " must be a number below +Inf, got " + b);
      }
      if (i > 0 && !(b > explicitBounds[i - 1])) {
        throw new IllegalArgumentException(
            "explicitBounds must increase strictly, got " + explicitBounds[i - 1] + " then " + b);
      }
    }
    for (long c : bucketCounts) {
      if (c < 0) throw new IllegalArgumentException("bucket counts must be >= 0, got " + c);
    }
    exemplars = List.copyOf(exemplars);
  }

  /** The bounds; a copy, since records cannot expose arrays immutably. */
  @Override
  public double[] explicitBounds() {
    return explicitBounds.clone();
  }

  /** The per-bucket counts; a copy. */
  @Override
  public long[] bucketCounts() {
    return bucketCounts.clone();
  }

  public int bucketCountsSize() {
    return bucketCounts.length;
  }

  public double explicitBound(int index) {
    return explicitBounds[index];
  }

  public long bucketCount(int index) {
    return bucketCounts[index];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HistogramPoint p
        && attributes.equals(p.attributes)
        && startTimeUnixNano == p.startTimeUnixNano
        && timeUnixNano == p.timeUnixNano
        && count == p.count
        && sum.equals(p.sum)
        && Arrays.equals(explicitBounds, p.explicitBounds)
        && Arrays.equals(bucketCounts, p.bucketCounts)
        && min.equals(p.min)
        && max.equals(p.max)
        && exemplars.equals(p.exemplars)
        && flags == p.flags;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        attributes, timeUnixNano, count, Arrays.hashCode(explicitBounds),
        Arrays.hashCode(bucketCounts));
  }

  @Override
  public String toString() {
    return "HistogramPoint[" + attributes + " start=" + startTimeUnixNano + " time=" + timeUnixNano
        + " count=" + count + " sum=" + sum + " bounds=" + Arrays.toString(explicitBounds)
        + " counts=" + Arrays.toString(bucketCounts) + " min=" + min + " max=" + max
        + " exemplars=" + exemplars + " flags=" + flags + "]";
  }
}
