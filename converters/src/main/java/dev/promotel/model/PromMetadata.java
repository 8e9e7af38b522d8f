package dev.promotel.model;

import java.util.Objects;

/**
 * Prometheus-only facts that OTLP has no field for: the type as written (OTLP keeps it in {@code
 * metric.metadata} as {@code prometheus.type}) and the family name as it appeared in the input's
 * TYPE/HELP lines (OpenMetrics {@code # TYPE foo counter} for samples {@code foo_total}).
 */
public record PromMetadata(PromType type, String originalName) {
  public PromMetadata {
    Objects.requireNonNull(type, "type (use PromType.UNKNOWN)");
    Objects.requireNonNull(originalName, "originalName");
  }
}
