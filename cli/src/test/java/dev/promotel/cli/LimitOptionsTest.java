package dev.promotel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.ReadOptions;
import dev.promotel.io.DecompressionLimits;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The limit flags: their defaults are the library's, their spellings map to the limits. */
class LimitOptionsTest {
  private static LimitOptions parse(String... args) {
    ConvertCommand convert = new ConvertCommand();
    new CommandLine(convert).parseArgs(args);
    return convert.limits;
  }

  @Test
  void withoutFlagsTheLimitsAreTheLibraryDefaults() {
    LimitOptions limits = parse();

    assertThat(limits.readOptions()).isEqualTo(ReadOptions.DEFAULTS);
    assertThat(limits.decompressionLimits()).isEqualTo(DecompressionLimits.DEFAULTS);
  }

  @Test
  void sizesTakeBinarySuffixesAndTheRatioMayBeUnlimited() {
    LimitOptions limits = parse(
        "--max-line-bytes", "16MiB", "--max-labels", "40", "--max-label-value-bytes", "2k",
        DecompressionLimits.RATIO_FLAG, "unlimited", DecompressionLimits.SIZE_FLAG, "2G");

    assertThat(limits.readOptions())
        .isEqualTo(new ReadOptions(16 << 20, 40, 2048, ReadOptions.DEFAULTS.maxPointsPerChunk()));
    assertThat(limits.decompressionLimits())
        .isEqualTo(DecompressionLimits.DEFAULTS
            .withMaxRatio(Double.POSITIVE_INFINITY)
            .withMaxTotalBytes(2L << 30));
  }

  @Test
  void aBadLimitIsAUsageErrorThatShowsTheExpectedSpelling() {
    Cli size = Cli.run("convert", DecompressionLimits.SIZE_FLAG, "lots");
    Cli line = Cli.run("validate", "--max-line-bytes", "10");
    Cli huge = Cli.run("validate", "--max-line-bytes", "unlimited");
    Cli labels = Cli.run("convert", "--max-labels", "0");
    Cli ratio = Cli.run("convert", DecompressionLimits.RATIO_FLAG, "-1");

    assertThat(size.exitCode).isEqualTo(2);
    assertThat(size.err).contains("expected e.g. 512, 64k, 16MiB, 2G or unlimited");
    assertThat(line.exitCode).isEqualTo(2);
    assertThat(line.err).contains("'10' is too small; at least 64");
    assertThat(huge.exitCode).isEqualTo(2);
    assertThat(huge.err).contains("at most 1GiB");
    assertThat(labels.exitCode).isEqualTo(2);
    assertThat(labels.err).contains("'0' is not a positive whole number");
    assertThat(ratio.exitCode).isEqualTo(2);
    assertThat(ratio.err).contains("'-1' is not a positive number");
  }
}
