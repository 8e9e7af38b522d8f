package dev.promotel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressMeterTest {
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
