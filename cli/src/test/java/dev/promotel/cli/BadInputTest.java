package dev.promotel.cli;

import static dev.promotel.cli.TestData.filesIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.promotel.io.Compression;
import dev.promotel.io.DecompressionLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad inputs through {@code convert -o}: each fails with one compiler-style line on stderr (then
 * the offending line and a caret where there is one), the documented exit code, no stack trace
 * unless {@code --debug}, and no output file (nor temporary file) left behind.
 */
class BadInputTest {
  private static final String NO_STACK_TRACE = "at dev.promotel";
  private static final int TEN_MB = 10_000_000;

  @TempDir Path dir;

  static Stream<Arguments> badInputs() {
    return Stream.of(
        argumentSet(
            "a truncated line",
            "bad.prom",
            bytes("x{a=\"1\"\n"),
            ":1:8: error: expected ',' or '}' after label value, got end of line",
            List.of()),
        argumentSet(
            "a bad escape in a label value",
            "bad.prom",
            bytes("x{a=\"\\t\"} 1\n"),
            ":1:6: error: expected \\\\, \\\" or \\n after backslash in label value, got 't'",
            List.of()),
        argumentSet(
            "duplicate label names",
            "bad.prom",
            bytes("x{a=\"1\",a=\"2\"} 1\n"),
            ":1:9: error: expected unique label names, got \"a\" twice",
            List.of()),
        argumentSet(
            "bytes that are not UTF-8",
            "bad.prom",
            concat(bytes("x{a=\""), new byte[] {(byte) 0xFF}, bytes("\"} 1\n")),
            ":1:6: error: expected valid UTF-8, got byte 0xff",
            List.of()),
        argumentSet(
            "an OpenMetrics input without # EOF",
            "bad.om",
            bytes("# TYPE x gauge\nx 1\n"),
            ":3:1: error: expected '# EOF' as the last line, got end of input",
            List.of()),
        argumentSet(
            "an empty OpenMetrics input",
            "empty.om",
            new byte[0],
            ":1:1: error: expected '# EOF' as the last line, got end of input",
            List.of()),
        argumentSet(
            "more labels than --max-labels",
            "bad.prom",
            bytes("x{a=\"1\",b=\"2\",c=\"3\"} 1\n"),
            ":1:15: error: expected at most 2 labels on a series, got more"
                + " (raise the limit with --max-labels)",
            List.of("--max-labels", "2")));
  }

  @ParameterizedTest
  @MethodSource("badInputs")
  void isRejectedWithAPositionedErrorExit3AndNoOutput(
      String fileName, byte[] content, String error, List<String> extraArgs) throws IOException {
    Path in = Files.write(dir.resolve(fileName), content);

    Cli cli = convert(in, extraArgs.toArray(String[]::new));

    assertThat(cli.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(cli.err.lines().findFirst()).hasValue(in + error);
    assertThat(cli.err).doesNotContain(NO_STACK_TRACE);
    assertThat(cli.out).isEmpty();
    assertThat(filesIn(dir)).containsExactly(fileName);
  }

  @ParameterizedTest
  @MethodSource("badInputs")
  void showsTheStackTraceOnlyWithDebug(
      String fileName, byte[] content, String error, List<String> extraArgs) throws IOException {
    Path in = Files.write(dir.resolve(fileName), content);
    String[] args =
        concat(new String[] {"--debug"}, convertArgs(in, extraArgs.toArray(String[]::new)));

    Cli cli = Cli.run(args);

    assertThat(cli.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(cli.err).startsWith(in + error).contains(NO_STACK_TRACE);
    assertThat(filesIn(dir)).containsExactly(fileName);
  }

  @Test
  void theErrorShowsTheOffendingLineWithACaretUnderTheColumn() throws IOException {
    Path in = Files.write(dir.resolve("bad.prom"), bytes("up 1\nx{a=\"1\",a=\"2\"} 1\n"));

    Cli cli = convert(in);

    assertThat(cli.err)
        .isEqualTo(in + ":2:9: error: expected unique label names, got \"a\" twice\n"
            + "  x{a=\"1\",a=\"2\"} 1\n"
            + "          ^\n");
  }

  @Test
  void anExistingOutputFileIsLeftUntouched() throws IOException {
    Path in = Files.write(dir.resolve("bad.prom"), bytes("x{a=\"1\"\n"));
    Path out = Files.writeString(dir.resolve("out.prom"), "old\n");

    Cli cli = convert(in);

    assertThat(cli.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(Files.readString(out)).isEqualTo("old\n");
    assertThat(filesIn(dir)).containsExactly("bad.prom", "out.prom");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void aTenMegabyteLineIsRejectedEarlyNamingTheFlagThatRaisesTheLimit() throws IOException {
    byte[] line = new byte[TEN_MB];
    Arrays.fill(line, (byte) 'a');
    Path in = Files.write(dir.resolve("long.prom"), concat(bytes("x{a=\""), line, bytes("\"} 1\n")));

    Cli cli = convert(in);

    assertThat(cli.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(cli.err)
        .isEqualTo(in + ":1:1: error: line longer than 1048576 bytes"
            + " (raise the limit with --max-line-bytes)\n");
    assertThat(filesIn(dir)).containsExactly("long.prom");
  }

  @Test
  void raisingTheLineLimitLetsTheLongLineThroughToTheNextLimit() throws IOException {
    byte[] value = new byte[TEN_MB];
    Arrays.fill(value, (byte) 'a');
    Path in = Files.write(dir.resolve("long.prom"), concat(bytes("x{a=\""), value, bytes("\"} 1\n")));

    Cli cli = convert(in, "--max-line-bytes", "16MiB");

    assertThat(cli.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(cli.err.lines().findFirst())
        .hasValue(in + ":1:5: error: expected a label value of at most 65536 bytes, got "
            + TEN_MB + " (raise the limit with --max-label-value-bytes)");
  }

  @Test
  void anEmptyPrometheusInputIsValidAndConvertsToAnEmptyOutput() throws IOException {
    Path in = Files.write(dir.resolve("empty.prom"), new byte[0]);
    Path out = dir.resolve("out.prom");

    Cli toProm = Cli.run("convert", in.toString(), "-o", out.toString());
    Cli toOm = Cli.run("convert", in.toString(), "--to", "om");
    Cli stdin = Cli.runWithStdin("", "convert");

    assertThat(toProm.exitCode).isZero();
    assertThat(toProm.err).isEmpty();
    assertThat(Files.readString(out)).isEmpty();
    assertThat(toOm.exitCode).isZero();
    assertThat(toOm.out).isEqualTo("# EOF\n");
    assertThat(stdin.exitCode).isZero();
    assertThat(stdin.out).isEmpty();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aGzipBombOfZerosIsStoppedAfterTheFirstMegabyte() throws IOException {
    // One endless "line" of NUL bytes: the line limit trips long before the ratio check would.
    Path in = Files.write(dir.resolve("bomb.prom.gz"), gzipBomb((byte) 0));

    Cli cli = convert(in);

    assertThat(cli.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(cli.err)
        .isEqualTo(in + ":1:1: error: line longer than 1048576 bytes"
            + " (raise the limit with --max-line-bytes)\n");
    assertThat(filesIn(dir)).containsExactly("bomb.prom.gz");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aGzipBombThatParsesIsStoppedByTheDecompressionRatio() throws IOException {
    // Blank lines are valid 0.0.4, so the reader keeps asking for more: the decoder's limit acts.
    Path in = Files.write(dir.resolve("bomb.prom.gz"), gzipBomb((byte) '\n'));

    Cli cli = convert(in);

    assertThat(cli.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(cli.err)
        .startsWith("promotel: error: " + in + ": gzip data expands more than 200 times (")
        .endsWith("); if the input is trusted, raise " + DecompressionLimits.RATIO_FLAG + "\n")
        .doesNotContain(NO_STACK_TRACE);
    assertThat(filesIn(dir)).containsExactly("bomb.prom.gz");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void theDecompressedSizeLimitIsAFlagToo() throws IOException {
    Path in = Files.write(dir.resolve("bomb.prom.gz"), gzipBomb((byte) '\n'));

    Cli cli = convert(
        in, DecompressionLimits.RATIO_FLAG, "unlimited", DecompressionLimits.SIZE_FLAG, "32MiB");

    assertThat(cli.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(cli.err)
        .isEqualTo("promotel: error: " + in + ": gzip data expands beyond the 32.0 MiB limit;"
            + " if the input is trusted, raise " + DecompressionLimits.SIZE_FLAG + "\n");
  }

  @Test
  void corruptCompressedDataIsInvalidInput() throws IOException {
    byte[] gz = TestData.compress(Compression.GZIP, bytes("up 1\n".repeat(1000)));
    Path in = Files.write(dir.resolve("cut.prom.gz"), Arrays.copyOf(gz, gz.length / 2));

    Cli cli = convert(in);

    assertThat(cli.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(cli.err).startsWith("promotel: error: " + in + ": corrupt gzip data: ");
    assertThat(filesIn(dir)).containsExactly("cut.prom.gz");
  }

  @Test
  void aMissingInputIsAnIoErrorExit4WithNoOutput() {
    Path missing = dir.resolve("missing.prom");

    Cli cli = convert(missing);

    assertThat(cli.exitCode).isEqualTo(ExitCodes.IO_ERROR);
    assertThat(cli.err).isEqualTo("promotel: error: " + missing + ": no such file\n");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void anUnknownTargetFormatIsAUsageErrorExit2() throws IOException {
    Path in = TestData.write(dir, "in.prom", TestData.PROM);

    Cli cli = Cli.run("convert", in.toString(), "--to", "xml", "-o", dir.resolve("out").toString());

    assertThat(cli.exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err.lines().findFirst())
        .hasValue("promotel: Invalid value for option '--to': unknown format 'xml';"
            + " expected one of prom, om, otlp-json, otlp-jsonl, otlp-pb");
    assertThat(filesIn(dir)).containsExactly("in.prom");
  }

  private Cli convert(Path in, String... extraArgs) {
    return Cli.run(convertArgs(in, extraArgs));
  }

  private String[] convertArgs(Path in, String... extraArgs) {
    String[] base = {"convert", in.toString(), "-o", dir.resolve("out.prom").toString()};
    return concat(base, extraArgs);
  }

  /**
   * About 1 GiB of one repeated byte as gzip: one 16 MiB member, repeated (decoders read
   * concatenated members as one stream, like {@code cat a.gz b.gz}), so building it takes
   * milliseconds instead of compressing a gigabyte.
   */
  private static byte[] gzipBomb(byte fill) throws IOException {
    byte[] chunk = new byte[1 << 20];
    Arrays.fill(chunk, fill);
    ByteArrayOutputStream member = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(member)) {
      for (int i = 0; i < 16; i++) gz.write(chunk);
    }
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    for (int i = 0; i < 64; i++) member.writeTo(bomb);
    return bomb.toByteArray();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) out.writeBytes(p);
    return out.toByteArray();
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
