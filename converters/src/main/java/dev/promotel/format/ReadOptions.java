package dev.promotel.format;

/**
 * Limits that protect readers from hostile input, and the chunk size for very large families.
 *
 * @param maxLineBytes longest accepted text line (bytes, without the newline)
 * @param maxLabels most labels on one series
 * @param maxLabelValueBytes longest label value (UTF-8 bytes, after unescaping)
 * @param maxPointsPerChunk a family with more series is delivered in chunks of about this size
 * @param skipInvalidPoints OTLP readers skip an inconsistent data point (bucket arrays that do not
 *     match, a count above 2^63-1, an unknown temporality for its metric's points) and count it
 *     as the loss {@code invalid-point} instead of failing; what {@code temporality} uses
 * @param valueProblems null for strict reading (the default); else the Prometheus text and
 *     OpenMetrics readers report samples with invalid values there and leave them out instead of
 *     failing (lint)
 */
public record ReadOptions(
    int maxLineBytes,
    int maxLabels,
    int maxLabelValueBytes,
    int maxPointsPerChunk,
    boolean skipInvalidPoints,
    ValueProblems valueProblems) {
  public static final ReadOptions DEFAULTS = new ReadOptions(1 << 20, 512, 64 << 10, 10_000);

  /** Limits with invalid points failing the read (the default). */
  public ReadOptions(int maxLineBytes, int maxLabels, int maxLabelValueBytes, int maxPointsPerChunk) {
    this(maxLineBytes, maxLabels, maxLabelValueBytes, maxPointsPerChunk, false, null);
  }

  /** These limits, skipping (or not) invalid OTLP data points. */
  public ReadOptions withSkipInvalidPoints(boolean skip) {
    return new ReadOptions(maxLineBytes, maxLabels, maxLabelValueBytes, maxPointsPerChunk, skip,
        valueProblems);
  }

  /** These limits, reporting invalid values to {@code problems} instead of failing (null: strict). */
  public ReadOptions withValueProblems(ValueProblems problems) {
    return new ReadOptions(maxLineBytes, maxLabels, maxLabelValueBytes, maxPointsPerChunk,
        skipInvalidPoints, problems);
  }

  public ReadOptions {
    if (maxLineBytes < 64 || maxLabels < 1 || maxLabelValueBytes < 1 || maxPointsPerChunk < 1) {
      throw new IllegalArgumentException("limits must be positive (line limit at least 64 bytes)");
    }
  }
}
