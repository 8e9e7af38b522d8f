package dev.promotel.format;

/**
 * Limits that protect readers from hostile input, and the chunk size for very large families.
 *
 * @param maxLineBytes longest accepted text line (bytes, without the newline)
 * @param maxLabels most labels on one series
 * @param maxLabelValueBytes longest label value (UTF-8 bytes, after unescaping)
 * @param maxPointsPerChunk a family with more series is delivered in chunks of about this size
 */
public record ReadOptions(int maxLineBytes, int maxLabels, int maxLabelValueBytes, int maxPointsPerChunk) {
  public static final ReadOptions DEFAULTS = new ReadOptions(1 << 20, 512, 64 << 10, 10_000);

  public ReadOptions {
    if (maxLineBytes < 64 || maxLabels < 1 || maxLabelValueBytes < 1 || maxPointsPerChunk < 1) {
      throw new IllegalArgumentException("limits must be positive (line limit at least 64 bytes)");
    }
  }
}
