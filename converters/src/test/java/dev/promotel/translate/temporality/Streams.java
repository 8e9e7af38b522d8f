package dev.promotel.translate.temporality;

import dev.promotel.format.MetricReader;
import dev.promotel.format.MetricWriter;
import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attribute;
import dev.promotel.model.AttributeValue;
import dev.promotel.model.Attributes;
import dev.promotel.model.Exemplar;
import dev.promotel.model.ExponentialBuckets;
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
import dev.promotel.model.Resource;
import dev.promotel.model.Scope;
import dev.promotel.model.Sum;
import dev.promotel.model.Summary;
import dev.promotel.model.SummaryPoint;
import dev.promotel.translate.temporality.TemporalityConverter.Direction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** Test fixtures: builders for delta streams, a converter run over families, a compact rendering. */
final class Streams {
  static final Resource RESOURCE = Resource.of(Attributes.of("service.name", "api"));
  static final Scope SCOPE = new Scope("io.test", "1.0", Attributes.EMPTY, "");

  private Streams() {}

  /** The outcome of one run: the families written and the report. */
  record Run(List<MetricFamily> families, TemporalityReport report) {
    String text() {
      return render(families);
    }
  }

  static Run cumulative(TemporalityOptions options, MetricFamily... input) {
    return run(Direction.CUMULATIVE, options, List.of(List.of(input)));
  }

  static Run delta(TemporalityOptions options, MetricFamily... input) {
    return run(Direction.DELTA, options, List.of(List.of(input)));
  }

  static Run run(Direction direction, TemporalityOptions options, List<List<MetricFamily>> inputs) {
    TemporalityReport report = new TemporalityReport();
    List<MetricFamily> out = new ArrayList<>();
    MetricWriter writer = new MetricWriter() {
      @Override
      public void write(MetricFamily family) {
        out.add(family);
      }

      @Override
      public void close() {}
    };
    List<TemporalityConverter.Source> sources = new ArrayList<>();
    for (List<MetricFamily> input : inputs) sources.add(() -> reader(input));
    try {
      new TemporalityConverter(direction, options, report).run(sources, writer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Run(out, report);
  }

  static MetricReader reader(List<MetricFamily> families) {
    Iterator<MetricFamily> it = families.iterator();
    return new MetricReader() {
      @Override
      public Optional<MetricFamily> read() {
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
      }

      @Override
      public void close() {}
    };
  }

  // ------------------------------------------------------------------------------ builders

  static NumberPoint n(long start, long time, long value) {
    return new NumberPoint(Attributes.EMPTY, start, time, NumberValue.ofLong(value), List.of(), 0);
  }

  static NumberPoint n(Attributes a, long start, long time, long value) {
    return new NumberPoint(a, start, time, NumberValue.ofLong(value), List.of(), 0);
  }

  static NumberPoint d(long start, long time, double value) {
    return new NumberPoint(Attributes.EMPTY, start, time, NumberValue.ofDouble(value), List.of(), 0);
  }

  static MetricFamily family(String name, MetricData data) {
    return new MetricFamily(name, "", "1", RESOURCE, SCOPE, data, Attributes.EMPTY, null);
  }

  static MetricFamily deltaSum(String name, NumberPoint... points) {
    return family(name, new Sum(AggregationTemporality.DELTA, true, List.of(points)));
  }

  static MetricFamily cumulativeSum(String name, NumberPoint... points) {
    return family(name, new Sum(AggregationTemporality.CUMULATIVE, true, List.of(points)));
  }

  static MetricFamily gauge(String name, NumberPoint... points) {
    return family(name, new Gauge(List.of(points)));
  }

  static HistogramPoint h(long start, long time, double[] bounds, long[] counts, Double sum) {
    long count = Arrays.stream(counts).sum();
    return new HistogramPoint(Attributes.EMPTY, start, time, count,
        sum == null ? OptionalDouble.empty() : OptionalDouble.of(sum), bounds, counts,
        OptionalDouble.empty(), OptionalDouble.empty(), List.of(), 0);
  }

  static MetricFamily deltaHistogram(String name, HistogramPoint... points) {
    return family(name, new Histogram(AggregationTemporality.DELTA, List.of(points)));
  }

  static MetricFamily cumulativeHistogram(String name, HistogramPoint... points) {
    return family(name, new Histogram(AggregationTemporality.CUMULATIVE, List.of(points)));
  }

  static ExponentialHistogramPoint e(long start, long time, int scale, long zeroCount,
      double zeroThreshold, int posOffset, long[] pos, int negOffset, long[] neg) {
    long count = zeroCount + Arrays.stream(pos).sum() + Arrays.stream(neg).sum();
    return new ExponentialHistogramPoint(Attributes.EMPTY, start, time, count,
        OptionalDouble.empty(), scale, zeroCount, zeroThreshold,
        pos.length == 0 ? ExponentialBuckets.EMPTY : new ExponentialBuckets(posOffset, pos),
        neg.length == 0 ? ExponentialBuckets.EMPTY : new ExponentialBuckets(negOffset, neg),
        OptionalDouble.empty(), OptionalDouble.empty(), List.of(), 0);
  }

  static MetricFamily deltaExponential(String name, ExponentialHistogramPoint... points) {
    return family(name, new ExponentialHistogram(AggregationTemporality.DELTA, List.of(points)));
  }

  static MetricFamily summary(String name, SummaryPoint... points) {
    return family(name, new Summary(List.of(points)));
  }

  static Exemplar exemplar(long value) {
    return Exemplar.of(Attributes.EMPTY, NumberValue.ofLong(value), 0);
  }

  // ------------------------------------------------------------------------------ rendering

  /** One line per point: {@code name SUM/2 {a=1} (start,time] value}. */
  static String render(List<MetricFamily> families) {
    StringBuilder sb = new StringBuilder();
    for (MetricFamily f : families) {
      String head = f.name() + " " + f.data().kind() + "/" + Temporalities.of(f.data()).number()
          + (f.data() instanceof Sum s && !s.monotonic() ? " nonmono" : "");
      for (Point p : f.data().points()) {
        sb.append(head).append(' ').append(attrs(p.attributes())).append(" (")
            .append(p.startTimeUnixNano()).append(',').append(p.timeUnixNano()).append("] ")
            .append(value(p));
        if (!p.exemplars().isEmpty()) {
          sb.append(" ex=").append(p.exemplars().stream().map(x -> x.value().toString())
              .collect(Collectors.joining(",")));
        }
        if (p.flags() != 0) sb.append(" flags=").append(p.flags());
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  static String attrs(Attributes a) {
    List<String> parts = new ArrayList<>();
    for (Attribute x : a) {
      parts.add(x.key() + "=" + (x.value() instanceof AttributeValue.StringValue s ? s.value()
          : x.value().toString()));
    }
    return "{" + String.join(",", parts) + "}";
  }

  static String value(Point p) {
    if (p instanceof NumberPoint n) return n.value().toString();
    if (p instanceof HistogramPoint h) {
      return "count=" + h.count() + opt(" sum=", h.sum()) + opt(" min=", h.min())
          + opt(" max=", h.max()) + " bounds=" + Arrays.toString(h.explicitBounds()) + " counts="
          + Arrays.toString(h.bucketCounts());
    }
    if (p instanceof ExponentialHistogramPoint e) {
      return "count=" + e.count() + opt(" sum=", e.sum()) + " scale=" + e.scale() + " zc="
          + e.zeroCount() + " zt=" + e.zeroThreshold() + " pos=" + e.positive().offset() + ":"
          + Arrays.toString(e.positive().counts()) + " neg=" + e.negative().offset() + ":"
          + Arrays.toString(e.negative().counts());
    }
    if (p instanceof SummaryPoint s) {
      return "count=" + s.count() + opt(" sum=", s.sum()) + " q=" + s.quantiles().size();
    }
    throw new AssertionError(p);
  }

  private static String opt(String label, OptionalDouble v) {
    return v.isPresent() ? label + v.getAsDouble() : "";
  }
}
