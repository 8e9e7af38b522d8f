/**
 * PromQL series selectors ({@code http_requests_total{code!~"2.."}}): the parser with positioned
 * errors, label matchers with RE2 regexes anchored as Prometheus anchors them, and the per-family
 * filter that {@code promotel filter} runs, which keeps histogram and summary series whole.
 */
package dev.promotel.select;
