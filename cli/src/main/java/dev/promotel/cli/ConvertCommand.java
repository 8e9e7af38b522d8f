package dev.promotel.cli;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.Format;
import dev.promotel.format.MetricReader;
import dev.promotel.format.MetricWriter;
import dev.promotel.format.ReadOptions;
import dev.promotel.pipeline.Codecs;
import dev.promotel.pipeline.FormatSniffer;
import dev.promotel.pipeline.Pipeline;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code promotel convert}: any metric format to any other. Several inputs are concatenated into
 * one output (one {@code # EOF} for OpenMetrics). What the target cannot carry is summarised on
 * stderr at the end; under {@code --strict} any loss exits 1, and the output is still written, so
 * a CI job can keep it for inspection.
 */
@Command(
    name = "convert",
    description = {
      "Convert metrics from one format to another.",
      "",
      "Several inputs are concatenated into one output (one # EOF for OpenMetrics). What the"
          + " target format cannot carry is summarised on stderr at the end (-q silences it,"
          + " --report writes it as JSON). With --strict any loss exits 1; the output is still"
          + " written."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  curl -s localhost:9100/metrics | promotel convert --to om > scrape.om",
      "  promotel convert scrape.om --to prom -o scrape.prom",
      "  promotel convert a.prom b.prom.gz --to om -o all.om.zst",
      "  promotel convert --strict --report losses.json scrape.om --to prom -o out.prom"
    })
final class ConvertCommand implements Callable<Integer> {
  @ParentCommand PromotelCommand root;
  @Mixin HelpOption help;
  @Mixin InputOptions input;
  @Mixin OutputOptions output;
  @Mixin ReportOptions report;

  @Override
  public Integer call() throws IOException {
    GlobalSettings settings = root.settings();
    StandardStreams std = settings.std();
    Diagnostics diagnostics = new Diagnostics();
    List<String> inputs = input.inputsOrStdin();
    Format to = output.to;
    try (OutputTarget target =
        output.toStdout()
            ? OutputTarget.stdout(std, output.compression())
            : OutputTarget.file(output.output, output.compression())) {
      MetricWriter writer = null;
      for (String name : inputs) {
        try (Inputs.Opened opened = Inputs.open(name, std, meter(settings))) {
          FormatSniffer.Detected detected = detect(opened.stream(), opened.name());
          if (writer == null) {
            to = to != null ? to : detected.format();
            writer = Codecs.writer(to, target.stream(), output.writeOptions(), diagnostics);
          }
          try (MetricReader reader =
              Codecs.reader(detected.format(), detected.stream(), opened.name(), ReadOptions.DEFAULTS)) {
            Pipeline.run(reader, writer);
          }
        }
      }
      writer.close();
      target.commit();
    }
    return finish(settings, diagnostics, inputs, to);
  }

  private FormatSniffer.Detected detect(InputStream in, String name) throws IOException {
    if (input.from != null) return new FormatSniffer.Detected(input.from, in);
    return FormatSniffer.detect(in, name.equals(Inputs.STDIN_NAME) ? null : name);
  }

  private Inputs.RawWrapper meter(GlobalSettings settings) {
    return (raw, name, size) -> {
      if (report.noProgress || settings.quiet() || size <= ProgressMeter.THRESHOLD_BYTES) return raw;
      if (!settings.std().tty().isTerminal(2)) return raw;
      return new ProgressMeter(raw, settings.err(), name, size, System::nanoTime);
    };
  }

  private int finish(GlobalSettings settings, Diagnostics diagnostics, List<String> inputs, Format to)
      throws IOException {
    if (!settings.quiet() && !diagnostics.isEmpty()) {
      LossReport.printSummary(diagnostics, settings.err(), settings.colorOnStderr());
    }
    if (report.report != null) {
      try (OutputTarget file = OutputTarget.file(report.report, Compression.NONE)) {
        LossReport.writeJson(diagnostics, "convert", inputs, to, file.stream());
        file.commit();
      }
    }
    return report.strict && diagnostics.hasLosses() ? ExitCodes.LOSSES_OR_FINDINGS : ExitCodes.OK;
  }
}
