/**
 * The configs of other tools that decide which labels metrics and logs carry (prometheus.yml,
 * Prometheus Operator monitors, Promtail, the OpenTelemetry Collector, Loki, Grafana Alloy), read
 * into label sets with literal and symbolic values, and the rules that compare them: logs/*,
 * xsrc/* and cfg/* of specs/lint.md §6. The entry point is {@link
 * dev.promotel.lint.source.SourceLinter}; everything else is package-private.
 */
package dev.promotel.lint.source;
