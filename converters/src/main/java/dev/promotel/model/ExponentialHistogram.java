package dev.promotel.model;

import java.util.List;
import java.util.Objects;

/** OTLP exponential histograms (Prometheus native histograms). */
public record ExponentialHistogram(
    AggregationTemporality temporality, List<ExponentialHistogramPoint> points)
    implements MetricData {
  public ExponentialHistogram {
    Objects.requireNonNull(temporality, "temporality");
    points = List.copyOf(points);
  }

  @Override
  public Kind kind() {
    return Kind.EXPONENTIAL_HISTOGRAM;
  }
}
