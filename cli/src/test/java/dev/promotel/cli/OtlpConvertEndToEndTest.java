package dev.promotel.cli;

import static dev.promotel.cli.TestData.filesIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code promotel convert} with OTLP on either side: the bundled Collector export to OpenMetrics
 * and back to OTLP, the mapping flags, the OTLP output flags, and bad OTLP input.
 */
class OtlpConvertEndToEndTest {
  private static final String JSONL = "../samples/collector-export.jsonl";
  private static final String PB = "../samples/collector-export.pb";
  private static final String NO_STACK_TRACE = "at dev.promotel";

  @TempDir Path dir;

  @Test
  void theCollectorExportBecomesOpenMetricsAndThatGoesBackToOtlpProtobufAndJson() throws IOException {
    Path om = dir.resolve("export.om");
    Cli toOm = Cli.run("convert", JSONL, "--to", "om", "-o", om.toString());
    assertThat(toOm.exitCode).isZero();
    String text = Files.readString(om);
    assertThat(text)
        .contains("# TYPE http_server_request_duration_seconds histogram")
        .contains("job=\"shop/checkout\"")
        .contains("# TYPE target info")
        .endsWith("# EOF\n");
    assertThat(toOm.err).contains("exponential histograms dropped", "non-monotonic delta sums");

    Cli toPb = Cli.run("convert", om.toString(), "--to", "otlp-pb",
        "--default-timestamp", "2024-03-12T10:01:00Z", "-o", dir.resolve("back.pb").toString());
    Cli toJson = Cli.run("convert", om.toString(), "--to", "otlp-json",
        "--default-timestamp", "1710237660000");
    assertThat(toPb.exitCode).isZero();
    assertThat(toJson.exitCode).isZero();
    assertThat(toJson.out).startsWith("{\"resourceMetrics\":[")
        .contains("\"timeUnixNano\":\"1710237660000000000\"")
        .contains("\"key\":\"service.name\",\"value\":{\"stringValue\":\"shop/checkout\"}");

    // Both OTLP outputs hold the same data: each converts to the same OpenMetrics text.
    Cli pbAgain = Cli.run("convert", dir.resolve("back.pb").toString(), "--to", "om");
    Cli jsonAgain = Cli.runWithStdin(toJson.out, "convert", "--to", "om");
    assertThat(pbAgain.exitCode).isZero();
    assertThat(jsonAgain.out).isEqualTo(pbAgain.out).contains("checkout_orders_total");
  }

  @Test
  void theJsonLinesAndTheProtobufSampleConvertToTheSameText() {
    Cli fromJsonl = Cli.run("convert", JSONL, "--to", "prom");
    Cli fromPb = Cli.run("convert", PB, "--to", "prom");
    assertThat(fromJsonl.exitCode).isZero();
    assertThat(fromPb.out).isEqualTo(fromJsonl.out).contains("system_cpu_time_seconds_total");
  }

  @Test
  void theTranslationStrategyDecidesTheNames() {
    Cli cli = Cli.run("convert", JSONL, "--to", "om", "--escaping", "allow-utf-8",
        "--translation-strategy", "NoTranslation");
    assertThat(cli.exitCode).isZero();
    assertThat(cli.out).contains("{\"http.server.request.duration_bucket\"")
        .doesNotContain("http_server_request_duration_seconds");
  }

  @Test
  void deltaDropLeavesOutTheDeltaSumAndSaysSo() {
    Cli accumulate = Cli.run("convert", JSONL, "--to", "prom");
    Cli drop = Cli.run("convert", JSONL, "--to", "prom", "--delta", "drop");
    assertThat(accumulate.out).contains("system_cpu_time_seconds_total");
    assertThat(drop.exitCode).isZero();
    assertThat(drop.out).doesNotContain("system_cpu_time").contains("checkout_orders_total");
    assertThat(drop.err).contains("delta");
  }

  @Test
  void expHistogramTextClassicWritesClassicBuckets() {
    Cli cli = Cli.run("convert", JSONL, "--to", "om", "--exp-histogram-text", "classic");
    assertThat(cli.exitCode).isZero();
    assertThat(cli.out).contains("# TYPE http_client_request_duration_seconds histogram")
        .contains("http_client_request_duration_seconds_bucket{");
    assertThat(cli.err).doesNotContain("exponential histograms dropped");
  }

  @Test
  void targetInfoNeverWritesNoTargetInfoAndStrictMakesTheLossesExit1() {
    Cli cli = Cli.run("convert", JSONL, "--to", "om", "--target-info", "never", "--strict");
    assertThat(cli.exitCode).isEqualTo(ExitCodes.LOSSES_OR_FINDINGS);
    assertThat(cli.out).doesNotContain("target_info").endsWith("# EOF\n");
  }

  @Test
  void prettyIndentsTheJsonDocumentAndFramingDelimitsTheProtobuf() throws IOException {
    Cli pretty = Cli.run("convert", JSONL, "--to", "otlp-json", "--pretty");
    assertThat(pretty.exitCode).isZero();
    assertThat(pretty.out).startsWith("{\n").contains("\n  \"resourceMetrics\"");

    Cli framed = Cli.run("convert", JSONL, "--to", "otlp-pb", "--framing", "u32be");
    assertThat(framed.exitCode).isZero();
    byte[] bytes = framed.outBytes;
    int first = ByteBuffer.wrap(bytes, 0, 4).getInt();
    assertThat(first).isPositive().isLessThanOrEqualTo(bytes.length - 4);
    assertThat(bytes[4]).isEqualTo((byte) 0x0a); // resource_metrics, field 1

    Cli zstd = Cli.run("convert", JSONL, "--to", "otlp-pb", "--zstd-records");
    assertThat(zstd.exitCode).isZero();
    assertThat(Arrays.copyOfRange(zstd.outBytes, 4, 8))
        .containsExactly(0x28, 0xb5, 0x2f, 0xfd);
    Path zst = Files.write(dir.resolve("records.pb"), zstd.outBytes);
    assertThat(Cli.run("convert", zst.toString(), "--to", "prom").out)
        .isEqualTo(Cli.run("convert", JSONL, "--to", "prom").out);
  }

  @Test
  void badFlagValuesAreUsageErrors() {
    assertThat(Cli.run("convert", JSONL, "--to", "om", "--delta", "sometimes").exitCode)
        .isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.run("convert", JSONL, "--to", "om", "--default-timestamp", "yesterday").exitCode)
        .isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.run("convert", JSONL, "--to", "om", "--ignore-resource-attributes", "a").err)
        .contains("--ignore-resource-attributes needs --promote-all-resource-attributes");
    assertThat(Cli.run("convert", JSONL, "--to", "otlp-pb", "--framing", "varint",
        "--zstd-records").exitCode).isEqualTo(ExitCodes.USAGE);
  }

  static Stream<Arguments> badOtlp() {
    byte[] framed = {0, 0, 0, 5, 0x0a, 0x03, 0x0a};
    byte[] pastEnd = {0, 0, 0x03, (byte) 0x84, 0x0a, 0x02, 0x0a, 0x00};
    String deep = "{\"resourceMetrics\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    String shortTrace = "{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"name\":\"c\","
        + "\"sum\":{\"aggregationTemporality\":2,\"isMonotonic\":true,\"dataPoints\":[{\"asInt\":\"1\","
        + "\"exemplars\":[{\"asInt\":\"1\",\"traceId\":\"abcd\"}]}]}}]}]}]}\n";
    return Stream.of(
        Arguments.of("truncated protobuf", "t.pb", framed),
        Arguments.of("a frame past the end", "f.pb", pastEnd),
        Arguments.of("invalid JSON", "i.jsonl", bytes("{\"resourceMetrics\":[{]}\n")),
        Arguments.of("a wrong type in JSON", "w.jsonl", bytes("{\"resourceMetrics\":\"x\"}\n")),
        Arguments.of("10 000-deep JSON", "d.json", bytes(deep)),
        Arguments.of("a trace id of the wrong length", "s.jsonl", bytes(shortTrace)));
  }

  @ParameterizedTest(name = "{0}: positioned error, exit 3, no stack trace, no -o file")
  @MethodSource("badOtlp")
  void badOtlpInputIsAPositionedErrorWithExit3AndNothingWritten(
      String what, String name, byte[] content) throws IOException {
    Path in = Files.write(dir.resolve(name), content);
    Path out = dir.resolve("out.om");

    Cli cli = Cli.run("convert", in.toString(), "--to", "om", "-o", out.toString());

    assertThat(cli.exitCode).as(cli.err).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(cli.err).startsWith(in + ":").contains("error:").doesNotContain(NO_STACK_TRACE);
    assertThat(cli.err.lines().findFirst().orElseThrow())
        .matches(".*:(byte \\d+|\\d+:\\d+): error: .*");
    assertThat(filesIn(dir)).containsExactly(name);
  }

  @Test
  void aTruncatedJsonDocumentIsAPlainErrorAtTheUnclosedArrayWithNothingOnStdout()
      throws IOException {
    Path in = Files.writeString(dir.resolve("bad.jsonl"), "{\"resourceMetrics\":[\n");
    for (String to : new String[] {"otlp-jsonl", "otlp-json", "prom", "om"}) {
      Cli cli = Cli.run("convert", in.toString(), "--to", to);
      assertThat(cli.exitCode).as(cli.err).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(cli.out).as(to).isEmpty();
      assertThat(cli.err).isEqualTo(in + ":1:20: error: unexpected end of input: the array"
          + " opened here is never closed\n");
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
