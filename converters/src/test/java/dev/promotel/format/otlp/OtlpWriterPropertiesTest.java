package dev.promotel.format.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.ProtoFraming;
import dev.promotel.format.WriteOptions;
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
import dev.promotel.model.PromMetadata;
import dev.promotel.model.PromType;
import dev.promotel.model.Quantile;
import dev.promotel.model.Resource;
import dev.promotel.model.Scope;
import dev.promotel.model.Sum;
import dev.promotel.model.Summary;
import dev.promotel.model.SummaryPoint;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For generated families, the protobuf bytes equal protobuf-java's serialisation of the expected
 * message, and the JSON lines parse with JsonFormat into the same requests.
 */
class OtlpWriterPropertiesTest {

  @Property(tries = 200)
  void protobufBytesAreTheGeneratedSerialisation(@ForAll("families") List<MetricFamily> families)
      throws Exception {
    byte[] bytes = OtlpWriterOutputs.protobuf(families, ProtoFraming.NONE);

    ExportMetricsServiceRequest expected = OtlpWriterExpected.request(families);
    assertThat(ExportMetricsServiceRequest.parseFrom(bytes)).isEqualTo(expected);
    assertThat(bytes).isEqualTo(expected.toByteArray());
  }

  @Property(tries = 200)
  void jsonLinesParseIntoTheExpectedRequests(@ForAll("families") List<MetricFamily> families)
      throws Exception {
    String out = OtlpWriterOutputs.json(families, OtlpJsonWriter.Layout.LINES,
        WriteOptions.DEFAULTS);

    List<ExportMetricsServiceRequest> parsed = new ArrayList<>();
    if (!out.isEmpty()) {
      for (String line : out.split("\n")) parsed.add(OtlpWriterOutputs.parseJson(line));
    }
    assertThat(parsed).isEqualTo(OtlpWriterExpected.records(families));
  }

  @Provide
  Arbitrary<List<MetricFamily>> families() {
    Arbitrary<Resource> resources = Arbitraries.of(
        Resource.EMPTY, OtlpWriterFixtures.RESOURCE, OtlpWriterFixtures.OTHER_RESOURCE);
    Arbitrary<Scope> scopes = Arbitraries.of(Scope.EMPTY, OtlpWriterFixtures.SCOPE);
    Arbitrary<PromMetadata> proms = Arbitraries.of(PromType.values())
        .filter(t -> t != PromType.GAUGEHISTOGRAM)
        .map(t -> new PromMetadata(t, "original"))
        .injectNull(0.4);
    Arbitrary<MetricFamily> family = Combinators.combine(
            Arbitraries.strings().ofMinLength(1).ofMaxLength(12),
            Arbitraries.strings().ofMaxLength(8),
            resources, scopes, data(), attributes(), proms)
        .as((name, unit, resource, scope, data, metadata, prom) ->
            new MetricFamily(name, "", unit, resource, scope, data, metadata, prom));
    return family.list().ofMaxSize(6);
  }

  private static Arbitrary<MetricData> data() {
    Arbitrary<AggregationTemporality> temporality = Arbitraries.of(AggregationTemporality.class);
    return Arbitraries.oneOf(
        numberPoints().map(Gauge::new),
        Combinators.combine(temporality, Arbitraries.of(true, false), numberPoints())
            .as(Sum::new),
        Combinators.combine(temporality, histogramPoint().list().ofMaxSize(3))
            .as(Histogram::new),
        Combinators.combine(temporality, exponentialPoint().list().ofMaxSize(3))
            .as(ExponentialHistogram::new),
        summaryPoint().list().ofMaxSize(3).map(Summary::new));
  }

  private static Arbitrary<List<NumberPoint>> numberPoints() {
    return Combinators.combine(attributes(), times(), times(), values(),
            exemplars(), flags())
        .as(NumberPoint::new)
        .list().ofMaxSize(4);
  }

  private static Arbitrary<HistogramPoint> histogramPoint() {
    Arbitrary<double[]> bounds = Arbitraries.doubles().between(-1e6, 1e6)
        .filter(OtlpWriterPropertiesTest::notNegativeZero).set().ofMaxSize(5)
        .map(s -> new TreeSet<>(s).stream().mapToDouble(Double::doubleValue).toArray());
    return Combinators.combine(attributes(), times(), bounds, optionalDouble(), optionalDouble(),
            exemplars(), flags(), Arbitraries.longs().between(0, Long.MAX_VALUE))
        .flatAs((attributes, time, b, sum, min, exemplars, flags, count) ->
            Arbitraries.longs().between(0, 1L << 40).array(long[].class).ofSize(b.length + 1)
                .injectDuplicates(0.2)
                .map(counts -> new HistogramPoint(attributes, 0, time, count, sum,
                    counts.length == 1 ? new double[0] : b,
                    counts.length == 1 ? new long[0] : counts, min, OptionalDouble.empty(),
                    exemplars, flags)));
  }

  private static Arbitrary<ExponentialHistogramPoint> exponentialPoint() {
    Arbitrary<ExponentialBuckets> buckets = Combinators.combine(
            Arbitraries.integers().between(-200, 200),
            Arbitraries.longs().between(0, Long.MAX_VALUE).array(long[].class).ofMaxSize(6))
        .as(ExponentialBuckets::new);
    return Combinators.combine(attributes(), times(), optionalDouble(),
            Arbitraries.integers().between(-10, 20), Arbitraries.longs().between(0, 1000),
            Arbitraries.doubles().between(0, 1).filter(OtlpWriterPropertiesTest::notNegativeZero),
            buckets, buckets)
        .as((attributes, time, sum, scale, zeroCount, threshold, positive, negative) ->
            new ExponentialHistogramPoint(attributes, time / 2, time, zeroCount + 1, sum, scale,
                zeroCount, threshold, positive, negative, sum, OptionalDouble.empty(), List.of(),
                0));
  }

  private static Arbitrary<SummaryPoint> summaryPoint() {
    Arbitrary<List<Quantile>> quantiles = Arbitraries.doubles().between(0, 1)
        .filter(OtlpWriterPropertiesTest::notNegativeZero).set().ofMaxSize(4)
        .map(s -> {
          List<Quantile> q = new ArrayList<>();
          for (double d : new TreeSet<>(s)) q.add(new Quantile(d, d * 10));
          return q;
        });
    Arbitrary<OptionalLong> count = Arbitraries.longs().between(0, Long.MAX_VALUE)
        .map(OptionalLong::of).injectNull(0.3)
        .map(o -> o == null ? OptionalLong.empty() : o);
    return Combinators.combine(attributes(), times(), count, optionalDouble(), quantiles, flags())
        .as((attributes, time, c, sum, q, flags) ->
            new SummaryPoint(attributes, 0, time, c, sum, q, flags));
  }

  private static Arbitrary<List<Exemplar>> exemplars() {
    Arbitrary<String> traces = Arbitraries.strings().withChars("0123456789abcdef")
        .ofLength(32).injectNull(0.3).map(s -> s == null ? "" : s);
    Arbitrary<String> spans = Arbitraries.strings().withChars("0123456789abcdef")
        .ofLength(16).injectNull(0.3).map(s -> s == null ? "" : s);
    return Combinators.combine(attributes(), values(), times(), traces, spans)
        .as(Exemplar::new)
        .list().ofMaxSize(2);
  }

  private static Arbitrary<NumberValue> values() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(NumberValue::ofLong),
        Arbitraries.doubles()
            .withSpecialValue(Double.NaN)
            .withSpecialValue(Double.POSITIVE_INFINITY)
            .withSpecialValue(Double.NEGATIVE_INFINITY)
            .withSpecialValue(0.0)
            .filter(OtlpWriterPropertiesTest::notNegativeZero)
            .map(NumberValue::ofDouble));
  }

  private static Arbitrary<OptionalDouble> optionalDouble() {
    return Arbitraries.doubles().withSpecialValue(Double.NaN).withSpecialValue(0.0)
        .filter(OtlpWriterPropertiesTest::notNegativeZero)
        .map(OptionalDouble::of).injectNull(0.3)
        .map(o -> o == null ? OptionalDouble.empty() : o);
  }

  /**
   * Generated doubles skip -0.0: JsonFormat reads JSON numbers through BigDecimal, which turns it into
   * 0.0 (the fixture tests cover -0.0 in protobuf and in the JSON text).
   */
  private static boolean notNegativeZero(double d) {
    return Double.doubleToRawLongBits(d) != Long.MIN_VALUE;
  }

  private static Arbitrary<Long> times() {
    return Arbitraries.longs().between(0, Long.MAX_VALUE);
  }

  private static Arbitrary<Integer> flags() {
    return Arbitraries.of(0, 1, 2, 3);
  }

  private static Arbitrary<Attributes> attributes() {
    Arbitrary<AttributeValue> scalar = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(6).map(AttributeValue::of),
        Arbitraries.of(true, false).map(AttributeValue.BoolValue::new),
        Arbitraries.longs().map(AttributeValue.LongValue::new),
        Arbitraries.doubles().filter(OtlpWriterPropertiesTest::notNegativeZero)
            .map(AttributeValue.DoubleValue::new),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(4).map(AttributeValue.BytesValue::new));
    Arbitrary<AttributeValue> value = Arbitraries.oneOf(
        scalar, scalar,
        scalar.list().ofMaxSize(3).map(AttributeValue.ArrayValue::new),
        Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(3), scalar)
            .as(Attribute::new).list().ofMaxSize(2).map(AttributeValue.KeyValueListValue::new));
    return Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(5), value)
        .as(Attribute::new)
        .list().ofMaxSize(3).uniqueElements(Attribute::key)
        .map(Attributes::of);
  }
}
