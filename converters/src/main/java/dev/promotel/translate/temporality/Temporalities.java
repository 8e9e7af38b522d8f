package dev.promotel.translate.temporality;

import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.ExponentialHistogram;
import dev.promotel.model.Histogram;
import dev.promotel.model.MetricData;
import dev.promotel.model.Sum;

/** The temporality of any metric data; gauges and summaries have none (UNSPECIFIED). */
final class Temporalities {
  private Temporalities() {}

  static AggregationTemporality of(MetricData data) {
    return switch (data.kind()) {
      case SUM -> ((Sum) data).temporality();
      case HISTOGRAM -> ((Histogram) data).temporality();
      case EXPONENTIAL_HISTOGRAM -> ((ExponentialHistogram) data).temporality();
      case GAUGE, SUMMARY -> AggregationTemporality.UNSPECIFIED;
    };
  }
}
