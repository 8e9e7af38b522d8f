/**
 * The Prometheus text exposition format 0.0.4 (with Prometheus 3 quoted UTF-8 names): {@link
 * dev.promotel.format.prometheus.PrometheusTextReader} streams families out of it with
 * prometheus/common expfmt's semantics and positioned errors; {@link
 * dev.promotel.format.prometheus.PrometheusTextWriter} writes it and counts in {@code
 * Diagnostics} whatever the format cannot carry. Everything else here is package-private: the
 * byte-level line parser, the family assembler, number parsing and printing, label caches.
 */
package dev.promotel.format.prometheus;
