package dev.promotel.format.otlp;

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
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.PromMetadata;
import dev.promotel.model.PromType;
import dev.promotel.model.Quantile;
import dev.promotel.model.Resource;
import dev.promotel.model.Scope;
import dev.promotel.model.Sum;
import dev.promotel.model.Summary;
import dev.promotel.model.SummaryPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Families that together use every OTLP metrics field and every AnyValue kind. */
final class OtlpWriterFixtures {
  static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String SPAN = "00f067aa0ba902b7";

  static final Attributes ALL_KINDS = Attributes.of(List.of(
      Attribute.of("s", "värde \"quoted\"\n"),
      Attribute.of("empty", ""),
      new Attribute("b", new AttributeValue.BoolValue(false)),
      new Attribute("t", new AttributeValue.BoolValue(true)),
      new Attribute("i", new AttributeValue.LongValue(-42)),
      new Attribute("zero", new AttributeValue.LongValue(0)),
      new Attribute("max", new AttributeValue.LongValue(Long.MAX_VALUE)),
      new Attribute("d", new AttributeValue.DoubleValue(0.0)),
      new Attribute("nan", new AttributeValue.DoubleValue(Double.NaN)),
      new Attribute("inf", new AttributeValue.DoubleValue(Double.NEGATIVE_INFINITY)),
      new Attribute("bytes", new AttributeValue.BytesValue(new byte[] {0, -1, 42})),
      new Attribute("nobytes", new AttributeValue.BytesValue(new byte[0])),
      new Attribute("arr", new AttributeValue.ArrayValue(List.of(
          AttributeValue.of("x"),
          new AttributeValue.LongValue(1),
          new AttributeValue.ArrayValue(List.of()),
          new AttributeValue.KeyValueListValue(List.of(Attribute.of("k", "v")))))),
      new Attribute("kv", new AttributeValue.KeyValueListValue(List.of(
          new Attribute("nested", new AttributeValue.DoubleValue(2.5)),
          Attribute.of("", "empty key"))))));

  static final Resource RESOURCE = new Resource(
      Attributes.of("service.name", "checkout", "service.instance.id", "i-1"),
      "https://opentelemetry.io/schemas/1.24.0");
  static final Resource OTHER_RESOURCE = Resource.of(Attributes.of("service.name", "cart"));
  static final Scope SCOPE = new Scope(
      "io.opentelemetry.runtime", "1.2.3", Attributes.of("scope.attr", "x"),
      "https://opentelemetry.io/schemas/1.21.0");

  private OtlpWriterFixtures() {}

  /**
   * {@link #everyField()} without the gauge point of -0.0: JsonFormat parses JSON numbers through
   * BigDecimal, which has no negative zero, so it reads our (correct) {@code -0.0} as 0.0.
   */
  static List<MetricFamily> everyFieldForJsonFormat() {
    List<MetricFamily> out = new ArrayList<>();
    for (MetricFamily f : everyField()) {
      if (f.data() instanceof Gauge g) {
        List<NumberPoint> points = new ArrayList<>();
        for (NumberPoint p : g.points()) {
          boolean negativeZero = !p.value().isLong()
              && Double.doubleToRawLongBits(p.value().doubleValue()) == Long.MIN_VALUE;
          if (!negativeZero) points.add(p);
        }
        f = f.withData(new Gauge(points));
      }
      out.add(f);
    }
    return out;
  }

  static List<MetricFamily> everyField() {
    Exemplar withIds = new Exemplar(
        Attributes.of("trace_flag", "1"), NumberValue.ofDouble(0.25), 1_700_000_000_123_456_789L,
        TRACE, SPAN);
    Exemplar longNoIds = Exemplar.of(Attributes.EMPTY, NumberValue.ofLong(-7), 0);
    Exemplar zeroDouble = new Exemplar(Attributes.EMPTY, NumberValue.ofDouble(0), 5, TRACE, "");

    MetricFamily gauge = new MetricFamily(
        "temperature", "Temperature with \"quotes\" and ünïcode", "Cel", RESOURCE, SCOPE,
        new Gauge(List.of(
            new NumberPoint(ALL_KINDS, 1, 2, NumberValue.ofDouble(Double.NaN),
                List.of(withIds, longNoIds, zeroDouble), 0),
            new NumberPoint(Attributes.of("k", "inf"), 0, 3,
                NumberValue.ofDouble(Double.POSITIVE_INFINITY), List.of(), 0),
            new NumberPoint(Attributes.of("k", "-inf"), 0, 3,
                NumberValue.ofDouble(Double.NEGATIVE_INFINITY), List.of(), 0),
            new NumberPoint(Attributes.of("k", "zero"), 0, 3, NumberValue.ofDouble(0.0),
                List.of(), 0),
            new NumberPoint(Attributes.of("k", "negzero"), 0, 3, NumberValue.ofDouble(-0.0),
                List.of(), 0),
            new NumberPoint(Attributes.of("k", "stale"), 0, Long.MAX_VALUE,
                NumberValue.ofDouble(0), List.of(), 1))),
        Attributes.EMPTY, null);
    MetricFamily counter = new MetricFamily(
        "http_requests", "", "{request}", RESOURCE, SCOPE,
        new Sum(AggregationTemporality.CUMULATIVE, /* monotonic= */ true, List.of(
            new NumberPoint(Attributes.of("code", "200"), 10, 20, NumberValue.ofLong(0),
                List.of(longNoIds), 0),
            new NumberPoint(Attributes.of("code", "500"), 10, 20,
                NumberValue.ofLong(Long.MIN_VALUE), List.of(), 0))),
        Attributes.of("prometheus.type", "gauge", "z.extra", "kept"),
        new PromMetadata(PromType.COUNTER, "http_requests_total"));
    MetricFamily histogram = new MetricFamily(
        "latency", "request latency", "s", RESOURCE, SCOPE,
        new Histogram(AggregationTemporality.DELTA, List.of(
            new HistogramPoint(Attributes.of("route", "/"), 100, 200, 6, OptionalDouble.of(-1.5),
                new double[] {-1, 0, 2.5}, new long[] {1, 0, 2, 3}, OptionalDouble.of(-3),
                OptionalDouble.of(Double.POSITIVE_INFINITY), List.of(withIds), 0),
            new HistogramPoint(Attributes.EMPTY, 0, 200, 0, OptionalDouble.empty(),
                new double[0], new long[0], OptionalDouble.of(0), OptionalDouble.empty(),
                List.of(), 1))),
        Attributes.EMPTY, new PromMetadata(PromType.HISTOGRAM, "latency"));
    MetricFamily exponential = new MetricFamily(
        "payload.size", "", "By", RESOURCE, SCOPE,
        new ExponentialHistogram(AggregationTemporality.CUMULATIVE, List.of(
            new ExponentialHistogramPoint(Attributes.of("dir", "in"), 1, 2, 12,
                OptionalDouble.of(123.5), -2, 3, 0.001,
                new ExponentialBuckets(-3, new long[] {1, 0, 2, Long.MAX_VALUE / 4}),
                new ExponentialBuckets(-1, new long[] {4}), OptionalDouble.of(-8),
                OptionalDouble.of(512), List.of(withIds, longNoIds), 0),
            new ExponentialHistogramPoint(Attributes.EMPTY, 0, 2, 0, OptionalDouble.empty(), 0,
                0, 0, ExponentialBuckets.EMPTY, new ExponentialBuckets(2, new long[0]),
                OptionalDouble.empty(), OptionalDouble.empty(), List.of(), 1),
            new ExponentialHistogramPoint(Attributes.EMPTY, 0, 3, 1, OptionalDouble.of(0), 20,
                1, 0, ExponentialBuckets.EMPTY, ExponentialBuckets.EMPTY,
                OptionalDouble.of(0), OptionalDouble.of(0), List.of(), 0))),
        Attributes.EMPTY, null);
    MetricFamily summary = new MetricFamily(
        "rpc_duration_seconds", "RPC latency", "s", RESOURCE, SCOPE,
        new Summary(List.of(
            new SummaryPoint(Attributes.of("service", "a"), 5, 6, OptionalLong.of(9),
                OptionalDouble.of(Double.NaN),
                List.of(new Quantile(0, 0.1), new Quantile(0.5, 1), new Quantile(1, 7)), 0),
            new SummaryPoint(Attributes.of("service", "b"), 0, 6, OptionalLong.empty(),
                OptionalDouble.empty(), List.of(), 1))),
        Attributes.EMPTY, new PromMetadata(PromType.SUMMARY, "rpc_duration_seconds"));
    MetricFamily info = new MetricFamily(
        "build_info", "", "", RESOURCE, Scope.EMPTY,
        new Sum(AggregationTemporality.UNSPECIFIED, /* monotonic= */ false, List.of(
            NumberPoint.of(Attributes.of("version", "1.0"), NumberValue.ONE))),
        Attributes.of("note", "other scope, same resource"),
        new PromMetadata(PromType.INFO, "build_info"));
    MetricFamily gaugeHistogram = new MetricFamily(
        "queue_size", "", "", RESOURCE, Scope.EMPTY,
        new Histogram(AggregationTemporality.CUMULATIVE, List.of(
            new HistogramPoint(Attributes.EMPTY, 0, 1, 1, OptionalDouble.empty(),
                new double[] {1}, new long[] {1, 0}, OptionalDouble.empty(),
                OptionalDouble.empty(), List.of(), 0))),
        Attributes.EMPTY, new PromMetadata(PromType.GAUGEHISTOGRAM, "queue_size"));
    MetricFamily unknown = new MetricFamily(
        "mystery", "", "", RESOURCE, Scope.EMPTY,
        new Gauge(List.of(NumberPoint.of(Attributes.EMPTY, NumberValue.ofDouble(1.5e300)))),
        Attributes.EMPTY, new PromMetadata(PromType.UNKNOWN, "mystery"));
    MetricFamily emptyGauge = new MetricFamily(
        "no_points", "", "", RESOURCE, Scope.EMPTY, new Gauge(List.of()), Attributes.EMPTY, null);
    MetricFamily otherResource = new MetricFamily(
        "cart_items", "", "1", OTHER_RESOURCE, Scope.EMPTY,
        new Sum(AggregationTemporality.DELTA, /* monotonic= */ true, List.of(
            new NumberPoint(Attributes.EMPTY, 1, 2, NumberValue.ofLong(3), List.of(), 0))),
        Attributes.EMPTY, null);
    MetricFamily emptyResource = new MetricFamily(
        "bare", "", "", Resource.EMPTY, Scope.EMPTY,
        new Gauge(List.of(NumberPoint.of(Attributes.EMPTY, NumberValue.ZERO))),
        Attributes.EMPTY, null);
    return List.of(gauge, counter, histogram, exponential, summary, info, gaugeHistogram,
        unknown, emptyGauge, otherResource, emptyResource);
  }
}
