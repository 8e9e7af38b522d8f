package dev.promotel.format.openmetrics;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricWriter;
import dev.promotel.format.NameEscaping;
import dev.promotel.format.WriteOptions;
import dev.promotel.format.internal.FloatFormat;
import dev.promotel.format.internal.MetricNames;
import dev.promotel.format.internal.TextEscaping;
import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attribute;
import dev.promotel.model.AttributeValue;
import dev.promotel.model.Exemplar;
import dev.promotel.model.Histogram;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.Point;
import dev.promotel.model.PromType;
import dev.promotel.model.Quantile;
import dev.promotel.model.Sum;
import dev.promotel.model.SummaryPoint;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes OpenMetrics 1.0 text
 * (https://github.com/OpenObservability/OpenMetrics/blob/main/specification/OpenMetrics.md) that
 * {@link OpenMetricsReader} (strict) accepts, whatever the model holds: what OpenMetrics cannot
 * carry is dropped and counted in {@link Diagnostics} (exponential histograms, delta sums, resources
 * and scopes, counter values below 0 or NaN, histogram sums next to negative buckets, exemplars
 * beyond one per counter point or bucket, ...). {@link #close()} writes {@code # EOF}, flushes and
 * closes the stream (the caller hands over ownership).
 *
 * <p>Per family: {@code # TYPE}, {@code # UNIT} (only when the name ends in {@code _<unit>}), {@code
 * # HELP}, then the samples, series by series with their points in time order. A counter {@code
 * foo_total} is written as family {@code foo}; {@code _created} lines only with {@link
 * WriteOptions#createdLines()}. A family with the same name as the previous one continues it; a
 * later repeat (or a family whose sample names clash with an earlier one) is dropped and counted.
 *
 * <p>Example output: {@code # TYPE http_requests counter}, {@code
 * http_requests_total{code="200"} 1027 # {trace_id="4bf9..."} 1 1520879607.789}, {@code # EOF}.
 */
public final class OpenMetricsWriter implements MetricWriter {
  private static final String FORMAT = "OpenMetrics";

  private final Writer out;
  private final WriteOptions options;
  private final Diagnostics diagnostics;
  private final FamilyNames names = new FamilyNames();

  private String previousName;
  private Plan plan;
  private final Set<String> writtenSeries = new HashSet<>();
  private boolean closed;

  public OpenMetricsWriter(OutputStream out, WriteOptions options, Diagnostics diagnostics) {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    this.options = options;
    this.diagnostics = diagnostics;
  }

  /**
   * How a family is written: its OpenMetrics type and family name (escaped as configured), or the
   * loss that drops it (counted again for each continuation chunk).
   */
  private record Plan(PromType type, String family, String lossCode, String lossMessage) {
    static Plan dropped(String code, String message) {
      return new Plan(PromType.UNKNOWN, "", code, message);
    }

    boolean isDropped() {
      return lossCode != null;
    }
  }

  private static final String DELTA = "delta sums and histograms dropped: " + FORMAT
      + " holds cumulative data only";
  private static final String DUPLICATE = "families dropped: " + FORMAT + " allows each family "
      + "once, contiguous, with sample names no other family uses";

  @Override
  public void write(MetricFamily family) throws IOException {
    if (closed) throw new IllegalStateException("write() after close()");
    if (!family.name().equals(previousName)) {
      previousName = family.name();
      writtenSeries.clear();
      plan = plan(family);
      if (plan.isDropped()) {
        diagnostics.loss(plan.lossCode(), plan.lossMessage());
        return;
      }
      reportFamilyLosses(family);
      writeMetadata(family);
    } else if (plan.isDropped()) {
      diagnostics.loss(plan.lossCode(), plan.lossMessage());
      return;
    } else {
      reportFamilyLosses(family);
    }
    switch (plan.type()) {
      case GAUGE, UNKNOWN, COUNTER, INFO, STATESET -> writeNumbers(family);
      case HISTOGRAM, GAUGEHISTOGRAM -> writeHistograms((Histogram) family.data());
      case SUMMARY -> writeSummaries(family);
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    try {
      out.write("# EOF\n");
      out.flush();
    } finally {
      out.close();
    }
  }

  // ---------------------------------------------------------------- planning

  private Plan plan(MetricFamily family) {
    String name = family.name();
    PromType type;
    String omName = name;
    switch (family.data().kind()) {
      case GAUGE -> type = family.promType() == PromType.UNKNOWN ? PromType.UNKNOWN : PromType.GAUGE;
      case SUM -> {
        Sum sum = (Sum) family.data();
        if (sum.temporality() != AggregationTemporality.CUMULATIVE) {
          return Plan.dropped("delta-dropped", DELTA);
        }
        if (sum.monotonic()) {
          if (name.endsWith("_total") && name.length() > "_total".length()) {
            type = PromType.COUNTER;
            omName = name.substring(0, name.length() - "_total".length());
          } else {
            type = PromType.UNKNOWN;
            diagnostics.note("counter-without-total", "counters without a _total suffix written "
                + "as unknown: " + FORMAT + " counter samples must end in _total");
          }
        } else if (family.promType() == PromType.INFO && name.endsWith("_info")
            && name.length() > "_info".length() && allOnes(sum)) {
          type = PromType.INFO;
          omName = name.substring(0, name.length() - "_info".length());
        } else if (family.promType() == PromType.STATESET && isStateSet(name, sum)) {
          type = PromType.STATESET;
        } else {
          type = PromType.GAUGE;
          if (family.promType() == PromType.INFO || family.promType() == PromType.STATESET) {
            diagnostics.note("written-as-gauge", "info/stateset families written as gauges: "
                + "their name or values do not follow the " + FORMAT + " rules");
          }
        }
      }
      case HISTOGRAM -> {
        Histogram h = (Histogram) family.data();
        if (family.promType() == PromType.GAUGEHISTOGRAM) {
          type = PromType.GAUGEHISTOGRAM;
        } else if (h.temporality() == AggregationTemporality.CUMULATIVE) {
          type = PromType.HISTOGRAM;
        } else {
          return Plan.dropped("delta-dropped", DELTA);
        }
      }
      case EXPONENTIAL_HISTOGRAM -> {
        return Plan.dropped("exponential-histogram-dropped", "exponential histograms dropped: "
            + FORMAT + " 1.0 text has no native histograms");
      }
      case SUMMARY -> type = PromType.SUMMARY;
      default -> throw new AssertionError(family.data().kind());
    }
    String written = options.escaping() == NameEscaping.ALLOW_UTF8 ? omName
        : MetricNames.escape(omName, options.escaping());
    if (type == PromType.STATESET && options.escaping() != NameEscaping.ALLOW_UTF8
        && !MetricNames.isLegacyLabelName(written)) {
      // The state label is named like the family; without quoting it must be a legal label name.
      type = PromType.GAUGE;
      diagnostics.note("written-as-gauge", "info/stateset families written as gauges: "
          + "their name or values do not follow the " + FORMAT + " rules");
    }
    if (names.clash(written, type) != null) return Plan.dropped("duplicate-family", DUPLICATE);
    names.register(written, type, 0);
    return new Plan(type, written, null, null);
  }

  private static boolean allOnes(Sum sum) {
    for (NumberPoint p : sum.points()) {
      if (p.value().toDouble() != 1.0) return false;
    }
    return true;
  }

  private static boolean isStateSet(String name, Sum sum) {
    for (NumberPoint p : sum.points()) {
      double v = p.value().toDouble();
      if (!(v == 0 || v == 1) || p.attributes().getString(name) == null) return false;
    }
    return true;
  }

  private void reportFamilyLosses(MetricFamily family) {
    if (!family.resource().attributes().isEmpty() || !family.resource().schemaUrl().isEmpty()
        || !family.scope().isEmpty()) {
      diagnostics.loss("resource-dropped", "resources and scopes dropped: " + FORMAT
          + " text has no place for them");
    }
    if (!family.metadata().isEmpty()) {
      diagnostics.loss("metadata-dropped", "OTLP metric metadata dropped: " + FORMAT
          + " text has no place for it");
    }
  }

  private void writeMetadata(MetricFamily family) throws IOException {
    out.write("# TYPE ");
    writeName(plan.family());
    out.write(' ');
    out.write(plan.type().openMetricsName());
    out.write('\n');
    String unit = family.unit();
    if (!unit.isEmpty()) {
      if (plan.type() != PromType.INFO && plan.type() != PromType.STATESET
          && isUnitWord(unit) && plan.family().endsWith("_" + unit)) {
        out.write("# UNIT ");
        writeName(plan.family());
        out.write(' ');
        out.write(unit);
        out.write('\n');
      } else {
        diagnostics.note("unit-omitted", "UNIT lines omitted: " + FORMAT + " needs the unit as "
            + "the family name's suffix (_<unit>) and allows none on info and stateset");
      }
    }
    String help = family.description();
    if (help.endsWith("\r")) {
      // A line ending in CR is invalid, and OpenMetrics has no escape for it.
      help = help.replaceFirst("\r+$", "");
      diagnostics.loss("help-changed", "trailing carriage returns removed from HELP: " + FORMAT
          + " forbids them at the end of a line");
    }
    if (!help.isEmpty()) {
      out.write("# HELP ");
      writeName(plan.family());
      out.write(' ');
      TextEscaping.writeHelp(out, help, /* escapeQuote= */ true);
      out.write('\n');
    }
  }

  private static boolean isUnitWord(String unit) {
    for (int i = 0; i < unit.length(); i++) {
      char c = unit.charAt(i);
      if (!(c < 0x80 && LineLexer.isNameChar((byte) c, true))) return false;
    }
    return true;
  }

  // ---------------------------------------------------------------- series grouping

  /** One series of a chunk: its rendered labels (without the point label) and its points. */
  private static final class Series<P extends Point> {
    final String labels;
    final List<P> points = new ArrayList<>();
    boolean timestamps;

    Series(String labels) {
      this.labels = labels;
    }
  }

  /**
   * Groups points into series by their rendered labels (so label sets that render alike after
   * escaping become one series), orders each series by time, drops series already written for
   * this family, and decides whether timestamps are written (all or none per series).
   */
  private <P extends Point> List<Series<P>> series(List<P> points, String pointLabel) {
    Map<String, Series<P>> bySeries = new LinkedHashMap<>();
    for (P p : points) {
      if (p.hasNoRecordedValue()) {
        diagnostics.loss("no-recorded-value-dropped", "points without a recorded value dropped: "
            + FORMAT + " has no staleness marker");
        continue;
      }
      String key = renderLabels(p, pointLabel);
      bySeries.computeIfAbsent(key, Series::new).points.add(p);
    }
    List<Series<P>> out = new ArrayList<>(bySeries.size());
    for (Series<P> s : bySeries.values()) {
      if (!writtenSeries.add(s.labels)) {
        diagnostics.loss("duplicate-series-dropped", "series dropped: " + FORMAT + " needs the "
            + "points of a series together, and this label set was already written in the family",
            s.points.size());
        continue;
      }
      boolean sorted = true;
      for (int i = 1; i < s.points.size(); i++) {
        if (s.points.get(i).timeUnixNano() < s.points.get(i - 1).timeUnixNano()) sorted = false;
      }
      if (!sorted) {
        s.points.sort(Comparator.comparingLong(Point::timeUnixNano));
        diagnostics.note("points-reordered", "points of a series put in time order: " + FORMAT
            + " timestamps must not go backwards");
      }
      for (P p : s.points) {
        if (p.timeUnixNano() != 0) s.timestamps = true;
      }
      out.add(s);
    }
    return out;
  }

  // ---------------------------------------------------------------- number families

  private void writeNumbers(MetricFamily family) throws IOException {
    @SuppressWarnings("unchecked")
    List<NumberPoint> points = (List<NumberPoint>) family.data().points();
    PromType type = plan.type();
    String stateLabel = type == PromType.STATESET ? family.name() : null;
    String stateName = type == PromType.STATESET ? writtenLabelName(plan.family()) : null;
    String sampleName = switch (type) {
      case COUNTER -> plan.family() + "_total";
      case INFO -> plan.family() + "_info";
      default -> plan.family();
    };
    for (Series<NumberPoint> s : series(points, stateLabel)) {
      for (NumberPoint p : s.points) {
        if (!valid(type, p, stateLabel)) continue;
        if (type != PromType.COUNTER) {
          if (p.startTimeUnixNano() != 0) startTimeDropped(type);
          if (!p.exemplars().isEmpty()) exemplarsDropped(p.exemplars().size(), type);
        }
        String labels = s.labels;
        if (stateLabel != null) {
          labels = withLabel(s.labels, stateName, p.attributes().getString(stateLabel));
        }
        writeSampleStart(sampleName, labels);
        writeValue(p.value());
        writeTimestamp(s.timestamps, p.timeUnixNano());
        if (type == PromType.COUNTER && !p.exemplars().isEmpty()) {
          if (p.exemplars().size() > 1) exemplarsDropped(p.exemplars().size() - 1, type);
          writeExemplar(p.exemplars().get(p.exemplars().size() - 1));
        }
        out.write('\n');
        if (type == PromType.COUNTER) writeCreated(s, p);
      }
    }
  }

  private boolean valid(PromType type, NumberPoint p, String stateLabel) {
    double v = p.value().toDouble();
    String reason = switch (type) {
      case COUNTER -> p.value().isLong() ? (p.value().longValue() < 0 ? "negative" : null)
          : Double.isNaN(v) ? "NaN" : v < 0 ? "negative" : null;
      case INFO -> v == 1.0 ? null : "not 1";
      case STATESET -> (v == 0 || v == 1) && p.attributes().getString(stateLabel) != null
          ? null : "not a 0/1 state";
      default -> null;
    };
    if (reason == null) return true;
    diagnostics.loss("invalid-value-dropped", "points dropped: " + FORMAT + " counters must not "
        + "be NaN or negative, info values are 1 and stateset values 0 or 1");
    return false;
  }

  /** Writes the {@code _created} line when there is a start time and it is wanted. */
  private boolean writeCreated(Series<?> s, Point p) throws IOException {
    if (p.startTimeUnixNano() == 0) return false;
    if (!options.createdLines()) {
      diagnostics.note("created-lines-omitted", "_created lines omitted (start times not "
          + "written); use --om-created-lines to write them");
      return false;
    }
    writeSampleStart(plan.family() + "_created", s.labels);
    out.write(FloatFormat.formatSeconds(p.startTimeUnixNano()));
    writeTimestamp(s.timestamps, p.timeUnixNano());
    out.write('\n');
    return true;
  }

  private void startTimeDropped(PromType type) {
    diagnostics.loss("start-time-dropped", "start times dropped: " + FORMAT + " has _created "
        + "only for counters, histograms and summaries (not " + type.openMetricsName() + ")");
  }

  private void exemplarsDropped(int n, PromType type) {
    diagnostics.loss("exemplar-dropped", "exemplars dropped: " + FORMAT + " carries one exemplar "
        + "per counter point or histogram bucket, none on " + type.openMetricsName()
        + " points other than those", n);
  }

  // ---------------------------------------------------------------- histograms

  private void writeHistograms(Histogram data) throws IOException {
    boolean gauge = plan.type() == PromType.GAUGEHISTOGRAM;
    for (Series<HistogramPoint> s : series(data.points(), null)) {
      for (HistogramPoint p : s.points) {
        writeHistogram(s, p, gauge);
      }
    }
  }

  private void writeHistogram(Series<HistogramPoint> s, HistogramPoint p, boolean gauge)
      throws IOException {
    int n = p.explicitBounds().length;
    int buckets = p.bucketCountsSize() == 0 ? 1 : n + 1;
    Exemplar[] chosen = chooseExemplars(p, n);
    long cumulative = 0;
    boolean negative = false;
    for (int i = 0; i < buckets; i++) {
      cumulative += p.bucketCountsSize() == 0 ? p.count() : p.bucketCount(i);
      String le = i < n ? FloatFormat.formatOpenMetrics(p.explicitBound(i)) : "+Inf";
      if (i < n && p.explicitBound(i) < 0) negative = true;
      writeSampleStart(plan.family() + "_bucket", withLabel(s.labels, "le", le));
      out.write(Long.toString(cumulative));
      writeTimestamp(s.timestamps, p.timeUnixNano());
      if (chosen[i] != null) writeExemplar(chosen[i]);
      out.write('\n');
    }
    if (cumulative != p.count()) {
      diagnostics.loss("histogram-count-mismatch", "histogram counts replaced by the sum of "
          + "their buckets: " + FORMAT + " needs _count equal to the +Inf bucket");
    }
    if (p.sum().isPresent()) {
      double sum = p.sum().getAsDouble();
      String problem = Double.isNaN(sum) ? "NaN"
          : gauge ? (sum < 0 && !negative ? "negative without negative buckets" : null)
          : negative ? "next to negative buckets" : sum < 0 ? "negative" : null;
      if (problem == null) {
        writeSampleStart(plan.family() + (gauge ? "_gcount" : "_count"), s.labels);
        out.write(Long.toString(cumulative));
        writeTimestamp(s.timestamps, p.timeUnixNano());
        out.write('\n');
        writeSampleStart(plan.family() + (gauge ? "_gsum" : "_sum"), s.labels);
        out.write(FloatFormat.formatOpenMetrics(sum));
        writeTimestamp(s.timestamps, p.timeUnixNano());
        out.write('\n');
      } else {
        diagnostics.loss("histogram-sum-dropped", "histogram sums dropped: " + FORMAT + " allows "
            + "no NaN sum, no negative sum without negative buckets, and no histogram sum with "
            + "negative buckets");
      }
    }
    if (p.min().isPresent() || p.max().isPresent()) {
      diagnostics.loss("histogram-min-max-dropped", "histogram min/max dropped: " + FORMAT
          + " has no place for them");
    }
    if (gauge) {
      if (p.startTimeUnixNano() != 0) startTimeDropped(PromType.GAUGEHISTOGRAM);
    } else {
      writeCreated(s, p);
    }
  }

  /**
   * One exemplar per bucket. When the exemplars can keep their order, each in the lowest bucket
   * after the previous one whose {@code le} is at least its value (what the reader produces, so
   * read → write → read keeps them all), that placement is used. Otherwise each bucket gets the
   * latest (last listed) exemplar whose value falls between its bounds, and the rest are dropped.
   */
  private Exemplar[] chooseExemplars(HistogramPoint p, int bounds) {
    Exemplar[] chosen = new Exemplar[bounds + 1];
    List<Exemplar> exemplars = p.exemplars();
    int next = 0;
    boolean inOrder = true;
    for (Exemplar e : exemplars) {
      double v = e.value().toDouble();
      while (next <= bounds && !(v <= upper(p, bounds, next))) next++;
      if (next > bounds) {
        inOrder = false;
        break;
      }
      chosen[next++] = e;
    }
    if (inOrder) return chosen;
    java.util.Arrays.fill(chosen, null);
    int placed = 0;
    for (Exemplar e : exemplars) {
      double v = e.value().toDouble();
      for (int i = 0; i <= bounds; i++) {
        double lower = i == 0 ? Double.NEGATIVE_INFINITY : p.explicitBound(i - 1);
        if (v > lower && v <= upper(p, bounds, i)) {
          if (chosen[i] == null) placed++;
          chosen[i] = e;
          break;
        }
      }
    }
    int dropped = exemplars.size() - placed;
    if (dropped > 0) {
      diagnostics.loss("exemplar-dropped", "exemplars dropped: " + FORMAT + " carries one "
          + "exemplar per bucket (the latest within its bounds)", dropped);
    }
    return chosen;
  }

  private static double upper(HistogramPoint p, int bounds, int bucket) {
    return bucket < bounds ? p.explicitBound(bucket) : Double.POSITIVE_INFINITY;
  }

  // ---------------------------------------------------------------- summaries

  private void writeSummaries(MetricFamily family) throws IOException {
    @SuppressWarnings("unchecked")
    List<SummaryPoint> points = (List<SummaryPoint>) family.data().points();
    for (Series<SummaryPoint> s : series(points, null)) {
      SummaryPoint previous = null;
      for (SummaryPoint p : s.points) {
        if (previous != null && previous.timeUnixNano() == p.timeUnixNano()
            && !startsNewPoint(previous, p)) {
          diagnostics.loss("ambiguous-point-dropped", "summary points dropped: " + FORMAT
              + " cannot tell two points of one series apart without distinct timestamps when "
              + "they share no quantile, count or sum");
          continue;
        }
        writeSummary(s, p);
        previous = p;
      }
    }
  }

  /** Whether the first line written for {@code next} repeats one of {@code previous}. */
  private boolean startsNewPoint(SummaryPoint previous, SummaryPoint next) {
    List<Quantile> q = writableQuantiles(next);
    if (!q.isEmpty()) {
      for (Quantile pq : writableQuantiles(previous)) {
        if (pq.quantile() == q.get(0).quantile()) return true;
      }
      return false;
    }
    if (next.count().isPresent()) return previous.count().isPresent();
    if (writableSum(next)) return writableSum(previous);
    return next.startTimeUnixNano() != 0 && options.createdLines()
        && previous.startTimeUnixNano() != 0;
  }

  private static List<Quantile> writableQuantiles(SummaryPoint p) {
    List<Quantile> out = new ArrayList<>(p.quantiles().size());
    for (Quantile q : p.quantiles()) {
      if (!(q.value() < 0)) out.add(q);
    }
    return out;
  }

  private static boolean writableSum(SummaryPoint p) {
    return p.sum().isPresent() && p.sum().getAsDouble() >= 0;
  }

  private void writeSummary(Series<SummaryPoint> s, SummaryPoint p) throws IOException {
    List<Quantile> quantiles = writableQuantiles(p);
    if (quantiles.size() < p.quantiles().size()) {
      diagnostics.loss("quantile-dropped", "summary quantiles dropped: " + FORMAT
          + " quantile values must not be negative", p.quantiles().size() - quantiles.size());
    }
    for (Quantile q : quantiles) {
      writeSampleStart(plan.family(),
          withLabel(s.labels, "quantile", FloatFormat.formatOpenMetrics(q.quantile())));
      out.write(FloatFormat.formatOpenMetrics(q.value()));
      writeTimestamp(s.timestamps, p.timeUnixNano());
      out.write('\n');
    }
    boolean wrote = !quantiles.isEmpty();
    if (p.count().isPresent()) {
      wrote = true;
      writeSampleStart(plan.family() + "_count", s.labels);
      out.write(Long.toString(p.count().getAsLong()));
      writeTimestamp(s.timestamps, p.timeUnixNano());
      out.write('\n');
    }
    if (p.sum().isPresent()) {
      if (writableSum(p)) {
        wrote = true;
        writeSampleStart(plan.family() + "_sum", s.labels);
        out.write(FloatFormat.formatOpenMetrics(p.sum().getAsDouble()));
        writeTimestamp(s.timestamps, p.timeUnixNano());
        out.write('\n');
      } else {
        diagnostics.loss("summary-sum-dropped", "summary sums dropped: " + FORMAT
            + " summary sums must not be NaN or negative");
      }
    }
    if (!writeCreated(s, p) && !wrote) {
      diagnostics.loss("empty-point-dropped", "summary points with no quantile, count, sum or "
          + "written start time dropped: " + FORMAT + " has no line for them");
    }
  }

  // ---------------------------------------------------------------- lines

  /**
   * The label set of a point as written inside braces, without {@code pointLabel} and without the
   * labels the family's samples reserve ({@code le}, {@code quantile}); "" when empty.
   */
  private String renderLabels(Point p, String pointLabel) {
    StringBuilder b = new StringBuilder();
    Set<String> used = null;
    String extra = switch (plan.type()) {
      case HISTOGRAM, GAUGEHISTOGRAM -> "le";
      case SUMMARY -> "quantile";
      case STATESET -> writtenLabelName(plan.family());
      default -> null;
    };
    for (Attribute a : p.attributes()) {
      String key = a.key();
      if (key.equals(pointLabel)) continue;
      if (reserved(key)) {
        diagnostics.loss("reserved-label-dropped", "labels dropped: " + FORMAT + " reserves 'le' "
            + "for histogram buckets and 'quantile' for summary quantiles");
        continue;
      }
      String name = labelName(key);
      if (name == null) continue;
      if (used == null) {
        used = new HashSet<>();
        if (extra != null) used.add(extra);
      }
      if (!used.add(name)) {
        diagnostics.loss("label-collision-dropped", "labels dropped: two attribute keys escape "
            + "to the same " + FORMAT + " label name");
        continue;
      }
      if (b.length() > 0) b.append(',');
      appendLabel(b, name, value(a.value()));
    }
    return b.toString();
  }

  private boolean reserved(String key) {
    return switch (plan.type()) {
      case HISTOGRAM, GAUGEHISTOGRAM -> key.equals("le");
      case SUMMARY -> key.equals("quantile");
      default -> false;
    };
  }

  /** The label name as written (escaped or quoted), or null when it cannot be written. */
  private String labelName(String key) {
    if (key.isEmpty()) {
      diagnostics.loss("empty-label-name-dropped", "attributes with an empty key dropped: "
          + FORMAT + " label names must not be empty");
      return null;
    }
    if (MetricNames.isLegacyLabelName(key)) return key;
    if (options.escaping() == NameEscaping.ALLOW_UTF8) return quote(key);
    return MetricNames.escapeLabelName(key, options.escaping());
  }

  private String value(AttributeValue v) {
    if (!(v instanceof AttributeValue.StringValue)) {
      diagnostics.note("attribute-stringified", "non-string attribute values written as text: "
          + FORMAT + " label values are strings");
    }
    return v.asString();
  }

  private static void appendLabel(StringBuilder b, String writtenName, String value) {
    b.append(writtenName).append("=\"").append(TextEscaping.escapeLabelValue(value)).append('"');
  }

  private static String quote(String name) {
    return "\"" + TextEscaping.escapeLabelValue(name) + "\"";
  }

  /** {@code labels} plus one more label (le, quantile or a state) named {@code writtenName}. */
  private static String withLabel(String labels, String writtenName, String value) {
    StringBuilder b = new StringBuilder(labels.length() + writtenName.length() + value.length() + 8);
    b.append(labels);
    if (!labels.isEmpty()) b.append(',');
    appendLabel(b, writtenName, value);
    return b.toString();
  }

  /** A name already escaped as configured, quoted when it is not a legacy label name. */
  private static String writtenLabelName(String name) {
    return MetricNames.isLegacyLabelName(name) ? name : quote(name);
  }

  private void writeName(String name) throws IOException {
    if (MetricNames.isLegacyMetricName(name)) {
      out.write(name);
    } else {
      out.write('"');
      TextEscaping.writeLabelValue(out, name);
      out.write('"');
    }
  }

  /** {@code name{labels} } or, for a name that must be quoted, {@code {"name",labels} }. */
  private void writeSampleStart(String sampleName, String labels) throws IOException {
    if (MetricNames.isLegacyMetricName(sampleName)) {
      out.write(sampleName);
      if (!labels.isEmpty()) {
        out.write('{');
        out.write(labels);
        out.write('}');
      }
    } else {
      out.write('{');
      writeName(sampleName);
      if (!labels.isEmpty()) {
        out.write(',');
        out.write(labels);
      }
      out.write('}');
    }
    out.write(' ');
  }

  private void writeValue(NumberValue v) throws IOException {
    out.write(v.isLong() ? Long.toString(v.longValue())
        : FloatFormat.formatOpenMetrics(v.doubleValue()));
  }

  private void writeTimestamp(boolean seriesHasTimestamps, long timeUnixNano) throws IOException {
    if (!seriesHasTimestamps) return;
    out.write(' ');
    out.write(FloatFormat.formatSeconds(timeUnixNano));
  }

  /** {@code  # {trace_id="..",span_id="..",k="v"} value [timestamp]}, within 128 code points. */
  private void writeExemplar(Exemplar e) throws IOException {
    List<String[]> labels = new ArrayList<>();
    if (!e.traceId().isEmpty()) labels.add(new String[] {Exemplars.TRACE_ID, e.traceId()});
    if (!e.spanId().isEmpty()) labels.add(new String[] {Exemplars.SPAN_ID, e.spanId()});
    int idCodePoints = codePoints(labels);
    Set<String> used = new HashSet<>();
    for (String[] l : labels) used.add(l[0]);
    List<String[]> filtered = new ArrayList<>();
    for (Attribute a : e.filteredAttributes()) {
      String name = labelName(a.key());
      if (name == null) continue;
      if (!used.add(name)) {
        diagnostics.loss("label-collision-dropped", "labels dropped: two attribute keys escape "
            + "to the same " + FORMAT + " label name");
        continue;
      }
      // The reader measures names as it reads them: unquoted (the key) or as escaped.
      filtered.add(new String[] {name, value(a.value()), name.startsWith("\"") ? a.key() : name});
    }
    if (idCodePoints + codePoints(filtered) > Exemplars.MAX_CODE_POINTS) {
      diagnostics.loss("exemplar-attributes-dropped", "exemplar attributes dropped: " + FORMAT
          + " limits exemplar labels to 128 code points (trace and span ids kept)");
      filtered.clear();
      if (idCodePoints > Exemplars.MAX_CODE_POINTS) {
        exemplarsDropped(1, plan.type());
        return;
      }
    }
    labels.addAll(filtered);
    StringBuilder b = new StringBuilder(" # {");
    for (int i = 0; i < labels.size(); i++) {
      if (i > 0) b.append(',');
      appendLabel(b, labels.get(i)[0], labels.get(i)[1]);
    }
    b.append("} ");
    out.write(b.toString());
    writeValue(e.value());
    if (e.timeUnixNano() != 0) {
      out.write(' ');
      out.write(FloatFormat.formatSeconds(e.timeUnixNano()));
    }
  }

  /** Code points of names (as the model keys them) and values: the OpenMetrics size measure. */
  private static int codePoints(List<String[]> labels) {
    int n = 0;
    for (String[] l : labels) {
      String key = l.length > 2 ? l[2] : l[0];
      n += key.codePointCount(0, key.length()) + l[1].codePointCount(0, l[1].length());
    }
    return n;
  }
}
