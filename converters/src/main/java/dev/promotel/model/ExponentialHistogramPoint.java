package dev.promotel.model;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * An OTLP exponential histogram point: base = 2^(2^-scale); the zero bucket is the closed
 * interval [-zeroThreshold, zeroThreshold].
 */
public record ExponentialHistogramPoint(
    Attributes attributes,
    long startTimeUnixNano,
    long timeUnixNano,
    long count,
    OptionalDouble sum,
    int scale,
    long zeroCount,
    double zeroThreshold,
    ExponentialBuckets positive,
    ExponentialBuckets negative,
    OptionalDouble min,
    OptionalDouble max,
    List<Exemplar> exemplars,
    int flags)
    implements Point {
  public ExponentialHistogramPoint {
    Point.checkCommon(attributes, startTimeUnixNano, timeUnixNano);
    Objects.requireNonNull(sum, "sum (use OptionalDouble.empty())");
    Objects.requireNonNull(min, "min (use OptionalDouble.empty())");
    Objects.requireNonNull(max, "max (use OptionalDouble.empty())");
    Objects.requireNonNull(positive, "positive (use ExponentialBuckets.EMPTY)");
    Objects.requireNonNull(negative, "negative (use ExponentialBuckets.EMPTY)");
    if (count < 0) throw new IllegalArgumentException("count must be >= 0, got " + count);
    if (zeroCount < 0) throw new IllegalArgumentException("zeroCount must be >= 0, got " + zeroCount);
    if (!(zeroThreshold >= 0)) {
      throw new IllegalArgumentException("zeroThreshold must be >= 0, got " + zeroThreshold);
    }
    exemplars = List.copyOf(exemplars);
  }
}
