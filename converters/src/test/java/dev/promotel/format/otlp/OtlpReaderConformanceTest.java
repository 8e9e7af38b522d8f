package dev.promotel.format.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.ReadOptions;
import dev.promotel.format.otlp.OtlpReaderFixtures.Encoding;
import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attributes;
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
import dev.promotel.model.Resource;
import dev.promotel.model.Scope;
import dev.promotel.model.Sum;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The opentelemetry-proto reference request, read from its JSON and from every encoding. */
class OtlpReaderConformanceTest {
  private static final long T = 1544712660300000000L;
  private static final Resource RESOURCE =
      new Resource(Attributes.of("service.name", "my.service"), "");
  private static final Scope SCOPE =
      new Scope("my.library", "1.0.0", Attributes.of("my.scope.attribute", "some scope attribute"),
          "");

  static byte[] referenceJson() throws IOException {
    try (InputStream in =
        OtlpReaderConformanceTest.class.getResourceAsStream("/conformance/otlp/metrics.json")) {
      return in.readAllBytes();
    }
  }

  private static MetricFamily family(String name, String description, MetricData data) {
    return new MetricFamily(name, description, "1", RESOURCE, SCOPE, data, Attributes.EMPTY, null);
  }

  static List<MetricFamily> expected() {
    return List.of(
        family("my.counter", "I am a Counter",
            new Sum(AggregationTemporality.DELTA, /* monotonic= */ true, List.of(
                new NumberPoint(Attributes.of("my.counter.attr", "some value"), T, T,
                    NumberValue.ofDouble(5), List.of(), 0)))),
        family("my.gauge", "I am a Gauge",
            new Gauge(List.of(
                new NumberPoint(Attributes.of("my.gauge.attr", "some value"), 0, T,
                    NumberValue.ofDouble(10), List.of(), 0)))),
        family("my.histogram", "I am a Histogram",
            new Histogram(AggregationTemporality.DELTA, List.of(
                new HistogramPoint(Attributes.of("my.histogram.attr", "some value"), T, T, 2,
                    OptionalDouble.of(2), new double[] {1}, new long[] {1, 1},
                    OptionalDouble.of(0), OptionalDouble.of(2), List.of(), 0)))),
        family("my.exponential.histogram", "I am an Exponential Histogram",
            new ExponentialHistogram(AggregationTemporality.DELTA, List.of(
                new ExponentialHistogramPoint(
                    Attributes.of("my.exponential.histogram.attr", "some value"), T, T, 3,
                    OptionalDouble.of(10), /* scale= */ 0, /* zeroCount= */ 1,
                    /* zeroThreshold= */ 0, new ExponentialBuckets(1, new long[] {0, 2}),
                    ExponentialBuckets.EMPTY, OptionalDouble.of(0), OptionalDouble.of(5),
                    List.of(), 0)))));
  }

  @Test
  void theReferenceJsonReadsIntoTheExpectedFamilies() throws IOException {
    List<MetricFamily> read =
        OtlpReaderFixtures.readAll(new OtlpJsonReader(
            new ByteArrayInputStream(referenceJson()), "metrics.json", ReadOptions.DEFAULTS));

    assertThat(read).containsExactlyElementsOf(expected());
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void theReferenceRequestBuiltWithTheGeneratedClassesReadsTheSameInEveryEncoding(
      Encoding encoding) throws IOException {
    ExportMetricsServiceRequest request =
        OtlpReaderFixtures.parseJson(new String(referenceJson(), StandardCharsets.UTF_8));

    byte[] bytes = OtlpReaderFixtures.encode(List.of(request, request), encoding);

    List<MetricFamily> twice = new java.util.ArrayList<>(expected());
    twice.addAll(expected());
    assertThat(OtlpReaderFixtures.read(bytes, encoding)).containsExactlyElementsOf(twice);
  }

  @ParameterizedTest
  @EnumSource(value = Encoding.class, names = {"RAW", "U32BE", "U32BE_ZSTD", "VARINT"})
  void theProtobufFramingIsDetected(Encoding encoding) throws IOException {
    ExportMetricsServiceRequest request =
        OtlpReaderFixtures.parseJson(new String(referenceJson(), StandardCharsets.UTF_8));
    byte[] bytes = OtlpReaderFixtures.encode(List.of(request, request, request), encoding);

    OtlpProtobufReader reader =
        new OtlpProtobufReader(new ByteArrayInputStream(bytes), "in.pb", ReadOptions.DEFAULTS);

    String expected = switch (encoding) {
      case RAW -> "none";
      case U32BE, U32BE_ZSTD -> "u32be";
      default -> "varint";
    };
    assertThat(reader.framing()).isEqualTo(expected);
    assertThat(OtlpReaderFixtures.readAll(reader)).hasSize(12);
  }

  @Test
  void aSmallRawRequestThatAlsoReadsAsAVarintChainIsReadRaw() throws IOException {
    // One ResourceMetrics of exactly 10 bytes (a resource attribute key "abc\0"): as varint
    // frames these bytes chain exactly too (a 10-byte frame, then an empty one).
    byte[] bytes = {0x0A, 0x0A, 0x0A, 0x08, 0x0A, 0x06, 0x0A, 0x04, 0x61, 0x62, 0x63, 0x00};
    ExportMetricsServiceRequest.parseFrom(bytes); // a valid raw request

    OtlpProtobufReader reader =
        new OtlpProtobufReader(new ByteArrayInputStream(bytes), "tiny.pb", ReadOptions.DEFAULTS);

    assertThat(reader.framing()).isEqualTo("none");
    assertThat(OtlpReaderFixtures.readAll(reader)).isEmpty();
  }

  @Test
  void snakeCaseKeysEnumNamesAndNumbersForSixtyFourBitIntegersAreAccepted() throws IOException {
    String json = """
        {"resource_metrics":[{"scope_metrics":[{"metrics":[{"name":"c","sum":{
          "aggregation_temporality":"AGGREGATION_TEMPORALITY_CUMULATIVE","is_monotonic":true,
          "data_points":[{"as_int":7,"time_unix_nano":1000,"start_time_unix_nano":"500",
            "unknownField":{"deep":[1,2,{"x":null}]},
            "exemplars":[{"as_double":"NaN","trace_id":"4BF92F3577B34DA6A3CE929D0E0E4736",
                          "span_id":"00F067AA0BA902B7"}]}]}}]}]}]}
        """;

    List<MetricFamily> read = OtlpReaderFixtures.read(
        json.getBytes(StandardCharsets.UTF_8), Encoding.JSON_LINES);

    Sum sum = (Sum) read.get(0).data();
    assertThat(sum.temporality()).isEqualTo(AggregationTemporality.CUMULATIVE);
    assertThat(sum.monotonic()).isTrue();
    NumberPoint p = sum.points().get(0);
    assertThat(p.value()).isEqualTo(NumberValue.ofLong(7));
    assertThat(p.timeUnixNano()).isEqualTo(1000);
    assertThat(p.startTimeUnixNano()).isEqualTo(500);
    assertThat(p.exemplars().get(0).traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(p.exemplars().get(0).spanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(p.exemplars().get(0).value().doubleValue()).isNaN();
  }

  @Test
  void thePrometheusTypeMetadataBecomesPromMetadataAndOtherMetadataStays() throws IOException {
    String json = """
        {"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"x","gauge":{"dataPoints":[
          {"asDouble":"Infinity"}]},"metadata":[
          {"key":"prometheus.type","value":{"stringValue":"unkown"}},
          {"key":"other","value":{"intValue":"3"}}]}]}]}]}
        """;

    MetricFamily f = OtlpReaderFixtures.read(
        json.getBytes(StandardCharsets.UTF_8), Encoding.JSON_LINES).get(0);

    assertThat(f.prom()).isEqualTo(new dev.promotel.model.PromMetadata(
        dev.promotel.model.PromType.UNKNOWN, "x"));
    assertThat((Object) f.metadata()).isEqualTo(Attributes.of(List.of(new dev.promotel.model.Attribute(
        "other", new dev.promotel.model.AttributeValue.LongValue(3)))));
    assertThat(((Gauge) f.data()).points().get(0).value().doubleValue())
        .isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void anEmptyInputHoldsNoFamilies() throws IOException {
    assertThat(OtlpReaderFixtures.read(new byte[0], Encoding.RAW)).isEmpty();
    assertThat(OtlpReaderFixtures.read(new byte[0], Encoding.JSON_LINES)).isEmpty();
  }
}
