package dev.promotel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.Format;
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
