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
import dev.promotel.model.Attributes;
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
 * later repeat (or a family whose sample names clash with an earlier one) is dropped and counted,
 * except that a counter (info) family whose OpenMetrics name an earlier family took is written as
 * an unknown (gauge) family under its sample name when that is free, and noted. Every loss or note
 * message names the first family it happened in. The series already written in the current family
 * are remembered as 64-bit hashes ({@code SeriesSet}), so memory does not grow with a label set per
 * series.
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
  private SampleNames sampleNames;
  private final SeriesSet writtenSeries = new SeriesSet();
  private boolean closed;

  // Reused from chunk to chunk: the rendered label sets of the chunk's series and the pending
  // output lines.
  private final CharText labels = new CharText(1 << 12);
  private final CharText line = new CharText(FLUSH_CHARS + 1024);
  private final String[] legacyKeys = new String[256];
  private final LabelNumbers labelNumbers = new LabelNumbers();

  /** Pending lines are handed to the Writer in blocks of about this many chars. */
  private static final int FLUSH_CHARS = 1 << 13;

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
        loss(plan.lossCode(), plan.lossMessage());
        return;
      }
      reportFamilyLosses(family);
      sampleNames = SampleNames.of(plan);
      flushLines();
      writeMetadata(family);
    } else if (plan.isDropped()) {
      loss(plan.lossCode(), plan.lossMessage());
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
  public void flush() throws IOException {
    if (closed) return;
    flushLines();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    try {
      flushLines();
      out.write("# EOF\n");
      out.flush();
    } finally {
      out.close();
    }
  }

  // ---------------------------------------------------------------- diagnostics

  private void loss(String code, String message) {
    loss(code, message, 1);
  }

  private void loss(String code, String message, long count) {
    diagnostics.loss(code, naming(code, message), count);
  }

  private void note(String code, String message) {
    diagnostics.note(code, naming(code, message));
  }

  /**
   * The message, naming the current family when it is the code's first report: {@link
   * Diagnostics} keeps only that message, and a user needs one family to look at.
   */
  private String naming(String code, String message) {
    return diagnostics.count(code) == 0 ? message + " (first: " + previousName + ")" : message;
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
            note("counter-without-total", "counters without a _total suffix written "
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
            note("written-as-gauge", "info/stateset families written as gauges: "
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
      note("written-as-gauge", "info/stateset families written as gauges: "
          + "their name or values do not follow the " + FORMAT + " rules");
    }
    String clash = names.clash(written, type);
    if (clash == null) {
      names.register(written, type, 0);
      return new Plan(type, written, null, null);
    }
    // A counter or info family whose OpenMetrics family name (or _created sample) an earlier family
    // took can still be written losslessly under its sample name as one plain family: a real
    // client_golang scrape has gauge go_memstats_alloc_bytes next to counter
    // go_memstats_alloc_bytes_total. Other types have no second name their samples could use.
    String suffix = type == PromType.COUNTER ? "_total" : type == PromType.INFO ? "_info" : null;
    if (suffix != null && names.clash(written + suffix, PromType.UNKNOWN) == null) {
      PromType fallback = type == PromType.COUNTER ? PromType.UNKNOWN : PromType.GAUGE;
      names.register(written + suffix, fallback, 0);
      note(type == PromType.COUNTER ? "counter-written-as-unknown" : "info-written-as-gauge",
          type.openMetricsName() + " families written as " + fallback.openMetricsName()
              + " under their sample name: " + FORMAT + " reserves their family name and its "
              + "suffixes, and another family already uses '" + clash + "'");
      return new Plan(fallback, written + suffix, null, null);
    }
    return Plan.dropped("duplicate-family", DUPLICATE + " ('" + clash + "' is taken)");
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
      loss("resource-dropped", "resources and scopes dropped: " + FORMAT
          + " text has no place for them");
    }
    if (!family.metadata().isEmpty()) {
      loss("metadata-dropped", "OTLP metric metadata dropped: " + FORMAT
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
        note("unit-omitted", "UNIT lines omitted: " + FORMAT + " needs the unit as "
            + "the family name's suffix (_<unit>) and allows none on info and stateset");
      }
    }
    String help = family.description();
    if (help.endsWith("\r")) {
      // A line ending in CR is invalid, and OpenMetrics has no escape for it.
      help = help.replaceFirst("\r+$", "");
      loss("help-changed", "trailing carriage returns removed from HELP: " + FORMAT
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

  /**
   * One series of a chunk: its rendered labels (without the point label), a range of {@link
   * #labels}, whether it is new to the family, and its points.
   */
  private static final class Series<P extends Point> {
    final int labelsFrom;
    final int labelsTo;
    final boolean isNew;
    List<P> points;
    boolean timestamps;

    Series(int labelsFrom, int labelsTo, boolean isNew) {
      this.labelsFrom = labelsFrom;
      this.labelsTo = labelsTo;
      this.isNew = isNew;
    }

    boolean hasLabels() {
      return labelsTo > labelsFrom;
    }
  }

  /**
   * Groups points into series by their rendered labels (so label sets that render alike after
   * escaping become one series), orders each series by time, drops series already written for
   * this family, and decides whether timestamps are written (all or none per series).
   *
   * <p>Readers deliver the points of a series together, so each run of consecutive points with
   * equal labels is taken as a series straight away, its points a view of the chunk's list, and
   * recorded in {@link #writtenSeries}. Only when a run's label set was recorded before (earlier in
   * the family or in this chunk) are the chunk's runs merged exactly, by their label text; a merged
   * series is then written if its first run was new to the family.
   */
  private <P extends Point> List<Series<P>> series(List<P> points, String pointLabel) {
    labels.setLength(0);
    List<Series<P>> runs = new ArrayList<>();
    boolean seenBefore = false;
    Series<P> run = null;
    int runStart = 0;
    for (int i = 0; i < points.size(); i++) {
      P p = points.get(i);
      if (p.hasNoRecordedValue()) {
        loss("no-recorded-value-dropped", "points without a recorded value dropped: "
            + FORMAT + " has no staleness marker");
        if (run != null) run.points = points.subList(runStart, i);
        run = null;
        continue;
      }
      int from = labels.length();
      renderLabels(p, pointLabel);
      int to = labels.length();
      if (run != null && labels.rangeEquals(run.labelsFrom, run.labelsTo, from, to)) {
        labels.setLength(from);
        continue;
      }
      if (run != null) run.points = points.subList(runStart, i);
      boolean isNew = writtenSeries.add(SeriesSet.hash(labels.chars(), from, to));
      if (!isNew) seenBefore = true;
      run = new Series<>(from, to, isNew);
      runStart = i;
      runs.add(run);
    }
    if (run != null) run.points = points.subList(runStart, points.size());
    if (seenBefore) runs = merged(runs);
    List<Series<P>> out = new ArrayList<>(runs.size());
    for (Series<P> s : runs) {
      if (!s.isNew) {
        loss("duplicate-series-dropped", "series dropped: " + FORMAT + " needs the "
            + "points of a series together, and this label set was already written in the family",
            s.points.size());
        continue;
      }
      boolean sorted = true;
      for (int i = 1; i < s.points.size(); i++) {
        if (s.points.get(i).timeUnixNano() < s.points.get(i - 1).timeUnixNano()) sorted = false;
      }
      if (!sorted) {
        s.points = new ArrayList<>(s.points);
        s.points.sort(Comparator.comparingLong(Point::timeUnixNano));
        note("points-reordered", "points of a series put in time order: " + FORMAT
            + " timestamps must not go backwards");
      }
      for (P p : s.points) {
        if (p.timeUnixNano() != 0) s.timestamps = true;
      }
      out.add(s);
    }
    return out;
  }

  /**
   * Runs with equal label text joined into the first one, in order of first appearance; the first
   * run's {@code isNew} decides for the whole series.
   */
  private <P extends Point> List<Series<P>> merged(List<Series<P>> runs) {
    Map<String, Series<P>> byLabels = new LinkedHashMap<>();
    for (Series<P> s : runs) {
      Series<P> first = byLabels.putIfAbsent(labels.substring(s.labelsFrom, s.labelsTo), s);
      if (first != null) {
        if (!(first.points instanceof ArrayList)) first.points = new ArrayList<>(first.points);
        first.points.addAll(s.points);
      }
    }
    return new ArrayList<>(byLabels.values());
  }

  // ---------------------------------------------------------------- number families

  private void writeNumbers(MetricFamily family) throws IOException {
    @SuppressWarnings("unchecked")
    List<NumberPoint> points = (List<NumberPoint>) family.data().points();
    PromType type = plan.type();
    String stateLabel = type == PromType.STATESET ? family.name() : null;
    String stateName = type == PromType.STATESET ? writtenLabelName(plan.family()) : null;
    for (Series<NumberPoint> s : series(points, stateLabel)) {
      for (NumberPoint p : s.points) {
        if (!valid(type, p, stateLabel)) continue;
        if (type != PromType.COUNTER) {
          if (p.startTimeUnixNano() != 0) startTimeDropped(type);
          if (!p.exemplars().isEmpty()) exemplarsDropped(p.exemplars().size(), type);
        }
        if (stateLabel != null) {
          writeSampleStart(sampleNames.main, s, stateName);
          line.appendEscaped(p.attributes().getString(stateLabel)).append("\"} ");
        } else {
          writeSampleStart(sampleNames.main, s);
        }
        writeValue(p.value());
        writeTimestamp(s.timestamps, p.timeUnixNano());
        if (type == PromType.COUNTER && !p.exemplars().isEmpty()) {
          if (p.exemplars().size() > 1) exemplarsDropped(p.exemplars().size() - 1, type);
          writeExemplar(p.exemplars().get(p.exemplars().size() - 1));
        }
        endLine();
        if (type == PromType.COUNTER) writeCreated(s, p);
      }
    }
  }

  private boolean valid(PromType type, NumberPoint p, String stateLabel) {
    String reason = switch (type) {
      case COUNTER -> {
        NumberValue v = p.value();
        yield v.isLong() ? (v.longValue() < 0 ? "negative" : null)
            : Double.isNaN(v.doubleValue()) ? "NaN" : v.doubleValue() < 0 ? "negative" : null;
      }
      case INFO -> p.value().toDouble() == 1.0 ? null : "not 1";
      case STATESET -> {
        double v = p.value().toDouble();
        yield (v == 0 || v == 1) && p.attributes().getString(stateLabel) != null
            ? null : "not a 0/1 state";
      }
      default -> null;
    };
    if (reason == null) return true;
    loss("invalid-value-dropped", "points dropped: " + FORMAT + " counters must not "
        + "be NaN or negative, info values are 1 and stateset values 0 or 1");
    return false;
  }

  /** Writes the {@code _created} line when there is a start time and it is wanted. */
  private boolean writeCreated(Series<?> s, Point p) throws IOException {
    if (p.startTimeUnixNano() == 0) return false;
    if (!options.createdLines()) {
      note("created-lines-omitted", "_created lines omitted (start times not "
          + "written); use --om-created-lines to write them");
      return false;
    }
    writeSampleStart(sampleNames.created, s);
    line.append(FloatFormat.formatSeconds(p.startTimeUnixNano()));
    writeTimestamp(s.timestamps, p.timeUnixNano());
    endLine();
    return true;
  }

  private void startTimeDropped(PromType type) {
    loss("start-time-dropped", "start times dropped: " + FORMAT + " has _created "
        + "only for counters, histograms and summaries (not " + type.openMetricsName() + ")");
  }

  private void exemplarsDropped(int n, PromType type) {
    loss("exemplar-dropped", "exemplars dropped: " + FORMAT + " carries one exemplar "
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
    int n = Math.max(0, p.bucketCountsSize() - 1);
    int buckets = p.bucketCountsSize() == 0 ? 1 : n + 1;
    Exemplar[] chosen = p.exemplars().isEmpty() ? null : chooseExemplars(p, n);
    long cumulative = 0;
    boolean negative = false;
    for (int i = 0; i < buckets; i++) {
      cumulative += p.bucketCountsSize() == 0 ? p.count() : p.bucketCount(i);
      if (i < n && p.explicitBound(i) < 0) negative = true;
      writeSampleStart(sampleNames.bucket, s, "le");
      line.append(i < n ? labelNumbers.format(p.explicitBound(i)) : "+Inf").append("\"} ");
      line.appendLong(cumulative);
      writeTimestamp(s.timestamps, p.timeUnixNano());
      if (chosen != null && chosen[i] != null) writeExemplar(chosen[i]);
      endLine();
    }
    if (cumulative != p.count()) {
      loss("histogram-count-mismatch", "histogram counts replaced by the sum of "
          + "their buckets: " + FORMAT + " needs _count equal to the +Inf bucket");
    }
    if (p.sum().isPresent()) {
      double sum = p.sum().getAsDouble();
      String problem = Double.isNaN(sum) ? "NaN"
          : gauge ? (sum < 0 && !negative ? "negative without negative buckets" : null)
          : negative ? "next to negative buckets" : sum < 0 ? "negative" : null;
      if (problem == null) {
        writeSampleStart(sampleNames.count, s);
        line.appendLong(cumulative);
        writeTimestamp(s.timestamps, p.timeUnixNano());
        endLine();
        writeSampleStart(sampleNames.sum, s);
        line.appendOpenMetricsDouble(sum);
        writeTimestamp(s.timestamps, p.timeUnixNano());
        endLine();
      } else {
        loss("histogram-sum-dropped", "histogram sums dropped: " + FORMAT + " allows "
            + "no NaN sum, no negative sum without negative buckets, and no histogram sum with "
            + "negative buckets");
      }
    }
    if (p.min().isPresent() || p.max().isPresent()) {
      loss("histogram-min-max-dropped", "histogram min/max dropped: " + FORMAT
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
      loss("exemplar-dropped", "exemplars dropped: " + FORMAT + " carries one "
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
          loss("ambiguous-point-dropped", "summary points dropped: " + FORMAT
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
    int negative = 0;
    for (Quantile q : p.quantiles()) {
      if (q.value() < 0) {
        negative++;
        continue;
      }
      writeSampleStart(sampleNames.main, s, "quantile");
      line.append(labelNumbers.format(q.quantile())).append("\"} ");
      line.appendOpenMetricsDouble(q.value());
      writeTimestamp(s.timestamps, p.timeUnixNano());
      endLine();
    }
    if (negative > 0) {
      loss("quantile-dropped", "summary quantiles dropped: " + FORMAT
          + " quantile values must not be negative", negative);
    }
    boolean wrote = p.quantiles().size() > negative;
    if (p.count().isPresent()) {
      wrote = true;
      writeSampleStart(sampleNames.count, s);
      line.appendLong(p.count().getAsLong());
      writeTimestamp(s.timestamps, p.timeUnixNano());
      endLine();
    }
    if (p.sum().isPresent()) {
      if (writableSum(p)) {
        wrote = true;
        writeSampleStart(sampleNames.sum, s);
        line.appendOpenMetricsDouble(p.sum().getAsDouble());
        writeTimestamp(s.timestamps, p.timeUnixNano());
        endLine();
      } else {
        loss("summary-sum-dropped", "summary sums dropped: " + FORMAT
            + " summary sums must not be NaN or negative");
      }
    }
    if (!writeCreated(s, p) && !wrote) {
      loss("empty-point-dropped", "summary points with no quantile, count, sum or "
          + "written start time dropped: " + FORMAT + " has no line for them");
    }
  }

  // ---------------------------------------------------------------- labels

  /**
   * Appends to {@link #labels} the label set of a point as written inside braces, without {@code
   * pointLabel} and without the labels the family's samples reserve ({@code le}, {@code
   * quantile}); nothing when empty.
   */
  private void renderLabels(Point p, String pointLabel) {
    Attributes attributes = p.attributes();
    int n = attributes.size();
    if (n == 0) return;
    String reserved = switch (plan.type()) {
      case HISTOGRAM, GAUGEHISTOGRAM -> "le";
      case SUMMARY -> "quantile";
      default -> null;
    };
    if (options.escaping() != NameEscaping.ALLOW_UTF8 && mayCollide(attributes, pointLabel)) {
      renderLabelsChecked(attributes, pointLabel, reserved);
      return;
    }
    // Legacy names are written as they are and other names quoted, so distinct keys give distinct
    // label names and no collision check is needed.
    int start = labels.length();
    for (int i = 0; i < n; i++) {
      String key = attributes.key(i);
      if (key.equals(pointLabel)) continue;
      if (key.equals(reserved)) {
        reservedDropped();
        continue;
      }
      if (key.isEmpty()) {
        emptyKeyDropped();
        continue;
      }
      if (labels.length() > start) labels.append(',');
      if (isLegacyLabelName(key)) {
        labels.append(key);
      } else {
        labels.append('"').appendEscaped(key).append('"');
      }
      labels.append("=\"").appendEscaped(value(attributes.value(i))).append('"');
    }
  }

  /**
   * Whether two keys may be written as the same label name under escaping: some key is escaped, or
   * the stateset's state label (named like the family, as escaped) may equal one.
   */
  private boolean mayCollide(Attributes attributes, String pointLabel) {
    if (plan.type() == PromType.STATESET) return true;
    for (int i = 0; i < attributes.size(); i++) {
      String key = attributes.key(i);
      if (!key.equals(pointLabel) && !key.isEmpty() && !isLegacyLabelName(key)) return true;
    }
    return false;
  }

  /** {@link #renderLabels} keeping only the first of keys that escape to the same name. */
  private void renderLabelsChecked(Attributes attributes, String pointLabel, String reserved) {
    int start = labels.length();
    Set<String> used = new HashSet<>();
    String extra = plan.type() == PromType.STATESET ? writtenLabelName(plan.family()) : reserved;
    if (extra != null) used.add(extra);
    for (int i = 0; i < attributes.size(); i++) {
      String key = attributes.key(i);
      if (key.equals(pointLabel)) continue;
      if (key.equals(reserved)) {
        reservedDropped();
        continue;
      }
      String name = labelName(key);
      if (name == null) continue;
      if (!used.add(name)) {
        collisionDropped();
        continue;
      }
      if (labels.length() > start) labels.append(',');
      labels.append(name).append("=\"").appendEscaped(value(attributes.value(i))).append('"');
    }
  }

  private void reservedDropped() {
    loss("reserved-label-dropped", "labels dropped: " + FORMAT + " reserves 'le' "
        + "for histogram buckets and 'quantile' for summary quantiles");
  }

  private void emptyKeyDropped() {
    loss("empty-label-name-dropped", "attributes with an empty key dropped: "
        + FORMAT + " label names must not be empty");
  }

  private void collisionDropped() {
    loss("label-collision-dropped", "labels dropped: two attribute keys escape "
        + "to the same " + FORMAT + " label name");
  }

  /**
   * {@link MetricNames#isLegacyLabelName}, remembering legacy keys by identity: readers hand out
   * the same key String for every point, so most keys are checked once.
   */
  private boolean isLegacyLabelName(String key) {
    int slot = key.hashCode() & (legacyKeys.length - 1);
    if (legacyKeys[slot] == key) return true;
    if (!MetricNames.isLegacyLabelName(key)) return false;
    legacyKeys[slot] = key;
    return true;
  }

  /** The label name as written (escaped or quoted), or null when it cannot be written. */
  private String labelName(String key) {
    if (key.isEmpty()) {
      emptyKeyDropped();
      return null;
    }
    if (isLegacyLabelName(key)) return key;
    if (options.escaping() == NameEscaping.ALLOW_UTF8) return quote(key);
    return MetricNames.escapeLabelName(key, options.escaping());
  }

  private String value(AttributeValue v) {
    if (v instanceof AttributeValue.StringValue sv) return sv.value();
    note("attribute-stringified", "non-string attribute values written as text: "
        + FORMAT + " label values are strings");
    return v.asString();
  }

  private static String quote(String name) {
    return "\"" + TextEscaping.escapeLabelValue(name) + "\"";
  }

  /** A name already escaped as configured, quoted when it is not a legacy label name. */
  private static String writtenLabelName(String name) {
    return MetricNames.isLegacyLabelName(name) ? name : quote(name);
  }

  // ---------------------------------------------------------------- lines

  /**
   * How one sample name starts a line, worked out once per family: {@code name } or {@code name{}
   * for a legacy name, {@code {"name"} } or {@code {"name",} for one that must be quoted.
   */
  private record SampleName(String bare, String open) {
    static SampleName of(String name) {
      if (MetricNames.isLegacyMetricName(name)) return new SampleName(name + " ", name + "{");
      String quoted = "{\"" + TextEscaping.escapeLabelValue(name) + "\"";
      return new SampleName(quoted + "} ", quoted + ",");
    }
  }

  /** The sample names of the current family. */
  private record SampleNames(
      SampleName main, SampleName bucket, SampleName count, SampleName sum, SampleName created) {
    static SampleNames of(Plan plan) {
      String family = plan.family();
      boolean gauge = plan.type() == PromType.GAUGEHISTOGRAM;
      String main = switch (plan.type()) {
        case COUNTER -> family + "_total";
        case INFO -> family + "_info";
        default -> family;
      };
      return new SampleNames(SampleName.of(main), SampleName.of(family + "_bucket"),
          SampleName.of(family + (gauge ? "_gcount" : "_count")),
          SampleName.of(family + (gauge ? "_gsum" : "_sum")), SampleName.of(family + "_created"));
    }
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
  private void writeSampleStart(SampleName name, Series<?> s) {
    if (!s.hasLabels()) {
      line.append(name.bare());
    } else {
      line.append(name.open()).append(labels.chars(), s.labelsFrom, s.labelsTo).append("} ");
    }
  }

  /**
   * {@code name{labels,extra="}: the caller appends the extra label's value and {@code "} }.
   * {@code extra} is a written label name.
   */
  private void writeSampleStart(SampleName name, Series<?> s, String extra) {
    line.append(name.open());
    if (s.hasLabels()) line.append(labels.chars(), s.labelsFrom, s.labelsTo).append(',');
    line.append(extra).append("=\"");
  }

  /** Ends a sample line; hands the buffered lines to the Writer once there are enough. */
  private void endLine() throws IOException {
    line.append('\n');
    if (line.length() >= FLUSH_CHARS) flushLines();
  }

  private void flushLines() throws IOException {
    line.writeTo(out);
    line.setLength(0);
  }

  private void writeValue(NumberValue v) {
    if (v.isLong()) {
      line.appendLong(v.longValue());
    } else {
      line.appendOpenMetricsDouble(v.doubleValue());
    }
  }

  private void writeTimestamp(boolean seriesHasTimestamps, long timeUnixNano) {
    if (!seriesHasTimestamps) return;
    line.append(' ').append(FloatFormat.formatSeconds(timeUnixNano));
  }

  /** {@code  # {trace_id="..",span_id="..",k="v"} value [timestamp]}, within 128 code points. */
  private void writeExemplar(Exemplar e) {
    List<String[]> exemplarLabels = new ArrayList<>();
    if (!e.traceId().isEmpty()) exemplarLabels.add(new String[] {Exemplars.TRACE_ID, e.traceId()});
    if (!e.spanId().isEmpty()) exemplarLabels.add(new String[] {Exemplars.SPAN_ID, e.spanId()});
    int idCodePoints = codePoints(exemplarLabels);
    Set<String> used = new HashSet<>();
    for (String[] l : exemplarLabels) used.add(l[0]);
    List<String[]> filtered = new ArrayList<>();
    for (Attribute a : e.filteredAttributes()) {
      String name = labelName(a.key());
      if (name == null) continue;
      if (!used.add(name)) {
        collisionDropped();
        continue;
      }
      // The reader measures names as it reads them: unquoted (the key) or as escaped.
      filtered.add(new String[] {name, value(a.value()), name.startsWith("\"") ? a.key() : name});
    }
    if (idCodePoints + codePoints(filtered) > Exemplars.MAX_CODE_POINTS) {
      loss("exemplar-attributes-dropped", "exemplar attributes dropped: " + FORMAT
          + " limits exemplar labels to 128 code points (trace and span ids kept)");
      filtered.clear();
      if (idCodePoints > Exemplars.MAX_CODE_POINTS) {
        exemplarsDropped(1, plan.type());
        return;
      }
    }
    exemplarLabels.addAll(filtered);
    line.append(" # {");
    for (int i = 0; i < exemplarLabels.size(); i++) {
      if (i > 0) line.append(',');
      line.append(exemplarLabels.get(i)[0]).append("=\"").appendEscaped(exemplarLabels.get(i)[1])
          .append('"');
    }
    line.append("} ");
    writeValue(e.value());
    if (e.timeUnixNano() != 0) {
      line.append(' ').append(FloatFormat.formatSeconds(e.timeUnixNano()));
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
