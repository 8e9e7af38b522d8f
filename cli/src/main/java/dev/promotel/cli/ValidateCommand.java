package dev.promotel.cli;

import dev.promotel.format.MetricParseException;
import dev.promotel.format.MetricReader;
import dev.promotel.format.ReadOptions;
import dev.promotel.pipeline.Codecs;
import dev.promotel.pipeline.FormatSniffer;
import dev.promotel.pipeline.Pipeline;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code promotel validate}: strict conformance of each input to its format (the readers are the
 * validators: reading to the end without {@link MetricParseException} means it conforms). Every
 * input is checked, each failure is printed compiler style, and the exit code is 3 if any failed.
 * Silent on success unless {@code -v}.
 */
@Command(
    name = "validate",
    description = "Check that inputs conform to their format's specification.",
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

  @Override
  public Integer call() throws IOException {
    GlobalSettings settings = root.settings();
    int exit = ExitCodes.OK;
    for (String name : input.inputsOrStdin()) {
      try (Inputs.Opened opened = Inputs.open(name, settings.std(), (raw, n, size) -> raw)) {
        FormatSniffer.Detected detected =
            input.from != null
                ? new FormatSniffer.Detected(input.from, opened.stream())
                : FormatSniffer.detect(
                    opened.stream(), opened.name().equals(Inputs.STDIN_NAME) ? null : opened.name());
        try (MetricReader reader =
            Codecs.reader(detected.format(), detected.stream(), opened.name(), ReadOptions.DEFAULTS)) {
          long families = Pipeline.drain(reader);
          if (settings.verbosity() > 0) {
            settings.err().println(
                opened.name() + ": ok (" + detected.format().id() + ", " + families + " families)");
          }
        } catch (MetricParseException e) {
          ErrorReporter.printParseError(e, settings.err(), settings.colorOnStderr());
          if (settings.debug()) e.printStackTrace(settings.err());
          exit = ExitCodes.INVALID_INPUT;
        }
      }
    }
    settings.err().flush();
    return exit;
  }
}
