package dev.promotel.model;

import java.util.List;

/** Instantaneous values: Prometheus gauge, unknown/untyped. */
public record Gauge(List<NumberPoint> points) implements MetricData {
  public Gauge {
    points = List.copyOf(points);
  }

  @Override
  public Kind kind() {
    return Kind.GAUGE;
  }
}
