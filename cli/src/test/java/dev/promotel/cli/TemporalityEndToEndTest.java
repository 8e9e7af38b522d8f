package dev.promotel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code promotel temporality} end to end: bad input, strictness, reports, stdin, orders. */
class TemporalityEndToEndTest {
  @TempDir Path dir;

  private static String request(String metrics) {
    return "{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[" + metrics + "]}]}]}\n";
  }

  private static String sum(String temporality, String points) {
    return "{\"name\":\"calls\",\"sum\":{\"aggregationTemporality\":" + temporality
        + ",\"isMonotonic\":true,\"dataPoints\":[" + points + "]}}";
  }

  private static String point(long start, long time, String value) {
    return "{\"startTimeUnixNano\":\"" + start + "\",\"timeUnixNano\":\"" + time + "\",\"asInt\":\""
        + value + "\"}";
  }

  @Test
  void badInputIsCountedReportedAndNeverACrash() throws IOException {
    String histogram = "{\"name\":\"h\",\"histogram\":{\"aggregationTemporality\":1,\"dataPoints\":["
        + "{\"timeUnixNano\":\"10\",\"count\":\"2\",\"bucketCounts\":[\"1\",\"1\"],"
        + "\"explicitBounds\":[1]},"
        + "{\"startTimeUnixNano\":\"10\",\"timeUnixNano\":\"20\",\"count\":\"2\","
        + "\"bucketCounts\":[\"1\",\"1\",\"0\"],\"explicitBounds\":[1]},"
        + "{\"startTimeUnixNano\":\"20\",\"timeUnixNano\":\"30\","
        + "\"count\":\"18446744073709551615\",\"bucketCounts\":[\"1\",\"1\"],\"explicitBounds\":[1]}"
        + "]}}";
    String input = request(sum("1", point(0, 10, "9223372036854775807") + ","
            + point(10, 20, "1") + "," + point(50, 40, "1")))
        + request(histogram)
        + request(sum("7", point(0, 10, "1")))
        + request(sum("\"AGGREGATION_TEMPORALITY_SOMETIMES\"", point(0, 10, "1")));
    Path in = dir.resolve("bad.jsonl");
    Files.writeString(in, input);
    Path report = dir.resolve("report.json");
    Cli cli = Cli.run("temporality", "cumulative", in.toString(), "--report", report.toString());
    assertThat(cli.exitCode).as(cli.err).isZero();
    assertThat(cli.err)
        .contains("promotel: 1 points dropped: start time after the point's time")
        .contains("promotel: note: 1 integer sums beyond 2^63 continued as doubles")
        .contains("promotel: 4 invalid OTLP data points skipped (first: ")
        .contains("bad.jsonl:2:196: invalid histogram data point")
        .doesNotContain("Exception");
    assertThat(cli.out).contains("\"asInt\":\"9223372036854775807\"")
        .contains("\"asDouble\":9.223372036854776E18")
        .contains("\"bucketCounts\":[\"1\",\"1\"]");
    String json = Files.readString(report);
    assertThat(json).contains("temporality-invalid_window", "temporality-overflow", "invalid-point");
    Cli strict = Cli.run("temporality", "cumulative", "--strict", in.toString());
    assertThat(strict.exitCode).isEqualTo(1);
  }

  @Test
  void badProtobufPointsAreCountedToo() throws IOException {
    Metric wrongEnum = Metric.newBuilder().setName("calls").setSum(Sum.newBuilder()
        .setAggregationTemporalityValue(7).addDataPoints(NumberDataPoint.newBuilder()
            .setTimeUnixNano(10).setAsInt(1))).build();
    Metric mismatched = Metric.newBuilder().setName("h").setHistogram(Histogram.newBuilder()
        .setAggregationTemporalityValue(1)
        .addDataPoints(HistogramDataPoint.newBuilder().setTimeUnixNano(10).setCount(3)
            .addBucketCounts(1).addBucketCounts(1).addBucketCounts(1).addExplicitBounds(1))
        .addDataPoints(HistogramDataPoint.newBuilder().setStartTimeUnixNano(10)
            .setTimeUnixNano(20).setCount(2).addBucketCounts(1).addBucketCounts(1)
            .addExplicitBounds(1))).build();
    ExportMetricsServiceRequest request = ExportMetricsServiceRequest.newBuilder()
        .addResourceMetrics(ResourceMetrics.newBuilder().addScopeMetrics(
            ScopeMetrics.newBuilder().addMetrics(wrongEnum).addMetrics(mismatched)))
        .build();
    Path in = dir.resolve("bad.pb");
    Files.write(in, request.toByteArray());
    Cli cli = Cli.run("temporality", "cumulative", "--from", "otlp-pb", in.toString(), "--to",
        "otlp-jsonl");
    assertThat(cli.exitCode).as(cli.err).isZero();
    assertThat(cli.err).contains("promotel: 2 invalid OTLP data points skipped");
    assertThat(cli.out).contains("\"name\":\"h\"").doesNotContain("\"name\":\"calls\"");
  }

  @Test
  void stdinIsReadTwiceInTimeOrderAndGivesTheSameAsAFile() throws IOException {
    String input = request(sum("1", point(1300, 1400, "4") + "," + point(1000, 1100, "1")
        + "," + point(1100, 1200, "2") + "," + point(1200, 1300, "3")));
    Path in = dir.resolve("late.jsonl");
    Files.writeString(in, input);
    Cli file = Cli.run("temporality", "cumulative", in.toString(), "--sort-buffer", "1");
    Cli stdin = Cli.runWithStdin(input, "temporality", "cumulative", "--temp-dir",
        dir.toString());
    assertThat(stdin.exitCode).as(stdin.err).isZero();
    assertThat(stdin.out).isEqualTo(file.out)
        .contains("\"startTimeUnixNano\":\"1000\",\"timeUnixNano\":\"1400\",\"asInt\":\"10\"")
        .contains("\"startTimeUnixNano\":\"1000\",\"timeUnixNano\":\"1300\",\"asInt\":\"6\"");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsOnly("late.jsonl");
    }
    Cli input1 = Cli.run("temporality", "cumulative", "--order=input", in.toString());
    assertThat(input1.err).contains("3 points dropped: start before the stream's start");
    Cli piped = Cli.runWithStdin(input, "temporality", "cumulative", "--order=input");
    assertThat(piped.exitCode).as(piped.err).isZero();
    assertThat(piped.out).isEqualTo(input1.out);
  }

  @Test
  void emitLastGivesOneFinalPointPerStreamAsPrometheusText() throws IOException {
    String input = request(sum("1", point(1000, 1100, "1") + "," + point(1100, 1200, "2")))
        + request(sum("1", point(1200, 1300, "3")));
    Path in = dir.resolve("d.jsonl");
    Files.writeString(in, input);
    Cli cli = Cli.run("temporality", "cumulative", "--emit=last", "--to", "prom",
        "--no-job-instance", in.toString());
    assertThat(cli.exitCode).as(cli.err).isZero();
    assertThat(cli.out).isEqualTo("# TYPE calls_total counter\ncalls_total 6\n");
  }

  @Test
  void deltaTurnsCumulativeSumsIntoDeltasAndLayoutByTimeSortsAcrossMetrics() throws IOException {
    String input = request(sum("2", point(1000, 1100, "10") + "," + point(1000, 1200, "15")))
        + request(sum("2", point(1000, 1300, "21")));
    Path in = dir.resolve("c.jsonl");
    Files.writeString(in, input);
    Cli cli = Cli.run("temporality", "delta", "--initial-value=keep", "--layout=by-time",
        in.toString());
    assertThat(cli.exitCode).as(cli.err).isZero();
    assertThat(cli.out).contains("\"startTimeUnixNano\":\"1100\",\"timeUnixNano\":\"1200\","
        + "\"asInt\":\"5\"").contains("\"startTimeUnixNano\":\"1200\",\"timeUnixNano\":\"1300\","
        + "\"asInt\":\"6\"").contains("\"aggregationTemporality\":1");
  }

  @Test
  void deltaIntoPrometheusTextIsAUsageErrorThatWritesNothing() throws IOException {
    Path in = dir.resolve("c.jsonl");
    Files.writeString(in, request(sum("2", point(1000, 1100, "10") + "," + point(1000, 1200, "15"))));
    for (String to : new String[] {"prom", "om"}) {
      for (String order : new String[] {"time", "input"}) {
        Cli cli = Cli.run("temporality", "delta", "--order=" + order, in.toString(), "--to", to);
        assertThat(cli.exitCode).as(cli.err).isEqualTo(2);
        assertThat(cli.out).isEmpty();
        assertThat(cli.err).contains(to + " output cannot carry delta temporality")
            .contains("use an OTLP output format");
      }
    }
    Path prom = dir.resolve("c.prom");
    Files.writeString(prom, "# TYPE calls_total counter\ncalls_total 6\n");
    Cli implied = Cli.run("temporality", "delta", prom.toString());
    assertThat(implied.exitCode).as(implied.err).isEqualTo(2);
    assertThat(implied.out).isEmpty();
    assertThat(Cli.run("temporality", "cumulative", in.toString(), "--to", "prom").exitCode)
        .isZero();
  }

  @Test
  void aTruncatedDocumentWritesNothingAndSaysWhereInPlainWords() throws IOException {
    Path in = dir.resolve("bad.jsonl");
    Files.writeString(in, "{\"resourceMetrics\":[\n");
    for (String order : new String[] {"time", "input"}) {
      for (String to : new String[] {"otlp-jsonl", "otlp-json", "om"}) {
        Cli cli = Cli.run("temporality", "cumulative", "--order=" + order, in.toString(),
            "--to", to);
        assertThat(cli.exitCode).as(cli.err).isEqualTo(3);
        assertThat(cli.out).as("%s %s", order, to).isEmpty();
        assertThat(cli.err).as(order).startsWith(in + ":1:20: error: unexpected end of input")
            .doesNotContain("Source:", "REDACTED", "StreamReadFeature");
      }
    }
    Cli stdin = Cli.runWithStdin("{\"resourceMetrics\":[\n", "temporality", "cumulative",
        "--order=input", "--from", "otlp-jsonl", "-");
    assertThat(stdin.exitCode).as(stdin.err).isEqualTo(3);
    assertThat(stdin.out).isEmpty();
  }

  @Test
  void usageErrorsExit2AndErrorPoliciesExit3() throws IOException {
    assertThat(Cli.run("temporality", "sideways").exitCode).isEqualTo(2);
    assertThat(Cli.run("temporality", "cumulative", "--max-stale", "5 minutes").exitCode)
        .isEqualTo(2);
    Path in = dir.resolve("o.jsonl");
    Files.writeString(in, request(sum("1", point(1000, 1100, "1") + "," + point(1050, 1200, "1"))),
        StandardCharsets.UTF_8);
    Cli cli = Cli.run("temporality", "cumulative", "--on-overlap=error", in.toString());
    assertThat(cli.exitCode).isEqualTo(3);
    assertThat(cli.err).contains("overlap in stream calls{}: start 1050 < previous time 1100");
  }
}
