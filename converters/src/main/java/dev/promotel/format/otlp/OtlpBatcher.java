package dev.promotel.format.otlp;

import dev.promotel.format.Diagnostics;
import dev.promotel.model.ExponentialHistogramPoint;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.Point;
import dev.promotel.model.PromType;
import dev.promotel.model.SummaryPoint;
import java.io.IOException;

/**
 * What both OTLP writers do before encoding: drop what OTLP cannot hold (gauge histograms, with a
 * loss), note what it changes (a summary's absent count or sum becomes 0), and collect the rest in
 * a bounded {@link ResourceBatch}, handing each full batch to the writer's {@link Flusher}.
 */
final class OtlpBatcher {
  /** Encodes one batch as one {@code ResourceMetrics}. */
  interface Flusher {
    void flush(ResourceBatch batch) throws IOException;
  }

  private final Diagnostics diagnostics;
  private final ResourceBatch batch;
  private final Flusher flusher;

  OtlpBatcher(Diagnostics diagnostics, ResourceBatch batch, Flusher flusher) {
    this.diagnostics = diagnostics;
    this.batch = batch;
    this.flusher = flusher;
  }

  /** How many families wait for the next flush. */
  int pendingFamilies() {
    return batch.families();
  }

  void add(MetricFamily family) throws IOException {
    if (family.prom() != null && family.prom().type() == PromType.GAUGEHISTOGRAM) {
      diagnostics.loss(
          "gaugehistogram-dropped",
          "points of gauge histograms dropped: OTLP cannot carry gauge histograms",
          family.data().points().size());
      return;
    }
    long weight = 1;
    for (Point p : family.data().points()) {
      weight += 1 + p.exemplars().size();
      if (p instanceof HistogramPoint h) {
        weight += h.bucketCountsSize() / 8;
      } else if (p instanceof ExponentialHistogramPoint x) {
        weight += (x.positive().size() + x.negative().size()) / 8;
      } else if (p instanceof SummaryPoint s) {
        weight += s.quantiles().size() / 8;
        if (s.count().isEmpty() || s.sum().isEmpty()) {
          diagnostics.note(
              "summary-count-sum-zero",
              "summary points without a count or sum written with 0: OTLP summaries always have"
                  + " both");
        }
      }
    }
    if (!batch.canTake(family, weight)) flush();
    batch.add(family, weight);
  }

  void flush() throws IOException {
    if (batch.isEmpty()) return;
    flusher.flush(batch);
    batch.clear();
  }
}
