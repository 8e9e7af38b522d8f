package dev.promotel.cli;

import static dev.promotel.cli.TestData.OM;
import static dev.promotel.cli.TestData.PROM;
import static dev.promotel.cli.TestData.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.io.Compression;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code promotel validate} over real files: silent success, compiler-style failures, exit 0/3. */
class ValidateEndToEndTest {
  private static final String BAD_OM =
      "# TYPE http_requests counter\n"
          + "http_requests_total{code=\"200\"} 1027\n"
          + "http_requests_total{code=\"500\" 3\n"
          + "# EOF\n";

  @TempDir Path dir;

  @Test
  void aSmallCounterFileWithoutEofIsPrometheusTextAsPromtoolReadsIt() throws IOException {
    Path in = write(dir, "t0.prom", "# TYPE foo counter\nfoo_total 1\n");

    Cli validate = Cli.runWithWriters("validate", in.toString());
    Cli convert = Cli.run("convert", in.toString(), "--to", "otlp-jsonl");

    assertThat(validate.exitCode).as(validate.err).isZero();
    assertThat(convert.exitCode).as(convert.err).isZero();
    assertThat(convert.out).contains("\"name\":\"foo_total\"");
  }

  @Test
  void aLargeFileTakenForOpenMetricsWithoutEofSaysHowToReadItAsPrometheusText()
      throws IOException {
    StringBuilder text = new StringBuilder("# TYPE foo counter\n");
    for (int i = 0; text.length() <= 70_000; i++) {
      text.append("foo_total{i=\"").append(i).append("\"} 1\n");
    }
    Path in = write(dir, "big.prom", text.toString());

    Cli sniffed = Cli.runWithWriters("validate", in.toString());
    Cli explicit = Cli.runWithWriters("validate", "--from", "om", in.toString());
    Cli prom = Cli.runWithWriters("validate", "--from", "prom", in.toString());

    assertThat(sniffed.exitCode).isEqualTo(3);
    assertThat(sniffed.err).contains("expected '# EOF' as the last line")
        .contains("(detected as OpenMetrics; use --from prom for Prometheus text)");
    assertThat(explicit.exitCode).isEqualTo(3);
    assertThat(explicit.err).contains("expected '# EOF'").doesNotContain("detected as");
    assertThat(prom.exitCode).as(prom.err).isZero();
  }

  @Test
  void aGoodOpenMetricsFileExits0Silently() throws IOException {
    Path in = write(dir, "good.om", OM);

    Cli cli = Cli.runWithWriters("validate", in.toString());

    assertThat(cli.exitCode).isZero();
    assertThat(cli.out).isEmpty();
    assertThat(cli.err).isEmpty();
  }

  @Test
  void verboseSaysWhatWasCheckedAndAsWhichFormat() throws IOException {
    Path in = write(dir, "good.om", OM);

    Cli cli = Cli.run("-v", "validate", in.toString());

    assertThat(cli.exitCode).isZero();
    assertThat(cli.err).isEqualTo(in + ": ok (om, 2 families)\n");
  }

  @Test
  void aBadOpenMetricsFileExits3WithThePositionTheLineAndACaret() throws IOException {
    Path in = write(dir, "bad.om", BAD_OM);

    Cli cli = Cli.runWithWriters("validate", in.toString());

    assertThat(cli.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(cli.out).isEmpty();
    assertThat(cli.err)
        .isEqualTo(in + ":3:31: error: expected ',' or '}' after the label, got ' '\n"
            + "  http_requests_total{code=\"500\" 3\n"
            + "                                ^\n")
        .doesNotContain("at dev.promotel");
  }

  @Test
  void everyInputIsCheckedAndEachFailureReported() throws IOException {
    Path good = write(dir, "a-good.om", OM);
    Path bad = write(dir, "b-bad.om", BAD_OM);
    Path empty = write(dir, "c-empty.om", "");
    Path prom = write(dir, "d-good.prom", PROM);

    Cli cli = Cli.run("-v", "validate", good.toString(), bad.toString(), empty.toString(),
        prom.toString());

    assertThat(cli.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(cli.err.lines())
        .containsExactly(
            good + ": ok (om, 2 families)",
            bad + ":3:31: error: expected ',' or '}' after the label, got ' '",
            "  http_requests_total{code=\"500\" 3",
            "                                ^",
            empty + ":1:1: error: expected '# EOF' as the last line, got end of input",
            prom + ": ok (prom, 2 families)");
  }

  @Test
  void aDirectoryIsValidatedFileByFile() throws IOException {
    Path dumps = Files.createDirectories(dir.resolve("dumps"));
    write(dumps, "a.prom", PROM);
    write(dumps, "b.om", BAD_OM);

    Cli cli = Cli.run("validate", dumps.toString());

    assertThat(cli.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(cli.err).startsWith(dumps.resolve("b.om") + ":3:31: error: ");
  }

  @Test
  void anEmptyInputIsValidPrometheusTextButNotValidOpenMetrics() {
    Cli prom = Cli.runWithStdin("", "validate");
    Cli om = Cli.runWithStdin("", "validate", "--from", "om");

    assertThat(prom.exitCode).isZero();
    assertThat(om.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(om.err)
        .isEqualTo("<stdin>:1:1: error: expected '# EOF' as the last line, got end of input\n");
  }

  @Test
  void corruptCompressedDataIsReportedAndTheOtherInputsStillChecked() throws IOException {
    byte[] gz = TestData.compress(Compression.GZIP, PROM.getBytes(StandardCharsets.UTF_8));
    Path cut = Files.write(dir.resolve("cut.prom.gz"), java.util.Arrays.copyOf(gz, gz.length - 9));
    Path good = write(dir, "good.prom", PROM);

    Cli cli = Cli.run("-v", "validate", cut.toString(), good.toString());

    assertThat(cli.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(cli.err.lines().toList()).hasSize(2);
    assertThat(cli.err.lines().toList().get(0))
        .startsWith("promotel: error: " + cut + ": corrupt gzip data: ");
    assertThat(cli.err.lines().toList().get(1)).isEqualTo(good + ": ok (prom, 2 families)");
  }

  @Test
  void aMissingInputStopsWithAnIoError() {
    Cli cli = Cli.run("validate", dir.resolve("nope.om").toString());

    assertThat(cli.exitCode).isEqualTo(ExitCodes.IO_ERROR);
    assertThat(cli.err).isEqualTo("promotel: error: " + dir.resolve("nope.om") + ": no such file\n");
  }

  @Test
  void theSamplesAreValid() {
    Cli cli = Cli.run("validate", "../samples/node_exporter.prom", "../samples/app.om",
        "../samples/utf8.prom");

    assertThat(cli.exitCode).isZero();
    assertThat(cli.err).isEmpty();
  }
}
