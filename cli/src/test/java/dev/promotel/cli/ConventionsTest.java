package dev.promotel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.io.Compression;
import dev.promotel.io.OutputTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shell conventions of specs/cli.md: colour, lazy command registration, stdout, atomic files. */
class ConventionsTest {
  private static final TtyProbe TERMINAL = fd -> true;

  @Test
  void autoColourNeedsATerminalAndNoNoColorAndNoDumbTerm() {
    assertThat(ColorMode.AUTO.enabled(Map.of(), TERMINAL, 2)).isTrue();
    assertThat(ColorMode.AUTO.enabled(Map.of(), TtyProbe.NONE, 2)).isFalse();
    assertThat(ColorMode.AUTO.enabled(Map.of("NO_COLOR", "1"), TERMINAL, 2)).isFalse();
    assertThat(ColorMode.AUTO.enabled(Map.of("NO_COLOR", ""), TERMINAL, 2)).isTrue();
    assertThat(ColorMode.AUTO.enabled(Map.of("TERM", "dumb"), TERMINAL, 2)).isFalse();
    assertThat(ColorMode.ALWAYS.enabled(Map.of("NO_COLOR", "1"), TtyProbe.NONE, 2)).isTrue();
    assertThat(ColorMode.NEVER.enabled(Map.of(), TERMINAL, 2)).isFalse();
  }

  @Test
  void theColourModeIsReadFromTheArgumentsBeforeParsing() {
    assertThat(ColorMode.fromArgs("--color=always", "formats")).isEqualTo(ColorMode.ALWAYS);
    assertThat(ColorMode.fromArgs("formats", "--color", "NEVER")).isEqualTo(ColorMode.NEVER);
    assertThat(ColorMode.fromArgs("--", "--color=always")).isEqualTo(ColorMode.AUTO);
  }

  @Test
  void onlyTheInvokedSubcommandIsRegisteredWhenItCanBeTold() {
    assertThat(CommandTree.subcommandName("-v", "--color", "never", "convert", "x")).isEqualTo("convert");
    assertThat(CommandTree.subcommandName("--debug", "-qv", "formats")).isEqualTo("formats");
    assertThat(CommandTree.subcommandName("--help")).isNull();
    assertThat(CommandTree.subcommandName("convrt")).isNull();
  }

  @Test
  void dataSplitAcrossWritesInsideACharacterIsDecodedWhole() throws IOException {
    StringWriter text = new StringWriter();
    OutputStream out = new Utf8WriterStream(text);
    byte[] bytes = "é€".getBytes(StandardCharsets.UTF_8);

    out.write(bytes, 0, 1);
    out.write(bytes, 1, 3);
    out.write(bytes, 4, 1);
    out.flush();

    assertThat(text.toString()).isEqualTo("é€");
  }

  @Test
  void anOutputFileIsRenamedIntoPlaceAndCompressedByItsExtension(@TempDir Path dir)
      throws IOException {
    Path target = dir.resolve("out.prom.gz");
    OutputOptions options = new OutputOptions();
    options.output = target;
    StandardStreams std = StandardStreams.of(
        java.io.InputStream.nullInputStream(), new ByteArrayOutputStream(),
        new PrintWriter(new StringWriter()), Map.of());

    try (OutputTarget out = options.open(std)) {
      out.stream().write("up 1\n".getBytes(StandardCharsets.UTF_8));
      out.commit();
    }

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
    byte[] gz = Files.readAllBytes(target);
    assertThat(new String(
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz)).readAllBytes(),
        StandardCharsets.UTF_8)).isEqualTo("up 1\n");
  }

  @Test
  void stdoutIsFlushedButNotClosedByACompressedOutput() throws IOException {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream() {
      @Override
      public void close() {
        throw new AssertionError("stdout closed");
      }
    };
    StandardStreams std = StandardStreams.of(
        java.io.InputStream.nullInputStream(), stdout, new PrintWriter(new StringWriter()), Map.of());
    OutputOptions options = new OutputOptions();
    options.compress = Compression.ZSTD;

    try (OutputTarget out = options.open(std)) {
      out.stream().write("up 1\n".getBytes(StandardCharsets.UTF_8));
      out.commit();
    }

    assertThat(stdout.toByteArray()).startsWith(0x28, 0xB5, 0x2F, 0xFD);
  }
}
