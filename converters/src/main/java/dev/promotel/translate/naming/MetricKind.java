package dev.promotel.translate.naming;

/**
 * The OTLP metric types as far as they affect name suffixes (otlptranslator {@code
 * metric_type.go}): only {@link #MONOTONIC_COUNTER} gets {@code _total}, and only a {@link #GAUGE}
 * with unit {@code 1} gets {@code _ratio}. Example: an OTLP Sum with {@code is_monotonic=true} is a
 * {@code MONOTONIC_COUNTER}; a non-monotonic Sum is a {@link #NON_MONOTONIC_COUNTER}.
 */
public enum MetricKind {
  GAUGE,
  MONOTONIC_COUNTER,
  NON_MONOTONIC_COUNTER,
  HISTOGRAM,
  EXPONENTIAL_HISTOGRAM,
  SUMMARY,
  UNKNOWN
}
