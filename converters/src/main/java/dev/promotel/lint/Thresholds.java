package dev.promotel.lint;

/** Numeric limits of the lint config ({@code thresholds:} in §7), with the spec's defaults. */
public record Thresholds(
    int familySeriesWarning, int familySeriesError, int expositionSeries, int lokiMaxLabels) {

  public static Thresholds defaults() {
    return new Thresholds(100, 1000, 10_000, 15);
  }
}
