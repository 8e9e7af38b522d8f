package dev.promotel.cli;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.Format;
import dev.promotel.format.MetricReader;
import dev.promotel.format.MetricWriter;
import dev.promotel.format.ReadOptions;
import dev.promotel.io.DecompressionLimits;
import dev.promotel.io.InputSource;
import dev.promotel.io.OpenedInput;
import dev.promotel.io.OutputTarget;
import dev.promotel.pipeline.Codecs;
import dev.promotel.pipeline.Conversion;
import dev.promotel.pipeline.Pipeline;
import dev.promotel.pipeline.ReadAheadReader;
import dev.promotel.translate.mapping.OtlpToPrometheusOptions;
import dev.promotel.translate.mapping.PrometheusToOtlpOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code promotel convert}: any metric format to any other. Several inputs are concatenated into
 * one output (one {@code # EOF} for OpenMetrics). What the target cannot carry is summarised on
 * stderr at the end; under {@code --strict} any loss exits 1, and the output is still written, so
 * a CI job can keep it for inspection. On any error an {@code -o} file is not created (nor an
 * existing one touched).
 */
@Command(
    name = "convert",
    description = {
      "Convert metrics from one format to another.",
      "",
      "Several inputs are concatenated into one output (one # EOF for OpenMetrics). What the"
          + " target format cannot carry is summarised on stderr at the end (-q silences it,"
          + " --report writes it as JSON). With --strict any loss exits 1; the output is still"
          + " written. On an error, the -o file is neither created nor changed.",
      "",
      "An empty input is valid Prometheus text without families: it converts to an empty output"
          + " (or a lone # EOF in OpenMetrics). An empty OpenMetrics input (e.g. empty.om) is"
          + " invalid, because it lacks the final # EOF.",
      "",
      "Inputs beyond a --max-* limit are rejected as invalid (exit 3) with a message naming the"
          + " flag that raises the limit.",
      "",
      "Between Prometheus text (prom, om) and OTLP (otlp-json, otlp-jsonl, otlp-pb) the"
          + " OpenTelemetry mapping applies: names, units, job/instance, target_info, scopes,"
          + " delta accumulation. Options marked 'OTLP → text' shape OTLP input written as"
          + " text; 'Text → OTLP' the reverse. Several inputs of both kinds may go into one"
          + " output; each is mapped by its own kind."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  curl -s localhost:9100/metrics | promotel convert --to om > scrape.om",
      "  promotel convert scrape.om --to prom -o scrape.prom",
      "  promotel convert collector-export.jsonl --to om --exp-histogram-text classic -o export.om",
      "  promotel convert scrape.prom --to otlp-pb --framing u32be --scope-name promotel -o scrape.pb"
    })
final class ConvertCommand implements Callable<Integer> {
  @ParentCommand PromotelCommand root;
  @Mixin HelpOption help;
  @Mixin InputOptions input;
  @Mixin OutputOptions output;
  @Mixin LimitOptions limits;
  @Mixin TranslationOptions translation;
  @Mixin ReportOptions report;

  @Override
  public Integer call() throws IOException {
    GlobalSettings settings = root.settings();
    StandardStreams std = settings.std();
    Diagnostics diagnostics = new Diagnostics();
    List<InputSource> sources = input.sources(std.in());
    ReadOptions readOptions = limits.readOptions();
    DecompressionLimits decompression = limits.decompressionLimits();
    OtlpToPrometheusOptions toPrometheus = translation.toPrometheus();
    PrometheusToOtlpOptions toOtlp = translation.toOtlp();
    Format to = output.to;
    try (OutputTarget target = output.open(std)) {
      Conversion conversion = null;
      for (InputSource source : sources) {
        try (OpenedInput opened = source.open(decompression);
            InputStream stream = meter(settings, source, opened)) {
          Format from = Codecs.detect(opened, input.from);
          if (conversion == null) {
            to = to != null ? to : from;
            MetricWriter writer =
                Codecs.writer(to, target.stream(), output.writeOptions(), diagnostics);
            conversion = new Conversion(to, writer, toPrometheus, toOtlp, diagnostics);
          }
          MetricReader parser =
              Codecs.reader(from, stream, opened.name(), readOptions, diagnostics,
                  Codecs.sniffedOpenMetrics(opened, input.from));
          try (MetricReader reader = new ReadAheadReader(parser, 4)) {
            long families = Pipeline.run(reader, conversion.sinkFor(from));
            if (settings.verbosity() > 0) {
              settings.err().println(opened.name() + ": " + from.id() + " (" + opened.compression().id()
                  + "), " + families + " families read, writing " + to.id());
            }
          }
        }
      }
      conversion.close();
      target.commit();
    }
    return report.finish(settings, diagnostics, "convert", sources, to);
  }

  /** The input's stream, behind a progress bar when that is wanted and possible. */
  InputStream meter(GlobalSettings settings, InputSource source, OpenedInput opened)
      throws IOException {
    if (report.noProgress || settings.quiet()) return opened.stream();
    Optional<Path> file = source.path();
    if (file.isEmpty()) return opened.stream();
    long size = Files.size(file.get());
    if (size <= ProgressMeter.THRESHOLD_BYTES || !settings.std().tty().isTerminal(2)) {
      return opened.stream();
    }
    return new ProgressMeter(
        opened.stream(), opened::sourceBytesRead, settings.err(), opened.name(), size,
        System::nanoTime);
  }

}
