package dev.promotel.model;

import java.util.Locale;

/**
 * The Prometheus/OpenMetrics metric type as written in {@code # TYPE}. 0.0.4's {@code untyped} and
 * a family without TYPE are {@link #UNKNOWN}.
 */
public enum PromType {
  COUNTER,
  GAUGE,
  HISTOGRAM,
  GAUGEHISTOGRAM,
  SUMMARY,
  INFO,
  STATESET,
  UNKNOWN;

  /** The OpenMetrics spelling ({@code unknown}, {@code gaugehistogram}, ...). */
  public String openMetricsName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
