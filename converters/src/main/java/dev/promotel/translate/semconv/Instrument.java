package dev.promotel.translate.semconv;

import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.MetricData;
import dev.promotel.model.Sum;
import dev.promotel.translate.naming.MetricKind;
import java.util.Locale;

/**
 * The OTel instrument of a semantic-convention metric, as the registry and rule files spell it.
 * It decides the Prometheus suffixes on the way back: only a {@link #COUNTER} gets {@code _total},
 * only a unit-{@code 1} {@link #GAUGE} gets {@code _ratio}. Example: {@code instrument:
 * updowncounter} is a non-monotonic cumulative Sum, written to Prometheus as a gauge.
 */
public enum Instrument {
  COUNTER,
  UPDOWNCOUNTER,
  GAUGE,
  HISTOGRAM;

  /** The spelling of rule files and the registry ({@code updowncounter}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The instrument spelled {@code id}, or null when there is none. */
  public static Instrument fromId(String id) {
    for (Instrument i : values()) if (i.id().equals(id)) return i;
    return null;
  }

  /** The naming kind of this instrument (suffix decisions of the metric namer). */
  public MetricKind metricKind() {
    return switch (this) {
      case COUNTER -> MetricKind.MONOTONIC_COUNTER;
      case UPDOWNCOUNTER -> MetricKind.NON_MONOTONIC_COUNTER;
      case GAUGE -> MetricKind.GAUGE;
      case HISTOGRAM -> MetricKind.HISTOGRAM;
    };
  }

  /** The instrument an OTLP metric's data shows, or null for a summary (no OTel instrument). */
  public static Instrument of(MetricData data) {
    return switch (data.kind()) {
      case GAUGE -> GAUGE;
      case SUM -> ((Sum) data).monotonic() ? COUNTER : UPDOWNCOUNTER;
      case HISTOGRAM, EXPONENTIAL_HISTOGRAM -> HISTOGRAM;
      case SUMMARY -> null;
    };
  }

  static boolean isCumulative(AggregationTemporality t) {
    return t == AggregationTemporality.CUMULATIVE;
  }
}
