package dev.promotel.format.prometheus;

import dev.promotel.format.MetricParseException;
import dev.promotel.format.SourcePosition;
import dev.promotel.format.ValueProblems;
import dev.promotel.format.internal.FloatFormat;
import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attribute;
import dev.promotel.model.Attributes;
import dev.promotel.model.Gauge;
import dev.promotel.model.Histogram;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricData;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.PromType;
import dev.promotel.model.Quantile;
import dev.promotel.model.Sum;
import dev.promotel.model.Summary;
import dev.promotel.model.SummaryPoint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Assembles one family from its HELP/TYPE lines and samples, and cuts it into chunks of at most
 * {@code maxPointsPerChunk} series. Histogram and summary samples are grouped into points by their
 * labels without {@code le}/{@code quantile}; every check the model's constructors would make is
 * made here first, on the offending line, so bad input gives a positioned error, never an
 * exception from a record.
 */
final class FamilyBuilder {
  /** How a sample name relates to the family: the name itself or one of its suffixed series. */
  enum Role {
    BASE,
    BUCKET,
    SUM,
    COUNT
  }

  private final String name;
  private final byte[] nameBytes;
  private final String source;
  private final int maxPoints;
  /** Null when invalid values fail the read; else where they go before the sample is left out. */
  private final ValueProblems valueProblems;
  private PromType type = PromType.UNKNOWN;
  private boolean typed;
  private String help = "";
  private boolean helped;
  private boolean sampled;
  private byte[] bucketName;
  private byte[] sumName;
  private byte[] countName;

  private final List<NumberPoint> numbers = new ArrayList<>();
  private final Map<Attributes, Series> series = new LinkedHashMap<>();
  private Series lastSeries;
  private Attribute[] lastLabels = new Attribute[8];
  private int lastLabelCount;
  private final Map<String, Double> parsedBounds = new HashMap<>();
  // Lines of the current chunk's number points, and what finish() hands out: positions for lint.
  private long[] numberLines = new long[16];
  private long startLine;
  private long[] finishedLines = new long[0];
  private long finishedStart;

  FamilyBuilder(String name, String source, int maxPoints, long startLine,
      ValueProblems valueProblems) {
    this.valueProblems = valueProblems;
    this.startLine = startLine;
    this.name = name;
    this.nameBytes = name.getBytes(StandardCharsets.UTF_8);
    this.source = source;
    this.maxPoints = maxPoints;
  }

  String name() {
    return name;
  }

  /**
   * A sample whose value breaks its type's rules: fails the read, or (lenient) is reported and
   * left out, and the caller returns null.
   */
  private void invalidValue(MetricParseException problem) throws MetricParseException {
    if (valueProblems == null) throw problem;
    valueProblems.problem(name, problem);
  }

  byte[] nameBytes() {
    return nameBytes;
  }

  boolean hasType() {
    return typed;
  }

  boolean hasHelp() {
    return helped;
  }

  boolean hasSamples() {
    return sampled;
  }

  void setType(PromType newType) {
    type = newType;
    typed = true;
    if (type == PromType.HISTOGRAM || type == PromType.SUMMARY) {
      bucketName = suffixed("_bucket");
      sumName = suffixed("_sum");
      countName = suffixed("_count");
    }
  }

  void setHelp(String text) {
    help = text;
    helped = true;
  }

  private byte[] suffixed(String suffix) {
    byte[] out = Arrays.copyOf(nameBytes, nameBytes.length + suffix.length());
    for (int i = 0; i < suffix.length(); i++) out[nameBytes.length + i] = (byte) suffix.charAt(i);
    return out;
  }

  /** The role of the current sample's name in this family, or null when it starts another one. */
  Role roleOf(PromLineParser line) {
    if (line.nameEquals(nameBytes)) return Role.BASE;
    if (type == PromType.HISTOGRAM && line.nameEquals(bucketName)) return Role.BUCKET;
    if (type == PromType.HISTOGRAM || type == PromType.SUMMARY) {
      if (line.nameEquals(sumName)) return Role.SUM;
      if (line.nameEquals(countName)) return Role.COUNT;
    }
    return null;
  }

  /**
   * Adds the current sample line; returns a full chunk of this family when the sample starts a
   * series that no longer fits the current one, else null.
   */
  MetricFamily add(Role role, PromLineParser line, long lineNumber) throws MetricParseException {
    sampled = true;
    return switch (type) {
      case COUNTER, GAUGE, UNKNOWN -> addNumber(line, lineNumber);
      case HISTOGRAM -> addHistogramSample(role, line, lineNumber);
      case SUMMARY -> addSummarySample(role, line, lineNumber);
      default -> throw new AssertionError("0.0.4 has no type " + type);
    };
  }

  private MetricFamily addNumber(PromLineParser line, long lineNumber) throws MetricParseException {
    MetricFamily full = numbers.size() == maxPoints ? finish() : null;
    if (numbers.size() == numberLines.length) numberLines = Arrays.copyOf(numberLines, numbers.size() * 2);
    numberLines[numbers.size()] = lineNumber;
    numbers.add(new NumberPoint(
        line.attributes(-1), 0, line.timestampNanos, line.value, List.of(), 0));
    return full;
  }

  private MetricFamily addHistogramSample(Role role, PromLineParser line, long lineNumber)
      throws MetricParseException {
    int le = line.labelIndex("le");
    if (role == Role.BASE) {
      throw line.errorAt(line.nameAt, "expected " + name + "_bucket, " + name + "_sum or " + name
          + "_count in histogram \"" + name + "\", got " + name);
    }
    if (role != Role.BUCKET && le >= 0) {
      throw line.errorAt(line.labelNameAt[le], "expected no 'le' label on " + name
          + (role == Role.SUM ? "_sum" : "_count") + ", got one");
    }
    if (role == Role.BUCKET && le < 0) {
      throw line.errorAt(line.nameAt, "expected an 'le' label on " + name + "_bucket, got none");
    }
    double bound = 0;
    if (role == Role.BUCKET) {
      String text = line.labels[le].value().asString();
      bound = parseBound(text);
      if (Double.isNaN(bound)) {
        throw line.errorAt(line.labelValueAt[le],
            "expected a float other than NaN as value of 'le', got \"" + text + "\"");
      }
    }
    long count = 0;
    if (role != Role.SUM) {
      count = toCount(line.value);
      if (count < 0) {
        invalidValue(line.errorAt(line.valueAt, "expected a non-negative integer as "
            + (role == Role.BUCKET ? "bucket count" : "count") + ", got \"" + line.valueText() + "\""));
        return null;
      }
    }
    MetricFamily[] full = new MetricFamily[1];
    HistogramSeries h = (HistogramSeries) seriesFor(line, le, lineNumber, full, /* histogram= */ true);
    switch (role) {
      case BUCKET -> {
        String problem = h.addBucket(bound, count);
        if (problem != null && problem.contains("not to decrease")) {
          invalidValue(line.errorAt(line.valueAt, problem));
        } else if (problem != null) {
          throw line.errorAt(line.valueAt, problem);
        }
      }
      case SUM -> {
        if (h.hasSum) throw duplicateLine(line, "_sum");
        h.hasSum = true;
        h.sum = line.value.toDouble();
      }
      case COUNT -> {
        if (h.hasCount) throw duplicateLine(line, "_count");
        h.hasCount = true;
        h.count = count;
        h.countLine = lineNumber;
      }
      default -> throw new AssertionError(role);
    }
    if (line.hasTimestamp) h.time = line.timestampNanos;
    return full[0];
  }

  private MetricFamily addSummarySample(Role role, PromLineParser line, long lineNumber)
      throws MetricParseException {
    int q = line.labelIndex("quantile");
    if (role == Role.BASE && q < 0) {
      throw line.errorAt(line.nameAt, "expected a 'quantile' label on summary sample " + name
          + ", got none");
    }
    if (role != Role.BASE && q >= 0) {
      throw line.errorAt(line.labelNameAt[q], "expected no 'quantile' label on " + name
          + (role == Role.SUM ? "_sum" : "_count") + ", got one");
    }
    double quantile = 0;
    if (role == Role.BASE) {
      String text = line.labels[q].value().asString();
      quantile = parseBound(text);
      if (!(quantile >= 0 && quantile <= 1)) {
        invalidValue(line.errorAt(line.labelValueAt[q],
            "expected a float between 0 and 1 as value of 'quantile', got \"" + text + "\""));
        return null;
      }
    }
    long count = 0;
    if (role == Role.COUNT) {
      count = toCount(line.value);
      if (count < 0) {
        invalidValue(line.errorAt(line.valueAt,
            "expected a non-negative integer as count, got \"" + line.valueText() + "\""));
        return null;
      }
    }
    MetricFamily[] full = new MetricFamily[1];
    SummarySeries sm = (SummarySeries) seriesFor(line, q, lineNumber, full, /* histogram= */ false);
    switch (role) {
      case BASE -> {
        if (!sm.addQuantile(quantile, line.value.toDouble())) {
          throw line.errorAt(line.labelValueAt[q], "expected each quantile once per series, got "
              + "quantile=\"" + line.labels[q].value().asString() + "\" twice");
        }
      }
      case SUM -> {
        if (sm.hasSum) throw duplicateLine(line, "_sum");
        sm.hasSum = true;
        sm.sum = line.value.toDouble();
      }
      case COUNT -> {
        if (sm.hasCount) throw duplicateLine(line, "_count");
        sm.hasCount = true;
        sm.count = count;
      }
      default -> throw new AssertionError(role);
    }
    if (line.hasTimestamp) sm.time = line.timestampNanos;
    return full[0];
  }

  private MetricParseException duplicateLine(PromLineParser line, String suffix) {
    return line.errorAt(line.nameAt, "expected one " + name + suffix + " line per series, got a "
        + "second one");
  }

  /**
   * The series the current line belongs to (its labels without the one at {@code excluded}).
   * Consecutive lines of one series, the normal layout, are matched by comparing their shared
   * label objects with the previous line's, without building a label set.
   */
  private Series seriesFor(PromLineParser line, int excluded, long lineNumber,
      MetricFamily[] full, boolean histogram) throws MetricParseException {
    if (lastSeries != null && sameLabelsAsLast(line, excluded)) return lastSeries;
    Attributes attributes = line.attributes(excluded);
    Series found = series.get(attributes);
    if (found == null) {
      if (series.size() == maxPoints) full[0] = finish();
      found = histogram
          ? new HistogramSeries(attributes, lineNumber)
          : new SummarySeries(attributes, lineNumber);
      series.put(attributes, found);
    }
    lastSeries = found;
    if (lastLabels.length < line.labelCount) lastLabels = new Attribute[line.labelCount];
    lastLabelCount = 0;
    for (int k = 0; k < line.labelCount; k++) {
      if (k != excluded) lastLabels[lastLabelCount++] = line.labels[k];
    }
    return found;
  }

  private boolean sameLabelsAsLast(PromLineParser line, int excluded) {
    int n = line.labelCount - (excluded >= 0 ? 1 : 0);
    if (n != lastLabelCount) return false;
    int j = 0;
    for (int k = 0; k < line.labelCount; k++) {
      if (k == excluded) continue;
      Attribute a = line.labels[k];
      Attribute b = lastLabels[j++];
      if (a != b && !a.equals(b)) return false;
    }
    return true;
  }

  private double parseBound(String text) {
    Double cached = parsedBounds.get(text);
    if (cached != null) return cached;
    // The same rules as sample values (expfmt parses le and quantile with parseFloat); text
    // that is no float at all reads as NaN, which every caller rejects.
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    NumberValue parsed = ByteNumbers.parseValue(bytes, 0, bytes.length);
    double v = parsed == null ? Double.NaN : parsed.toDouble();
    if (parsedBounds.size() > 4096) parsedBounds.clear();
    parsedBounds.put(text, v);
    return v;
  }

  /** A bucket or sample count as a long, or -1 when it is not a non-negative integer. */
  static long toCount(NumberValue value) {
    if (value.isLong()) return value.longValue() >= 0 ? value.longValue() : -1;
    double d = value.doubleValue();
    // Python's client writes counts as floats (3.0): integral doubles are fine.
    if (d >= 0 && d < 0x1p63 && d == Math.rint(d)) return (long) d;
    return -1;
  }

  /** The current chunk as a family, or null when it holds no series; starts an empty chunk. */
  MetricFamily finish() throws MetricParseException {
    MetricData data;
    switch (type) {
      case COUNTER, GAUGE, UNKNOWN -> {
        if (numbers.isEmpty()) return null;
        data = type == PromType.COUNTER
            ? new Sum(AggregationTemporality.CUMULATIVE, /* monotonic= */ true, numbers)
            : new Gauge(numbers);
        finishedLines = Arrays.copyOf(numberLines, numbers.size());
        numbers.clear();
      }
      case HISTOGRAM -> {
        if (series.isEmpty()) return null;
        List<HistogramPoint> points = new ArrayList<>(series.size());
        long[] lines = new long[series.size()];
        for (Series s : series.values()) {
          HistogramPoint p = ((HistogramSeries) s).toPoint(this);
          if (p == null) continue;
          lines[points.size()] = s.line;
          points.add(p);
        }
        if (points.isEmpty()) {
          series.clear();
          lastSeries = null;
          lastLabelCount = 0;
          return null;
        }
        finishedLines = Arrays.copyOf(lines, points.size());
        data = new Histogram(AggregationTemporality.CUMULATIVE, points);
      }
      case SUMMARY -> {
        if (series.isEmpty()) return null;
        List<SummaryPoint> points = new ArrayList<>(series.size());
        for (Series s : series.values()) points.add(((SummarySeries) s).toPoint());
        finishedLines = seriesLines();
        data = new Summary(points);
      }
      default -> throw new AssertionError("0.0.4 has no type " + type);
    }
    series.clear();
    lastSeries = null;
    lastLabelCount = 0;
    finishedStart = startLine;
    // A later chunk starts where its first series does.
    startLine = 0;
    return MetricFamily.ofProm(name, help, "", data, type, name);
  }

  private long[] seriesLines() {
    long[] out = new long[series.size()];
    int i = 0;
    for (Series s : series.values()) out[i++] = s.line;
    return out;
  }

  /** The line where the chunk last finished starts (0 when unknown). */
  long finishedStart() {
    return finishedStart != 0 ? finishedStart : finishedLines.length > 0 ? finishedLines[0] : 0;
  }

  /** The first line of each point of the chunk last finished, in point order. */
  long[] finishedLines() {
    return finishedLines;
  }

  private MetricParseException seriesError(long line, String reason) {
    return new MetricParseException(SourcePosition.text(source, line, 1), reason, "");
  }

  /** What histogram and summary series have in common. */
  private abstract static class Series {
    final Attributes attributes;
    final long line;
    boolean hasSum;
    double sum;
    boolean hasCount;
    long count;
    long time;

    Series(Attributes attributes, long line) {
      this.attributes = attributes;
      this.line = line;
    }
  }

  /** Cumulative buckets kept sorted by bound as they arrive. */
  private static final class HistogramSeries extends Series {
    double[] bounds = new double[16];
    long[] cumulative = new long[16];
    int n;
    long countLine;

    HistogramSeries(Attributes attributes, long line) {
      super(attributes, line);
    }

    /** Adds a bucket; returns what is wrong with it, or null. */
    String addBucket(double bound, long cumulativeCount) {
      int at = n;
      // Buckets normally arrive in ascending order: then this loop does not run.
      while (at > 0 && !(bounds[at - 1] < bound)) at--;
      if (at < n && bounds[at] == bound) {
        return "expected each 'le' once per series, got le=\"" + FloatFormat.formatGo(bound)
            + "\" twice";
      }
      if (at > 0 && cumulativeCount < cumulative[at - 1]) {
        return "expected cumulative bucket counts not to decrease, got " + cumulativeCount
            + " for le=\"" + FloatFormat.formatGo(bound) + "\" after " + cumulative[at - 1]
            + " for le=\"" + FloatFormat.formatGo(bounds[at - 1]) + "\"";
      }
      if (at < n && cumulativeCount > cumulative[at]) {
        return "expected cumulative bucket counts not to decrease, got " + cumulativeCount
            + " for le=\"" + FloatFormat.formatGo(bound) + "\" but " + cumulative[at]
            + " for le=\"" + FloatFormat.formatGo(bounds[at]) + "\"";
      }
      if (n == bounds.length) {
        bounds = Arrays.copyOf(bounds, n * 2);
        cumulative = Arrays.copyOf(cumulative, n * 2);
      }
      System.arraycopy(bounds, at, bounds, at + 1, n - at);
      System.arraycopy(cumulative, at, cumulative, at + 1, n - at);
      bounds[at] = bound;
      cumulative[at] = cumulativeCount;
      n++;
      return null;
    }

    /** The point, or null when (lenient reading) its counts are invalid and it is left out. */
    HistogramPoint toPoint(FamilyBuilder family) throws MetricParseException {
      boolean hasInf = n > 0 && bounds[n - 1] == Double.POSITIVE_INFINITY;
      int finite = hasInf ? n - 1 : n;
      long total;
      if (hasInf) {
        total = cumulative[n - 1];
      } else if (hasCount) {
        // The +Inf bucket is missing: _count says how many observations it holds.
        total = count;
        if (n > 0 && count < cumulative[n - 1]) {
          family.invalidValue(family.seriesError(countLine, "expected " + family.name + "_count at"
              + " least the largest bucket count " + cumulative[n - 1] + ", got " + count));
          return null;
        }
      } else {
        family.invalidValue(family.seriesError(line, "expected a +Inf bucket or a " + family.name
            + "_count line for histogram series " + family.name + attributes + ", got neither"));
        return null;
      }
      long[] perBucket = new long[finite + 1];
      long previous = 0;
      for (int k = 0; k < finite; k++) {
        perBucket[k] = cumulative[k] - previous;
        previous = cumulative[k];
      }
      perBucket[finite] = total - previous;
      return new HistogramPoint(attributes, 0, time, hasCount ? count : total,
          hasSum ? OptionalDouble.of(sum) : OptionalDouble.empty(),
          Arrays.copyOf(bounds, finite), perBucket, OptionalDouble.empty(),
          OptionalDouble.empty(), List.of(), 0);
    }
  }

  /** Quantiles kept sorted as they arrive. */
  private static final class SummarySeries extends Series {
    double[] quantiles = new double[8];
    double[] values = new double[8];
    int n;

    SummarySeries(Attributes attributes, long line) {
      super(attributes, line);
    }

    /** False when the quantile is already present. */
    boolean addQuantile(double quantile, double value) {
      int at = n;
      while (at > 0 && !(quantiles[at - 1] < quantile)) at--;
      if (at < n && quantiles[at] == quantile) return false;
      if (n == quantiles.length) {
        quantiles = Arrays.copyOf(quantiles, n * 2);
        values = Arrays.copyOf(values, n * 2);
      }
      System.arraycopy(quantiles, at, quantiles, at + 1, n - at);
      System.arraycopy(values, at, values, at + 1, n - at);
      quantiles[at] = quantile;
      values[at] = value;
      n++;
      return true;
    }

    SummaryPoint toPoint() {
      List<Quantile> list = new ArrayList<>(n);
      for (int k = 0; k < n; k++) list.add(new Quantile(quantiles[k], values[k]));
      return new SummaryPoint(attributes, 0, time,
          hasCount ? OptionalLong.of(count) : OptionalLong.empty(),
          hasSum ? OptionalDouble.of(sum) : OptionalDouble.empty(), list, 0);
    }
  }
}
