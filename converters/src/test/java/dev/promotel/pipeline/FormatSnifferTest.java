package dev.promotel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.Format;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormatSnifferTest {
  private static InputStream unmarkable(String text) {
    // A pipe-like stream: no mark/reset, so the sniffer must buffer itself.
    return new FilterInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
      @Override
      public boolean markSupported() {
        return false;
      }
    };
  }

  @Test
  void anInputEndingInEofIsOpenMetricsAndTheStreamStillStartsAtByteZero() throws Exception {
    String text = "# TYPE up gauge\nup 1\n# EOF\n";

    FormatSniffer.Detected detected = FormatSniffer.detect(unmarkable(text), null);

    assertThat(detected.format()).isEqualTo(Format.OM);
    assertThat(new String(detected.stream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text);
  }

  @Test
  void plainSamplesArePrometheusText() throws Exception {
    FormatSniffer.Detected detected =
        FormatSniffer.detect(unmarkable("# TYPE up gauge\nup 1\n"), "-");

    assertThat(detected.format()).isEqualTo(Format.PROM);
  }

  @Test
  void theFileExtensionBreaksTiesWhenContentIsAmbiguous() throws Exception {
    assertThat(FormatSniffer.detect(unmarkable("up 1\n"), "scrape.om").format())
        .isEqualTo(Format.OM);
  }

  @Test
  void anInputLongerThanTheHeadIsPreservedWhole() throws Exception {
    String text = "x 1\n".repeat(FormatSniffer.HEAD_BYTES);

    FormatSniffer.Detected detected = FormatSniffer.detect(unmarkable(text), "big.prom");

    assertThat(detected.stream().readAllBytes()).hasSize(text.length());
  }
}
