package dev.promotel.translate.temporality;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The policies of a temporality conversion, one per row of the temporality spec §6.2, plus how
 * points are ordered, laid out and emitted. {@link #defaults()} is promotel's default; {@link
 * #otelcol()} reproduces the Collector's {@code deltatocumulative} processor (arrival order, gaps
 * and overlaps accepted, NaN sticky, the first point's exemplars, 5 minutes of staleness in data
 * time); {@link #spec()} follows the data model's reference algorithm (any misalignment resets,
 * overlaps are dropped).
 *
 * <p>Durations are nanoseconds of data time; {@code maxGapNanos < 0} means "no limit",
 * {@code maxStaleNanos == 0} means "never stale".
 *
 * <p>Example: {@code TemporalityOptions.builder().onGap(OnGap.RESET).build()} restarts the
 * accumulation whenever a delta's start is later than the previous point's time.
 */
public record TemporalityOptions(
    Order order,
    Layout layout,
    Emit emit,
    OnGap onGap,
    long maxGapNanos,
    OnDuplicate onDuplicate,
    OnOverlap onOverlap,
    OnOlderStart onOlderStart,
    boolean inferStart,
    OnTypeChange onTypeChange,
    OnNan onNan,
    boolean rejectNegative,
    OnBoundsChange onBoundsChange,
    int maxBuckets,
    long maxStaleNanos,
    long maxStreams,
    Exemplars exemplars,
    boolean zeroInit,
    boolean flagEndsStream,
    Summaries summaries,
    InitialValue initialValue,
    boolean includeNonMonotonic,
    boolean collectorChecks,
    long sortBufferBytes,
    Path tempDir) {

  /** The order in which each stream's points are accumulated. */
  public enum Order {
    /** Per stream by (time, start, input position): late points become accepted ones. */
    TIME,
    /** Arrival order, as the Collector sees them. */
    INPUT
  }

  /** How output points are grouped. */
  public enum Layout {
    /** Each point stays in the resource, scope and metric it came in. */
    PRESERVE,
    /** Points in global time order, consecutive points of one metric grouped. */
    BY_TIME
  }

  /** Which points are written. */
  public enum Emit {
    ALL,
    /** One final point per stream at the end (a snapshot). */
    LAST
  }

  public enum OnGap { CONTINUE, RESET }

  public enum OnDuplicate { DROP, SUM, LAST, ERROR }

  public enum OnOverlap { DROP, ACCEPT, ERROR }

  public enum OnOlderStart { DROP, RESET }

  public enum OnTypeChange { PROMOTE, RESET, ERROR }

  public enum OnNan { SKIP, PROPAGATE, RESET }

  public enum OnBoundsChange { RESET, DROP, ERROR }

  public enum Exemplars {
    /** The current point's exemplars: their values lie inside the cumulative window. */
    CURRENT,
    DROP,
    /** The stream's first point's exemplars, as the Collector's state carries them. */
    FIRST
  }

  public enum Summaries { PASSTHROUGH, ACCUMULATE }

  /** cumulative → delta: what becomes of a stream's first point. */
  public enum InitialValue {
    /** Emit it when its start is set, differs from its time and is after the data's first time. */
    AUTO,
    KEEP,
    DROP
  }

  /** The SDK's default exponential-histogram size (spec metrics/sdk.md, MaxSize). */
  public static final int DEFAULT_MAX_BUCKETS = 160;

  /** Five minutes, the Collector's default {@code max_stale}. */
  public static final long FIVE_MINUTES = 300_000_000_000L;

  /** 64 MiB of encoded points kept in memory before {@code --order=time} spills a sorted run. */
  public static final long DEFAULT_SORT_BUFFER = 64L << 20;

  public TemporalityOptions {
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(emit, "emit");
    Objects.requireNonNull(onGap, "onGap");
    Objects.requireNonNull(onDuplicate, "onDuplicate");
    Objects.requireNonNull(onOverlap, "onOverlap");
    Objects.requireNonNull(onOlderStart, "onOlderStart");
    Objects.requireNonNull(onTypeChange, "onTypeChange");
    Objects.requireNonNull(onNan, "onNan");
    Objects.requireNonNull(onBoundsChange, "onBoundsChange");
    Objects.requireNonNull(exemplars, "exemplars");
    Objects.requireNonNull(summaries, "summaries");
    Objects.requireNonNull(initialValue, "initialValue");
    if (maxBuckets < 1) throw new IllegalArgumentException("maxBuckets must be >= 1, got " + maxBuckets);
    if (maxStaleNanos < 0) throw new IllegalArgumentException("maxStale must be >= 0");
    if (maxStreams < 0) throw new IllegalArgumentException("maxStreams must be >= 0");
    if (sortBufferBytes < 1) throw new IllegalArgumentException("sortBufferBytes must be >= 1");
  }

  /** promotel's defaults (temporality spec §6.2, "promotel default" column). */
  public static TemporalityOptions defaults() {
    return builder().build();
  }

  /** The Collector preset ({@code --compat=otelcol}). */
  public static TemporalityOptions otelcol() {
    return builder().otelcol().build();
  }

  /** The data model's reference algorithm ({@code --compat=spec}). */
  public static TemporalityOptions spec() {
    return builder().spec().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from {@link #defaults()}. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.order = order;
    b.layout = layout;
    b.emit = emit;
    b.onGap = onGap;
    b.maxGapNanos = maxGapNanos;
    b.onDuplicate = onDuplicate;
    b.onOverlap = onOverlap;
    b.onOlderStart = onOlderStart;
    b.inferStart = inferStart;
    b.onTypeChange = onTypeChange;
    b.onNan = onNan;
    b.rejectNegative = rejectNegative;
    b.onBoundsChange = onBoundsChange;
    b.maxBuckets = maxBuckets;
    b.maxStaleNanos = maxStaleNanos;
    b.maxStreams = maxStreams;
    b.exemplars = exemplars;
    b.zeroInit = zeroInit;
    b.flagEndsStream = flagEndsStream;
    b.summaries = summaries;
    b.initialValue = initialValue;
    b.includeNonMonotonic = includeNonMonotonic;
    b.collectorChecks = collectorChecks;
    b.sortBufferBytes = sortBufferBytes;
    b.tempDir = tempDir;
    return b;
  }

  /** Fluent construction; every field starts at promotel's default. */
  public static final class Builder {
    private Order order = Order.TIME;
    private Layout layout = Layout.PRESERVE;
    private Emit emit = Emit.ALL;
    private OnGap onGap = OnGap.CONTINUE;
    private long maxGapNanos = -1;
    private OnDuplicate onDuplicate = OnDuplicate.DROP;
    private OnOverlap onOverlap = OnOverlap.DROP;
    private OnOlderStart onOlderStart = OnOlderStart.DROP;
    private boolean inferStart;
    private OnTypeChange onTypeChange = OnTypeChange.PROMOTE;
    private OnNan onNan = OnNan.SKIP;
    private boolean rejectNegative;
    private OnBoundsChange onBoundsChange = OnBoundsChange.RESET;
    private int maxBuckets = DEFAULT_MAX_BUCKETS;
    private long maxStaleNanos;
    private long maxStreams = Long.MAX_VALUE;
    private Exemplars exemplars = Exemplars.CURRENT;
    private boolean zeroInit;
    private boolean flagEndsStream;
    private Summaries summaries = Summaries.PASSTHROUGH;
    private InitialValue initialValue = InitialValue.AUTO;
    private boolean includeNonMonotonic;
    private boolean collectorChecks;
    private long sortBufferBytes = DEFAULT_SORT_BUFFER;
    private Path tempDir;

    private Builder() {}

    /**
     * The Collector preset: order=input, on-gap=continue, on-overlap=accept, on-nan=propagate,
     * the first point's exemplars, max-stale=5m of data time, and the Collector's own checks
     * (a repeated window is out of order; start > time is not checked).
     */
    public Builder otelcol() {
      order = Order.INPUT;
      onGap = OnGap.CONTINUE;
      maxGapNanos = -1;
      onOverlap = OnOverlap.ACCEPT;
      onNan = OnNan.PROPAGATE;
      exemplars = Exemplars.FIRST;
      maxStaleNanos = FIVE_MINUTES;
      collectorChecks = true;
      return this;
    }

    /** The reference algorithm: any misalignment resets (max-gap 0), overlaps are dropped. */
    public Builder spec() {
      onGap = OnGap.RESET;
      maxGapNanos = 0;
      onOverlap = OnOverlap.DROP;
      collectorChecks = false;
      return this;
    }

    public Builder order(Order v) { order = v; return this; }
    public Builder layout(Layout v) { layout = v; return this; }
    public Builder emit(Emit v) { emit = v; return this; }
    public Builder onGap(OnGap v) { onGap = v; return this; }
    /** Resets only gaps longer than {@code nanos} (implies {@code onGap(RESET)}). */
    public Builder maxGapNanos(long nanos) { maxGapNanos = nanos; onGap = OnGap.RESET; return this; }
    public Builder onDuplicate(OnDuplicate v) { onDuplicate = v; return this; }
    public Builder onOverlap(OnOverlap v) { onOverlap = v; return this; }
    public Builder onOlderStart(OnOlderStart v) { onOlderStart = v; return this; }
    public Builder inferStart(boolean v) { inferStart = v; return this; }
    public Builder onTypeChange(OnTypeChange v) { onTypeChange = v; return this; }
    public Builder onNan(OnNan v) { onNan = v; return this; }
    public Builder rejectNegative(boolean v) { rejectNegative = v; return this; }
    public Builder onBoundsChange(OnBoundsChange v) { onBoundsChange = v; return this; }
    public Builder maxBuckets(int v) { maxBuckets = v; return this; }
    public Builder maxStaleNanos(long v) { maxStaleNanos = v; return this; }
    public Builder maxStreams(long v) { maxStreams = v; return this; }
    public Builder exemplars(Exemplars v) { exemplars = v; return this; }
    public Builder zeroInit(boolean v) { zeroInit = v; return this; }
    public Builder flagEndsStream(boolean v) { flagEndsStream = v; return this; }
    public Builder summaries(Summaries v) { summaries = v; return this; }
    public Builder initialValue(InitialValue v) { initialValue = v; return this; }
    public Builder includeNonMonotonic(boolean v) { includeNonMonotonic = v; return this; }
    public Builder collectorChecks(boolean v) { collectorChecks = v; return this; }
    public Builder sortBufferBytes(long v) { sortBufferBytes = v; return this; }
    public Builder tempDir(Path v) { tempDir = v; return this; }

    public TemporalityOptions build() {
      return new TemporalityOptions(order, layout, emit, onGap, maxGapNanos, onDuplicate,
          onOverlap, onOlderStart, inferStart, onTypeChange, onNan, rejectNegative,
          onBoundsChange, maxBuckets, maxStaleNanos, maxStreams, exemplars, zeroInit,
          flagEndsStream, summaries, initialValue, includeNonMonotonic, collectorChecks,
          sortBufferBytes, tempDir);
    }
  }
}
