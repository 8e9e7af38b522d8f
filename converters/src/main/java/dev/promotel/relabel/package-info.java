/**
 * Prometheus {@code metric_relabel_configs}: loading and validating rules from YAML, applying them
 * with Prometheus' semantics (every action, defaults, Go template expansion, md5 hashmod), the
 * label operations of {@code promotel filter}, and the series transform that runs selectors,
 * rules and label operations over a stream of families, with an explain trace.
 */
package dev.promotel.relabel;
