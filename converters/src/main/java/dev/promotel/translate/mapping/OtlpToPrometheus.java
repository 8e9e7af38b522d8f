package dev.promotel.translate.mapping;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricWriter;
import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attribute;
import dev.promotel.model.AttributeValue;
import dev.promotel.model.Attributes;
import dev.promotel.model.Exemplar;
import dev.promotel.model.ExponentialHistogram;
import dev.promotel.model.ExponentialHistogramPoint;
import dev.promotel.model.Gauge;
import dev.promotel.model.Histogram;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricData;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.Point;
import dev.promotel.model.PromMetadata;
import dev.promotel.model.PromType;
import dev.promotel.model.Resource;
import dev.promotel.model.Scope;
import dev.promotel.model.Sum;
import dev.promotel.model.Summary;
import dev.promotel.model.SummaryPoint;
import dev.promotel.translate.mapping.OtlpToPrometheusOptions.Delta;
import dev.promotel.translate.mapping.OtlpToPrometheusOptions.ExpHistogramText;
import dev.promotel.translate.mapping.OtlpToPrometheusOptions.Stale;
import dev.promotel.translate.mapping.OtlpToPrometheusOptions.TargetInfo;
import dev.promotel.translate.naming.LabelNamer;
import dev.promotel.translate.naming.MetricKind;
import dev.promotel.translate.naming.MetricNamer;
import dev.promotel.translate.naming.UnitNamer;
import dev.promotel.translate.temporality.DropReason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OTLP → Prometheus mapping of specs/translation.md §3 as a transform: it takes OTLP-shaped
 * families (resources, scopes, attributes, any temporality) and hands the next writer
 * Prometheus-shaped ones that the 0.0.4 and OpenMetrics writers can write: names from {@link
 * MetricNamer}, {@code unit} the Prometheus unit word (only when the name ends with it), labels
 * from attributes (sanitised, collisions joined with {@code ;}), {@code otel_scope_*}, {@code job}
 * and {@code instance} labels, no resource or scope left on the family. Every drop or change is
 * counted in {@link Diagnostics}.
 *
 * <p>Rules, with {@link OtlpToPrometheusOptions#DEFAULTS}: a non-monotonic cumulative sum becomes a
 * gauge (or info, stateset, unknown per {@code prometheus.type}); monotonic delta sums and delta
 * (exponential) histograms are accumulated per series in arrival order; non-monotonic delta sums
 * and UNSPECIFIED temporality are dropped; exponential histograms are dropped (or converted to
 * classic buckets); exemplars are kept on counters (the latest) and histogram buckets (the latest
 * per bucket), without their filtered attributes when those break OpenMetrics' 128-code-point
 * limit, and dropped elsewhere; NoRecordedValue points are dropped; start times of what becomes a
 * gauge (gauges, non-monotonic sums, info, stateset, gauge histograms) are cleared with the note
 * {@code gauge-start-time-ignored}, since Prometheus has created times for counters, histograms
 * and summaries only (those keep theirs, for {@code _created}).
 *
 * <p>Sample timestamps are removed (pull formats SHOULD NOT carry them), except with {@code
 * --with-timestamps} and for metrics whose metadata says {@code prometheus.timestamp=explicit}:
 * their times were written in the Prometheus text they came from, so Prometheus → OTLP →
 * Prometheus keeps them without adding conversion times to the others. The key leaves the
 * metadata without a loss; {@code prometheus.timestamp=absent} (times were stamped at conversion)
 * removes them like the default.
 *
 * <p>Families are merged by output name in first-seen order and, per series, only the latest point
 * is written (every point, time-ordered, with {@code --with-timestamps}): see {@link
 * LatestPointBuffer}, which holds them until {@link #close()} within its bounds. Older points are
 * counted as the note {@code older-points-superseded}; for gauges, whose replaced points were real
 * samples, this is a note too, because a scrape of the source would have shown only the current
 * value. One {@code target_info} family (OpenMetrics info, a gauge in 0.0.4) with a series per
 * (job, instance) carrying the resource's other attributes (also for a resource that yields
 * neither job nor instance: then the series has neither label) is written at {@link #close()},
 * first, as OpenTelemetry's Prometheus exporters place it, or last when the buffer had to write
 * families before the end.
 *
 * <p>State: the delta accumulator (at most {@code maxDeltaSeries} series), the latest-point buffer
 * (bounded by points and families) and one {@code target_info} label set per (job, instance).
 *
 * <p>Example: resource {@code service.name=api}, counter {@code http.requests} unit {@code 1} with
 * point {@code {http.method=GET} 5} gives {@code http_requests_total{http_method="GET",job="api"} 5}.
 */
public final class OtlpToPrometheus implements MetricWriter {
  private static final String SERVICE_NAME = "service.name";
  private static final String SERVICE_NAMESPACE = "service.namespace";
  private static final String SERVICE_INSTANCE_ID = "service.instance.id";
  private static final String SERVER_ADDRESS = "server.address";
  private static final String SERVER_PORT = "server.port";
  private static final Set<String> RESERVED_SCOPE_LABELS =
      Set.of("otel_scope_name", "otel_scope_version", "otel_scope_schema_url");
  /** OpenMetrics 1.0: label names and values of one exemplar, in code points. */
  private static final int EXEMPLAR_CODE_POINTS = 128;
  private static final long STALE_NAN_BITS = 0x7ff0000000000002L;
  /**
   * Metric metadata key saying where the points' times come from; {@value #EXPLICIT} means each
   * was written in the Prometheus text the metric came from, so it is kept (see the class doc).
   */
  static final String TIMESTAMP_METADATA = "prometheus.timestamp";

  static final String EXPLICIT = "explicit";

  private final MetricWriter next;
  private final OtlpToPrometheusOptions options;
  private final Diagnostics diagnostics;
  private final MetricNamer namer;
  private final LabelSet labelSet;
  private final DeltaAccumulator accumulator;
  private final LatestPointBuffer buffer;
  /** Whether the strategy keeps UTF-8 names, so labels and units are not escaped either. */
  private final boolean utf8;
  private final Map<String, TargetSeries> targets = new LinkedHashMap<>();
  private final Set<Resource> reportedResources = new HashSet<>();
  private Resource lastResource;
  private ResourceLabels lastResourceLabels;
  private Scope lastScope;
  private Map<String, String> lastScopeLabels;
  private boolean closed;

  /** What a resource contributes to each series: job, instance, promoted attributes. */
  private record ResourceLabels(String targetKey, Map<String, String> labels) {}

  /** One target_info series: its labels and the latest point time seen for its resource. */
  private static final class TargetSeries {
    final Attributes labels;
    long time;

    TargetSeries(Attributes labels) {
      this.labels = labels;
    }
  }

  /** How a family's data is written: the Prometheus type and the namer's kind. */
  private enum Shape {
    GAUGE,
    COUNTER,
    INFO_OR_STATESET,
    HISTOGRAM,
    GAUGEHISTOGRAM,
    SUMMARY
  }

  public OtlpToPrometheus(
      MetricWriter next, OtlpToPrometheusOptions options, Diagnostics diagnostics) {
    this(next, options, diagnostics, LatestPointBuffer.DEFAULT_MAX_POINTS,
        LatestPointBuffer.DEFAULT_MAX_FAMILIES);
  }

  /** With the bounds of the {@link LatestPointBuffer} given (tests use small ones). */
  OtlpToPrometheus(MetricWriter next, OtlpToPrometheusOptions options, Diagnostics diagnostics,
      int maxBufferedPoints, int maxBufferedFamilies) {
    this.next = next;
    this.options = options;
    this.diagnostics = diagnostics;
    this.namer = new MetricNamer(options.strategy(), options.namespace(), options.unitDialect());
    this.utf8 = !options.strategy().escapesNames();
    this.labelSet = new LabelSet(new LabelNamer(utf8, options.labelUnderscoreKeyPrefix(),
        options.preserveMultipleUnderscores()), diagnostics);
    this.accumulator = new DeltaAccumulator(options.maxDeltaSeries());
    this.buffer = new LatestPointBuffer(next, diagnostics, options.withTimestamps(),
        maxBufferedPoints, maxBufferedFamilies);
  }

  @Override
  public void write(MetricFamily family) throws IOException {
    if (closed) throw new IllegalStateException("write() after close()");
    Converted out = convert(family);
    if (out != null) buffer.add(out.family(), out.times());
  }

  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    try {
      // target_info leads, as OpenTelemetry's Prometheus exporters write it, unless the buffer
      // already had to write families: it needs every resource, so then it comes last.
      boolean first = !buffer.flushedEarly();
      if (first && !targets.isEmpty()) next.write(targetInfoFamily());
      buffer.flush();
      if (!first && !targets.isEmpty()) next.write(targetInfoFamily());
    } finally {
      next.close();
    }
  }

  // ---------------------------------------------------------------- families

  /** A converted family and the time each of its points is ordered by (before any removal). */
  private record Converted(MetricFamily family, long[] times) {}

  private Converted convert(MetricFamily family) {
    MetricData data = family.data();
    boolean passthrough = false;
    PromType declared = family.prom() == null ? null : family.prom().type();
    int inputPoints = data.points().size();
    Shape shape;
    MetricKind kind;
    List<? extends Point> points = data.points();
    AggregationTemporality temporality = AggregationTemporality.CUMULATIVE;
    switch (data.kind()) {
      case GAUGE -> {
        shape = declared == PromType.INFO || declared == PromType.STATESET
            ? Shape.INFO_OR_STATESET : Shape.GAUGE;
        kind = declared == PromType.UNKNOWN ? MetricKind.UNKNOWN : MetricKind.GAUGE;
      }
      case SUM -> {
        Sum sum = (Sum) data;
        if (sum.temporality() == AggregationTemporality.UNSPECIFIED) {
          return dropFamily(family, "unspecified-temporality-dropped", "sums and histograms "
              + "with UNSPECIFIED temporality dropped: their values cannot be interpreted");
        }
        boolean delta = sum.temporality() == AggregationTemporality.DELTA;
        if (delta && options.delta() == Delta.PASSTHROUGH) {
          diagnostics.note("delta-passthrough", "delta sums written unchanged as unknown-typed "
              + "gauges (--delta=passthrough)");
          shape = Shape.GAUGE;
          kind = MetricKind.UNKNOWN;
          declared = PromType.UNKNOWN;
          passthrough = true;
        } else if (delta && (!sum.monotonic() || options.delta() == Delta.DROP)) {
          return sum.monotonic()
              ? dropFamily(family, "delta-dropped", "delta sums and histograms dropped "
                  + "(--delta=drop)")
              : dropFamily(family, "non-monotonic-delta-dropped", "non-monotonic delta sums "
                  + "dropped: they cannot be accumulated into a Prometheus type");
        } else if (sum.monotonic()) {
          shape = Shape.COUNTER;
          kind = MetricKind.MONOTONIC_COUNTER;
          if (delta) {
            points = accumulateSums(family, sum.points());
          }
        } else {
          shape = declared == PromType.INFO || declared == PromType.STATESET
              ? Shape.INFO_OR_STATESET : Shape.GAUGE;
          kind = declared == PromType.UNKNOWN ? MetricKind.UNKNOWN
              : MetricKind.NON_MONOTONIC_COUNTER;
        }
      }
      case HISTOGRAM -> {
        Histogram h = (Histogram) data;
        kind = MetricKind.HISTOGRAM;
        if (h.temporality() == AggregationTemporality.UNSPECIFIED) {
          if (declared != PromType.GAUGEHISTOGRAM) {
            return dropFamily(family, "unspecified-temporality-dropped", "sums and histograms "
                + "with UNSPECIFIED temporality dropped: their values cannot be interpreted");
          }
          shape = Shape.GAUGEHISTOGRAM;
          temporality = AggregationTemporality.UNSPECIFIED;
        } else {
          shape = Shape.HISTOGRAM;
          if (h.temporality() == AggregationTemporality.DELTA) {
            switch (options.delta()) {
              case DROP -> {
                return dropFamily(family, "delta-dropped", "delta sums and histograms dropped "
                    + "(--delta=drop)");
              }
              case PASSTHROUGH -> diagnostics.note("delta-passthrough", "delta histograms "
                  + "written unchanged as cumulative ones (--delta=passthrough)");
              case ACCUMULATE -> points = accumulateHistograms(family, h.points());
            }
          }
        }
      }
      case EXPONENTIAL_HISTOGRAM -> {
        ExponentialHistogram e = (ExponentialHistogram) data;
        if (options.expHistogramText() == ExpHistogramText.DROP) {
          return dropFamily(family, "exponential-histogram-dropped", "exponential histograms "
              + "dropped: Prometheus text formats have no native histograms "
              + "(--exp-histogram-text=classic converts them)");
        }
        if (e.temporality() == AggregationTemporality.UNSPECIFIED) {
          return dropFamily(family, "unspecified-temporality-dropped", "sums and histograms "
              + "with UNSPECIFIED temporality dropped: their values cannot be interpreted");
        }
        shape = Shape.HISTOGRAM;
        kind = MetricKind.EXPONENTIAL_HISTOGRAM;
        List<ExponentialHistogramPoint> ePoints = e.points();
        if (e.temporality() == AggregationTemporality.DELTA) {
          switch (options.delta()) {
            case DROP -> {
              return dropFamily(family, "delta-dropped", "delta sums and histograms dropped "
                  + "(--delta=drop)");
            }
            case PASSTHROUGH -> diagnostics.note("delta-passthrough", "delta histograms "
                + "written unchanged as cumulative ones (--delta=passthrough)");
            case ACCUMULATE -> ePoints = accumulateExponential(family, ePoints);
          }
        }
        points = toClassic(ePoints);
      }
      case SUMMARY -> {
        shape = Shape.SUMMARY;
        kind = MetricKind.SUMMARY;
      }
      default -> throw new AssertionError(data.kind());
    }

    String name;
    try {
      name = namer.name(family.name(), family.unit(), kind);
    } catch (IllegalArgumentException e) {
      return dropFamily(family, "name-invalid", "families dropped: no Prometheus name can be "
          + "built from their name (first: '" + family.name() + "')");
    }
    if (!name.equals(family.name())) {
      diagnostics.note("metric-renamed", "metric names changed by the translation strategy "
          + "(first: '" + family.name() + "' → '" + name + "')");
    }
    ResourceLabels resourceLabels = resourceLabels(family.resource());
    Map<String, String> scopeLabels = scopeLabels(family.scope());
    Attributes metadata = family.metadata();
    String timestampOrigin = metadata.getString(TIMESTAMP_METADATA);
    boolean keepTimes = options.withTimestamps() || EXPLICIT.equals(timestampOrigin);
    if (timestampOrigin != null) metadata = metadata.without(TIMESTAMP_METADATA);
    if (!metadata.isEmpty()) {
      diagnostics.loss("metadata-dropped", "OTLP metric metadata dropped: Prometheus formats "
          + "have no place for it");
    }

    // Prometheus gauges (and what is written like one) have no created time, and an OTLP
    // gauge's or non-monotonic sum's start time says nothing a scrape would show.
    boolean gaugeLike = !passthrough && (shape == Shape.GAUGE || shape == Shape.INFO_OR_STATESET
        || shape == Shape.GAUGEHISTOGRAM);
    List<Point> out = new ArrayList<>(points.size());
    long[] times = new long[points.size()];
    TargetSeries target = resourceLabels.targetKey() == null ? null
        : targets.get(resourceLabels.targetKey());
    for (Point p : points) {
      Point mapped = mapPoint(p, shape, resourceLabels, scopeLabels, keepTimes, gaugeLike);
      if (mapped == null) continue;
      times[out.size()] = p.timeUnixNano();
      out.add(mapped);
      if (target != null && p.timeUnixNano() > target.time) target.time = p.timeUnixNano();
    }
    if (out.isEmpty() && inputPoints > 0) return null;

    PromType type = switch (shape) {
      case GAUGE -> declared == PromType.UNKNOWN ? PromType.UNKNOWN : PromType.GAUGE;
      case COUNTER -> PromType.COUNTER;
      case INFO_OR_STATESET -> declared;
      case HISTOGRAM -> PromType.HISTOGRAM;
      case GAUGEHISTOGRAM -> PromType.GAUGEHISTOGRAM;
      case SUMMARY -> PromType.SUMMARY;
    };
    MetricData outData = switch (shape) {
      case GAUGE -> new Gauge(cast(out));
      case COUNTER -> new Sum(AggregationTemporality.CUMULATIVE, true, cast(out));
      case INFO_OR_STATESET -> new Sum(AggregationTemporality.CUMULATIVE, false, cast(out));
      case HISTOGRAM, GAUGEHISTOGRAM -> new Histogram(temporality, cast(out));
      case SUMMARY -> new Summary(cast(out));
    };
    String unit = unitWord(family.unit(), originalName(name, type));
    PromMetadata prom = family.prom() != null && family.prom().type() == type
        && name.equals(family.name())
        ? family.prom() : new PromMetadata(type, originalName(name, type));
    return new Converted(new MetricFamily(name, family.description(), unit, Resource.EMPTY,
        Scope.EMPTY, outData, Attributes.EMPTY, prom), Arrays.copyOf(times, out.size()));
  }

  @SuppressWarnings("unchecked")
  private static <P extends Point> List<P> cast(List<Point> points) {
    return (List<P>) (List<?>) points;
  }

  /** The TYPE-line name OpenMetrics uses: without {@code _total} (counter), {@code _info} (info). */
  private static String originalName(String name, PromType type) {
    String suffix = type == PromType.COUNTER ? "_total" : type == PromType.INFO ? "_info" : null;
    return suffix != null && name.endsWith(suffix) && name.length() > suffix.length()
        ? name.substring(0, name.length() - suffix.length()) : name;
  }

  private Converted dropFamily(MetricFamily family, String code, String message) {
    diagnostics.loss(code, message + " (first: '" + family.name() + "')",
        Math.max(1, family.data().points().size()));
    return null;
  }

  /**
   * The Prometheus unit word, when the family name (without {@code _total}/{@code _info}) ends
   * with it, as OpenMetrics requires.
   */
  private String unitWord(String ucum, String name) {
    if (ucum.isEmpty()) return "";
    String word = UnitNamer.prometheusUnit(ucum, options.unitDialect(), utf8);
    if (word.isEmpty()) return "";
    if (name.endsWith("_" + word)) return word;
    diagnostics.note("unit-omitted", "units left out: the metric name does not end with the "
        + "Prometheus unit word (first: '" + name + "', unit '" + word + "')");
    return "";
  }

  // ---------------------------------------------------------------- delta accumulation

  private List<NumberPoint> accumulateSums(MetricFamily family, List<NumberPoint> points) {
    List<NumberPoint> out = new ArrayList<>(points.size());
    for (NumberPoint p : points) {
      if (p.hasNoRecordedValue()) {
        out.add(p);
        continue;
      }
      NumberPoint c = accumulator.sum(family, p);
      if (c == null) deltaStateFull();
      else out.add(c);
    }
    if (!out.isEmpty()) {
      diagnostics.note("delta-accumulated", "families with delta points accumulated into "
          + "cumulative ones");
    }
    return out;
  }

  private List<HistogramPoint> accumulateHistograms(
      MetricFamily family, List<HistogramPoint> points) {
    List<HistogramPoint> out = new ArrayList<>(points.size());
    long restarts = accumulator.restarts();
    for (HistogramPoint p : points) {
      if (p.hasNoRecordedValue()) {
        out.add(p);
        continue;
      }
      HistogramPoint c = accumulator.histogram(family, p);
      if (c == null) deltaStateFull();
      else out.add(c);
    }
    if (!out.isEmpty()) {
      diagnostics.note("delta-accumulated", "families with delta points accumulated into "
          + "cumulative ones");
    }
    diagnostics.loss("delta-bounds-changed", "delta histogram accumulation restarted: the "
        + "bucket bounds of a series changed (first: '" + family.name() + "')",
        accumulator.restarts() - restarts);
    return out;
  }

  private List<ExponentialHistogramPoint> accumulateExponential(
      MetricFamily family, List<ExponentialHistogramPoint> points) {
    List<ExponentialHistogramPoint> out = new ArrayList<>(points.size());
    for (ExponentialHistogramPoint p : points) {
      if (p.hasNoRecordedValue()) {
        out.add(p);
        continue;
      }
      ExponentialHistogramPoint c =
          accumulator.exponential(family, p);
      if (c == null) deltaStateFull();
      else out.add(c);
    }
    if (!out.isEmpty()) {
      diagnostics.note("delta-accumulated", "families with delta points accumulated into "
          + "cumulative ones");
    }
    return out;
  }

  private void deltaStateFull() {
    DropReason why = accumulator.lastDrop();
    if (why != DropReason.LIMIT) {
      diagnostics.loss("delta-" + why.code(), "delta " + why.message());
      return;
    }
    diagnostics.loss("delta-state-full", "delta points dropped: the accumulator already holds "
        + options.maxDeltaSeries() + " series");
  }

  private List<HistogramPoint> toClassic(List<ExponentialHistogramPoint> points) {
    List<HistogramPoint> out = new ArrayList<>(points.size());
    for (ExponentialHistogramPoint p : points) {
      HistogramPoint h = ExponentialToClassic.convert(p, p.timeUnixNano());
      if (h == null) {
        diagnostics.loss("exponential-histogram-dropped", "exponential histogram points dropped: "
            + "their bucket bounds are beyond the range of a double");
      } else {
        out.add(h);
      }
    }
    if (!out.isEmpty()) {
      diagnostics.note("exponential-to-classic", "exponential histogram families written as "
          + "classic buckets (--exp-histogram-text=classic)");
    }
    return out;
  }

  // ---------------------------------------------------------------- points

  private Point mapPoint(Point p, Shape shape, ResourceLabels resourceLabels,
      Map<String, String> scopeLabels, boolean keepTime, boolean gaugeLike) {
    boolean stale = p.hasNoRecordedValue();
    if (stale && (options.stale() == Stale.DROP || !(p instanceof NumberPoint))) {
      diagnostics.loss("no-recorded-value-dropped", "points without a recorded value dropped: "
          + "Prometheus text cannot tell a staleness marker from NaN");
      return null;
    }
    Attributes labels = labels(p.attributes(), resourceLabels, scopeLabels);
    long time = keepTime ? p.timeUnixNano() : 0;
    long start = p.startTimeUnixNano();
    if (gaugeLike && start != 0) {
      start = 0;
      diagnostics.note("gauge-start-time-ignored", "start times of gauges and non-monotonic "
          + "sums ignored: Prometheus has created times for counters, histograms and summaries "
          + "only");
    }
    if (p instanceof NumberPoint n) {
      NumberValue value = stale ? NumberValue.ofDouble(Double.longBitsToDouble(STALE_NAN_BITS))
          : n.value();
      int flags = stale ? n.flags() & ~Point.FLAG_NO_RECORDED_VALUE : n.flags();
      List<Exemplar> exemplars = shape == Shape.COUNTER
          ? latestExemplar(n.exemplars()) : dropExemplars(n.exemplars());
      return new NumberPoint(labels, start, time, value, exemplars, flags);
    }
    if (p instanceof HistogramPoint h) {
      List<Exemplar> exemplars = bucketExemplars(h);
      return new HistogramPoint(labels, start, time, h.count(), h.sum(),
          h.explicitBounds(), h.bucketCounts(), h.min(), h.max(), exemplars, h.flags());
    }
    if (p instanceof SummaryPoint s) {
      return new SummaryPoint(labels, start, time, s.count(), s.sum(),
          s.quantiles(), s.flags());
    }
    throw new AssertionError(p.getClass());
  }

  private Attributes labels(
      Attributes attributes, ResourceLabels resourceLabels, Map<String, String> scopeLabels) {
    Map<String, String> labels = LabelSet.newMap();
    labelSet.addAll(attributes, labels);
    for (Map.Entry<String, String> e : resourceLabels.labels().entrySet()) {
      String key = e.getKey();
      if (key.equals("job") || key.equals("instance")) {
        String old = labels.put(key, e.getValue());
        if (old != null && !old.equals(e.getValue())) labelOverwritten(key);
      } else {
        labels.putIfAbsent(key, e.getValue());
      }
    }
    for (Map.Entry<String, String> e : scopeLabels.entrySet()) {
      String old = labels.put(e.getKey(), e.getValue());
      if (old != null && !old.equals(e.getValue())) labelOverwritten(e.getKey());
    }
    return LabelSet.toAttributes(labels);
  }

  private void labelOverwritten(String label) {
    diagnostics.loss("label-overwritten", "attribute values replaced by the job, instance or "
        + "otel_scope_* label of the same name (first: '" + label + "')");
  }

  // ---------------------------------------------------------------- exemplars

  private List<Exemplar> dropExemplars(List<Exemplar> exemplars) {
    if (!exemplars.isEmpty()) {
      diagnostics.loss("exemplar-dropped", "exemplars dropped: Prometheus keeps exemplars on "
          + "counters and histogram buckets only, one each", exemplars.size());
    }
    return List.of();
  }

  private List<Exemplar> latestExemplar(List<Exemplar> exemplars) {
    if (exemplars.isEmpty()) return exemplars;
    if (!options.exemplars()) return dropExemplars(exemplars);
    Exemplar latest = exemplars.get(0);
    for (Exemplar e : exemplars) {
      if (e.timeUnixNano() >= latest.timeUnixNano()) latest = e;
    }
    if (exemplars.size() > 1) {
      diagnostics.loss("exemplar-dropped", "exemplars dropped: Prometheus keeps exemplars on "
          + "counters and histogram buckets only, one each", exemplars.size() - 1);
    }
    return List.of(exemplarLabels(latest));
  }

  /** The latest exemplar in each bucket (the first bucket whose bound is ≥ the value), in order. */
  private List<Exemplar> bucketExemplars(HistogramPoint h) {
    List<Exemplar> exemplars = h.exemplars();
    if (exemplars.isEmpty()) return exemplars;
    if (!options.exemplars()) return dropExemplars(exemplars);
    int buckets = h.explicitBounds().length + 1;
    Exemplar[] chosen = new Exemplar[buckets];
    for (Exemplar e : exemplars) {
      double v = e.value().toDouble();
      int b = 0;
      while (b < buckets - 1 && !(v <= h.explicitBound(b))) b++;
      if (chosen[b] == null || e.timeUnixNano() >= chosen[b].timeUnixNano()) chosen[b] = e;
    }
    List<Exemplar> out = new ArrayList<>();
    for (Exemplar e : chosen) {
      if (e != null) out.add(exemplarLabels(e));
    }
    if (out.size() < exemplars.size()) {
      diagnostics.loss("exemplar-dropped", "exemplars dropped: Prometheus keeps exemplars on "
          + "counters and histogram buckets only, one each", exemplars.size() - out.size());
    }
    return out;
  }

  /**
   * Filtered attributes as exemplar labels; all of them dropped when names and values with the
   * ids exceed 128 code points (Prometheus remote-write's rule), and any that the ids replace.
   */
  private Exemplar exemplarLabels(Exemplar e) {
    if (e.filteredAttributes().isEmpty()) return e;
    Map<String, String> labels = LabelSet.newMap();
    labelSet.addAll(e.filteredAttributes(), labels);
    int codePoints = 0;
    if (!e.traceId().isEmpty()) {
      codePoints += "trace_id".length() + e.traceId().length();
      if (labels.remove("trace_id") != null) exemplarAttributesDropped();
    }
    if (!e.spanId().isEmpty()) {
      codePoints += "span_id".length() + e.spanId().length();
      if (labels.remove("span_id") != null) exemplarAttributesDropped();
    }
    for (Map.Entry<String, String> l : labels.entrySet()) {
      codePoints += l.getKey().codePointCount(0, l.getKey().length())
          + l.getValue().codePointCount(0, l.getValue().length());
    }
    Attributes filtered = LabelSet.toAttributes(labels);
    if (codePoints > EXEMPLAR_CODE_POINTS) {
      exemplarAttributesDropped();
      filtered = Attributes.EMPTY;
    }
    return filtered.equals(e.filteredAttributes()) ? e
        : new Exemplar(filtered, e.value(), e.timeUnixNano(), e.traceId(), e.spanId());
  }

  private void exemplarAttributesDropped() {
    diagnostics.loss("exemplar-attributes-dropped", "exemplar attributes dropped: OpenMetrics "
        + "limits exemplar labels to 128 code points, and trace_id/span_id take precedence");
  }

  // ---------------------------------------------------------------- resource and scope

  private ResourceLabels resourceLabels(Resource resource) {
    if (resource.equals(lastResource)) return lastResourceLabels;
    Attributes attrs = resource.attributes();
    String serviceName = attrs.getString(SERVICE_NAME);
    String namespace = attrs.getString(SERVICE_NAMESPACE);
    String instanceId = attrs.getString(SERVICE_INSTANCE_ID);
    String job = serviceName == null ? ""
        : namespace == null || namespace.isEmpty() ? serviceName : namespace + "/" + serviceName;
    String instance = instanceId == null ? "" : instanceId;

    Map<String, String> labels = LabelSet.newMap();
    Set<String> used = new HashSet<>();
    List<String> dropped = new ArrayList<>();
    if (options.jobInstance()) {
      if (!job.isEmpty()) labels.put("job", job);
      if (!instance.isEmpty()) labels.put("instance", instance);
      used.add(SERVICE_NAME);
      used.add(SERVICE_NAMESPACE);
      used.add(SERVICE_INSTANCE_ID);
    }
    boolean restated = restatesInstance(attrs, instance);

    List<Attribute> info = new ArrayList<>();
    for (Attribute a : attrs) {
      String key = a.key();
      boolean identifying = key.equals(SERVICE_NAME) || key.equals(SERVICE_NAMESPACE)
          || key.equals(SERVICE_INSTANCE_ID);
      if (identifying && !options.keepIdentifyingResourceAttributes()) continue;
      if (restated && (key.equals(SERVER_ADDRESS) || key.equals(SERVER_PORT))) {
        used.add(key);
        continue;
      }
      info.add(a);
    }
    Map<String, String> promoted = LabelSet.newMap();
    List<Attribute> toPromote = new ArrayList<>();
    for (Attribute a : attrs) {
      boolean identifying = a.key().equals(SERVICE_NAME) || a.key().equals(SERVICE_NAMESPACE)
          || a.key().equals(SERVICE_INSTANCE_ID);
      boolean wanted = options.promoteAllResourceAttributes()
          ? !identifying && !options.ignoreResourceAttributes().contains(a.key())
          : options.promoteResourceAttributes().contains(a.key());
      if (wanted) {
        toPromote.add(a);
        used.add(a.key());
      }
    }
    labelSet.addAll(Attributes.of(toPromote), promoted);
    for (Map.Entry<String, String> e : promoted.entrySet()) labels.putIfAbsent(e.getKey(), e.getValue());

    String targetKey = null;
    boolean emit = switch (options.targetInfo()) {
      case NEVER -> false;
      case AUTO -> !info.isEmpty();
      case ALWAYS -> !job.isEmpty() || !instance.isEmpty() || !info.isEmpty();
    };
    if (emit) {
      targetKey = job + '\u0000' + instance;
      Map<String, String> targetLabels = LabelSet.newMap();
      labelSet.addAll(Attributes.of(info), targetLabels);
      if (!job.isEmpty()) targetLabels.put("job", job);
      if (!instance.isEmpty()) targetLabels.put("instance", instance);
      Attributes targetAttributes = LabelSet.toAttributes(targetLabels);
      TargetSeries old = targets.putIfAbsent(targetKey, new TargetSeries(targetAttributes));
      if (old != null && !old.labels.equals(targetAttributes)
          && reportedResources.add(resource)) {
        diagnostics.loss("target-info-conflict", "resource attributes dropped: another resource "
            + "with the same job and instance wrote target_info first (first: job '" + job
            + "', instance '" + instance + "')");
      }
      for (Attribute a : info) used.add(a.key());
    }
    for (Attribute a : attrs) {
      if (!used.contains(a.key()) && !(a.key().equals(SERVICE_NAME)
          || a.key().equals(SERVICE_NAMESPACE) || a.key().equals(SERVICE_INSTANCE_ID))) {
        dropped.add(a.key());
      }
    }
    if (!options.jobInstance() && (serviceName != null || instanceId != null)) {
      dropped.add(SERVICE_NAME + "/" + SERVICE_INSTANCE_ID);
    }
    if (!dropped.isEmpty() && reportedResources.add(resource)) {
      diagnostics.loss("resource-attributes-dropped", "resource attributes dropped: neither "
          + "target_info, job/instance nor promotion carries them (first: " + dropped + ")",
          dropped.size());
    }
    lastResource = resource;
    lastResourceLabels = new ResourceLabels(targetKey, labels);
    return lastResourceLabels;
  }

  /** True when server.address and server.port say nothing but the instance's host:port. */
  private static boolean restatesInstance(Attributes attrs, String instance) {
    String address = attrs.getString(SERVER_ADDRESS);
    String port = attrs.getString(SERVER_PORT);
    if (address == null || port == null || instance.isEmpty()) return false;
    return instance.equals(address + ":" + port)
        || instance.equals("[" + address + "]:" + port);
  }

  private Map<String, String> scopeLabels(Scope scope) {
    if (scope.equals(lastScope)) return lastScopeLabels;
    Map<String, String> labels = LabelSet.newMap();
    if (!scope.isEmpty() && (!options.scopeLabels() || scope.name().isEmpty())) {
      diagnostics.loss("scope-dropped", options.scopeLabels()
          ? "scopes without a name dropped: otel_scope_* labels are written for named scopes"
          : "scopes dropped (--no-scope-labels)");
    } else if (!scope.name().isEmpty()) {
      Map<String, String> attributes = LabelSet.newMap();
      for (Attribute a : scope.attributes()) {
        String name = labelSet.name("otel_scope_" + a.key());
        if (name == null) continue;
        if (RESERVED_SCOPE_LABELS.contains(name)) {
          diagnostics.loss("scope-attribute-dropped", "scope attributes dropped: their label "
              + "would replace otel_scope_name, otel_scope_version or otel_scope_schema_url");
          continue;
        }
        String value = a.value().asString();
        String old = attributes.putIfAbsent(name, value);
        if (old != null && !old.isEmpty()) {
          attributes.put(name, old + ";" + value);
          diagnostics.note("label-collision", "attribute values joined with ';': their keys "
              + "collide as label '" + name + "' after sanitising");
        } else if (old != null) {
          attributes.put(name, value);
        }
      }
      labels.putAll(attributes);
      labels.put("otel_scope_name", scope.name());
      if (!scope.version().isEmpty()) labels.put("otel_scope_version", scope.version());
      if (!scope.schemaUrl().isEmpty()) labels.put("otel_scope_schema_url", scope.schemaUrl());
      labels.values().removeIf(String::isEmpty);
    }
    lastScope = scope;
    lastScopeLabels = labels;
    return labels;
  }

  private MetricFamily targetInfoFamily() {
    List<NumberPoint> points = new ArrayList<>(targets.size());
    for (TargetSeries t : targets.values()) {
      points.add(new NumberPoint(t.labels, 0, options.withTimestamps() ? t.time : 0,
          NumberValue.ONE, List.of(), 0));
    }
    String name = options.namespace().isEmpty() ? "target_info"
        : options.namespace() + "_target_info";
    return new MetricFamily(name, "Target metadata", "", Resource.EMPTY, Scope.EMPTY,
        new Sum(AggregationTemporality.CUMULATIVE, false, points), Attributes.EMPTY,
        new PromMetadata(PromType.INFO, originalName(name, PromType.INFO)));
  }
}
