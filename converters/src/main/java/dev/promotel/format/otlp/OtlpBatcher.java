package dev.promotel.format.otlp;

import dev.promotel.format.Diagnostics;
import dev.promotel.model.ExponentialHistogram;
import dev.promotel.model.ExponentialHistogramPoint;
import dev.promotel.model.Gauge;
import dev.promotel.model.Histogram;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricData;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.PromType;
import dev.promotel.model.Sum;
import dev.promotel.model.Summary;
import dev.promotel.model.SummaryPoint;
import java.io.IOException;
import java.util.List;

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
    long weight = weight(family.data());
    if (!batch.canTake(family, weight)) flush();
    batch.add(family, weight);
  }

  /**
   * About one unit per point, exemplar and eight buckets or quantiles; typed per kind so that each
   * loop sees one point class. Notes a summary's absent count or sum on the way.
   */
  private long weight(MetricData data) {
    long weight = 1 + data.points().size();
    switch (data.kind()) {
      case GAUGE -> weight += exemplars(((Gauge) data).points());
      case SUM -> weight += exemplars(((Sum) data).points());
      case HISTOGRAM -> {
        for (HistogramPoint h : ((Histogram) data).points()) {
          weight += h.exemplars().size() + h.bucketCountsSize() / 8;
        }
      }
      case EXPONENTIAL_HISTOGRAM -> {
        for (ExponentialHistogramPoint x : ((ExponentialHistogram) data).points()) {
          weight += x.exemplars().size() + (x.positive().size() + x.negative().size()) / 8;
        }
      }
      case SUMMARY -> {
        for (SummaryPoint s : ((Summary) data).points()) {
          weight += s.quantiles().size() / 8;
          if (s.count().isEmpty() || s.sum().isEmpty()) {
            diagnostics.note(
                "summary-count-sum-zero",
                "summary points without a count or sum written with 0: OTLP summaries always have"
                    + " both");
          }
        }
      }
      default -> throw new AssertionError(data.kind());
    }
    return weight;
  }

  private static long exemplars(List<NumberPoint> points) {
    long count = 0;
    for (NumberPoint p : points) count += p.exemplars().size();
    return count;
  }

  void flush() throws IOException {
    if (batch.isEmpty()) return;
    flusher.flush(batch);
    batch.clear();
  }
}
