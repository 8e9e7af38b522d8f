package dev.promotel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.io.InputSource;
import dev.promotel.io.OpenedInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProgressMeterTest {
  @TempDir Path dir;

  /** The stream convert reads {@code file} through, with stderr on a terminal or not. */
  private InputStream meteredStream(
      Path file, boolean stderrIsTerminal, boolean quiet, String... args) throws IOException {
    ConvertCommand convert = new ConvertCommand();
    new CommandLine(convert).parseArgs(args);
    StandardStreams std = new StandardStreams(
        InputStream.nullInputStream(), OutputStream.nullOutputStream(),
        new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()), Map.of(),
        fd -> stderrIsTerminal && fd == 2);
    GlobalSettings settings = new GlobalSettings(quiet ? -1 : 0, false, false, std);
    InputSource source = InputSource.file(file);
    try (OpenedInput opened = source.open()) {
      return convert.meter(settings, source, opened);
    }
  }

  private Path sparseFile(String name, long size) throws IOException {
    Path file = dir.resolve(name);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(size);
    }
    return file;
  }

  @Test
  void convertShowsAMeterOnlyForALargeFileWithStderrOnATerminal() throws IOException {
    Path large = sparseFile("large.prom", ProgressMeter.THRESHOLD_BYTES + 1);
    Path small = sparseFile("small.prom", ProgressMeter.THRESHOLD_BYTES);

    assertThat(meteredStream(large, true, false)).isInstanceOf(ProgressMeter.class);
    assertThat(meteredStream(large, false, false)).isNotInstanceOf(ProgressMeter.class);
    assertThat(meteredStream(small, true, false)).isNotInstanceOf(ProgressMeter.class);
    assertThat(meteredStream(large, true, false, "--no-progress"))
        .isNotInstanceOf(ProgressMeter.class);
    assertThat(meteredStream(large, true, true)).isNotInstanceOf(ProgressMeter.class);
  }

  @Test
  void theLineShowsPercentBarAndMegabytes() {
    assertThat(ProgressMeter.line("big.prom", 45_000_000, 100_000_000))
        .isEqualTo("big.prom  45% [#############.................] 45.0/100.0 MB");
  }

  @Test
  void itRedrawsAtMostFiveTimesASecondAndErasesItselfOnClose() throws Exception {
    StringWriter err = new StringWriter();
    long[] now = {0};
    long[] fileBytes = {0};
    ProgressMeter meter = new ProgressMeter(
        new ByteArrayInputStream(new byte[1000]), () -> fileBytes[0], new PrintWriter(err), "in",
        1000, () -> now[0]);
    byte[] buf = new byte[100];

    fileBytes[0] = 100;
    meter.read(buf);                 // t=0: too soon after start, no draw
    now[0] = 250_000_000L;
    fileBytes[0] = 200;
    meter.read(buf);                 // draws 20%
    now[0] = 300_000_000L;
    fileBytes[0] = 300;
    meter.read(buf);                 // 50 ms later: no draw
    now[0] = 500_000_000L;
    fileBytes[0] = 400;
    meter.read(buf);                 // draws 40%
    meter.close();

    String drawn = err.toString();
    // "", the 20% line, the 40% line, the blanking spaces, "" after the final carriage return.
    assertThat(drawn.split("\r", -1)).hasSize(5);
    assertThat(drawn).contains(" 20% ", " 40% ").doesNotContain(" 30% ");
    assertThat(drawn).endsWith("\r");
  }

  @Test
  void progressIsTheFilesBytesNotTheDecompressedOnes() throws Exception {
    StringWriter err = new StringWriter();
    long[] now = {0};
    // A compressed file: 10 decompressed bytes per file byte.
    ProgressMeter meter = new ProgressMeter(
        new ByteArrayInputStream(new byte[10_000]), () -> 500, new PrintWriter(err), "in.gz",
        1000, () -> now[0] += 300_000_000L);

    meter.read(new byte[5000]);

    assertThat(err.toString()).isEqualTo("\r" + ProgressMeter.line("in.gz", 500, 1000));
  }
}
