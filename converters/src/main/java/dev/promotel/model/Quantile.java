package dev.promotel.model;

/** One summary quantile: {@code rpc_duration_seconds{quantile="0.99"} 0.25}. */
public record Quantile(double quantile, double value) {
  public Quantile {
    if (!(quantile >= 0 && quantile <= 1)) {
      throw new IllegalArgumentException("quantile must be within [0, 1], got " + quantile);
    }
  }
}
