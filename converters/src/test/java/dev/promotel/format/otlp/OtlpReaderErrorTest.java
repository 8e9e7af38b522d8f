package dev.promotel.format.otlp;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.google.protobuf.ByteString;
import dev.promotel.format.MetricParseException;
import dev.promotel.format.ReadOptions;
import dev.promotel.format.otlp.OtlpReaderFixtures.Encoding;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input → the exact positioned message, never a stack trace or a partial success. */
class OtlpReaderErrorTest {

  private static ExportMetricsServiceRequest request(Metric metric) {
    return ExportMetricsServiceRequest.newBuilder()
        .addResourceMetrics(ResourceMetrics.newBuilder()
            .addScopeMetrics(ScopeMetrics.newBuilder().addMetrics(metric)))
        .build();
  }

  private static Metric gauge(NumberDataPoint point) {
    return Metric.newBuilder().setName("x")
        .setGauge(io.opentelemetry.proto.metrics.v1.Gauge.newBuilder().addDataPoints(point))
        .build();
  }

  private static byte[] pb(Metric metric) {
    return request(metric).toByteArray();
  }

  private static byte[] reference() throws IOException {
    return OtlpReaderFixtures.parseJson(
        new String(OtlpReaderConformanceTest.referenceJson(), StandardCharsets.UTF_8))
        .toByteArray();
  }

  private static byte[] u32be(byte[]... payloads) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : payloads) {
      OtlpReaderFixtures.writeU32(out, p.length);
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static Stream<Arguments> protobufCases() throws IOException {
    byte[] reference = reference();
    byte[] framed = u32be(reference, reference);
    int size = reference.length;
    return Stream.of(
        argumentSet("a truncated raw request",
            Arrays.copyOf(reference, size - 10),
            "in.pb:byte 1: resource_metrics declares " + (size - 3) + " bytes, but the input ends"
                + " before byte " + size + " (truncated?)"),
        argumentSet("a u32be frame length past the end",
            Arrays.copyOf(framed, framed.length - 7),
            "in.pb:byte " + (size + 4) + ": u32be frame declares " + size + " bytes, but the input"
                + " ends before byte " + (2 * size + 8) + " (truncated?)"),
        argumentSet("a u32be frame over the size limit",
            new byte[] {0x05, 0, 0, 0, 0x0A, 0},
            "in.pb:byte 0: u32be frame declares 83886080 bytes, more than the limit of 67108864"
                + " bytes"),
        argumentSet("a truncated u32be frame header",
            concat(u32be(reference), new byte[] {0, 0}),
            "in.pb:byte " + (size + 4) + ": truncated u32be frame header: the input ends after 2"
                + " of its 4 bytes"),
        argumentSet("an invalid wire type",
            new byte[] {0x0F, 0x00},
            "in.pb:byte 0: invalid protobuf wire type 7 for field 1"),
        argumentSet("resource_metrics with a varint wire type",
            new byte[] {0x08, 0x01, 0x0A, 0x00},
            "in.pb:byte 0: resource_metrics (field 1) must be length-delimited (wire type 2),"
                + " got wire type 0"),
        argumentSet("a trace id of the wrong length",
            pb(gauge(NumberDataPoint.newBuilder().setAsInt(1).addExemplars(
                Exemplar.newBuilder().setAsInt(1)
                    .setTraceId(ByteString.copyFrom(new byte[5]))).build())),
            "in.pb:byte 2: in resource_metrics, metric 'x' data point 0: exemplar trace_id must be"
                + " 16 bytes, got 5 bytes"),
        argumentSet("a span id of the wrong length",
            pb(gauge(NumberDataPoint.newBuilder().setAsInt(1).addExemplars(
                Exemplar.newBuilder().setAsInt(1)
                    .setSpanId(ByteString.copyFrom(new byte[9]))).build())),
            "in.pb:byte 2: in resource_metrics, metric 'x' data point 0: exemplar span_id must be"
                + " 8 bytes, got 9 bytes"),
        argumentSet("an unknown temporality number",
            pb(Metric.newBuilder().setName("s").setSum(Sum.newBuilder()
                .setAggregationTemporalityValue(7)
                .addDataPoints(NumberDataPoint.newBuilder().setAsInt(1))).build()),
            "in.pb:byte 2: in resource_metrics, metric 's': unknown aggregation temporality 7;"
                + " expected 0 (unspecified), 1 (delta) or 2 (cumulative)"),
        argumentSet("a number point without a value",
            pb(gauge(NumberDataPoint.newBuilder().setTimeUnixNano(5).build())),
            "in.pb:byte 2: in resource_metrics, metric 'x' data point 0: number data point has"
                + " neither as_double nor as_int (and is not flagged NO_RECORDED_VALUE)"),
        argumentSet("a histogram with one bucket count too few",
            pb(Metric.newBuilder().setName("h").setHistogram(
                io.opentelemetry.proto.metrics.v1.Histogram.newBuilder()
                    .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA)
                    .addDataPoints(HistogramDataPoint.newBuilder().setCount(1)
                        .addExplicitBounds(1).addExplicitBounds(2).addBucketCounts(1)
                        .addBucketCounts(0))).build()),
            "in.pb:byte 2: in resource_metrics, metric 'h' data point 0: invalid histogram data"
                + " point: expected bucketCounts to have one more entry than explicitBounds (or"
                + " both empty), got 2 counts and 2 bounds"),
        argumentSet("a time above 2^63-1 nanoseconds",
            pb(gauge(NumberDataPoint.newBuilder().setAsInt(1).setTimeUnixNano(-1).build())),
            "in.pb:byte 2: in resource_metrics, metric 'x' data point 0: time_unix_nano"
                + " 18446744073709551615 is beyond the year 2262 (above 2^63-1 nanoseconds)"));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @ParameterizedTest
  @MethodSource("protobufCases")
  void badProtobufFailsWithAPositionedMessage(byte[] input, String message) {
    assertThatThrownBy(() -> OtlpReaderFixtures.read(input, Encoding.RAW))
        .isInstanceOf(MetricParseException.class)
        .hasMessage(message);
  }

  @Test
  void aCorruptZstdRecordNamesTheRecord() {
    byte[] input = u32be(new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 1, 2, 3, 4});

    assertThatThrownBy(() -> OtlpReaderFixtures.read(input, Encoding.RAW))
        .isInstanceOf(MetricParseException.class)
        .hasMessageStartingWith("in.pb:byte 4: invalid zstd-compressed record: ");
  }

  @Test
  void anErrorInsideAZstdRecordCountsFromTheRecordStart() {
    byte[] payload = com.github.luben.zstd.Zstd.compress(
        pb(gauge(NumberDataPoint.newBuilder().setTimeUnixNano(5).build())), 3);

    assertThatThrownBy(() -> OtlpReaderFixtures.read(u32be(payload), Encoding.RAW))
        .isInstanceOf(MetricParseException.class)
        .hasMessage("in.pb:byte 2: in resource_metrics, metric 'x' data point 0: number data point"
            + " has neither as_double nor as_int (and is not flagged NO_RECORDED_VALUE) (offset"
            + " within the zstd-compressed record whose payload starts at byte 4)");
  }

  @Test
  void aResourceMetricsOverTheConfiguredLimitIsRejected() {
    byte[] input = pb(Metric.newBuilder().setName("x").setDescription("d".repeat(2000))
        .setGauge(io.opentelemetry.proto.metrics.v1.Gauge.newBuilder()
            .addDataPoints(NumberDataPoint.newBuilder().setAsInt(1)))
        .build());
    OtlpProtobufReader reader = new OtlpProtobufReader(
        new ByteArrayInputStream(input), "in.pb", ReadOptions.DEFAULTS,
        new dev.promotel.format.Diagnostics(), /* maxMessageBytes= */ 1024);

    assertThatThrownBy(reader::read)
        .isInstanceOf(MetricParseException.class)
        .hasMessage("in.pb:byte 1: resource_metrics declares " + (input.length - 3)
            + " bytes, more than the limit of 1024 bytes");
  }

  static Stream<Arguments> jsonCases() {
    String deep = "{\"resourceMetrics\":[{\"x\":" + "[".repeat(10_000) + "]".repeat(10_000)
        + "}]}";
    return Stream.of(
        argumentSet("invalid JSON",
            "{\"resourceMetrics\":[}",
            "in.json:1:21: invalid JSON: Unexpected close marker '}': expected ']' (for Array"
                + " starting at 1:20)"),
        argumentSet("a document cut short in an array",
            "{\"resourceMetrics\":[\n",
            "in.json:1:20: unexpected end of input: the array opened here is never closed"),
        argumentSet("a document cut short in an object",
            "{\"resourceMetrics\":[{\"resource\":",
            "in.json:1:33: unexpected end of input: within/between Object entries"),
        argumentSet("a document cut short in a string",
            "{\"resourceMetrics\":[{\"reso",
            "in.json:1:27: unexpected end of input: in field name"),
        argumentSet("a string where an array is expected",
            "{\"resourceMetrics\":[{\"scopeMetrics\":\"x\"}]}",
            "in.json:1:37: expected an array for 'scopeMetrics', got a string"),
        argumentSet("a number where an object is expected",
            "{\"resourceMetrics\":[{\"resource\":1}]}",
            "in.json:1:33: expected an object for 'resource', got a number"),
        argumentSet("an array at the top level",
            "[1]",
            "in.json:1:1: expected a JSON object (an ExportMetricsServiceRequest), got an array"),
        argumentSet("a 10 000-deep document",
            deep,
            "in.json:1:88: invalid JSON: Document nesting depth (65) exceeds the maximum allowed"
                + " (64, from `StreamReadConstraints.getMaxNestingDepth()`)"),
        argumentSet("a trace id of the wrong length",
            exemplar("\"traceId\":\"abcd\""),
            "in.json:1:120: exemplar traceId must be 32 hex digits (16 bytes), got 4 characters"),
        argumentSet("a span id that is not hex",
            exemplar("\"spanId\":\"00f067aa0ba902bz\""),
            "in.json:1:119: exemplar spanId must be hex digits, got 'z' at index 15"),
        argumentSet("an unknown temporality number",
            "{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"name\":\"s\",\"sum\":"
                + "{\"aggregationTemporality\":9}}]}]}]}",
            "in.json:1:94: unknown aggregation temporality 9; expected 0 (unspecified), 1 (delta)"
                + " or 2 (cumulative)"),
        argumentSet("an unknown temporality name",
            "{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"name\":\"s\",\"sum\":"
                + "{\"aggregationTemporality\":\"WEEKLY\"}}]}]}]}",
            "in.json:1:94: unknown aggregation temporality \"WEEKLY\"; expected 0, 1, 2 or"
                + " AGGREGATION_TEMPORALITY_{UNSPECIFIED,DELTA,CUMULATIVE}"),
        argumentSet("a time that is not an integer",
            point("\"asInt\":1,\"timeUnixNano\":\"soon\""),
            "in.json:1:111: 'timeUnixNano' must be an unsigned 64-bit integer, got soon"),
        argumentSet("a double that is not a number",
            point("\"asDouble\":\"lots\""),
            "in.json:1:97: 'asDouble' must be a number, \"NaN\", \"Infinity\" or \"-Infinity\","
                + " got \"lots\""),
        argumentSet("a point without a value",
            point("\"timeUnixNano\":\"5\""),
            "in.json:1:85: number data point has neither asDouble nor asInt (and is not flagged"
                + " NO_RECORDED_VALUE)"),
        argumentSet("duplicate attribute keys",
            point("\"asInt\":1,\"attributes\":[{\"key\":\"a\"},{\"key\":\"a\"}]"),
            "in.json:1:109: attributes: duplicate attribute 'a': each key may occur once in a"
                + " set"),
        argumentSet("quantiles out of order",
            "{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"name\":\"q\",\"summary\":"
                + "{\"dataPoints\":[{\"quantileValues\":[{\"quantile\":0.9},{\"quantile\":0.5}]}]}"
                + "}]}]}]}",
            "in.json:1:87: invalid summary data point: quantiles must increase strictly; sort them"
                + " and drop duplicates, got 0.9 then 0.5"),
        argumentSet("a metric without a name",
            "{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"gauge\":{}}]}]}]}",
            "in.json:1:50: metric has no name; every OTLP metric needs one"));
  }

  private static String point(String fields) {
    return "{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"name\":\"g\",\"gauge\":"
        + "{\"dataPoints\":[{" + fields + "}]}}]}]}]}";
  }

  private static String exemplar(String fields) {
    return point("\"asInt\":1,\"exemplars\":[{" + fields + "}]");
  }

  @ParameterizedTest
  @MethodSource("jsonCases")
  void badJsonFailsWithAPositionedMessage(String input, String message) {
    assertThatThrownBy(() -> OtlpReaderFixtures.read(
            input.getBytes(StandardCharsets.UTF_8), Encoding.JSON_LINES))
        .isInstanceOf(MetricParseException.class)
        .hasMessage(message);
  }

  @Test
  void anErrorOnALaterJsonLineNamesThatLine() throws IOException {
    String good = new String(OtlpReaderFixtures.encode(
        List.of(OtlpReaderFixtures.parseJson(new String(
            OtlpReaderConformanceTest.referenceJson(), StandardCharsets.UTF_8))),
        Encoding.JSON_LINES), StandardCharsets.UTF_8);

    String input = good + good + "{\"resourceMetrics\":{}}\n";

    assertThatThrownBy(() -> OtlpReaderFixtures.read(
            input.getBytes(StandardCharsets.UTF_8), Encoding.JSON_LINES))
        .isInstanceOf(MetricParseException.class)
        .hasMessage("in.json:3:20: expected an array for 'resourceMetrics', got an object");
  }
}
