package dev.promotel.cli;

import dev.promotel.format.ReadOptions;
import dev.promotel.io.DecompressionLimits;
import picocli.CommandLine.Option;

/**
 * The input limits of data commands, each against one kind of hostile or broken input: a line
 * without end, a series with endless labels or huge values, a decompression bomb. The defaults
 * are {@link ReadOptions#DEFAULTS} and {@link DecompressionLimits#DEFAULTS} (a test keeps them
 * equal); exceeding a limit is invalid input (exit 3) and the message names the flag to raise.
 *
 * <p>Example: {@code --max-line-bytes 16MiB --max-decompressed-size 2GiB}.
 */
final class LimitOptions {
  @Option(
      names = "--max-line-bytes",
      paramLabel = "SIZE",
      defaultValue = "1MiB",
      converter = OptionTypes.LineSizeConverter.class,
      description = "Longest accepted text line (default: ${DEFAULT-VALUE}; at most 1GiB).")
  int maxLineBytes;

  @Option(
      names = "--max-labels",
      paramLabel = "N",
      defaultValue = "512",
      converter = OptionTypes.CountConverter.class,
      description = "Most labels accepted on one series (default: ${DEFAULT-VALUE}).")
  int maxLabels;

  @Option(
      names = "--max-label-value-bytes",
      paramLabel = "SIZE",
      defaultValue = "64KiB",
      converter = OptionTypes.BufferSizeConverter.class,
      description = "Longest accepted label value, in UTF-8 bytes (default: ${DEFAULT-VALUE}).")
  int maxLabelValueBytes;

  @Option(
      names = DecompressionLimits.RATIO_FLAG,
      paramLabel = "RATIO",
      defaultValue = "200",
      converter = OptionTypes.RatioConverter.class,
      description =
          "Largest decompressed/compressed size ratio of a compressed input, checked past 16MiB"
              + " (default: ${DEFAULT-VALUE}; or unlimited).")
  double maxDecompressionRatio;

  @Option(
      names = DecompressionLimits.SIZE_FLAG,
      paramLabel = "SIZE",
      defaultValue = "unlimited",
      converter = OptionTypes.SizeConverter.class,
      description = "Largest decompressed size of one compressed input (default: ${DEFAULT-VALUE}).")
  long maxDecompressedSize;

  ReadOptions readOptions() {
    return new ReadOptions(
        maxLineBytes,
        maxLabels,
        maxLabelValueBytes,
        ReadOptions.DEFAULTS.maxPointsPerChunk());
  }

  DecompressionLimits decompressionLimits() {
    return DecompressionLimits.DEFAULTS
        .withMaxRatio(maxDecompressionRatio)
        .withMaxTotalBytes(maxDecompressedSize);
  }
}
