package dev.promotel.cli;

import static dev.promotel.cli.TestData.OM;
import static dev.promotel.cli.TestData.OM_WITH_EXEMPLARS;
import static dev.promotel.cli.TestData.PROM;
import static dev.promotel.cli.TestData.compress;
import static dev.promotel.cli.TestData.decompress;
import static dev.promotel.cli.TestData.filesIn;
import static dev.promotel.cli.TestData.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.promotel.io.Compression;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code promotel convert} from the command line to the bytes written, with the real codecs. */
class ConvertEndToEndTest {
  @TempDir Path dir;

  @Test
  void prometheusTextBecomesOpenMetricsOnStdout() throws IOException {
    Path in = write(dir, "scrape.prom", PROM);

    Cli cli = Cli.runWithWriters("convert", in.toString(), "--to", "om");

    assertThat(cli.exitCode).isZero();
    assertThat(cli.out).isEqualTo(OM);
    assertThat(cli.err).isEmpty();
  }

  @Test
  void openMetricsBecomesPrometheusTextInAnOutputFile() throws IOException {
    Path in = write(dir, "scrape.om", OM);
    Path out = dir.resolve("out.prom");

    Cli cli = Cli.runWithWriters("convert", in.toString(), "--to", "prom", "-o", out.toString());

    assertThat(cli.exitCode).isZero();
    assertThat(cli.out).isEmpty();
    assertThat(cli.err).isEmpty();
    assertThat(Files.readString(out)).isEqualTo(PROM);
    assertThat(filesIn(dir)).containsExactly("out.prom", "scrape.om");
  }

  @Test
  void withoutToTheOutputKeepsTheInputsFormatDetectedFromContent() throws IOException {
    // No extension to go by: "# EOF" alone says OpenMetrics.
    Path in = write(dir, "scrape", OM);

    Cli cli = Cli.run("convert", in.toString());

    assertThat(cli.exitCode).isZero();
    assertThat(cli.out).isEqualTo(OM);
  }

  @Test
  void standardInputIsReadForADashAndForNoArgumentAtAll() {
    Cli dash = Cli.runWithStdin(PROM, "convert", "-", "--to", "om");
    Cli none = Cli.runWithStdin(PROM, "convert", "--to", "om");
    Cli dashOut = Cli.runWithStdin(OM, "convert", "--to", "prom", "-o", "-");

    assertThat(dash.exitCode).isZero();
    assertThat(dash.out).isEqualTo(OM);
    assertThat(none.exitCode).isZero();
    assertThat(none.out).isEqualTo(OM);
    assertThat(dashOut.exitCode).isZero();
    assertThat(dashOut.out).isEqualTo(PROM);
  }

  @Test
  void severalInputsBecomeOneOpenMetricsOutputWithOneEof() throws IOException {
    Path a = write(dir, "a.prom", "# TYPE a gauge\na 1\n");
    Path b = write(dir, "b.om", "# TYPE b gauge\nb 2\n# EOF\n");

    Cli cli = Cli.runWithStdin("c 3\n", "convert", a.toString(), b.toString(), "-", "--to", "om");

    assertThat(cli.exitCode).isZero();
    assertThat(cli.out)
        .isEqualTo("# TYPE a gauge\na 1\n# TYPE b gauge\nb 2\n# TYPE c unknown\nc 3\n# EOF\n");
  }

  @Test
  void aDirectoryStandsForItsFilesInSortedOrder() throws IOException {
    Path metrics = Files.createDirectories(dir.resolve("metrics"));
    write(metrics, "b.prom", "b 2\n");
    write(metrics, "a.prom", "a 1\n");

    Cli cli = Cli.run("convert", metrics.toString());

    assertThat(cli.exitCode).isZero();
    assertThat(cli.out).isEqualTo("# TYPE a untyped\na 1\n# TYPE b untyped\nb 2\n");
  }

  @Test
  void compressGzipCompressesStdout() throws IOException {
    Path in = write(dir, "scrape.prom", PROM);

    Cli cli = Cli.run("convert", in.toString(), "--to", "om", "--compress", "gzip");

    assertThat(cli.exitCode).isZero();
    assertThat(decompress(cli.outBytes, Compression.GZIP)).isEqualTo(OM);
  }

  @Test
  void theOutputFilesExtensionChoosesItsCompression() throws IOException {
    Path in = write(dir, "scrape.prom", PROM);
    Path out = dir.resolve("out.om.zst");

    Cli cli = Cli.run("convert", in.toString(), "--to", "om", "-o", out.toString());

    assertThat(cli.exitCode).isZero();
    assertThat(decompress(Files.readAllBytes(out), Compression.ZSTD)).isEqualTo(OM);
    assertThat(filesIn(dir)).containsExactly("out.om.zst", "scrape.prom");
  }

  @Test
  void anExplicitCompressWinsOverTheExtension() throws IOException {
    Path in = write(dir, "scrape.prom", PROM);
    Path out = dir.resolve("out.om.gz");

    Cli cli = Cli.run(
        "convert", in.toString(), "--to", "om", "-o", out.toString(), "--compress", "none");

    assertThat(cli.exitCode).isZero();
    assertThat(Files.readString(out)).isEqualTo(OM);
  }

  static Stream<Arguments> compressions() {
    return Stream.of(Compression.GZIP, Compression.ZSTD, Compression.XZ, Compression.BZIP2)
        .map(c -> arguments(named(c.id(), c)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("compressions")
  void compressedInputsAreRecognisedByContentNotByName(Compression compression)
      throws IOException {
    // Named .prom, holding compressed OpenMetrics: content decides twice.
    Path in = Files.write(
        dir.resolve("scrape.prom"), compress(compression, OM.getBytes(StandardCharsets.UTF_8)));

    Cli cli = Cli.run("convert", in.toString(), "--to", "prom");

    assertThat(cli.exitCode).isZero();
    assertThat(cli.out).isEqualTo(PROM);
    assertThat(cli.err).isEmpty();
  }

  @Test
  void compressedStandardInputIsRecognisedToo() throws IOException {
    Cli cli = Cli.runWithStdin(
        compress(Compression.ZSTD, PROM.getBytes(StandardCharsets.UTF_8)), "convert", "--to", "om");

    assertThat(cli.exitCode).isZero();
    assertThat(cli.out).isEqualTo(OM);
  }

  @Test
  void droppedExemplarsAreCountedOnStderrAndTheOutputIsWritten() throws IOException {
    Path in = write(dir, "scrape.om", OM_WITH_EXEMPLARS);

    Cli cli = Cli.run("convert", in.toString(), "--to", "prom");

    assertThat(cli.exitCode).isZero();
    assertThat(cli.out).isEqualTo(PROM);
    assertThat(cli.err)
        .isEqualTo("promotel: 2 exemplars dropped: Prometheus text 0.0.4 cannot carry exemplars\n");
  }

  @Test
  void quietSilencesTheLossSummary() throws IOException {
    Path in = write(dir, "scrape.om", OM_WITH_EXEMPLARS);

    Cli cli = Cli.run("-q", "convert", in.toString(), "--to", "prom");

    assertThat(cli.exitCode).isZero();
    assertThat(cli.err).isEmpty();
  }

  @Test
  void verboseSaysPerInputWhatWasDetectedAndRead() throws IOException {
    Path in = write(dir, "scrape.om", OM_WITH_EXEMPLARS);

    Cli cli = Cli.run("-v", "convert", in.toString(), "--to", "prom");

    assertThat(cli.exitCode).isZero();
    assertThat(cli.err).contains(in + ": om (none), 2 families read, writing prom");
  }

  @Test
  void strictTurnsALossIntoExit1AndStillWritesTheOutput() throws IOException {
    Path in = write(dir, "scrape.om", OM_WITH_EXEMPLARS);
    Path out = dir.resolve("out.prom");

    Cli cli = Cli.run("convert", "--strict", in.toString(), "--to", "prom", "-o", out.toString());

    assertThat(cli.exitCode).isEqualTo(1);
    assertThat(cli.err).contains("2 exemplars dropped");
    assertThat(Files.readString(out)).isEqualTo(PROM);
  }

  @Test
  void timestampsTheModelCannotHoldAreLossesTheReaderReportsToo() {
    // Before 1970 (OpenMetrics allows it) and exactly 0 (the model's "no timestamp").
    String om = "# TYPE a gauge\na{x=\"1\"} 1 -5\na{x=\"2\"} 2 0\n# EOF\n";
    String prom = "a{x=\"1\"} 1 0\n";

    Cli fromOm = Cli.runWithStdin(om, "convert", "--strict", "--to", "om");
    Cli fromProm = Cli.runWithStdin(prom, "convert", "--strict", "--to", "prom");

    assertThat(fromOm.exitCode).isEqualTo(1);
    assertThat(fromOm.out).isEqualTo("# TYPE a gauge\na{x=\"1\"} 1\na{x=\"2\"} 2\n# EOF\n");
    assertThat(fromOm.err)
        .contains("1 OpenMetrics sample timestamps dropped")
        .contains("1 OpenMetrics sample timestamps of 0 (1970-01-01T00:00:00Z) dropped");
    assertThat(fromProm.exitCode).isEqualTo(1);
    assertThat(fromProm.out).isEqualTo("# TYPE a untyped\na{x=\"1\"} 1\n");
    assertThat(fromProm.err).contains("1 sample timestamps of 0 (1970-01-01T00:00:00Z) dropped");
  }

  @Test
  void strictWithoutLossesExits0() throws IOException {
    Path in = write(dir, "scrape.prom", PROM);

    assertThat(Cli.run("convert", "--strict", in.toString(), "--to", "om").exitCode).isZero();
  }

  @Test
  void theReportFileHoldsEachLossWithItsCount() throws IOException {
    Path in = write(dir, "scrape.om", OM_WITH_EXEMPLARS);
    Path report = dir.resolve("losses.json");

    Cli cli = Cli.run(
        "convert", in.toString(), "--to", "prom", "--report", report.toString(), "-o",
        dir.resolve("out.prom").toString());

    assertThat(cli.exitCode).isZero();
    Map<String, Object> json = readObject(report);
    assertThat(json)
        .containsEntry("command", "convert")
        .containsEntry("inputs", List.of(in.toString()))
        .containsEntry("to", "prom")
        .containsEntry("losses", 2L)
        .containsEntry("notes", 0L);
    assertThat(json.get("entries"))
        .isEqualTo(List.of(Map.of(
            "kind", "loss",
            "code", "exemplar-dropped",
            "count", 2L,
            "message", "exemplars dropped: Prometheus text 0.0.4 cannot carry exemplars")));
  }

  @Test
  void theReportIsWrittenWhenNothingWasLostToo() throws IOException {
    Cli cli = Cli.runWithStdin(PROM, "convert", "--report", dir.resolve("r.json").toString());

    assertThat(cli.exitCode).isZero();
    Map<String, Object> json = readObject(dir.resolve("r.json"));
    assertThat(json)
        .containsEntry("inputs", List.of("<stdin>"))
        .containsEntry("losses", 0L)
        .containsEntry("entries", List.of());
  }

  @Test
  void theSamplesSurviveARoundTripThroughOpenMetrics() throws IOException {
    Path sample = Path.of("..", "samples", "utf8.prom");
    Path om = dir.resolve("utf8.om");

    Cli there = Cli.run("convert", sample.toString(), "--to", "om", "-o", om.toString());
    Cli back = Cli.run("convert", om.toString(), "--to", "prom");
    Cli validate = Cli.run("validate", om.toString());

    assertThat(there.exitCode).isZero();
    assertThat(back.exitCode).isZero();
    assertThat(validate.exitCode).isZero();
    assertThat(Cli.run("convert", sample.toString()).out).isEqualTo(back.out);
  }

  /** A JSON object as maps, lists, strings, longs and booleans (jackson-core, no databind). */
  private static Map<String, Object> readObject(Path file) throws IOException {
    try (JsonParser json = new JsonFactory().createParser(file.toFile())) {
      json.nextToken();
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) readValue(json);
      return object;
    }
  }

  private static Object readValue(JsonParser json) throws IOException {
    JsonToken token = json.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
          String name = json.currentName();
          json.nextToken();
          object.put(name, readValue(json));
        }
        return object;
      }
      case START_ARRAY -> {
        List<Object> array = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) array.add(readValue(json));
        return array;
      }
      case VALUE_STRING -> {
        return json.getText();
      }
      case VALUE_NUMBER_INT -> {
        return json.getLongValue();
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return json.getBooleanValue();
      }
      default -> throw new AssertionError("unexpected JSON token " + token);
    }
  }
}
