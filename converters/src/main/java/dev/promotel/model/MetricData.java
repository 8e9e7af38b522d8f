package dev.promotel.model;

import java.util.List;

/**
 * The data of one metric, one case per OTLP data type. Dispatch with an exhaustive switch over
 * {@link #kind()}.
 */
public sealed interface MetricData permits Gauge, Sum, Histogram, ExponentialHistogram, Summary {

  enum Kind {
    GAUGE,
    SUM,
    HISTOGRAM,
    EXPONENTIAL_HISTOGRAM,
    SUMMARY
  }

  Kind kind();

  List<? extends Point> points();
}
