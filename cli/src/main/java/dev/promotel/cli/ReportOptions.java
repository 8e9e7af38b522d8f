package dev.promotel.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The loss report and progress options of data commands. */
final class ReportOptions {
  @Option(
      names = "--strict",
      description = "Exit 1 when anything was lost (the output is still written).")
  boolean strict;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Also write the loss report to FILE as JSON.")
  Path report;

  @Option(
      names = "--no-progress",
      description = "Never show a progress bar (shown on a terminal for inputs over 16 MB).")
  boolean noProgress;
}
