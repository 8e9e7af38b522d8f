package dev.promotel.cli;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.Format;
import dev.promotel.io.Compression;
import dev.promotel.io.InputSource;
import dev.promotel.io.OutputTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The loss report and progress options of data commands, and how a data command ends. */
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

  /**
   * The end of a data command: the loss summary on stderr (unless {@code -q}), the JSON report
   * for {@code --report}, and the exit code: 1 under {@code --strict} when anything was lost.
   */
  int finish(
      GlobalSettings settings, Diagnostics diagnostics, String command, List<InputSource> sources,
      Format to) throws IOException {
    if (!settings.quiet() && !diagnostics.isEmpty()) {
      LossReport.printSummary(diagnostics, settings.err(), settings.colorOnStderr());
    }
    if (report != null) {
      List<String> names = new ArrayList<>();
      for (InputSource source : sources) names.add(source.name());
      try (OutputTarget file =
          OutputTarget.open(report.toString(), Compression.NONE, settings.std().out())) {
        LossReport.writeJson(diagnostics, command, names, to, file.stream());
        file.commit();
      }
    }
    return strict && diagnostics.hasLosses() ? ExitCodes.LOSSES_OR_FINDINGS : ExitCodes.OK;
  }
}
