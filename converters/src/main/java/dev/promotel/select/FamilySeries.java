package dev.promotel.select;

import dev.promotel.model.Attributes;
import dev.promotel.model.ExponentialHistogram;
import dev.promotel.model.ExponentialHistogramPoint;
import dev.promotel.model.Gauge;
import dev.promotel.model.Histogram;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricData;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.Point;
import dev.promotel.model.PromType;
import dev.promotel.model.Sum;
import dev.promotel.model.Summary;
import dev.promotel.model.SummaryPoint;
import java.util.List;

/**
 * How a family looks as Prometheus series, for selectors and relabelling: one series per point,
 * its labels the point's attributes (OTLP typed values as their string form) plus {@code
 * __name__}. A histogram or summary point is one series, kept or dropped whole: its names are all
 * the sample names the family writes ({@code foo}, {@code foo_bucket}, {@code foo_count}, {@code
 * foo_sum}; {@code foo_gcount}/{@code foo_gsum} for a gauge histogram), and it has no {@code le}
 * or {@code quantile} label (those tell samples of one series apart).
 *
 * <p>Example: histogram {@code http_request_duration_seconds} has the sample names {@code
 * http_request_duration_seconds{,_bucket,_count,_sum}} and hidden label {@code le}.
 */
public final class FamilySeries {
  private FamilySeries() {}

  /** The sample names of a family, the family's own name first. */
  public static String[] sampleNames(MetricFamily family) {
    String n = family.name();
    return switch (family.data().kind()) {
      case GAUGE, SUM -> new String[] {n};
      case HISTOGRAM -> family.promType() == PromType.GAUGEHISTOGRAM
          ? new String[] {n, n + "_bucket", n + "_gcount", n + "_gsum"}
          : new String[] {n, n + "_bucket", n + "_count", n + "_sum"};
      case EXPONENTIAL_HISTOGRAM -> new String[] {n, n + "_bucket", n + "_count", n + "_sum"};
      case SUMMARY -> new String[] {n, n + "_count", n + "_sum"};
    };
  }

  /** The label that tells samples of one series apart ({@code le}, {@code quantile}), or null. */
  public static String hiddenLabel(MetricData data) {
    return switch (data.kind()) {
      case HISTOGRAM, EXPONENTIAL_HISTOGRAM -> "le";
      case SUMMARY -> "quantile";
      case GAUGE, SUM -> null;
    };
  }

  /** {@code data} with {@code points} (of its own point type) instead of its own. */
  @SuppressWarnings("unchecked")
  public static MetricData withPoints(MetricData data, List<? extends Point> points) {
    return switch (data.kind()) {
      case GAUGE -> new Gauge((List<NumberPoint>) points);
      case SUM -> {
        Sum s = (Sum) data;
        yield new Sum(s.temporality(), s.monotonic(), (List<NumberPoint>) points);
      }
      case HISTOGRAM ->
          new Histogram(((Histogram) data).temporality(), (List<HistogramPoint>) points);
      case EXPONENTIAL_HISTOGRAM -> new ExponentialHistogram(
          ((ExponentialHistogram) data).temporality(), (List<ExponentialHistogramPoint>) points);
      case SUMMARY -> new Summary((List<SummaryPoint>) points);
    };
  }

  /** {@code family} with only {@code points}; the same instance when nothing changed. */
  public static MetricFamily withPoints(MetricFamily family, List<? extends Point> points) {
    if (points == family.data().points()) return family;
    return family.withData(withPoints(family.data(), points));
  }

  /** {@code point} with other attributes. */
  public static Point withAttributes(Point point, Attributes attributes) {
    if (point.attributes().equals(attributes)) return point;
    if (point instanceof NumberPoint p) {
      return new NumberPoint(attributes, p.startTimeUnixNano(), p.timeUnixNano(), p.value(),
          p.exemplars(), p.flags());
    }
    if (point instanceof HistogramPoint p) {
      return new HistogramPoint(attributes, p.startTimeUnixNano(), p.timeUnixNano(), p.count(),
          p.sum(), p.explicitBounds(), p.bucketCounts(), p.min(), p.max(), p.exemplars(),
          p.flags());
    }
    if (point instanceof ExponentialHistogramPoint p) {
      return new ExponentialHistogramPoint(attributes, p.startTimeUnixNano(), p.timeUnixNano(),
          p.count(), p.sum(), p.scale(), p.zeroCount(), p.zeroThreshold(), p.positive(),
          p.negative(), p.min(), p.max(), p.exemplars(), p.flags());
    }
    SummaryPoint p = (SummaryPoint) point;
    return new SummaryPoint(attributes, p.startTimeUnixNano(), p.timeUnixNano(), p.count(),
        p.sum(), p.quantiles(), p.flags());
  }
}
