package dev.promotel.model;

import java.util.List;
import java.util.Objects;

/**
 * A sum: a Prometheus counter is cumulative and monotonic; info and stateset are cumulative and
 * non-monotonic.
 */
public record Sum(AggregationTemporality temporality, boolean monotonic, List<NumberPoint> points)
    implements MetricData {
  public Sum {
    Objects.requireNonNull(temporality, "temporality");
    points = List.copyOf(points);
  }

  @Override
  public Kind kind() {
    return Kind.SUM;
  }
}
