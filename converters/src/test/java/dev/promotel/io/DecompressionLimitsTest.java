package dev.promotel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecompressionLimitsTest {
  private static final long GIB = 1L << 30;
  private static byte[] gzipBomb;
  private static byte[] zstdBomb;

  @TempDir Path dir;

  @BeforeAll
  static void buildBombs() throws Exception {
    // 1 GiB of zeros, compressed while streaming: about 1 MiB of gzip, a few KiB of zstd.
    gzipBomb = Encoders.gzipOfZeros(GIB);
    zstdBomb = Encoders.zstdOfZeros(GIB);
  }

  @Test
  void aGzipBombIsStoppedByTheRatioLimitSoonAfterTheFloor() throws Exception {
    Path bomb = Files.write(dir.resolve("bomb.prom.gz"), gzipBomb);
    CountingSink sink = new CountingSink();

    assertThatThrownBy(
            () -> {
              try (OpenedInput in = InputSource.file(bomb).open()) {
                in.stream().transferTo(sink);
              }
            })
        .isInstanceOfSatisfying(
            InputLimitException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(PromotelIOException.EXIT_INVALID_INPUT);
              assertThat(e.flag()).isEqualTo("--max-decompression-ratio");
            })
        .hasMessageMatching(
            java.util.regex.Pattern.quote(bomb.toString())
                + ": gzip data expands more than 200 times \\(16\\.\\d MiB from \\d+\\.\\d KiB\\); "
                + "if the input is trusted, raise --max-decompression-ratio");
    assertThat(sink.count)
        .isGreaterThanOrEqualTo(DecompressionLimits.DEFAULT_RATIO_FLOOR_BYTES - (1 << 17))
        .isLessThan(DecompressionLimits.DEFAULT_RATIO_FLOOR_BYTES + (1 << 20));
  }

  @Test
  void aZstdBombFromStandardInputIsStoppedToo() {
    InputStream stdin = new ByteArrayInputStream(zstdBomb);

    assertThatThrownBy(
            () -> {
              try (OpenedInput in = InputSource.stdin(stdin).open()) {
                in.stream().transferTo(OutputStream.nullOutputStream());
              }
            })
        .isInstanceOf(InputLimitException.class)
        .hasMessageStartingWith("<stdin>: zstd data expands more than 200 times");
  }

  @Test
  void raisingTheRatioLetsTheWholeBombThrough() throws Exception {
    DecompressionLimits trusting = DecompressionLimits.DEFAULTS.withMaxRatio(1_000_000);
    CountingSink sink = new CountingSink();

    try (OpenedInput in =
        InputSource.stream("bomb", new ByteArrayInputStream(zstdBomb)).open(trusting)) {
      in.stream().transferTo(sink);
    }

    assertThat(sink.count).isEqualTo(GIB);
  }

  @Test
  void theTotalSizeLimitStopsAnInputThatCompressesNormally() {
    byte[] text = Encoders.metricText(50_000);
    byte[] gzip = uncheckedCompress(text);
    DecompressionLimits limits = DecompressionLimits.DEFAULTS.withMaxTotalBytes(1 << 20);

    assertThatThrownBy(
            () -> {
              try (OpenedInput in =
                  InputSource.stream("big.gz", new ByteArrayInputStream(gzip)).open(limits)) {
                in.stream().transferTo(OutputStream.nullOutputStream());
              }
            })
        .isInstanceOfSatisfying(
            InputLimitException.class,
            e -> assertThat(e.flag()).isEqualTo("--max-decompressed-size"))
        .hasMessage(
            "big.gz: gzip data expands beyond the 1.0 MiB limit; "
                + "if the input is trusted, raise --max-decompressed-size");
    assertThat(text.length).isGreaterThan(1 << 20);
  }

  @Test
  void uncompressedInputsAreNotLimitedHere() throws Exception {
    byte[] text = Encoders.metricText(50_000);
    DecompressionLimits limits = DecompressionLimits.DEFAULTS.withMaxTotalBytes(1024);

    try (OpenedInput in =
        InputSource.stream("plain", new ByteArrayInputStream(text)).open(limits)) {
      assertThat(in.stream().readAllBytes()).isEqualTo(text);
    }
  }

  @Test
  void smallHighlyCompressibleInputsStayBelowTheFloor() throws Exception {
    byte[] zeros = new byte[8 << 20];
    byte[] gzip = uncheckedCompress(zeros);
    assertThat((double) zeros.length / gzip.length).isGreaterThan(200);

    try (OpenedInput in = InputSource.stream("zeros.gz", new ByteArrayInputStream(gzip)).open()) {
      assertThat(in.stream().readAllBytes()).hasSize(zeros.length);
    }
  }

  @Test
  void sizesParseWithBinarySuffixes() {
    assertThat(DecompressionLimits.parseSize("512")).isEqualTo(512);
    assertThat(DecompressionLimits.parseSize("64k")).isEqualTo(64L << 10);
    assertThat(DecompressionLimits.parseSize("16MiB")).isEqualTo(16L << 20);
    assertThat(DecompressionLimits.parseSize("2G")).isEqualTo(2L << 30);
    assertThat(DecompressionLimits.parseSize("1 TB")).isEqualTo(1L << 40);
    assertThat(DecompressionLimits.parseSize("unlimited")).isEqualTo(DecompressionLimits.UNLIMITED);
    assertThatThrownBy(() -> DecompressionLimits.parseSize("lots"))
        .hasMessage("invalid size 'lots'; expected e.g. 512, 64k, 16MiB, 2G or unlimited");
    assertThatThrownBy(() -> DecompressionLimits.parseSize("0"))
        .hasMessage("size '0' must be positive and below 8 EiB");
    assertThatThrownBy(() -> DecompressionLimits.parseSize("9000000000000G"))
        .hasMessage("size '9000000000000G' must be positive and below 8 EiB");
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> DecompressionLimits.DEFAULTS.withMaxRatio(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DecompressionLimits.DEFAULTS.withMaxTotalBytes(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] uncheckedCompress(byte[] data) {
    try {
      return Encoders.compress(Compression.GZIP, data);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static final class CountingSink extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
