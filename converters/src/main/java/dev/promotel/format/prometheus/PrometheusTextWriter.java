package dev.promotel.format.prometheus;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricWriter;
import dev.promotel.format.NameEscaping;
import dev.promotel.format.WriteOptions;
import dev.promotel.format.internal.FloatFormat;
import dev.promotel.format.internal.MetricNames;
import dev.promotel.format.internal.TextEscaping;
import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.AttributeValue;
import dev.promotel.model.Attributes;
import dev.promotel.model.Histogram;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricData;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.Point;
import dev.promotel.model.PromType;
import dev.promotel.model.Quantile;
import dev.promotel.model.Sum;
import dev.promotel.model.Summary;
import dev.promotel.model.SummaryPoint;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes families as Prometheus text exposition format 0.0.4, the way prometheus/common's {@code
 * MetricFamilyToText} does: {@code # HELP} (when the description is non-empty; only {@code \} and
 * newline escaped), {@code # TYPE}, then the samples; histograms as cumulative {@code _bucket}
 * lines with {@code le} in Go {@code %g} form and an always-present {@code +Inf} bucket, then
 * {@code _sum} (when known) and {@code _count}; summaries as quantile lines then {@code
 * _sum}/{@code _count}. Names outside the legacy character set are quoted inside the braces
 * ({@code {"my.metric","a.b"="c"} 1}) under {@link NameEscaping#ALLOW_UTF8}, else escaped.
 *
 * <p>What 0.0.4 cannot hold is dropped and counted in {@link Diagnostics} under stable codes:
 * per point {@code exemplar-dropped} (per exemplar), {@code start-time-dropped}, {@code
 * timestamp-precision}, {@code no-recorded-value-dropped}, {@code min-max-dropped}, {@code
 * label-dropped}, {@code duplicate-series}; per point of a dropped family {@code
 * delta-dropped} (delta or unspecified temporality), {@code gaugehistogram-dropped}, {@code
 * exponential-histogram-dropped}; per family {@code unit-dropped}, {@code resource-dropped},
 * {@code metadata-dropped}, {@code help-whitespace-dropped}, {@code duplicate-family}. Info and
 * stateset families, and non-monotonic sums, become gauges (note {@code type-changed}).
 *
 * <p>A family with the same written name and type as the previous one continues it (a later
 * chunk) without a second HELP/TYPE. {@link #close()} flushes and closes the output stream: the
 * caller hands over ownership.
 *
 * <p>Example output line: {@code http_requests_total{code="200",method="post"} 1027 1395066363000}.
 */
public final class PrometheusTextWriter implements MetricWriter {
  private static final String FORMAT = "Prometheus text 0.0.4";

  private final LineSink out;
  private final NameEscaping escaping;
  private final Diagnostics diagnostics;
  private final Set<String> writtenNames = new HashSet<>();
  private final Set<Attributes> writtenSeries = new HashSet<>();
  private final LabelText labels = new LabelText();
  private String previousName;
  private String previousType;
  private boolean closed;

  // Per family: what precedes the labels on each kind of line.
  private boolean quotedName;
  private String basePrefix;
  private String bucketPrefix;
  private String sumPrefix;
  private String countPrefix;

  // Go spellings of the last histogram bounds and summary quantiles, which repeat point after point.
  private double[] boundValues = new double[0];
  private String[] boundTexts = new String[0];

  public PrometheusTextWriter(OutputStream out, WriteOptions options, Diagnostics diagnostics) {
    this.out = new LineSink(out);
    this.escaping = options.escaping();
    this.diagnostics = diagnostics;
  }

  @Override
  public void write(MetricFamily family) throws IOException {
    MetricData data = family.data();
    PromType promType = family.promType();
    String name = family.name();
    String typeWord;
    switch (data.kind()) {
      case GAUGE -> typeWord = promType == PromType.UNKNOWN ? "untyped" : "gauge";
      case SUM -> {
        Sum sum = (Sum) data;
        if (sum.temporality() != AggregationTemporality.CUMULATIVE) {
          diagnostics.loss("delta-dropped", "points of delta or unspecified-temporality sums and "
              + "histograms dropped: " + FORMAT + " holds only cumulative data", sum.points().size());
          return;
        }
        if (promType == PromType.INFO || promType == PromType.STATESET || !sum.monotonic()) {
          typeWord = "gauge";
          if (promType == PromType.INFO && !name.endsWith("_info")) name = name + "_info";
          diagnostics.note("type-changed", "info, stateset and non-monotonic sum families written "
              + "as gauges: " + FORMAT + " has no such types");
        } else {
          typeWord = "counter";
        }
      }
      case HISTOGRAM -> {
        Histogram histogram = (Histogram) data;
        if (promType == PromType.GAUGEHISTOGRAM) {
          diagnostics.loss("gaugehistogram-dropped", "points of gauge histograms dropped: "
              + FORMAT + " cannot carry gauge histograms", histogram.points().size());
          return;
        }
        if (histogram.temporality() != AggregationTemporality.CUMULATIVE) {
          diagnostics.loss("delta-dropped", "points of delta or unspecified-temporality sums and "
              + "histograms dropped: " + FORMAT + " holds only cumulative data",
              histogram.points().size());
          return;
        }
        typeWord = "histogram";
      }
      case EXPONENTIAL_HISTOGRAM -> {
        diagnostics.loss("exponential-histogram-dropped", "points of exponential (native) "
            + "histograms dropped: " + FORMAT + " cannot carry them", data.points().size());
        return;
      }
      case SUMMARY -> typeWord = "summary";
      default -> throw new AssertionError(data.kind());
    }

    String written = escaping == NameEscaping.ALLOW_UTF8 ? name : MetricNames.escape(name, escaping);
    boolean continuation = written.equals(previousName) && typeWord.equals(previousType);
    if (!continuation) {
      if (!writtenNames.add(written)) {
        diagnostics.loss("duplicate-family", "families dropped whose name was already written "
            + "earlier: " + FORMAT + " needs each family in one block");
        return;
      }
      if (!written.equals(name)) {
        diagnostics.note("name-escaped", "metric names escaped with the " + escaping.id()
            + " scheme");
      }
      setPrefixes(written);
      writtenSeries.clear();
      writeHeader(family, written, typeWord);
      previousName = written;
      previousType = typeWord;
    }
    switch (data.kind()) {
      case GAUGE, SUM -> {
        @SuppressWarnings("unchecked")
        List<NumberPoint> points = (List<NumberPoint>) data.points();
        for (NumberPoint p : points) writeNumberPoint(p);
      }
      case HISTOGRAM -> {
        for (HistogramPoint p : ((Histogram) data).points()) writeHistogramPoint(p);
      }
      case SUMMARY -> {
        for (SummaryPoint p : ((Summary) data).points()) writeSummaryPoint(p);
      }
      default -> throw new AssertionError(data.kind());
    }
  }

  private void setPrefixes(String written) {
    quotedName = !MetricNames.isLegacyMetricName(written);
    basePrefix = prefix(written);
    bucketPrefix = prefix(written + "_bucket");
    sumPrefix = prefix(written + "_sum");
    countPrefix = prefix(written + "_count");
  }

  private String prefix(String sampleName) {
    return quotedName ? "{\"" + TextEscaping.escapeLabelValue(sampleName) + "\"" : sampleName;
  }

  private void writeHeader(MetricFamily family, String written, String typeWord)
      throws IOException {
    String nameToken = quotedName ? "\"" + TextEscaping.escapeLabelValue(written) + "\"" : written;
    String help = family.description();
    if (!help.isEmpty()) {
      if (help.charAt(0) == ' ' || help.charAt(0) == '\t') {
        diagnostics.loss("help-whitespace-dropped", "leading blanks of HELP texts dropped: "
            + FORMAT + " readers skip them");
      }
      out.write("# HELP ");
      out.write(nameToken);
      out.write(' ');
      TextEscaping.writeHelp(out, help, /* escapeQuote= */ false);
      out.write('\n');
    }
    out.write("# TYPE ");
    out.write(nameToken);
    out.write(' ');
    out.write(typeWord);
    out.write('\n');
    if (!family.unit().isEmpty()) {
      diagnostics.loss("unit-dropped", "units dropped: " + FORMAT + " has no UNIT line");
    }
    if (!family.resource().attributes().isEmpty() || !family.scope().isEmpty()) {
      diagnostics.loss("resource-dropped", "resources and scopes dropped: " + FORMAT
          + " has no place for them");
    }
    if (!family.metadata().isEmpty()) {
      diagnostics.loss("metadata-dropped", "OTLP metric metadata dropped: " + FORMAT
          + " has no place for it");
    }
  }

  private boolean skipPoint(Point p) {
    if (p.hasNoRecordedValue()) {
      diagnostics.loss("no-recorded-value-dropped", "points without a recorded value (staleness "
          + "markers) dropped: " + FORMAT + " cannot mark them");
      return true;
    }
    if (p.startTimeUnixNano() != 0) {
      diagnostics.loss("start-time-dropped", "start times dropped: " + FORMAT
          + " cannot carry start times (_created)");
    }
    if (!p.exemplars().isEmpty()) {
      diagnostics.loss("exemplar-dropped", "exemplars dropped: " + FORMAT
          + " cannot carry exemplars", p.exemplars().size());
    }
    return false;
  }

  private void writeNumberPoint(NumberPoint p) throws IOException {
    if (skipPoint(p)) return;
    labels.render(p.attributes(), null);
    writeSeriesStart(basePrefix, null, null);
    if (p.value().isLong()) out.writeLong(p.value().longValue());
    else out.writeGoDouble(p.value().doubleValue());
    writeTimestamp(p.timeUnixNano());
  }

  private void writeHistogramPoint(HistogramPoint p) throws IOException {
    if (skipPoint(p) || isDuplicateSeries(p.attributes(), "le")) return;
    if (p.min().isPresent() || p.max().isPresent()) {
      diagnostics.loss("min-max-dropped", "histogram min and max dropped: " + FORMAT
          + " cannot carry them");
    }
    labels.render(p.attributes(), "le");
    long time = p.timeUnixNano();
    int buckets = p.bucketCountsSize();
    long cumulative = 0;
    for (int k = 0; k < buckets - 1; k++) {
      cumulative += p.bucketCount(k);
      writeSeriesStart(bucketPrefix, "le", boundText(k, p.explicitBound(k)));
      out.writeLong(cumulative);
      writeTimestamp(time);
    }
    long total = buckets == 0 ? p.count() : cumulative + p.bucketCount(buckets - 1);
    writeSeriesStart(bucketPrefix, "le", "+Inf");
    out.writeLong(total);
    writeTimestamp(time);
    if (p.sum().isPresent()) {
      writeSeriesStart(sumPrefix, null, null);
      out.writeGoDouble(p.sum().getAsDouble());
      writeTimestamp(time);
    }
    writeSeriesStart(countPrefix, null, null);
    out.writeLong(p.count());
    writeTimestamp(time);
  }

  private void writeSummaryPoint(SummaryPoint p) throws IOException {
    if (skipPoint(p) || isDuplicateSeries(p.attributes(), "quantile")) return;
    labels.render(p.attributes(), "quantile");
    long time = p.timeUnixNano();
    List<Quantile> quantiles = p.quantiles();
    for (int k = 0; k < quantiles.size(); k++) {
      Quantile q = quantiles.get(k);
      writeSeriesStart(basePrefix, "quantile", boundText(k, q.quantile()));
      out.writeGoDouble(q.value());
      writeTimestamp(time);
    }
    if (p.sum().isPresent()) {
      writeSeriesStart(sumPrefix, null, null);
      out.writeGoDouble(p.sum().getAsDouble());
      writeTimestamp(time);
    }
    if (p.count().isPresent()) {
      writeSeriesStart(countPrefix, null, null);
      out.writeLong(p.count().getAsLong());
      writeTimestamp(time);
    }
  }

  /** Two points with one label set would be one series with repeated lines: keep the first. */
  private boolean isDuplicateSeries(Attributes attributes, String reserved) {
    if (writtenSeries.add(attributes.without(reserved))) return false;
    diagnostics.loss("duplicate-series", "histogram or summary points dropped that repeat an "
        + "earlier label set of their family: " + FORMAT + " would merge them");
    return true;
  }

  /** The Go spelling of bound or quantile number {@code k}, cached across points. */
  private String boundText(int k, double bound) {
    if (k >= boundValues.length) {
      int size = Math.max(k + 1, boundValues.length * 2);
      boundValues = Arrays.copyOf(boundValues, size);
      boundTexts = Arrays.copyOf(boundTexts, size);
    }
    String text = boundTexts[k];
    if (text == null
        || Double.doubleToRawLongBits(boundValues[k]) != Double.doubleToRawLongBits(bound)) {
      text = FloatFormat.formatGo(bound);
      boundValues[k] = bound;
      boundTexts[k] = text;
    }
    return text;
  }

  /** The name, the rendered labels and an optional extra label, then the blank before the value. */
  private void writeSeriesStart(String prefix, String extraName, String extraValue)
      throws IOException {
    out.write(prefix);
    boolean hasLabels = labels.length() > 0;
    if (quotedName) {
      if (hasLabels) {
        out.write(',');
        labels.writeTo(out);
      }
      if (extraName != null) writeExtra(',', extraName, extraValue);
      out.write('}');
    } else if (hasLabels || extraName != null) {
      out.write('{');
      if (hasLabels) labels.writeTo(out);
      if (extraName != null) writeExtra(hasLabels ? ',' : 0, extraName, extraValue);
      out.write('}');
    }
    out.write(' ');
  }

  private void writeExtra(int separator, String name, String value) throws IOException {
    if (separator != 0) out.write(separator);
    out.write(name);
    out.write("=\"");
    out.write(value);
    out.write('"');
  }

  private void writeTimestamp(long timeUnixNano) throws IOException {
    if (timeUnixNano != 0) {
      if (timeUnixNano % 1_000_000L != 0) {
        diagnostics.loss("timestamp-precision", "timestamps truncated to milliseconds: " + FORMAT
            + " has millisecond timestamps");
      }
      out.write(' ');
      out.writeLong(timeUnixNano / 1_000_000L);
    }
    out.write('\n');
  }

  /** Flushes and closes the output stream (ownership was handed over with it). */
  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    out.close();
  }

  @Override
  public void flush() throws IOException {
    if (!closed) out.flush();
  }

  /**
   * One point's labels rendered once ({@code a="1",b="2"}), then copied onto each line of the
   * point: a histogram writes the same labels on every bucket line.
   */
  private final class LabelText extends Utf8Buffer {
    private final Set<String> seenKeys = new HashSet<>();

    LabelText() {
      super(256);
    }

    @Override
    void room(int bytes) {
      buf = Arrays.copyOf(buf, Math.max(n + bytes, buf.length * 2));
    }

    int length() {
      return n;
    }

    /** Copies the rendered labels, already UTF-8, onto the line. */
    void writeTo(LineSink sink) throws IOException {
      sink.writeBytes(buf, 0, n);
    }

    void render(Attributes attributes, String reserved) throws IOException {
      n = 0;
      boolean first = true;
      boolean checkCollisions = false;
      for (int i = 0; i < attributes.size(); i++) {
        String key = attributes.key(i);
        if (key.isEmpty() || key.equals("__name__") || key.equals(reserved)) {
          diagnostics.loss("label-dropped", "labels dropped that " + FORMAT + " reserves or cannot "
              + "spell (empty names, __name__, le on histograms, quantile on summaries)");
          continue;
        }
        if (escaping != NameEscaping.ALLOW_UTF8) {
          String escaped = escapeLabelName(key);
          if (!escaped.equals(key)) {
            diagnostics.note("label-name-escaped", "label names escaped with the " + escaping.id()
                + " scheme");
            if (!checkCollisions) {
              checkCollisions = true;
              seenKeys.clear();
              for (int j = 0; j < i; j++) seenKeys.add(escapeLabelName(attributes.key(j)));
            }
          }
          if (checkCollisions && !seenKeys.add(escaped)) {
            diagnostics.loss("label-dropped", "labels dropped that " + FORMAT + " reserves or "
                + "cannot spell (empty names, __name__, le on histograms, quantile on summaries)");
            continue;
          }
          key = escaped;
        }
        AttributeValue value = attributes.value(i);
        String text;
        if (value instanceof AttributeValue.StringValue s) {
          text = s.value();
        } else {
          text = value.asString();
          diagnostics.note("attribute-stringified", "non-string attribute values written as "
              + "strings: " + FORMAT + " labels are strings");
        }
        if (!first) write(',');
        first = false;
        if (isLegacyLabelName(key)) {
          write(key);
        } else {
          write('"');
          writeLabelValue(key);
          write('"');
        }
        write('=');
        write('"');
        writeLabelValue(text);
        write('"');
      }
    }

    private final String[] legacyKeys = new String[256];
    private final boolean[] legacyFlags = new boolean[256];

    /** {@link MetricNames#isLegacyLabelName}, remembered per key: label names repeat on every line. */
    private boolean isLegacyLabelName(String key) {
      int slot = key.hashCode() & (legacyKeys.length - 1);
      if (legacyKeys[slot] != key) {
        legacyKeys[slot] = key;
        legacyFlags[slot] = MetricNames.isLegacyLabelName(key);
      }
      return legacyFlags[slot];
    }

    private String escapeLabelName(String key) {
      return MetricNames.escapeLabelName(key, escaping);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
