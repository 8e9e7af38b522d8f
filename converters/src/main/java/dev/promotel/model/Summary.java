package dev.promotel.model;

import java.util.List;

/** Summaries: count, sum and quantiles per series. */
public record Summary(List<SummaryPoint> points) implements MetricData {
  public Summary {
    points = List.copyOf(points);
  }

  @Override
  public Kind kind() {
    return Kind.SUMMARY;
  }
}
