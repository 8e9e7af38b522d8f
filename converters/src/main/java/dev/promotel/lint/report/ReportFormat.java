package dev.promotel.lint.report;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The output formats of {@code promotel lint} (specs/lint.md §7, specs/cli.md "Report formats"),
 * each with the reporter that writes it. Example: {@code ReportFormat.fromId("sarif")}.
 */
public enum ReportFormat {
  TEXT,
  JSON,
  SARIF,
  GITHUB,
  CHECKSTYLE,
  JUNIT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ReportFormat fromId(String id) {
    for (ReportFormat f : values()) {
      if (f.id().equals(id.toLowerCase(Locale.ROOT))) return f;
    }
    throw new IllegalArgumentException("unknown report format '" + id + "'; expected one of text,"
        + " json, sarif, github, checkstyle, junit");
  }

  /**
   * The reporter; {@code color} for text on a terminal, {@code stepSummary} the file GitHub
   * Actions names in {@code GITHUB_STEP_SUMMARY}.
   */
  public LintReporter reporter(ReportInfo info, boolean color, Optional<Path> stepSummary) {
    return switch (this) {
      case TEXT -> new TextReporter(color);
      case JSON -> new JsonReporter(info);
      case SARIF -> new SarifReporter(info);
      case GITHUB -> new GithubReporter(stepSummary);
      case CHECKSTYLE -> new CheckstyleReporter(info);
      case JUNIT -> new JunitReporter();
    };
  }
}
