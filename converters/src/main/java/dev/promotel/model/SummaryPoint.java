package dev.promotel.model;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A summary point. Quantiles are strictly increasing. Count and sum are optional because text
 * formats may omit them (OpenMetrics {@code summary_quantiles} has neither); OTLP writes 0.
 */
public record SummaryPoint(
    Attributes attributes,
    long startTimeUnixNano,
    long timeUnixNano,
    OptionalLong count,
    OptionalDouble sum,
    List<Quantile> quantiles,
    int flags)
    implements Point {
  public SummaryPoint {
    Point.checkCommon(attributes, startTimeUnixNano, timeUnixNano);
    Objects.requireNonNull(count, "count (use OptionalLong.empty())");
    Objects.requireNonNull(sum, "sum (use OptionalDouble.empty())");
    quantiles = List.copyOf(quantiles);
    for (int i = 1; i < quantiles.size(); i++) {
      if (!(quantiles.get(i).quantile() > quantiles.get(i - 1).quantile())) {
        throw new IllegalArgumentException(
            "quantiles must increase strictly; sort them and drop duplicates, got "
                + quantiles.get(i - 1).quantile() + " then " + quantiles.get(i).quantile());
      }
    }
    if (count.isPresent() && count.getAsLong() < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count.getAsLong());
    }
  }

  /** Summaries carry no exemplars in any format. */
  @Override
  public List<Exemplar> exemplars() {
    return List.of();
  }
}
