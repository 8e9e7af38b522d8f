package dev.promotel.format.openmetrics;

import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attribute;
import dev.promotel.model.Attributes;
import dev.promotel.model.Exemplar;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeSet;

/**
 * Random families of every OpenMetrics type that OpenMetrics can hold exactly (the property test's
 * generator): arbitrary Unicode label values and help texts, UTF-8 (quoted) names, NaN and ±Inf
 * where allowed, integer and float values, exemplars with trace/span ids, timestamps and start
 * times. Families are numbered so their sample names cannot clash.
 */
final class RandomFamilies {
  private static final PromType[] TYPES = PromType.values();
  private static final String SPECIAL = "\\\"\n\r\t #{}=,";
  private final Random r;

  RandomFamilies(Random random) {
    this.r = random;
  }

  List<MetricFamily> families() {
    int n = 1 + r.nextInt(6);
    List<MetricFamily> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(family(i, TYPES[r.nextInt(TYPES.length)]));
    return out;
  }

  MetricFamily family(int index, PromType type) {
    String base = "f" + index + (r.nextInt(4) == 0 ? ".x" : "_" + word());
    String unit = "";
    if (r.nextBoolean() && type != PromType.INFO && type != PromType.STATESET) {
      unit = "seconds";
      base = base + "_seconds";
    }
    String help = r.nextBoolean() ? "" : text(20);
    while (help.endsWith("\r")) help = help.substring(0, help.length() - 1);
    MetricData data = switch (type) {
      case GAUGE, UNKNOWN -> new Gauge(numberPoints(type, base));
      case COUNTER -> new Sum(AggregationTemporality.CUMULATIVE, true, numberPoints(type, base));
      case INFO, STATESET -> new Sum(AggregationTemporality.CUMULATIVE, false,
          numberPoints(type, base));
      case HISTOGRAM, GAUGEHISTOGRAM -> new Histogram(type == PromType.HISTOGRAM
          ? AggregationTemporality.CUMULATIVE : AggregationTemporality.UNSPECIFIED,
          histogramPoints(type));
      case SUMMARY -> new Summary(summaryPoints());
    };
    String name = switch (type) {
      case COUNTER -> base + "_total";
      case INFO -> base + "_info";
      default -> base;
    };
    return MetricFamily.ofProm(name, help, unit, data, type, base);
  }

  // ---------------------------------------------------------------- series and times

  /** Distinct label sets: label "i" numbers the series; other labels are random. */
  private List<Attributes> seriesLabels(String forbidden) {
    int n = 1 + r.nextInt(3);
    List<Attributes> out = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put("i", Integer.toString(s));
      int extra = r.nextInt(3);
      for (int k = 0; k < extra; k++) {
        String key = r.nextInt(5) == 0 ? "k." + word() : "k_" + word();
        labels.put(key, text(12));
      }
      labels.remove(forbidden);
      List<Attribute> list = new ArrayList<>();
      labels.forEach((k, v) -> list.add(Attribute.of(k, v)));
      out.add(Attributes.of(list));
    }
    return out;
  }

  /** Times for the points of one series: all 0, or strictly increasing non-zero. */
  private long[] times(int points) {
    long[] t = new long[points];
    if (points == 1 && r.nextBoolean()) return t;
    long at = 1 + (long) (r.nextDouble() * 4e18);
    for (int i = 0; i < points; i++) {
      t[i] = at;
      at += 1 + r.nextInt(1_000_000_000);
    }
    return t;
  }

  private long startTime() {
    return r.nextBoolean() ? 0 : 1 + (long) (r.nextDouble() * 4e18);
  }

  // ---------------------------------------------------------------- number families

  private List<NumberPoint> numberPoints(PromType type, String family) {
    List<NumberPoint> out = new ArrayList<>();
    if (type == PromType.STATESET) {
      TreeSet<String> states = new TreeSet<>();
      int n = 1 + r.nextInt(4);
      while (states.size() < n) states.add(text(6));
      long time = times(1)[0];
      for (String state : states) {
        out.add(new NumberPoint(Attributes.of("e", "x", family, state), 0, time,
            r.nextBoolean() ? NumberValue.ofLong(r.nextInt(2)) : NumberValue.ofDouble(r.nextInt(2)),
            List.of(), 0));
      }
      return out;
    }
    for (Attributes labels : seriesLabels(null)) {
      int points = 1 + r.nextInt(3);
      long[] times = times(points);
      for (int p = 0; p < points; p++) {
        NumberValue value = switch (type) {
          case COUNTER -> r.nextBoolean() ? NumberValue.ofLong(Math.abs(r.nextLong() >> 1))
              : NumberValue.ofDouble(r.nextBoolean() ? Double.POSITIVE_INFINITY
                  : Math.abs(r.nextDouble() * 1e6));
          case INFO -> r.nextBoolean() ? NumberValue.ONE : NumberValue.ofDouble(1.0);
          default -> anyValue();
        };
        long start = type == PromType.COUNTER ? startTime() : 0;
        List<Exemplar> exemplars = type == PromType.COUNTER && r.nextBoolean()
            ? List.of(exemplar(anyValue())) : List.of();
        out.add(new NumberPoint(labels, start, times[p], value, exemplars, 0));
      }
    }
    return out;
  }

  private NumberValue anyValue() {
    return switch (r.nextInt(6)) {
      case 0 -> NumberValue.ofLong(r.nextLong());
      case 1 -> NumberValue.ofDouble(Double.NaN);
      case 2 -> NumberValue.ofDouble(r.nextBoolean() ? Double.POSITIVE_INFINITY
          : Double.NEGATIVE_INFINITY);
      case 3 -> NumberValue.ofDouble(Double.longBitsToDouble(r.nextLong()) * 0 + r.nextGaussian());
      case 4 -> NumberValue.ofDouble(randomFinite());
      default -> NumberValue.ofDouble(r.nextInt(1000) - 500.0);
    };
  }

  private double randomFinite() {
    double d;
    do {
      d = Double.longBitsToDouble(r.nextLong());
    } while (Double.isNaN(d) || Double.isInfinite(d));
    return d;
  }

  private Exemplar exemplar(NumberValue value) {
    String traceId = r.nextBoolean() ? HexFormat.of().formatHex(bytes(16)) : "";
    String spanId = r.nextBoolean() ? HexFormat.of().formatHex(bytes(8)) : "";
    Map<String, String> attrs = new LinkedHashMap<>();
    int n = r.nextInt(3);
    for (int i = 0; i < n; i++) attrs.put("x_" + word(), text(8));
    List<Attribute> list = new ArrayList<>();
    attrs.forEach((k, v) -> list.add(Attribute.of(k, v)));
    long time = r.nextBoolean() ? 0 : 1 + (long) (r.nextDouble() * 4e18);
    return new Exemplar(Attributes.of(list), value, time, traceId, spanId);
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  // ---------------------------------------------------------------- histograms and summaries

  private List<HistogramPoint> histogramPoints(PromType type) {
    List<HistogramPoint> out = new ArrayList<>();
    for (Attributes labels : seriesLabels("le")) {
      int points = 1 + r.nextInt(3);
      long[] times = times(points);
      for (int p = 0; p < points; p++) {
        TreeSet<Double> boundSet = new TreeSet<>();
        int n = r.nextInt(5);
        while (boundSet.size() < n) boundSet.add((double) (r.nextInt(2000) - 500) / 8);
        double[] bounds = boundSet.stream().mapToDouble(Double::doubleValue).toArray();
        long[] counts = new long[bounds.length + 1];
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
          counts[i] = r.nextInt(1000);
          total += counts[i];
        }
        boolean negative = bounds.length > 0 && bounds[0] < 0;
        OptionalDouble sum;
        if (r.nextBoolean() || (negative && type == PromType.HISTOGRAM)) {
          sum = OptionalDouble.empty();
        } else {
          double s = Math.abs(r.nextDouble() * 1e4);
          sum = OptionalDouble.of(negative && r.nextBoolean() ? -s : s);
        }
        List<Exemplar> exemplars = new ArrayList<>();
        for (int i = 0; i <= bounds.length; i++) {
          if (r.nextInt(3) != 0) continue;
          double v = i < bounds.length ? bounds[i] : (bounds.length == 0 ? 1 : bounds[i - 1] + 1);
          exemplars.add(exemplar(NumberValue.ofDouble(v)));
        }
        long start = type == PromType.HISTOGRAM ? startTime() : 0;
        out.add(new HistogramPoint(labels, start, times[p], total, sum, bounds, counts,
            OptionalDouble.empty(), OptionalDouble.empty(), exemplars, 0));
      }
    }
    return out;
  }

  private List<SummaryPoint> summaryPoints() {
    List<SummaryPoint> out = new ArrayList<>();
    for (Attributes labels : seriesLabels("quantile")) {
      int points = 1 + r.nextInt(3);
      long[] times = times(points);
      for (int p = 0; p < points; p++) {
        TreeSet<Double> qs = new TreeSet<>();
        int n = r.nextInt(4);
        while (qs.size() < n) qs.add(r.nextInt(5) == 0 ? 1.0 : r.nextInt(1000) / 1000.0);
        List<Quantile> quantiles = new ArrayList<>();
        for (double q : qs) {
          quantiles.add(new Quantile(q, r.nextInt(4) == 0 ? Double.NaN : Math.abs(r.nextGaussian())));
        }
        // A point needs at least one line: a quantile or a count (sum and start are optional).
        OptionalLong count = r.nextBoolean() || quantiles.isEmpty()
            ? OptionalLong.of(r.nextInt(100_000)) : OptionalLong.empty();
        OptionalDouble sum = r.nextBoolean() ? OptionalDouble.of(Math.abs(r.nextDouble() * 1e3))
            : OptionalDouble.empty();
        if (times[p] == 0 && points > 1) throw new AssertionError("times are non-zero here");
        out.add(new SummaryPoint(labels, startTime(), times[p], count, sum, quantiles, 0));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- strings

  private String word() {
    int n = 1 + r.nextInt(5);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) b.append((char) ('a' + r.nextInt(26)));
    return b.toString();
  }

  /** Up to {@code max} arbitrary code points (no surrogate halves), quotes and escapes included. */
  String text(int max) {
    int n = r.nextInt(max + 1);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int cp = switch (r.nextInt(6)) {
        case 0 -> SPECIAL.charAt(r.nextInt(SPECIAL.length()));
        case 1 -> r.nextInt(0x80);
        case 2 -> 0x80 + r.nextInt(0x800 - 0x80);
        case 3 -> 0x1F300 + r.nextInt(0x300);
        default -> {
          int c;
          do {
            c = r.nextInt(0x110000);
          } while (c >= 0xD800 && c <= 0xDFFF);
          yield c;
        }
      };
      b.appendCodePoint(cp);
    }
    return b.toString();
  }
}
