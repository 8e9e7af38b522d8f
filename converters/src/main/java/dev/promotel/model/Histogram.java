package dev.promotel.model;

import java.util.List;
import java.util.Objects;

/**
 * Explicit-bucket histograms. A Prometheus classic histogram is cumulative; an OpenMetrics
 * gaugehistogram is kept here with {@link AggregationTemporality#UNSPECIFIED} and {@link
 * PromType#GAUGEHISTOGRAM} in the family's metadata, since OTLP has no such type.
 */
public record Histogram(AggregationTemporality temporality, List<HistogramPoint> points)
    implements MetricData {
  public Histogram {
    Objects.requireNonNull(temporality, "temporality");
    points = List.copyOf(points);
  }

  @Override
  public Kind kind() {
    return Kind.HISTOGRAM;
  }
}
