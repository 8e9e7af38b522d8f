package dev.promotel.format.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.WriteOptions;
import dev.promotel.model.MetricFamily;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our OTLP JSON parses with protobuf-java-util's JsonFormat into the message we meant. */
class OtlpWriterJsonOracleTest {
  private final List<MetricFamily> families = OtlpWriterFixtures.everyFieldForJsonFormat();
  private final ExportMetricsServiceRequest expected = OtlpWriterExpected.request(families);

  @Test
  void jsonLinesHoldOneCompactRequestPerResourceMetrics() throws Exception {
    String out = OtlpWriterOutputs.json(families, OtlpJsonWriter.Layout.LINES,
        WriteOptions.DEFAULTS.withPretty(true));

    assertThat(out).endsWith("}\n");
    List<ExportMetricsServiceRequest> parsed = new ArrayList<>();
    for (String line : out.split("\n")) {
      assertThat(line).startsWith("{\"resourceMetrics\":[{").doesNotContain("\": ");
      parsed.add(OtlpWriterOutputs.parseJson(line));
    }
    assertThat(parsed).isEqualTo(OtlpWriterExpected.records(families));
  }

  @Test
  void aDocumentIsOneRequest() throws Exception {
    String out = OtlpWriterOutputs.json(families, OtlpJsonWriter.Layout.DOCUMENT,
        WriteOptions.DEFAULTS);

    assertThat(out).startsWith("{\"resourceMetrics\":[{").endsWith("]}\n");
    assertThat(out.strip()).doesNotContain("\n");
    assertThat(OtlpWriterOutputs.parseJson(out)).isEqualTo(expected);
  }

  @Test
  void aPrettyDocumentIsIndentedAndParsesToTheSameRequest() throws Exception {
    String out = OtlpWriterOutputs.json(families, OtlpJsonWriter.Layout.DOCUMENT,
        WriteOptions.DEFAULTS.withPretty(true));

    assertThat(out).contains("\n  \"resourceMetrics\" : [ {");
    assertThat(OtlpWriterOutputs.parseJson(out)).isEqualTo(expected);
  }

  @Test
  void theEncodingFollowsTheOtlpJsonRules() {
    String out = OtlpWriterOutputs.json(OtlpWriterFixtures.everyField(),
        OtlpJsonWriter.Layout.LINES, WriteOptions.DEFAULTS);

    assertThat(out)
        // 64-bit integers are decimal strings, fixed64 unsigned.
        .contains("\"timeUnixNano\":\"9223372036854775807\"")
        .contains("\"asInt\":\"-9223372036854775808\"")
        .contains("\"intValue\":\"-42\"")
        .contains("\"bucketCounts\":[\"1\",\"0\",\"2\",\"3\"]")
        // Enums are integers; 32-bit values plain numbers.
        .contains("\"aggregationTemporality\":1")
        .contains("\"scale\":-2")
        .contains("\"offset\":-3")
        .contains("\"flags\":1")
        // Non-finite doubles are strings; oneof members and optional fields appear even at zero.
        .contains("\"asDouble\":\"NaN\"")
        .contains("\"asDouble\":\"Infinity\"")
        .contains("\"asDouble\":\"-Infinity\"")
        .contains("\"max\":\"Infinity\"")
        .contains("\"asDouble\":0.0")
        .contains("\"asDouble\":-0.0")
        .contains("\"min\":0.0")
        .contains("\"boolValue\":false")
        .contains("\"stringValue\":\"\"")
        // Trace and span ids are hex; other bytes base64.
        .contains("\"spanId\":\"" + OtlpWriterFixtures.SPAN + "\"")
        .contains("\"traceId\":\"" + OtlpWriterFixtures.TRACE + "\"")
        .contains("\"bytesValue\":\"AP8q\"")
        .contains("\"bytesValue\":\"\"")
        // lowerCamelCase keys only.
        .contains("\"exponentialHistogram\":{")
        .contains("\"quantileValues\":[")
        .contains("\"kvlistValue\":{\"values\":[")
        .doesNotContain("_unix_nano", "data_points", "is_monotonic", "schema_url")
        // Unicode passes through as UTF-8.
        .contains("värde \\\"quoted\\\"\\n");
  }

  @Test
  void anEmptyDocumentIsARequestWithoutResourceMetrics() throws Exception {
    String out = OtlpWriterOutputs.json(List.of(), OtlpJsonWriter.Layout.DOCUMENT,
        WriteOptions.DEFAULTS);

    assertThat(out).isEqualTo("{\"resourceMetrics\":[]}\n");
    assertThat(OtlpWriterOutputs.parseJson(out))
        .isEqualTo(ExportMetricsServiceRequest.getDefaultInstance());
  }

  @Test
  void noFamiliesWritesNoLines() {
    assertThat(OtlpWriterOutputs.json(List.of(), OtlpJsonWriter.Layout.LINES,
        WriteOptions.DEFAULTS)).isEmpty();
  }
}
