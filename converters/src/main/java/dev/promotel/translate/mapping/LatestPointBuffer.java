package dev.promotel.translate.mapping;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricWriter;
import dev.promotel.model.Exemplar;
import dev.promotel.model.Gauge;
import dev.promotel.model.Histogram;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricData;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.Point;
import dev.promotel.model.Sum;
import dev.promotel.model.Summary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bounded buffering stage between {@link OtlpToPrometheus} and a text writer. An OTLP file
 * (a Collector export) is a time series of requests, so the same Prometheus family and series
 * come back in every request, whereas a text exposition holds each family once, contiguous, and a
 * pull format shows each series' current value. This stage merges the Prometheus-shaped families
 * it is given by output name, in the order their names were first seen, and keeps per series
 * (label set) the <b>latest</b> point by time, a later arrival winning a tie; or, in keep-all mode
 * ({@code --with-timestamps}), every point, ordered by time per series (stably) and contiguous.
 * Nothing is written before {@link #flush()}.
 *
 * <p>Superseded points are counted as the note {@code older-points-superseded}, not as a loss: a
 * later cumulative point (counter, histogram, summary) contains what the earlier ones counted. For
 * gauges the replaced points were real samples, but a scrape of the source would have shown only
 * the current value too, so pull semantics call it a note as well. Exemplars of a superseded
 * counter or histogram point move to the newer point where they are still the latest of their
 * sample or bucket (the bucket bounds being the same), as a scrape's client library keeps them.
 *
 * <p>A later family whose type differs from the first one of its name is dropped with the loss
 * {@code family-type-conflict} (specs/translation.md §11: keep the first TYPE); a different HELP
 * or unit is noted, the first kept.
 *
 * <p>Bound: at most {@code maxPoints} held points (series in latest mode) and {@code maxFamilies}
 * families. When a family would pass a bound, everything held is written first (the note {@code
 * latest-point-buffer-flushed}); later points of series already written then reach the writer as
 * repeats, which it drops and counts. Input whose families are contiguous (a big scrape converted
 * to OTLP) loses nothing: the family being filled is the last one written, and its next points
 * continue it.
 *
 * <p>Example: {@code system_cpu_time_seconds_total{cpu="0"}} 31.42 at t1 then 35.9 at t2 gives
 * one series with 35.9 and one superseded point.
 */
final class LatestPointBuffer {
  /**
   * A held point with its labels costs about 1.5 KB of heap; 20 000 of them add about 15 MB to
   * the peak RSS of a 360 MB OTLP JSON Lines → 0.0.4 conversion (serial GC), 100 000 added 280 MB.
   * Past the bound the output is what it was without this stage: the earliest points written,
   * later repeats dropped and counted.
   */
  static final int DEFAULT_MAX_POINTS = 20_000;
  static final int DEFAULT_MAX_FAMILIES = 10_000;

  private final MetricWriter next;
  private final Diagnostics diagnostics;
  private final boolean keepAll;
  private final int maxPoints;
  private final int maxFamilies;
  private final Map<String, Held> families = new LinkedHashMap<>();
  private int heldPoints;
  private boolean flushedEarly;

  /** A point and the time it is ordered by (its written time may have been removed). */
  private record Slot(Point point, long time) {}

  /** One output family: the first family of its name (metadata, type) and its series. */
  private static final class Held {
    final MetricFamily first;
    /** Label set → Slot (latest mode) or List of Slot (keep-all mode), in first-seen order. */
    final Map<Object, Object> series = new LinkedHashMap<>();

    Held(MetricFamily first) {
      this.first = first;
    }
  }

  LatestPointBuffer(MetricWriter next, Diagnostics diagnostics, boolean keepAll, int maxPoints,
      int maxFamilies) {
    if (maxPoints < 1 || maxFamilies < 1) {
      throw new IllegalArgumentException("bounds must be >= 1, got " + maxPoints + " points and "
          + maxFamilies + " families");
    }
    this.next = next;
    this.diagnostics = diagnostics;
    this.keepAll = keepAll;
    this.maxPoints = maxPoints;
    this.maxFamilies = maxFamilies;
  }

  /** Whether a bound made the buffer write before {@link #flush()} was called from outside. */
  boolean flushedEarly() {
    return flushedEarly;
  }

  /**
   * Takes a Prometheus-shaped family (no resource or scope); {@code times[i]} is the time point
   * {@code i} is ordered by, which its written time may no longer show.
   */
  void add(MetricFamily family, long[] times) throws IOException {
    List<? extends Point> points = family.data().points();
    Held held = families.get(family.name());
    if (held == null) {
      if (!families.isEmpty() && (families.size() >= maxFamilies
          || heldPoints + points.size() > maxPoints)) {
        flushEarly();
      }
      held = new Held(family);
      families.put(family.name(), held);
    } else {
      if (!sameType(held.first, family)) {
        diagnostics.loss("family-type-conflict", "families dropped: an earlier family of the "
            + "same name has another type, and a text format holds each name once (first: '"
            + family.name() + "')", Math.max(1, points.size()));
        return;
      }
      if (!held.first.description().equals(family.description())) {
        diagnostics.note("help-conflict", "HELP texts differ between families of the same name; "
            + "the first is kept (first: '" + family.name() + "')");
      }
      if (!held.first.unit().equals(family.unit())) {
        diagnostics.note("unit-conflict", "units differ between families of the same name; "
            + "the first is kept (first: '" + family.name() + "')");
      }
      if (heldPoints + points.size() > maxPoints) {
        flushEarly();
        held = new Held(family);
        families.put(family.name(), held);
      }
    }
    long superseded = 0;
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      Slot slot = new Slot(p, times[i]);
      if (keepAll) {
        @SuppressWarnings("unchecked")
        List<Slot> list = (List<Slot>) held.series.computeIfAbsent(
            p.attributes(), k -> new ArrayList<Slot>(2));
        list.add(slot);
        heldPoints++;
        continue;
      }
      Slot old = (Slot) held.series.putIfAbsent(p.attributes(), slot);
      if (old == null) {
        heldPoints++;
      } else {
        superseded++;
        held.series.put(p.attributes(), old.time() > slot.time()
            ? new Slot(withExemplarsOf(old.point(), p), old.time())
            : new Slot(withExemplarsOf(p, old.point()), slot.time()));
      }
    }
    if (superseded > 0) {
      diagnostics.note("older-points-superseded", "older points replaced by the latest point "
          + "of their series: a pull format shows each series' current value, and a later "
          + "cumulative point contains the earlier ones (use --with-timestamps to keep every "
          + "point) (first: '" + family.name() + "')", superseded);
    }
  }

  /** Writes every held family, in first-seen order, and forgets them. */
  void flush() throws IOException {
    List<Held> all = new ArrayList<>(families.values());
    families.clear();
    heldPoints = 0;
    for (Held h : all) next.write(family(h));
  }

  private void flushEarly() throws IOException {
    flushedEarly = true;
    diagnostics.note("latest-point-buffer-flushed", "output written before the end of the "
        + "input: the latest-point buffer holds at most " + maxPoints + " points and "
        + maxFamilies + " families; later points of series already written are repeats the "
        + "writer drops and counts");
    flush();
  }

  private MetricFamily family(Held h) {
    List<Point> points = new ArrayList<>(keepAll ? h.series.size() * 2 : h.series.size());
    for (Object v : h.series.values()) {
      if (v instanceof Slot s) {
        points.add(s.point());
      } else {
        @SuppressWarnings("unchecked")
        List<Slot> list = (List<Slot>) v;
        list.sort(Comparator.comparingLong(Slot::time));
        for (Slot s : list) points.add(s.point());
      }
    }
    MetricData data = h.first.data();
    MetricData merged = switch (data.kind()) {
      case GAUGE -> new Gauge(cast(points));
      case SUM -> new Sum(((Sum) data).temporality(), ((Sum) data).monotonic(), cast(points));
      case HISTOGRAM -> new Histogram(((Histogram) data).temporality(), cast(points));
      case SUMMARY -> new Summary(cast(points));
      case EXPONENTIAL_HISTOGRAM -> throw new AssertionError("text families have no "
          + "exponential histograms");
    };
    return h.first.withData(merged);
  }

  @SuppressWarnings("unchecked")
  private static <P extends Point> List<P> cast(List<Point> points) {
    return (List<P>) (List<?>) points;
  }

  /**
   * What must agree for two families to be one text family: data kind and Prometheus type, and
   * monotonicity and temporality where the kind has them. Compared field by field: this runs for
   * every family, and spelling the type out as a string cost a few allocations each time.
   */
  private static boolean sameType(MetricFamily a, MetricFamily b) {
    MetricData x = a.data();
    MetricData y = b.data();
    if (x.kind() != y.kind() || a.promType() != b.promType()) return false;
    if (x instanceof Sum s && y instanceof Sum t) {
      return s.monotonic() == t.monotonic() && s.temporality() == t.temporality();
    }
    if (x instanceof Histogram h && y instanceof Histogram g) {
      return h.temporality() == g.temporality();
    }
    return true;
  }

  // ---------------------------------------------------------------- exemplars

  /**
   * {@code kept} with the exemplars of {@code replaced} that are later than its own, per counter
   * sample or per bucket (same bounds only); the others go with the superseded point.
   */
  private static Point withExemplarsOf(Point kept, Point replaced) {
    if (replaced.exemplars().isEmpty()) return kept;
    if (kept instanceof NumberPoint n && replaced instanceof NumberPoint o) {
      Exemplar mine = n.exemplars().isEmpty() ? null : n.exemplars().get(n.exemplars().size() - 1);
      Exemplar theirs = o.exemplars().get(o.exemplars().size() - 1);
      if (mine != null && mine.timeUnixNano() >= theirs.timeUnixNano()) return kept;
      return new NumberPoint(n.attributes(), n.startTimeUnixNano(), n.timeUnixNano(), n.value(),
          List.of(theirs), n.flags());
    }
    if (kept instanceof HistogramPoint h && replaced instanceof HistogramPoint o
        && Arrays.equals(h.explicitBounds(), o.explicitBounds())) {
      double[] bounds = h.explicitBounds();
      Exemplar[] chosen = new Exemplar[bounds.length + 1];
      for (Exemplar e : h.exemplars()) chosen[bucket(bounds, e)] = e;
      boolean changed = false;
      for (Exemplar e : o.exemplars()) {
        int b = bucket(bounds, e);
        if (chosen[b] == null || e.timeUnixNano() > chosen[b].timeUnixNano()) {
          chosen[b] = e;
          changed = true;
        }
      }
      if (!changed) return kept;
      List<Exemplar> exemplars = new ArrayList<>();
      for (Exemplar e : chosen) {
        if (e != null) exemplars.add(e);
      }
      return new HistogramPoint(h.attributes(), h.startTimeUnixNano(), h.timeUnixNano(),
          h.count(), h.sum(), bounds, h.bucketCounts(), h.min(), h.max(), exemplars, h.flags());
    }
    return kept;
  }

  /** The bucket an exemplar belongs to: the first whose bound is ≥ its value, else +Inf. */
  private static int bucket(double[] bounds, Exemplar e) {
    double v = e.value().toDouble();
    int b = 0;
    while (b < bounds.length && !(v <= bounds[b])) b++;
    return b;
  }
}
