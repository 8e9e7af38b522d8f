package dev.promotel.format.openmetrics;

import dev.promotel.format.MetricParseException;
import dev.promotel.format.internal.NumberParser;
import dev.promotel.model.Attributes;
import dev.promotel.model.Exemplar;
import dev.promotel.model.MetricData;
import dev.promotel.model.NumberValue;
import dev.promotel.model.PromType;

/**
 * Turns the samples of one OpenMetrics family into model points, one MetricPoint at a time, and
 * enforces the per-type rules of the specification. The reader decides grouping (which samples
 * form one MetricPoint of which series); an assembler validates each sample ({@link #check}),
 * says whether a sample repeats one of the current point ({@link #repeats}, which starts the next
 * point), and validates a finished point ({@link #finishPoint}).
 */
abstract class PointAssembler {
  /** The OpenMetrics family name (as in TYPE lines: {@code foo} for samples {@code foo_total}). */
  final String family;

  final PromType type;
  final Times times;
  Attributes group = Attributes.EMPTY;
  long timeUnixNano;

  PointAssembler(String family, PromType type, Times times) {
    this.family = family;
    this.type = type;
    this.times = times;
  }

  static PointAssembler of(String family, PromType type, Times times) {
    return switch (type) {
      case GAUGE, UNKNOWN, COUNTER, INFO, STATESET -> new NumberAssembler(family, type, times);
      case HISTOGRAM, GAUGEHISTOGRAM -> new HistogramAssembler(family, type, times);
      case SUMMARY -> new SummaryAssembler(family, type, times);
    };
  }

  /** The label that distinguishes samples within a point and is not part of the series. */
  abstract String pointLabel(String suffix);

  /** Sample-level rules: values, required and forbidden labels, exemplars. */
  abstract void check(String suffix, LineLexer line) throws MetricParseException;

  /** Whether the sample repeats one already in the current point (so it starts a new one). */
  abstract boolean repeats(String suffix, LineLexer line);

  void startPoint(Attributes series, long time) {
    this.group = series;
    this.timeUnixNano = time;
  }

  abstract void add(String suffix, LineLexer line) throws MetricParseException;

  /** Point-level rules; appends the model point(s). */
  abstract void finishPoint() throws PointException;

  /** Model points buffered since the last {@link #drain}. */
  abstract int buffered();

  abstract MetricData drain();

  /** A rule broken by a whole MetricPoint; the reader positions it at the point's first line. */
  static final class PointException extends Exception {
    PointException(String reason) {
      super(reason, null, false, false);
    }
  }

  // ---------------------------------------------------------------- shared checks

  String sampleName(String suffix) {
    return family + suffix;
  }

  static boolean isNaN(NumberValue v) {
    return !v.isLong() && Double.isNaN(v.doubleValue());
  }

  static boolean isNegative(NumberValue v) {
    return v.isLong() ? v.longValue() < 0 : v.doubleValue() < 0;
  }

  /** The value as a non-negative integer count, or -1 when it is not one (1.5, 1e300, NaN). */
  static long asCount(NumberValue v) {
    if (v.isLong()) return v.longValue() >= 0 ? v.longValue() : -1;
    double d = v.doubleValue();
    if (d >= 0 && d < 0x1p63 && d == Math.rint(d)) return (long) d;
    return -1;
  }

  String show(NumberValue v) {
    return v.isLong() ? Long.toString(v.longValue())
        : dev.promotel.format.internal.FloatFormat.formatOpenMetrics(v.doubleValue());
  }

  /** Counter-like values (totals, sums, counts, buckets): neither NaN nor negative. */
  void checkCounterLike(String suffix, LineLexer line) throws MetricParseException {
    if (isNaN(line.value) || isNegative(line.value)) {
      throw new InvalidValueException(line.error(line.valueFrom, "expected a non-negative value for "
          + sampleName(suffix) + " (a " + type.openMetricsName() + " " + what(suffix)
          + " is counter-like), got " + line.describeToken(line.valueFrom)));
    }
  }

  /** Counts and bucket values must be integers. */
  long checkCount(String suffix, LineLexer line) throws MetricParseException {
    checkCounterLike(suffix, line);
    long c = asCount(line.value);
    if (c < 0) {
      throw line.error(line.valueFrom, "expected an integer for " + sampleName(suffix)
          + " (counts are integers), got " + line.describeToken(line.valueFrom));
    }
    return c;
  }

  private static String what(String suffix) {
    return switch (suffix) {
      case "_total" -> "total";
      case "_bucket" -> "bucket";
      case "_count", "_gcount" -> "count";
      case "_sum", "_gsum" -> "sum";
      default -> "value";
    };
  }

  /** {@code _created}: a timestamp in seconds as the sample value. */
  long createdTime(LineLexer line) throws MetricParseException {
    Seconds s = line.valueAsSeconds();
    if (s == null) {
      throw line.error(line.valueFrom, "expected a timestamp in seconds as the value of "
          + sampleName("_created") + ", got " + line.describeToken(line.valueFrom));
    }
    return times.toUnixNano(s, "_created");
  }

  void forbidExemplar(String suffix, LineLexer line) throws MetricParseException {
    if (line.hasExemplar) {
      throw line.error(line.exemplarOffset, "exemplars are only allowed on counter _total and "
          + "histogram/gaugehistogram _bucket samples, got one on " + sampleName(suffix) + " of "
          + type.openMetricsName() + " '" + family + "'");
    }
  }

  void checkExemplarSize(LineLexer line) throws MetricParseException {
    int cp = line.exemplarLabels.codePoints();
    if (cp > 128) {
      throw line.error(line.exemplarOffset, "expected exemplar labels of at most 128 code points "
          + "(names and values together), got " + cp);
    }
  }

  void forbidLabel(String label, String suffix, LineLexer line) throws MetricParseException {
    int i = line.labels.indexOf(label);
    if (i >= 0) {
      throw line.errorInLine(line.labels.offset(i), "label '" + label
          + "' is only allowed on " + (label.equals("le") ? "_bucket samples" : "quantile samples")
          + ", got it on " + sampleName(suffix));
    }
  }

  /** Parses an {@code le} or {@code quantile} label value; positioned error when it is not one. */
  static double labelNumber(String label, LineLexer line) throws MetricParseException {
    int i = line.labels.indexOf(label);
    String text = line.labels.value(i);
    double v;
    try {
      v = NumberParser.parseOpenMetrics(text).toDouble();
    } catch (IllegalArgumentException e) {
      throw line.errorInLine(line.labels.offset(i), "expected a number as the "
          + label + " label value, got \"" + text + "\"");
    }
    if (Double.isNaN(v)) {
      throw line.errorInLine(line.labels.offset(i), "expected a number as the "
          + label + " label value, got NaN");
    }
    if (v == Double.POSITIVE_INFINITY && !text.equals("+Inf")) {
      throw line.errorInLine(line.labels.offset(i), "expected \"+Inf\" "
          + "(the canonical spelling) as the " + label + " label value, got \"" + text + "\"");
    }
    return v;
  }

  Exemplar exemplar(LineLexer line) {
    long time = line.exemplarTimestamp == null ? 0
        : times.toUnixNano(line.exemplarTimestamp, "exemplar");
    return Exemplars.fromLabels(line.exemplarLabels, line.exemplarValue, time);
  }
}
