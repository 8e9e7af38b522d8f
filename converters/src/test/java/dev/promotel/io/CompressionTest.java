package dev.promotel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CompressionTest {

  @ParameterizedTest
  @EnumSource(Compression.class)
  void magicBytesOfEachEncoderAreDetected(Compression compression) throws Exception {
    byte[] compressed = Encoders.compress(compression, Encoders.metricText(10));

    assertThat(Compression.detect(compressed, compressed.length)).isEqualTo(compression);
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void compressedEmptyInputsAreStillDetected(Compression compression) throws Exception {
    byte[] compressed = Encoders.compress(compression, new byte[0]);

    assertThat(Compression.detect(compressed, compressed.length)).isEqualTo(compression);
  }

  @Test
  void emptyAndTinyInputsAreUncompressed() {
    assertThat(Compression.detect(new byte[0], 0)).isEqualTo(Compression.NONE);
    assertThat(Compression.detect(new byte[] {0x1F}, 1)).isEqualTo(Compression.NONE);
    assertThat(Compression.detect(new byte[] {0x28, (byte) 0xB5, 0x2F}, 3))
        .isEqualTo(Compression.NONE);
    assertThat(Compression.detect(new byte[] {0x1F, (byte) 0x8B}, 2)).isEqualTo(Compression.GZIP);
  }

  @Test
  void onlyTheGivenLengthOfTheBufferCounts() {
    byte[] buffer = {0x1F, (byte) 0x8B, 0, 0};

    assertThat(Compression.detect(buffer, 1)).isEqualTo(Compression.NONE);
  }

  @Test
  void textStartingWithBZhIsNotMistakenForBzip2() {
    byte[] text = "BZh9_requests_total 1\n".getBytes(StandardCharsets.US_ASCII);

    assertThat(Compression.detect(text, text.length)).isEqualTo(Compression.NONE);
    assertThat(Compression.detect(text, 3)).isEqualTo(Compression.NONE);
  }

  @Test
  void theExtensionNeverDecidesWhatAnInputIs() {
    byte[] text = "up 1\n".getBytes(StandardCharsets.US_ASCII);

    assertThat(Compression.detect(text, text.length)).isEqualTo(Compression.NONE);
    assertThat(Compression.fromFileName("up.prom.gz")).contains(Compression.GZIP);
  }

  @Test
  void compressFlagValuesAcceptIdsAndAliasesInAnyCase() {
    assertThat(Compression.fromId("none")).isEqualTo(Compression.NONE);
    assertThat(Compression.fromId("GZIP")).isEqualTo(Compression.GZIP);
    assertThat(Compression.fromId("gz")).isEqualTo(Compression.GZIP);
    assertThat(Compression.fromId("zst")).isEqualTo(Compression.ZSTD);
    assertThat(Compression.fromId("xz")).isEqualTo(Compression.XZ);
    assertThat(Compression.fromId("bz2")).isEqualTo(Compression.BZIP2);
    assertThatThrownBy(() -> Compression.fromId("lz4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown compression 'lz4'; expected one of none, gzip, zstd, xz, bzip2");
  }

  @Test
  void outputCompressionComesFromTheFlagThenTheExtension() {
    assertThat(Compression.forOutput(null, "out.prom.gz")).isEqualTo(Compression.GZIP);
    assertThat(Compression.forOutput(null, "out.jsonl.zst")).isEqualTo(Compression.ZSTD);
    assertThat(Compression.forOutput(null, "OUT.PROM.XZ")).isEqualTo(Compression.XZ);
    assertThat(Compression.forOutput(null, "out.prom.bz2")).isEqualTo(Compression.BZIP2);
    assertThat(Compression.forOutput(null, "out.prom")).isEqualTo(Compression.NONE);
    assertThat(Compression.forOutput(Compression.NONE, "out.prom.gz")).isEqualTo(Compression.NONE);
    assertThat(Compression.forOutput(Compression.ZSTD, "out.prom.gz")).isEqualTo(Compression.ZSTD);
  }

  @Test
  void standardOutputIsUncompressedUnlessAsked() {
    assertThat(Compression.forOutput(null, null)).isEqualTo(Compression.NONE);
    assertThat(Compression.forOutput(null, "-")).isEqualTo(Compression.NONE);
    assertThat(Compression.forOutput(Compression.GZIP, "-")).isEqualTo(Compression.GZIP);
  }
}
