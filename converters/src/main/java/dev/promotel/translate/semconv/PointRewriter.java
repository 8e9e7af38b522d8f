package dev.promotel.translate.semconv;

import dev.promotel.model.Attributes;
import dev.promotel.model.ExponentialHistogram;
import dev.promotel.model.ExponentialHistogramPoint;
import dev.promotel.model.Gauge;
import dev.promotel.model.Histogram;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricData;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.Point;
import dev.promotel.model.Quantile;
import dev.promotel.model.Sum;
import dev.promotel.model.Summary;
import dev.promotel.model.SummaryPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Rewrites data points for the renamers: new attributes, values scaled by a unit factor (gauges
 * and sums multiplied; histograms scale bounds, sum, min and max but never the bucket counts;
 * summaries scale quantile values and sum), summaries turned into bucketless histograms, and
 * metric data rebuilt around new points. Example: {@code scaled(point 1500 ms, attrs, 0.001)}
 * gives 1.5.
 */
final class PointRewriter {
  private PointRewriter() {}

  /** {@code p} with {@code attributes} and its values multiplied by {@code factor}; same type. */
  static Point scaled(Point p, Attributes attributes, double factor) {
    if (p instanceof NumberPoint n) {
      return new NumberPoint(attributes, n.startTimeUnixNano(), n.timeUnixNano(),
          scale(n.value(), factor), n.exemplars(), n.flags());
    }
    if (p instanceof HistogramPoint h) {
      double[] bounds = h.explicitBounds();
      if (factor != 1) for (int i = 0; i < bounds.length; i++) bounds[i] = times(bounds[i], factor);
      return new HistogramPoint(attributes, h.startTimeUnixNano(), h.timeUnixNano(), h.count(),
          scaled(h.sum(), factor), bounds, h.bucketCounts(), scaled(h.min(), factor),
          scaled(h.max(), factor), h.exemplars(), h.flags());
    }
    if (p instanceof SummaryPoint s) {
      List<Quantile> q = s.quantiles();
      if (factor != 1) {
        List<Quantile> scaledQ = new ArrayList<>(q.size());
        for (Quantile x : q) scaledQ.add(new Quantile(x.quantile(), times(x.value(), factor)));
        q = scaledQ;
      }
      return new SummaryPoint(attributes, s.startTimeUnixNano(), s.timeUnixNano(), s.count(),
          scaled(s.sum(), factor), q, s.flags());
    }
    ExponentialHistogramPoint e = (ExponentialHistogramPoint) p;
    return new ExponentialHistogramPoint(attributes, e.startTimeUnixNano(), e.timeUnixNano(),
        e.count(), e.sum(), e.scale(), e.zeroCount(), e.zeroThreshold(), e.positive(),
        e.negative(), e.min(), e.max(), e.exemplars(), e.flags());
  }

  /** A summary point as a histogram point without buckets: only count and sum survive. */
  static HistogramPoint bucketless(SummaryPoint s, Attributes attributes, double factor) {
    return new HistogramPoint(attributes, s.startTimeUnixNano(), s.timeUnixNano(),
        s.count().orElse(0), scaled(s.sum(), factor), new double[0], new long[0],
        OptionalDouble.empty(), OptionalDouble.empty(), List.of(), s.flags());
  }

  static Point withAttributes(Point p, Attributes attributes) {
    return scaled(p, attributes, 1);
  }

  /** A value times {@code factor}; integers stay integers under an integral factor. */
  static NumberValue scale(NumberValue v, double factor) {
    if (factor == 1) return v;
    if (v.isLong() && factor == Math.rint(factor) && Math.abs(factor) < 1L << 31) {
      long f = (long) factor;
      long r = v.longValue() * f;
      if (f == 0 || r / f == v.longValue()) return NumberValue.ofLong(r);
    }
    return NumberValue.ofDouble(times(v.toDouble(), factor));
  }

  /**
   * {@code x} scaled by {@code factor}, dividing by N when the factor is 1/N for an integer N: 0.001
   * and 1e-9 are not exact in binary, so {@code 41178.3 * 0.001} is 41.178299999999996 while {@code
   * 41178.3 / 1000} is 41.1783, the decimal a reader expects.
   */
  static double times(double x, double factor) {
    if (factor != 0 && Math.abs(factor) < 1) {
      double inv = 1 / factor;
      double whole = Math.rint(inv);
      if (Math.abs(inv - whole) <= 1e-9 * Math.abs(whole)) return x / whole;
    }
    return x * factor;
  }

  static OptionalDouble scaled(OptionalDouble d, double factor) {
    return d.isPresent() && factor != 1 ? OptionalDouble.of(times(d.getAsDouble(), factor)) : d;
  }

  /** {@code data}'s kind and temporality around other points. */
  static MetricData withPoints(MetricData data, List<? extends Point> points) {
    return switch (data.kind()) {
      case GAUGE -> new Gauge(cast(points));
      case SUM -> new Sum(((Sum) data).temporality(), ((Sum) data).monotonic(), cast(points));
      case HISTOGRAM -> new Histogram(((Histogram) data).temporality(), cast(points));
      case EXPONENTIAL_HISTOGRAM ->
          new ExponentialHistogram(((ExponentialHistogram) data).temporality(), cast(points));
      case SUMMARY -> new Summary(cast(points));
    };
  }

  @SuppressWarnings("unchecked")
  static <T> List<T> cast(List<? extends Point> points) {
    return (List<T>) points;
  }
}
