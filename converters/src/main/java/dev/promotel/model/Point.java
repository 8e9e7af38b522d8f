package dev.promotel.model;

import java.util.List;

/** What every data point has: its attributes, times (ns since the epoch, 0 = unset) and flags. */
public sealed interface Point
    permits NumberPoint, HistogramPoint, ExponentialHistogramPoint, SummaryPoint {
  /** OTLP {@code DataPointFlags} bit 0: the series had no value (a Prometheus staleness marker). */
  int FLAG_NO_RECORDED_VALUE = 1;

  Attributes attributes();

  long startTimeUnixNano();

  long timeUnixNano();

  int flags();

  List<Exemplar> exemplars();

  default boolean hasNoRecordedValue() {
    return (flags() & FLAG_NO_RECORDED_VALUE) != 0;
  }

  /** Shared checks of the compact constructors; messages say what to pass instead. */
  static void checkCommon(Attributes attributes, long startTimeUnixNano, long timeUnixNano) {
    if (attributes == null) throw new NullPointerException("attributes (use Attributes.EMPTY)");
    if (startTimeUnixNano < 0) {
      throw new IllegalArgumentException(
          "startTimeUnixNano must be >= 0 (0 = unset), got " + startTimeUnixNano);
    }
    if (timeUnixNano < 0) {
      throw new IllegalArgumentException("timeUnixNano must be >= 0 (0 = unset), got " + timeUnixNano);
    }
  }
}
