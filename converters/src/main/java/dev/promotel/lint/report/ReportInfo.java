package dev.promotel.lint.report;

/** What reporters say about the tool: its version (SARIF driver, JSON {@code tool}). */
public record ReportInfo(String version) {}
