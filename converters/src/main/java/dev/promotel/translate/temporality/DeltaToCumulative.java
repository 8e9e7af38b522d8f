package dev.promotel.translate.temporality;

import dev.promotel.model.Exemplar;
import dev.promotel.model.ExponentialHistogramPoint;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.Point;
import dev.promotel.model.SummaryPoint;
import dev.promotel.translate.temporality.TemporalityOptions.Exemplars;
import dev.promotel.translate.temporality.TemporalityOptions.OnGap;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Delta → cumulative accumulation, one state per {@link StreamKey}, in the order points are
 * given (temporality spec §1.4, §6.2). The first point of a stream is emitted unchanged; each later
 * point is added to the state and emitted with the stream's start and its own time. Points that
 * break the stream's order are dropped or restart it as the {@link TemporalityOptions} say; every
 * decision is counted in the {@link TemporalityReport} under its §6.1 name.
 *
 * <p>State is primitive: a sum holds start, time and a long or double total; a histogram its
 * counts array and interned bounds; an exponential histogram its two bucket ranges.
 *
 * <p>Example: deltas 5 (0,10], 3 (10,20], 2 (20,30] give 5 (0,10], 8 (0,20], 10 (0,30].
 */
public final class DeltaToCumulative {
  private final TemporalityOptions options;
  private final TemporalityReport report;
  private final StreamTable<State> streams;
  private final BoundsInterner bounds = new BoundsInterner();
  /** The input position of the point being accepted (-1 when the caller gives none). */
  private long position = -1;
  /** The input position whose outputs the last accept superseded, else -1. */
  private long superseded = -1;

  public DeltaToCumulative(TemporalityOptions options, TemporalityReport report) {
    this.options = options;
    this.report = report;
    this.streams = new StreamTable<>(options, report);
  }

  /** Streams currently tracked. */
  public int trackedStreams() {
    return streams.size();
  }

  /**
   * Accumulates one delta point of stream {@code key} and appends what to emit to {@code out}:
   * nothing (dropped), the cumulative point, or with {@code --zero-init} a zero point before a
   * new stream's first one. Summary points are accumulated too (count and sum; quantiles are the
   * newest), for {@code --summaries=accumulate}.
   *
   * @throws TemporalityException when an {@code error} policy rejects the point
   */
  public void accept(StreamKey key, Point p, List<Point> out) {
    accept(key, p, out, -1);
  }

  /**
   * As {@link #accept(StreamKey, Point, List)} for the point at input {@code position}; afterwards
   * {@link #superseded()} tells whether its outputs replace those of an earlier position.
   */
  public void accept(StreamKey key, Point p, List<Point> out, long position) {
    this.position = position;
    this.superseded = -1;
    accept0(key, p, out);
  }

  /**
   * The input position whose outputs the last point replaced ({@code --on-duplicate=last}: the
   * later value of a window wins), or -1. A caller that has not written them yet drops them.
   */
  public long superseded() {
    return superseded;
  }

  private void accept0(StreamKey key, Point p, List<Point> out) {
    long start = p.startTimeUnixNano();
    long time = p.timeUnixNano();
    if (!options.collectorChecks() && start > time) {
      report.increment(DropReason.INVALID_WINDOW);
      return;
    }
    State s = streams.get(key);
    if (p.hasNoRecordedValue()) {
      noRecordedValue(key, s, p, out);
      return;
    }
    if (s != null && streams.isStale(s, start != 0 ? start : time)) {
      report.increment(DropReason.STALE_RESET);
      streams.remove(key);
      s = null;
    }
    if (s == null) {
      if (!streams.admit(time)) {
        report.increment(DropReason.LIMIT);
        return;
      }
      first(key, p, out, true);
      return;
    }
    if (start != 0 && start < s.start) {
      switch (options.onOlderStart()) {
        case DROP -> report.increment(DropReason.OLDER_START);
        case RESET -> {
          report.increment(DropReason.RESET_RESTART);
          first(key, p, out, false);
        }
      }
      return;
    }
    boolean duplicateWindow = time == s.time && start == s.lastStart;
    if (time <= s.time) {
      if (duplicateWindow && !options.collectorChecks()) duplicate(key, s, p, out);
      else report.increment(DropReason.OUT_OF_ORDER);
      return;
    }
    // Points that all repeat the stream's first start (the Collector's tracking test) line up.
    boolean sharedStart = start == s.start && s.lastStart == s.start;
    if (start != 0 && start < s.time && !sharedStart) {
      switch (options.onOverlap()) {
        case DROP -> {
          report.increment(DropReason.OVERLAP);
          return;
        }
        case ERROR -> throw new TemporalityException("overlap in stream " + key + ": start "
            + start + " < previous time " + s.time);
        case ACCEPT -> report.increment(DropReason.OVERLAP_ACCEPTED);
      }
    } else if (start > s.time) {
      report.increment(DropReason.GAP);
      if (options.onGap() == OnGap.RESET
          && (options.maxGapNanos() < 0 || start - s.time > options.maxGapNanos())) {
        report.increment(DropReason.RESET_RESTART);
        first(key, p, out, false);
        return;
      }
    }
    add(key, s, p, out);
  }

  // ------------------------------------------------------------------------------ decisions

  private void noRecordedValue(StreamKey key, State s, Point p, List<Point> out) {
    report.increment(DropReason.NO_RECORDED_VALUE);
    if (s == null) {
      out.add(p);
      return;
    }
    // The marker keeps the stream's window but adds nothing.
    out.add(withWindow(p, s.start, p.timeUnixNano()));
    if (options.flagEndsStream()) streams.remove(key);
  }

  private void duplicate(StreamKey key, State s, Point p, List<Point> out) {
    if (s.sameAsLast(p)) {
      report.increment(DropReason.DEDUPLICATED);
      return;
    }
    switch (options.onDuplicate()) {
      case DROP -> report.increment(DropReason.DUPLICATE);
      case ERROR -> throw new TemporalityException("duplicate window (" + p.startTimeUnixNano()
          + ", " + p.timeUnixNano() + "] with a different value in stream " + key);
      case SUM -> add(key, s, p, out);
      case LAST -> {
        // The later value replaces the earlier one; the corrected total is emitted again for the
        // same window (what was already written for the earlier value cannot be taken back).
        report.increment(DropReason.DUPLICATE_REPLACED);
        long replaced = s.emittedAt;
        int before = out.size();
        if (s.previous == null) {
          // The duplicate repeats the stream's first window: the stream starts again from it.
          first(key, p, out, false);
        } else {
          State restored = s.previous;
          streams.put(key, restored);
          add(key, restored, p, out);
        }
        if (out.size() > before) superseded = replaced;
      }
    }
  }

  /** Starts (or restarts) the stream with {@code p} as its first point. */
  private void first(StreamKey key, Point p, List<Point> out, boolean isNew) {
    State s = State.of(p, bounds);
    if (s == null) {
      report.increment(DropReason.INVALID);
      return;
    }
    if (s instanceof SumState sum && !Double.isFinite(sum.asDouble())) {
      if (options.onNan() != TemporalityOptions.OnNan.PROPAGATE) {
        report.increment(DropReason.NAN);
        if (!isNew) streams.remove(key);
        return;
      }
      report.increment(DropReason.NAN_PROPAGATED);
    }
    if (options.inferStart() && s.start == 0) s.start = p.timeUnixNano();
    s.firstExemplars = options.exemplars() == Exemplars.FIRST ? p.exemplars() : null;
    streams.put(key, s);
    report.increment(DropReason.ACCEPTED);
    if (options.zeroInit()) {
      long at = Math.max(0, s.start - 1);
      out.add(s.zero(p, at));
      report.increment(DropReason.ZERO_INIT);
    }
    out.add(s.emit(p, exemplars(s, p)));
    s.emittedAt = position;
  }

  private void add(StreamKey key, State s, Point p, List<Point> out) {
    if (options.onDuplicate() == TemporalityOptions.OnDuplicate.LAST) s.previous = s.copy();
    DropReason outcome = s.add(p, options, bounds);
    if (outcome != null) {
      switch (outcome) {
        case RESET_BOUNDS -> {
          report.increment(DropReason.RESET_BOUNDS);
          first(key, p, out, false);
        }
        case TYPE_CHANGE -> {
          // --on-type-change=reset: the new type starts a new accumulation.
          report.increment(DropReason.TYPE_CHANGE);
          report.increment(DropReason.RESET_RESTART);
          first(key, p, out, false);
        }
        case NAN -> {
          report.increment(DropReason.NAN);
          if (options.onNan() == TemporalityOptions.OnNan.RESET) streams.remove(key);
        }
        default -> report.increment(outcome);
      }
      return;
    }
    s.notes(report);
    s.time = p.timeUnixNano();
    s.lastStart = p.startTimeUnixNano();
    report.increment(DropReason.ACCEPTED);
    out.add(s.emit(p, exemplars(s, p)));
    s.emittedAt = position;
  }

  private List<Exemplar> exemplars(State s, Point p) {
    return switch (options.exemplars()) {
      case CURRENT -> p.exemplars();
      case DROP -> List.of();
      case FIRST -> s.firstExemplars == null ? List.of() : s.firstExemplars;
    };
  }

  /** {@code p} with another window, values untouched. */
  static Point withWindow(Point p, long start, long time) {
    if (p instanceof NumberPoint n) {
      return new NumberPoint(n.attributes(), start, time, n.value(), n.exemplars(), n.flags());
    }
    if (p instanceof HistogramPoint h) {
      return new HistogramPoint(h.attributes(), start, time, h.count(), h.sum(),
          h.explicitBounds(), h.bucketCounts(), h.min(), h.max(), h.exemplars(), h.flags());
    }
    if (p instanceof ExponentialHistogramPoint e) {
      return new ExponentialHistogramPoint(e.attributes(), start, time, e.count(), e.sum(),
          e.scale(), e.zeroCount(), e.zeroThreshold(), e.positive(), e.negative(), e.min(),
          e.max(), e.exemplars(), e.flags());
    }
    if (p instanceof SummaryPoint s) {
      return new SummaryPoint(s.attributes(), start, time, s.count(), s.sum(), s.quantiles(),
          s.flags());
    }
    throw new AssertionError("unknown point type " + p.getClass());
  }

  // ------------------------------------------------------------------------------ states

  /** One stream's running total. Subclasses hold the value as primitives. */
  abstract static class State extends StreamTable.Entry {
    long start;
    long lastStart;
    List<Exemplar> firstExemplars;
    /** The state before the last add, kept only for {@code --on-duplicate=last}. */
    State previous;
    /** The input position of the stream's last emitted point (-1: not given). */
    long emittedAt = -1;

    static State of(Point p, BoundsInterner bounds) {
      State s;
      if (p instanceof NumberPoint n) s = new SumState(n.value());
      else if (p instanceof HistogramPoint h) s = new HistogramState(h, bounds);
      else if (p instanceof ExponentialHistogramPoint e) s = new ExpState(e);
      else if (p instanceof SummaryPoint m) s = new SummaryState(m);
      else throw new AssertionError("unknown point type " + p.getClass());
      s.start = p.startTimeUnixNano();
      s.time = p.timeUnixNano();
      s.lastStart = p.startTimeUnixNano();
      s.remember(p);
      return s;
    }

    /** Adds {@code p}; returns null when added, else why not (the caller decides what follows). */
    abstract DropReason add(Point p, TemporalityOptions options, BoundsInterner bounds);

    /** The cumulative point: the stream's start, {@code p}'s time, attributes and flags. */
    abstract Point emit(Point p, List<Exemplar> exemplars);

    /** An empty point of the same shape at {@code start = time = at} (for --zero-init). */
    abstract Point zero(Point p, long at);

    abstract State copy();

    /** Remembers {@code p} as the last delta, to recognise an exact repeat. */
    abstract void remember(Point p);

    abstract boolean sameAsLast(Point p);

    /** Reports what the last add noticed without refusing the point. */
    void notes(TemporalityReport report) {}

    void copyCommon(State to) {
      to.start = start;
      to.time = time;
      to.lastStart = lastStart;
      to.firstExemplars = firstExemplars;
    }
  }

  /** A sum's total: a long until a double or an overflow turns it into a double. */
  static final class SumState extends State {
    boolean isLong;
    long longTotal;
    double doubleTotal;
    boolean lastLong;
    long lastBits;
    boolean sawType;
    boolean overflowed;
    boolean negative;
    boolean propagatedNan;

    SumState(NumberValue v) {
      isLong = v.isLong();
      longTotal = v.longValue();
      doubleTotal = v.doubleValue();
    }

    double asDouble() {
      return isLong ? longTotal : doubleTotal;
    }

    @Override
    DropReason add(Point p, TemporalityOptions options, BoundsInterner bounds) {
      NumberValue v = ((NumberPoint) p).value();
      if (!v.isLong() && !Double.isFinite(v.doubleValue())
          && options.onNan() != TemporalityOptions.OnNan.PROPAGATE) {
        return DropReason.NAN;
      }
      if (options.rejectNegative() && v.toDouble() < 0) return DropReason.NEGATIVE_DROPPED;
      negative = v.toDouble() < 0;
      propagatedNan = !v.isLong() && !Double.isFinite(v.doubleValue());
      overflowed = false;
      // A switch between the previous point's value type and this one's.
      sawType = v.isLong() != lastLong;
      if (sawType) {
        switch (options.onTypeChange()) {
          case ERROR -> throw new TemporalityException(
              "value type changed between integer and double in a stream");
          case RESET -> {
            return DropReason.TYPE_CHANGE;
          }
          case PROMOTE -> { }
        }
      }
      if (isLong && v.isLong()) {
        long sum = longTotal + v.longValue();
        // Overflow when both operands have the sign the result lacks.
        if (((longTotal ^ sum) & (v.longValue() ^ sum)) < 0) {
          isLong = false;
          doubleTotal = (double) longTotal + (double) v.longValue();
          overflowed = true;
        } else {
          longTotal = sum;
        }
      } else {
        doubleTotal = asDouble() + v.toDouble();
        isLong = false;
      }
      remember(p);
      return null;
    }

    @Override
    void notes(TemporalityReport report) {
      if (sawType) report.increment(DropReason.TYPE_CHANGE);
      if (overflowed) report.increment(DropReason.OVERFLOW);
      if (negative) report.increment(DropReason.NEGATIVE);
      if (propagatedNan) report.increment(DropReason.NAN_PROPAGATED);
    }

    @Override
    Point emit(Point p, List<Exemplar> exemplars) {
      NumberValue total = isLong ? NumberValue.ofLong(longTotal) : NumberValue.ofDouble(doubleTotal);
      return new NumberPoint(p.attributes(), start, p.timeUnixNano(), total, exemplars, p.flags());
    }

    @Override
    Point zero(Point p, long at) {
      NumberValue zero = isLong ? NumberValue.ZERO : NumberValue.ofDouble(0);
      return new NumberPoint(p.attributes(), at, at, zero, List.of(), 0);
    }

    @Override
    State copy() {
      SumState c = new SumState(NumberValue.ZERO);
      copyCommon(c);
      c.isLong = isLong;
      c.longTotal = longTotal;
      c.doubleTotal = doubleTotal;
      c.lastLong = lastLong;
      c.lastBits = lastBits;
      return c;
    }

    @Override
    void remember(Point p) {
      NumberValue v = ((NumberPoint) p).value();
      lastLong = v.isLong();
      lastBits = v.isLong() ? v.longValue() : Double.doubleToLongBits(v.doubleValue());
    }

    @Override
    boolean sameAsLast(Point p) {
      NumberValue v = ((NumberPoint) p).value();
      return v.isLong() == lastLong
          && (v.isLong() ? v.longValue() : Double.doubleToLongBits(v.doubleValue())) == lastBits;
    }
  }

  /** Fields shared by both histogram kinds: count, sum, min, max (absent for ever once missing). */
  abstract static class HistogramCommon extends State {
    long count;
    boolean hasSum;
    double sum;
    boolean hasMin;
    double min;
    boolean hasMax;
    double max;
    Point last;

    void initCommon(long count, OptionalDouble sum, OptionalDouble min, OptionalDouble max) {
      this.count = count;
      hasSum = sum.isPresent();
      this.sum = sum.orElse(0);
      hasMin = min.isPresent();
      this.min = min.orElse(0);
      hasMax = max.isPresent();
      this.max = max.orElse(0);
    }

    /** Returns false when the count overflows 2^63. */
    boolean addCommon(long count, OptionalDouble sum, OptionalDouble min, OptionalDouble max) {
      long c = this.count + count;
      if (c < 0) return false;
      this.count = c;
      hasSum = hasSum && sum.isPresent();
      if (hasSum) this.sum += sum.getAsDouble();
      hasMin = hasMin && min.isPresent();
      if (hasMin) this.min = Math.min(this.min, min.getAsDouble());
      hasMax = hasMax && max.isPresent();
      if (hasMax) this.max = Math.max(this.max, max.getAsDouble());
      return true;
    }

    void copyHistogram(HistogramCommon to) {
      copyCommon(to);
      to.count = count;
      to.hasSum = hasSum;
      to.sum = sum;
      to.hasMin = hasMin;
      to.min = min;
      to.hasMax = hasMax;
      to.max = max;
      to.last = last;
    }

    OptionalDouble sumValue() {
      return hasSum ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }

    OptionalDouble minValue() {
      return hasMin ? OptionalDouble.of(min) : OptionalDouble.empty();
    }

    OptionalDouble maxValue() {
      return hasMax ? OptionalDouble.of(max) : OptionalDouble.empty();
    }

    @Override
    void remember(Point p) {
      last = p;
    }

    @Override
    boolean sameAsLast(Point p) {
      return last != null && withWindow(last, 0, 0).equals(withWindow(p, 0, 0));
    }
  }

  /** An explicit-bucket histogram's running counts over shared bounds. */
  static final class HistogramState extends HistogramCommon {
    double[] bounds;
    long[] counts;

    HistogramState(HistogramPoint h, BoundsInterner interner) {
      bounds = interner.intern(h.explicitBounds());
      counts = h.bucketCounts();
      initCommon(h.count(), h.sum(), h.min(), h.max());
    }

    private HistogramState() {}

    @Override
    DropReason add(Point p, TemporalityOptions options, BoundsInterner interner) {
      HistogramPoint h = (HistogramPoint) p;
      if (h.explicitBounds().length != bounds.length || !sameBounds(h)) {
        return switch (options.onBoundsChange()) {
          case RESET -> DropReason.RESET_BOUNDS;
          case DROP -> DropReason.BOUNDS_CHANGE;
          case ERROR -> throw new TemporalityException("histogram bucket bounds changed from "
              + Arrays.toString(bounds) + " to " + Arrays.toString(h.explicitBounds()));
        };
      }
      long[] next = counts.clone();
      for (int i = 0; i < next.length; i++) {
        next[i] += h.bucketCount(i);
        if (next[i] < 0) return DropReason.INVALID;
      }
      if (!addCommon(h.count(), h.sum(), h.min(), h.max())) return DropReason.INVALID;
      counts = next;
      remember(p);
      return null;
    }

    private boolean sameBounds(HistogramPoint h) {
      for (int i = 0; i < bounds.length; i++) {
        if (Double.compare(bounds[i], h.explicitBound(i)) != 0) return false;
      }
      return true;
    }

    @Override
    Point emit(Point p, List<Exemplar> exemplars) {
      return new HistogramPoint(p.attributes(), start, p.timeUnixNano(), count, sumValue(), bounds,
          counts, minValue(), maxValue(), exemplars, p.flags());
    }

    @Override
    Point zero(Point p, long at) {
      return new HistogramPoint(p.attributes(), at, at, 0, hasSum ? OptionalDouble.of(0)
          : OptionalDouble.empty(), bounds, new long[counts.length], OptionalDouble.empty(),
          OptionalDouble.empty(), List.of(), 0);
    }

    @Override
    State copy() {
      HistogramState c = new HistogramState();
      copyHistogram(c);
      c.bounds = bounds;
      c.counts = counts.clone();
      return c;
    }
  }

  /** An exponential histogram's running buckets at the lowest scale seen so far. */
  static final class ExpState extends HistogramCommon {
    int scale;
    long zeroCount;
    double zeroThreshold;
    ExpoRange positive;
    ExpoRange negative;

    ExpState(ExponentialHistogramPoint e) {
      scale = e.scale();
      zeroCount = e.zeroCount();
      zeroThreshold = e.zeroThreshold();
      positive = ExpoRange.of(e.positive());
      negative = ExpoRange.of(e.negative());
      initCommon(e.count(), e.sum(), e.min(), e.max());
    }

    private ExpState() {}

    @Override
    DropReason add(Point p, TemporalityOptions options, BoundsInterner bounds) {
      ExponentialHistogramPoint e = (ExponentialHistogramPoint) p;
      int to = Math.min(scale, e.scale());
      ExpoRange aPos = positive.downscale(scale - to);
      ExpoRange aNeg = negative.downscale(scale - to);
      ExpoRange bPos = ExpoRange.of(e.positive()).downscale(e.scale() - to);
      ExpoRange bNeg = ExpoRange.of(e.negative()).downscale(e.scale() - to);
      long aZero = zeroCount;
      long bZero = e.zeroCount();
      double aThreshold = zeroThreshold;
      double bThreshold = e.zeroThreshold();
      // Widen the narrower zero bucket; the widened one may round up past the other, so repeat.
      while (aThreshold != bThreshold) {
        if (aThreshold < bThreshold) {
          ExpoRange.Widened w = ExpoRange.widenZero(aPos, aNeg, to, bThreshold);
          aPos = w.positive();
          aNeg = w.negative();
          aZero += w.moved();
          aThreshold = Math.max(w.threshold(), bThreshold);
        } else {
          ExpoRange.Widened w = ExpoRange.widenZero(bPos, bNeg, to, aThreshold);
          bPos = w.positive();
          bNeg = w.negative();
          bZero += w.moved();
          bThreshold = Math.max(w.threshold(), aThreshold);
        }
      }
      ExpoRange pos;
      ExpoRange neg;
      long zero;
      try {
        pos = ExpoRange.add(aPos, bPos);
        neg = ExpoRange.add(aNeg, bNeg);
        zero = Math.addExact(aZero, bZero);
      } catch (ArithmeticException overflow) {
        return DropReason.INVALID;
      }
      if (pos.counts.length > options.maxBuckets() || neg.counts.length > options.maxBuckets()) {
        pos = pos.trim();
        neg = neg.trim();
      }
      // The bucket budget: coarsen both ranges one scale at a time until each fits.
      while (pos.counts.length > options.maxBuckets() || neg.counts.length > options.maxBuckets()) {
        pos = pos.downscale(1);
        neg = neg.downscale(1);
        to--;
      }
      if (!addCommon(e.count(), e.sum(), e.min(), e.max())) return DropReason.INVALID;
      scale = to;
      positive = pos;
      negative = neg;
      zeroCount = zero;
      zeroThreshold = aThreshold;
      remember(p);
      return null;
    }

    @Override
    Point emit(Point p, List<Exemplar> exemplars) {
      return new ExponentialHistogramPoint(p.attributes(), start, p.timeUnixNano(), count,
          sumValue(), scale, zeroCount, zeroThreshold, positive.toBuckets(), negative.toBuckets(),
          minValue(), maxValue(), exemplars, p.flags());
    }

    @Override
    Point zero(Point p, long at) {
      return new ExponentialHistogramPoint(p.attributes(), at, at, 0, OptionalDouble.empty(),
          scale, 0, 0, ExpoRange.EMPTY.toBuckets(), ExpoRange.EMPTY.toBuckets(),
          OptionalDouble.empty(), OptionalDouble.empty(), List.of(), 0);
    }

    @Override
    State copy() {
      ExpState c = new ExpState();
      copyHistogram(c);
      c.scale = scale;
      c.zeroCount = zeroCount;
      c.zeroThreshold = zeroThreshold;
      c.positive = positive;
      c.negative = negative;
      return c;
    }
  }

  /** A summary's count and sum ({@code --summaries=accumulate}); quantiles are the newest. */
  static final class SummaryState extends State {
    boolean hasCount;
    long count;
    boolean hasSum;
    double sum;
    SummaryPoint last;

    SummaryState(SummaryPoint m) {
      hasCount = m.count().isPresent();
      count = m.count().orElse(0);
      hasSum = m.sum().isPresent();
      sum = m.sum().orElse(0);
    }

    @Override
    DropReason add(Point p, TemporalityOptions options, BoundsInterner bounds) {
      SummaryPoint m = (SummaryPoint) p;
      hasCount = hasCount && m.count().isPresent();
      if (hasCount) count += m.count().getAsLong();
      hasSum = hasSum && m.sum().isPresent();
      if (hasSum) sum += m.sum().getAsDouble();
      remember(p);
      return null;
    }

    @Override
    Point emit(Point p, List<Exemplar> exemplars) {
      SummaryPoint m = (SummaryPoint) p;
      return new SummaryPoint(m.attributes(), start, m.timeUnixNano(),
          hasCount ? OptionalLong.of(count) : OptionalLong.empty(),
          hasSum ? OptionalDouble.of(sum) : OptionalDouble.empty(), m.quantiles(), m.flags());
    }

    @Override
    Point zero(Point p, long at) {
      return new SummaryPoint(p.attributes(), at, at, OptionalLong.of(0), OptionalDouble.of(0),
          List.of(), 0);
    }

    @Override
    State copy() {
      SummaryState c = new SummaryState(last);
      copyCommon(c);
      c.hasCount = hasCount;
      c.count = count;
      c.hasSum = hasSum;
      c.sum = sum;
      c.last = last;
      return c;
    }

    @Override
    void remember(Point p) {
      last = (SummaryPoint) p;
    }

    @Override
    boolean sameAsLast(Point p) {
      return last != null && withWindow(last, 0, 0).equals(withWindow(p, 0, 0));
    }
  }
}
