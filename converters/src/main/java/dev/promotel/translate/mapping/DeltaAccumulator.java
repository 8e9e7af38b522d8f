package dev.promotel.translate.mapping;

import dev.promotel.model.ExponentialHistogramPoint;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.Point;
import dev.promotel.translate.temporality.DeltaToCumulative;
import dev.promotel.translate.temporality.DropReason;
import dev.promotel.translate.temporality.StreamKey;
import dev.promotel.translate.temporality.TemporalityOptions;
import dev.promotel.translate.temporality.TemporalityReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Running totals that turn delta points into cumulative ones for OTLP → Prometheus text, in
 * arrival order: a thin adapter over the temporality engine ({@link DeltaToCumulative}) with the
 * Collector's policies (gaps and overlaps accepted, NaN added, late and older points dropped), so
 * that {@code convert} and {@code temporality --order=input --compat=otelcol} accumulate alike.
 * The stream identity is the temporality spec's (resource, scope, name, unit, type, attributes).
 * The cumulative start is the first point's start, so a single delta point becomes a cumulative
 * point with the same values. At most {@code maxSeries} series are remembered. A point that is not
 * accumulated gets null, and {@link #lastDrop()} says why; a histogram whose bounds change
 * restarts ({@link #restarts()} counts these).
 *
 * <p>Example: deltas 3 (start 10, time 20) and 4 (start 20, time 30) give cumulative 3 (10–20) and
 * 7 (10–30).
 */
final class DeltaAccumulator {
  private final TemporalityReport report = new TemporalityReport();
  private final DeltaToCumulative engine;
  private final List<Point> out = new ArrayList<>(2);
  private DropReason lastDrop;

  DeltaAccumulator(int maxSeries) {
    TemporalityOptions options = TemporalityOptions.builder()
        .otelcol()
        .maxStaleNanos(0)
        .exemplars(TemporalityOptions.Exemplars.CURRENT)
        .maxStreams(maxSeries)
        .build();
    this.engine = new DeltaToCumulative(options, report);
  }

  long restarts() {
    return report.count(DropReason.RESET_BOUNDS);
  }

  /** Why the last null result was not accumulated ({@link DropReason#LIMIT}: state full). */
  DropReason lastDrop() {
    return lastDrop;
  }

  NumberPoint sum(MetricFamily family, NumberPoint p) {
    return (NumberPoint) accept(family, p);
  }

  HistogramPoint histogram(MetricFamily family, HistogramPoint p) {
    return (HistogramPoint) accept(family, p);
  }

  ExponentialHistogramPoint exponential(MetricFamily family, ExponentialHistogramPoint p) {
    return (ExponentialHistogramPoint) accept(family, p);
  }

  private Point accept(MetricFamily family, Point p) {
    out.clear();
    engine.accept(StreamKey.of(StreamKey.Metric.of(family), p.attributes()), p, out);
    if (!out.isEmpty()) return out.get(out.size() - 1);
    lastDrop = report.lastDrop() != null ? report.lastDrop() : DropReason.INVALID;
    return null;
  }
}
