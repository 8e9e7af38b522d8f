package dev.promotel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.Format;
import dev.promotel.format.MetricParseException;
import dev.promotel.format.MetricReader;
import dev.promotel.format.ReadOptions;
import dev.promotel.io.InputSource;
import dev.promotel.io.OpenedInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CodecsTest {
  private static OpenedInput open(String name, byte[] bytes) throws IOException {
    return InputSource.stream(name, new ByteArrayInputStream(bytes)).open();
  }

  private static OpenedInput open(String name, String text) throws IOException {
    return open(name, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anInputEndingInEofIsOpenMetricsAndItsStreamStillStartsAtByteZero() throws IOException {
    String text = "# TYPE up gauge\nup 1\n# EOF\n";
    try (OpenedInput in = open(InputSource.STDIN_NAME, text)) {
      assertThat(Codecs.detect(in, null)).isEqualTo(Format.OM);
      assertThat(new String(in.stream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text);
    }
  }

  @Test
  void plainSamplesArePrometheusText() throws IOException {
    try (OpenedInput in = open(InputSource.STDIN_NAME, "# TYPE up gauge\nup 1\n")) {
      assertThat(Codecs.detect(in, null)).isEqualTo(Format.PROM);
    }
  }

  @Test
  void aWholeInputWithoutEofIsPrometheusTextEvenWithACounterTypeLackingTotal() throws IOException {
    String text = "# TYPE foo counter\nfoo_total 1\n";
    try (OpenedInput in = open("t0.prom", text)) {
      assertThat(in.isWhole()).isTrue();
      assertThat(Codecs.detect(in, null)).isEqualTo(Format.PROM);
    }
    try (OpenedInput in = open(InputSource.STDIN_NAME, text + "# EOF\n")) {
      assertThat(Codecs.detect(in, null)).isEqualTo(Format.OM);
    }
  }

  @Test
  void aCounterTypeLackingTotalStillHintsOpenMetricsWhenTheInputGoesOnPastTheHead()
      throws IOException {
    StringBuilder text = new StringBuilder("# TYPE foo counter\n");
    for (int i = 0; text.length() <= OpenedInput.HEAD_BYTES; i++) {
      text.append("foo_total{i=\"").append(i).append("\"} 1\n");
    }
    try (OpenedInput in = open("big.prom", text.toString())) {
      assertThat(in.isWhole()).isFalse();
      assertThat(Codecs.detect(in, null)).isEqualTo(Format.OM);
    }
  }

  @Test
  void aSniffedOpenMetricsInputWithoutEofSaysHowToReadItAsPrometheusText() throws IOException {
    String text = "# TYPE foo counter\nfoo_total 1\n";
    try (MetricReader reader = Codecs.reader(Format.OM,
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "big.prom",
        ReadOptions.DEFAULTS, new Diagnostics(), true)) {
      assertThatThrownBy(() -> Pipeline.drain(reader))
          .isInstanceOf(MetricParseException.class)
          .hasMessage("big.prom:3:1: expected '# EOF' as the last line, got end of input"
              + " (detected as OpenMetrics; use --from prom for Prometheus text)");
    }
    try (MetricReader reader = Codecs.reader(Format.OM,
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "big.prom",
        ReadOptions.DEFAULTS, new Diagnostics(), false)) {
      assertThatThrownBy(() -> Pipeline.drain(reader))
          .hasMessage("big.prom:3:1: expected '# EOF' as the last line, got end of input");
    }
  }

  @Test
  void theNamesExtensionBreaksTiesWhenTheContentIsAmbiguous() throws IOException {
    try (OpenedInput in = open("scrape.om", "up 1\n")) {
      assertThat(Codecs.detect(in, null)).isEqualTo(Format.OM);
    }
  }

  @Test
  void anExplicitFormatWinsOverTheContent() throws IOException {
    try (OpenedInput in = open("scrape.prom", "up 1\n# EOF\n")) {
      assertThat(Codecs.detect(in, Format.PROM)).isEqualTo(Format.PROM);
    }
  }

  @Test
  void compressedInputsAreSniffedOnTheirDecompressedBytes() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write("# UNIT up_seconds seconds\n".getBytes(StandardCharsets.UTF_8));
    }
    try (OpenedInput in = open("dump", gz.toByteArray())) {
      assertThat(Codecs.detect(in, null)).isEqualTo(Format.OM);
    }
  }

  @Test
  void anEmptyInputIsPrometheusTextUnlessItsNameSaysOtherwise() throws IOException {
    try (OpenedInput in = open(InputSource.STDIN_NAME, "")) {
      assertThat(Codecs.detect(in, null)).isEqualTo(Format.PROM);
    }
    try (OpenedInput in = open("empty.om", "")) {
      assertThat(Codecs.detect(in, null)).isEqualTo(Format.OM);
    }
  }
}
