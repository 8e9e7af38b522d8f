package dev.promotel.lint;

/**
 * A rule of the catalog (specs/lint.md §6): its stable id ({@code area/name}, the SARIF ruleId),
 * default severity, a one-line summary and the inputs it needs ("D" dump, "P" Prometheus config,
 * "L" log config, "C" lint config), for {@code promotel lint --list-rules} and SARIF metadata.
 */
public record RuleInfo(String id, Severity defaultSeverity, String summary, String inputs) {}
