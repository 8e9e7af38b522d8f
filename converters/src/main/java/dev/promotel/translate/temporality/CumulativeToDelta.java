package dev.promotel.translate.temporality;

import dev.promotel.model.ExponentialHistogramPoint;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.Point;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Cumulative → delta: each point minus the stream's previous point (temporality spec §2, §6.2
 * "Reverse direction"). The output window is (previous time, time]. A decrease or a changed start
 * time is a reset; the first point of a stream (and the first after a start change) follows
 * {@code --initial-value}, where {@code auto} means "emit it when its start is set, differs from
 * its time, and is later than the first time in the data" (data time replaces the Collector's
 * process start). Min and max cannot be subtracted and are dropped. NaN sums are skipped.
 *
 * <p>Example: cumulative 100, 150, 120, 130 with {@code initial_value=drop} gives (dropped), 50,
 * (reset, dropped), 10.
 */
public final class CumulativeToDelta {
  private final TemporalityOptions options;
  private final TemporalityReport report;
  private final StreamTable<State> streams;
  private long firstTime = Long.MAX_VALUE;

  /** The stream's previous cumulative point. */
  static final class State extends StreamTable.Entry {
    Point last;
  }

  public CumulativeToDelta(TemporalityOptions options, TemporalityReport report) {
    this.options = options;
    this.report = report;
    this.streams = new StreamTable<>(options, report);
  }

  /**
   * Turns one cumulative point of stream {@code key} into a delta, appending it to {@code out}
   * unless it is dropped (first point, reset, mismatch, NaN), which is counted.
   */
  public void accept(StreamKey key, Point p, List<Point> out) {
    long start = p.startTimeUnixNano();
    long time = p.timeUnixNano();
    if (start > time) {
      report.increment(DropReason.INVALID_WINDOW);
      return;
    }
    if (time != 0) firstTime = Math.min(firstTime, time);
    if (p.hasNoRecordedValue()) {
      report.increment(DropReason.NO_RECORDED_VALUE);
      out.add(p);
      return;
    }
    if (p instanceof NumberPoint n && !n.value().isLong()
        && !Double.isFinite(n.value().doubleValue())) {
      report.increment(DropReason.NAN);
      return;
    }
    State s = streams.get(key);
    if (s != null && streams.isStale(s, time)) {
      report.increment(DropReason.STALE_RESET);
      streams.remove(key);
      s = null;
    }
    if (s == null) {
      if (!streams.admit(time)) {
        report.increment(DropReason.LIMIT);
        return;
      }
      s = new State();
      streams.put(key, s);
      first(s, p, out);
      return;
    }
    Point prev = s.last;
    if (start != prev.startTimeUnixNano()) {
      // A new start is a new stream: first-point rules apply again.
      report.increment(DropReason.RESET_RESTART);
      first(s, p, out);
      return;
    }
    if (time <= prev.timeUnixNano()) {
      report.increment(time == prev.timeUnixNano() ? DropReason.DUPLICATE : DropReason.OUT_OF_ORDER);
      return;
    }
    Point delta = subtract(prev, p);
    s.last = p;
    s.time = time;
    if (delta != null) {
      report.increment(DropReason.ACCEPTED);
      out.add(delta);
    }
  }

  private void first(State s, Point p, List<Point> out) {
    s.last = p;
    s.time = p.timeUnixNano();
    long start = p.startTimeUnixNano();
    boolean emit = switch (options.initialValue()) {
      case KEEP -> true;
      case DROP -> false;
      case AUTO -> start != 0 && start != p.timeUnixNano() && start > firstTime;
    };
    if (!emit) {
      report.increment(DropReason.INITIAL);
      return;
    }
    report.increment(DropReason.ACCEPTED);
    out.add(withoutMinMax(p, start));
  }

  /** {@code cur − prev} over (prev.time, cur.time], or null when dropped (counted). */
  private Point subtract(Point prev, Point cur) {
    long from = prev.timeUnixNano();
    if (cur instanceof NumberPoint c) {
      NumberValue a = ((NumberPoint) prev).value();
      NumberValue b = c.value();
      if (b.toDouble() < a.toDouble() || b.isLong() && a.isLong() && b.longValue() < a.longValue()) {
        report.increment(DropReason.RESET);
        return null;
      }
      NumberValue d = a.isLong() && b.isLong() ? NumberValue.ofLong(b.longValue() - a.longValue())
          : NumberValue.ofDouble(b.toDouble() - a.toDouble());
      return new NumberPoint(c.attributes(), from, c.timeUnixNano(), d, c.exemplars(), c.flags());
    }
    if (cur instanceof HistogramPoint c) {
      HistogramPoint a = (HistogramPoint) prev;
      if (!Arrays.equals(a.explicitBounds(), c.explicitBounds())) {
        report.increment(DropReason.BUCKET_MISMATCH);
        return null;
      }
      if (c.count() < a.count()) {
        // A histogram reset passes the full cumulative value through as the delta.
        report.increment(DropReason.RESET_PASSED);
        return withoutMinMax(c, c.startTimeUnixNano() != 0 ? c.startTimeUnixNano() : from);
      }
      long[] counts = c.bucketCounts();
      for (int i = 0; i < counts.length; i++) {
        counts[i] -= a.bucketCount(i);
        if (counts[i] < 0) {
          report.increment(DropReason.RESET);
          return null;
        }
      }
      OptionalDouble sum = c.sum().isPresent() && a.sum().isPresent()
          ? OptionalDouble.of(Double.isNaN(c.sum().getAsDouble()) ? 0
              : c.sum().getAsDouble() - a.sum().getAsDouble())
          : OptionalDouble.empty();
      return new HistogramPoint(c.attributes(), from, c.timeUnixNano(), c.count() - a.count(), sum,
          c.explicitBounds(), counts, OptionalDouble.empty(), OptionalDouble.empty(),
          c.exemplars(), c.flags());
    }
    if (cur instanceof ExponentialHistogramPoint c) {
      ExponentialHistogramPoint a = (ExponentialHistogramPoint) prev;
      if (c.count() < a.count() || c.zeroThreshold() < a.zeroThreshold() || c.scale() > a.scale()) {
        report.increment(DropReason.RESET);
        return null;
      }
      // Coarsen the previous point to this one's scale and zero threshold, then subtract.
      ExpoRange pos = ExpoRange.of(a.positive()).downscale(a.scale() - c.scale());
      ExpoRange neg = ExpoRange.of(a.negative()).downscale(a.scale() - c.scale());
      long zero = a.zeroCount();
      if (c.zeroThreshold() > a.zeroThreshold()) {
        ExpoRange.Widened w = ExpoRange.widenZero(pos, neg, c.scale(), c.zeroThreshold());
        pos = w.positive();
        neg = w.negative();
        zero += w.moved();
      }
      ExpoRange dPos = ExpoRange.subtract(ExpoRange.of(c.positive()), pos);
      ExpoRange dNeg = ExpoRange.subtract(ExpoRange.of(c.negative()), neg);
      if (dPos == null || dNeg == null || c.zeroCount() < zero) {
        report.increment(DropReason.BUCKET_MISMATCH);
        return null;
      }
      OptionalDouble sum = c.sum().isPresent() && a.sum().isPresent()
          ? OptionalDouble.of(c.sum().getAsDouble() - a.sum().getAsDouble())
          : OptionalDouble.empty();
      return new ExponentialHistogramPoint(c.attributes(), from, c.timeUnixNano(),
          c.count() - a.count(), sum, c.scale(), c.zeroCount() - zero, c.zeroThreshold(),
          dPos.toBuckets(), dNeg.toBuckets(), OptionalDouble.empty(), OptionalDouble.empty(),
          c.exemplars(), c.flags());
    }
    throw new AssertionError("cumulative → delta covers sums and histograms, got " + cur);
  }

  /** Cumulative min and max say nothing about one window: they are dropped. */
  private static Point withoutMinMax(Point p, long start) {
    if (p instanceof HistogramPoint h) {
      return new HistogramPoint(h.attributes(), start, h.timeUnixNano(), h.count(), h.sum(),
          h.explicitBounds(), h.bucketCounts(), OptionalDouble.empty(), OptionalDouble.empty(),
          h.exemplars(), h.flags());
    }
    if (p instanceof ExponentialHistogramPoint e) {
      return new ExponentialHistogramPoint(e.attributes(), start, e.timeUnixNano(), e.count(),
          e.sum(), e.scale(), e.zeroCount(), e.zeroThreshold(), e.positive(), e.negative(),
          OptionalDouble.empty(), OptionalDouble.empty(), e.exemplars(), e.flags());
    }
    return DeltaToCumulative.withWindow(p, start, p.timeUnixNano());
  }
}
