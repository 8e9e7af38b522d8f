package dev.promotel.format.openmetrics;

import dev.promotel.format.MetricParseException;
import dev.promotel.format.internal.FloatFormat;
import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Exemplar;
import dev.promotel.model.Histogram;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricData;
import dev.promotel.model.PromType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Histogram and gaugehistogram families: {@code _bucket} samples (ascending {@code le}, cumulative
 * non-decreasing integer counts, a {@code +Inf} bucket), {@code _count}/{@code _sum} (gauge
 * histograms: {@code _gcount}/{@code _gsum}) present both or neither, the count equal to the
 * {@code +Inf} bucket, no histogram {@code _sum} when a bucket is negative, no negative
 * {@code _gsum} without one, and {@code _created} (histograms only).
 *
 * <p>Cumulative buckets {@code le="0.1"} 3, {@code le="+Inf"} 5 become bounds [0.1] and per-bucket
 * counts [3, 2].
 */
final class HistogramAssembler extends PointAssembler {
  private final String countSuffix;
  private final String sumSuffix;
  private List<HistogramPoint> points = new ArrayList<>();

  private double[] bounds = new double[16];
  private long[] cumulative = new long[16];
  private int buckets;
  private boolean hasInf;
  private boolean hasNegative;
  private boolean hasCount;
  private long count;
  private boolean hasSum;
  private double sum;
  private boolean hasCreated;
  private long created;
  private final List<Exemplar> exemplars = new ArrayList<>();
  private double pendingLe;

  HistogramAssembler(String family, PromType type, Times times) {
    super(family, type, times);
    boolean gauge = type == PromType.GAUGEHISTOGRAM;
    countSuffix = gauge ? "_gcount" : "_count";
    sumSuffix = gauge ? "_gsum" : "_sum";
  }

  @Override
  String pointLabel(String suffix) {
    return suffix.equals("_bucket") ? "le" : null;
  }

  @Override
  void check(String suffix, LineLexer line) throws MetricParseException {
    if (suffix.equals("_bucket")) {
      if (line.labels.indexOf("le") < 0) {
        throw line.errorInLine(line.relative(line.valueFrom) - 1, "expected an 'le' label on "
            + sampleName(suffix) + " (every bucket needs its upper bound), got none");
      }
      pendingLe = labelNumber("le", line);
      checkCount(suffix, line);
      if (line.hasExemplar) {
        checkExemplarSize(line);
        double v = line.exemplarValue.toDouble();
        if (v > pendingLe) {
          throw line.error(line.exemplarOffset, "expected an exemplar value within its bucket "
              + "(at most le=\"" + FloatFormat.formatOpenMetrics(pendingLe) + "\"), got "
              + show(line.exemplarValue));
        }
      }
      return;
    }
    forbidLabel("le", suffix, line);
    forbidExemplar(suffix, line);
    if (suffix.equals(countSuffix)) {
      checkCount(suffix, line);
    } else if (suffix.equals(sumSuffix)) {
      if (type == PromType.HISTOGRAM) {
        checkCounterLike(suffix, line);
      } else if (isNaN(line.value)) {
        throw line.error(line.valueFrom, "expected a number for " + sampleName(suffix)
            + ", got NaN (a gauge histogram's sum must not be NaN)");
      }
    }
  }

  @Override
  boolean repeats(String suffix, LineLexer line) {
    if (suffix.equals("_bucket")) {
      // +Inf is the last bucket of a point, so any bucket after it begins the next point.
      if (hasInf) return true;
      double le = pendingLe;
      for (int i = 0; i < buckets; i++) {
        if (bounds[i] == le) return true;
      }
      return false;
    }
    if (suffix.equals(countSuffix)) return hasCount;
    if (suffix.equals(sumSuffix)) return hasSum;
    return hasCreated;
  }

  @Override
  void startPoint(dev.promotel.model.Attributes series, long time) {
    super.startPoint(series, time);
    buckets = 0;
    hasInf = false;
    hasNegative = false;
    hasCount = false;
    hasSum = false;
    hasCreated = false;
    created = 0;
    exemplars.clear();
  }

  @Override
  void add(String suffix, LineLexer line) throws MetricParseException {
    if (suffix.equals("_bucket")) {
      addBucket(line);
    } else if (suffix.equals(countSuffix)) {
      hasCount = true;
      count = asCount(line.value);
    } else if (suffix.equals(sumSuffix)) {
      hasSum = true;
      sum = line.value.toDouble();
    } else {
      hasCreated = true;
      created = createdTime(line);
    }
  }

  private void addBucket(LineLexer line) throws MetricParseException {
    double le = pendingLe;
    long value = asCount(line.value);
    int leIndex = line.labels.indexOf("le");
    if (buckets > 0 && !(le > bounds[buckets - 1])) {
      throw line.errorInLine(line.labels.offset(leIndex), "expected buckets in increasing order "
          + "of le, got le=\"" + line.labels.value(leIndex) + "\" after le=\""
          + FloatFormat.formatOpenMetrics(bounds[buckets - 1]) + "\"");
    }
    if (buckets > 0 && value < cumulative[buckets - 1]) {
      throw line.error(line.valueFrom, "expected cumulative bucket counts that never decrease, "
          + "got " + value + " after " + cumulative[buckets - 1] + " in the bucket below");
    }
    if (buckets == bounds.length) {
      bounds = Arrays.copyOf(bounds, buckets * 2);
      cumulative = Arrays.copyOf(cumulative, buckets * 2);
    }
    bounds[buckets] = le;
    cumulative[buckets] = value;
    buckets++;
    if (le < 0) hasNegative = true;
    if (le == Double.POSITIVE_INFINITY) hasInf = true;
    if (line.hasExemplar) exemplars.add(exemplar(line));
  }

  @Override
  void finishPoint() throws PointException {
    String kind = type.openMetricsName();
    if (!hasInf) {
      throw new PointException("expected sample " + family + "_bucket{le=\"+Inf\"} in this "
          + "MetricPoint of " + kind + " '" + family + "' (every point needs the +Inf bucket), "
          + "got " + (buckets == 0 ? "no buckets" : "none"));
    }
    long inf = cumulative[buckets - 1];
    if (hasCount != hasSum) {
      throw new PointException("expected both " + family + countSuffix + " and " + family
          + sumSuffix + " or neither in a MetricPoint of " + kind + " '" + family + "', got only "
          + family + (hasCount ? countSuffix : sumSuffix));
    }
    if (hasCount && count != inf) {
      throw new PointException("expected " + family + countSuffix + " to equal the +Inf bucket ("
          + inf + "), got " + count);
    }
    if (type == PromType.HISTOGRAM && hasSum && hasNegative) {
      throw new PointException("expected no " + family + "_sum in a histogram with negative "
          + "buckets (the sum would not be counter-like), got one");
    }
    if (type == PromType.GAUGEHISTOGRAM && hasSum && sum < 0 && !hasNegative) {
      throw new PointException("expected a non-negative " + family + "_gsum when no bucket is "
          + "negative, got " + FloatFormat.formatOpenMetrics(sum));
    }
    double[] explicit = Arrays.copyOf(bounds, buckets - 1);
    long[] perBucket = new long[buckets];
    long below = 0;
    for (int i = 0; i < buckets; i++) {
      perBucket[i] = cumulative[i] - below;
      below = cumulative[i];
    }
    points.add(new HistogramPoint(group, created, timeUnixNano, inf,
        hasSum ? OptionalDouble.of(sum) : OptionalDouble.empty(), explicit, perBucket,
        OptionalDouble.empty(), OptionalDouble.empty(), exemplars, 0));
  }

  @Override
  int buffered() {
    return points.size();
  }

  @Override
  MetricData drain() {
    List<HistogramPoint> out = points;
    points = new ArrayList<>();
    return new Histogram(type == PromType.GAUGEHISTOGRAM
        ? AggregationTemporality.UNSPECIFIED : AggregationTemporality.CUMULATIVE, out);
  }
}
