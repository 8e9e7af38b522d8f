package dev.promotel.translate.mapping;

import dev.promotel.model.Attributes;
import dev.promotel.model.ExponentialBuckets;
import dev.promotel.model.ExponentialHistogramPoint;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.Resource;
import dev.promotel.model.Scope;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Running totals that turn delta points into cumulative ones, one state per series (family name,
 * resource, scope, attributes), in arrival order. The cumulative start time is the first point's
 * start; a single delta point therefore becomes a cumulative point with the same values. At most
 * {@code maxSeries} series are remembered: a point of a further series gets null (the caller drops
 * and counts it). A histogram point whose bounds differ from the running state restarts it
 * ({@link #restarts()} counts these).
 *
 * <p>Example: deltas 3 (start 10, time 20) and 4 (start 20, time 30) give cumulative 3 (10–20) and
 * 7 (10–30).
 */
final class DeltaAccumulator {
  private record Key(String family, Resource resource, Scope scope, Attributes attributes) {}

  private final int maxSeries;
  private final Map<Key, Object> states = new HashMap<>();
  private long restarts;

  DeltaAccumulator(int maxSeries) {
    this.maxSeries = maxSeries;
  }

  long restarts() {
    return restarts;
  }

  private Object state(Key key) {
    return states.get(key);
  }

  private boolean full(Key key) {
    return !states.containsKey(key) && states.size() >= maxSeries;
  }

  private record SumState(long start, NumberValue total) {}

  NumberPoint sum(String family, Resource resource, Scope scope, NumberPoint p) {
    Key key = new Key(family, resource, scope, p.attributes());
    if (full(key)) return null;
    SumState old = (SumState) state(key);
    SumState now = old == null
        ? new SumState(p.startTimeUnixNano(), p.value())
        : new SumState(old.start(), add(old.total(), p.value()));
    states.put(key, now);
    return new NumberPoint(p.attributes(), now.start(), p.timeUnixNano(), now.total(),
        p.exemplars(), p.flags());
  }

  static NumberValue add(NumberValue a, NumberValue b) {
    if (a.isLong() && b.isLong()) {
      long sum = a.longValue() + b.longValue();
      // Overflow when both operands have the sign the result lacks.
      if (((a.longValue() ^ sum) & (b.longValue() ^ sum)) >= 0) return NumberValue.ofLong(sum);
    }
    return NumberValue.ofDouble(a.toDouble() + b.toDouble());
  }

  HistogramPoint histogram(String family, Resource resource, Scope scope, HistogramPoint p) {
    Key key = new Key(family, resource, scope, p.attributes());
    if (full(key)) return null;
    HistogramPoint old = (HistogramPoint) state(key);
    HistogramPoint now;
    if (old == null) {
      now = p;
    } else if (!Arrays.equals(old.explicitBounds(), p.explicitBounds())) {
      restarts++;
      now = p;
    } else {
      long[] counts = old.bucketCounts();
      for (int i = 0; i < counts.length; i++) counts[i] += p.bucketCount(i);
      now = new HistogramPoint(p.attributes(), old.startTimeUnixNano(), p.timeUnixNano(),
          old.count() + p.count(), addOptional(old.sum(), p.sum()), p.explicitBounds(), counts,
          extreme(old.min(), p.min(), true), extreme(old.max(), p.max(), false), p.exemplars(),
          p.flags());
    }
    states.put(key, now);
    return now;
  }

  ExponentialHistogramPoint exponential(
      String family, Resource resource, Scope scope, ExponentialHistogramPoint p) {
    Key key = new Key(family, resource, scope, p.attributes());
    if (full(key)) return null;
    ExponentialHistogramPoint old = (ExponentialHistogramPoint) state(key);
    ExponentialHistogramPoint now;
    if (old == null) {
      now = p;
    } else {
      int scale = Math.min(old.scale(), p.scale());
      now = new ExponentialHistogramPoint(p.attributes(), old.startTimeUnixNano(), p.timeUnixNano(),
          old.count() + p.count(), addOptional(old.sum(), p.sum()), scale,
          old.zeroCount() + p.zeroCount(), Math.max(old.zeroThreshold(), p.zeroThreshold()),
          merge(old.positive(), old.scale(), p.positive(), p.scale(), scale),
          merge(old.negative(), old.scale(), p.negative(), p.scale(), scale),
          extreme(old.min(), p.min(), true), extreme(old.max(), p.max(), false), p.exemplars(),
          p.flags());
    }
    states.put(key, now);
    return now;
  }

  /** Adds two bucket ranges after bringing both to {@code scale} (merging 2^d buckets into one). */
  static ExponentialBuckets merge(
      ExponentialBuckets a, int scaleA, ExponentialBuckets b, int scaleB, int scale) {
    if (a.size() == 0 && scaleA == scale) return b.size() == 0 ? a : downscale(b, scaleB - scale);
    a = downscale(a, scaleA - scale);
    b = downscale(b, scaleB - scale);
    if (a.size() == 0) return b;
    if (b.size() == 0) return a;
    int from = Math.min(a.offset(), b.offset());
    int to = Math.max(a.offset() + a.size(), b.offset() + b.size());
    long[] counts = new long[to - from];
    for (int i = 0; i < a.size(); i++) counts[a.offset() + i - from] += a.count(i);
    for (int i = 0; i < b.size(); i++) counts[b.offset() + i - from] += b.count(i);
    return new ExponentialBuckets(from, counts);
  }

  static ExponentialBuckets downscale(ExponentialBuckets b, int by) {
    if (by == 0 || b.size() == 0) return b;
    int from = b.offset() >> by;
    int to = (b.offset() + b.size() - 1) >> by;
    long[] counts = new long[to - from + 1];
    for (int i = 0; i < b.size(); i++) counts[((b.offset() + i) >> by) - from] += b.count(i);
    return new ExponentialBuckets(from, counts);
  }

  private static OptionalDouble addOptional(OptionalDouble a, OptionalDouble b) {
    return a.isPresent() && b.isPresent()
        ? OptionalDouble.of(a.getAsDouble() + b.getAsDouble())
        : OptionalDouble.empty();
  }

  private static OptionalDouble extreme(OptionalDouble a, OptionalDouble b, boolean min) {
    if (a.isEmpty()) return b;
    if (b.isEmpty()) return a;
    return OptionalDouble.of(min ? Math.min(a.getAsDouble(), b.getAsDouble())
        : Math.max(a.getAsDouble(), b.getAsDouble()));
  }
}
