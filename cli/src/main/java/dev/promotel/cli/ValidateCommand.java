package dev.promotel.cli;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.Format;
import dev.promotel.format.MetricParseException;
import dev.promotel.format.MetricReader;
import dev.promotel.format.ReadOptions;
import dev.promotel.io.DecompressionLimits;
import dev.promotel.io.InputSource;
import dev.promotel.io.OpenedInput;
import dev.promotel.io.PromotelIOException;
import dev.promotel.pipeline.Codecs;
import dev.promotel.pipeline.Pipeline;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code promotel validate}: strict conformance of each input to its format (the readers are the
 * validators: reading to the end without {@link MetricParseException} means it conforms). Every
 * input is checked, each invalid one is reported compiler style (or, for corrupt compressed data
 * and exceeded limits, as {@code promotel: error: name: ...}), and the exit code is 3 if any was
 * invalid. I/O errors (exit 4) stop at once. Silent on success unless {@code -v}.
 */
@Command(
    name = "validate",
    description = {
      "Check that inputs conform to their format's specification.",
      "",
      "Every input is checked; each error is printed as file:line:column: error: message with"
          + " the offending line and a caret, and the exit code is 3 if any input is invalid."
          + " Nothing is printed for valid inputs unless -v is given.",
      "",
      "An empty input is valid Prometheus text (no families). An empty OpenMetrics input"
          + " (e.g. empty.om, or --from om) is invalid, as it lacks the final # EOF."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  promotel validate scrape.om",
      "  curl -s localhost:9100/metrics | promotel validate --from prom",
      "  promotel -v validate dumps/*.prom"
    })
final class ValidateCommand implements Callable<Integer> {
  @ParentCommand PromotelCommand root;
  @Mixin HelpOption help;
  @Mixin InputOptions input;
  @Mixin LimitOptions limits;

  @Override
  public Integer call() throws IOException {
    GlobalSettings settings = root.settings();
    ReadOptions readOptions = limits.readOptions();
    DecompressionLimits decompression = limits.decompressionLimits();
    int exit = ExitCodes.OK;
    for (InputSource source : input.sources(settings.std().in())) {
      try (OpenedInput opened = source.open(decompression)) {
        Format format = Codecs.detect(opened, input.from);
        try (MetricReader reader = Codecs.reader(format, opened.stream(), opened.name(),
            readOptions, new Diagnostics(), Codecs.sniffedOpenMetrics(opened, input.from))) {
          long families = Pipeline.drain(reader);
          if (settings.verbosity() > 0) {
            settings.err().println(
                opened.name() + ": ok (" + format.id() + ", " + families + " families)");
          }
        }
      } catch (MetricParseException e) {
        ErrorReporter.printParseError(e, settings.err(), settings.colorOnStderr());
        if (settings.debug()) e.printStackTrace(settings.err());
        exit = ExitCodes.INVALID_INPUT;
      } catch (PromotelIOException e) {
        if (e.exitCode() != ExitCodes.INVALID_INPUT) throw e;
        ErrorReporter.printError(e, settings.err(), settings.colorOnStderr());
        if (settings.debug()) e.printStackTrace(settings.err());
        exit = ExitCodes.INVALID_INPUT;
      }
    }
    settings.err().flush();
    return exit;
  }
}
