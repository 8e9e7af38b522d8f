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
import dev.promotel.model.MetricFamily;
import dev.promotel.pipeline.Codecs;
import dev.promotel.pipeline.Conversion;
import dev.promotel.pipeline.Pipeline;
import dev.promotel.pipeline.ReadAheadReader;
import dev.promotel.translate.mapping.OtlpToPrometheusOptions;
import dev.promotel.translate.mapping.PrometheusToOtlpOptions;
import dev.promotel.translate.semconv.PrometheusNames;
import dev.promotel.translate.semconv.PrometheusRenamer;
import dev.promotel.translate.semconv.Registry;
import dev.promotel.translate.semconv.RegistryCheck;
import dev.promotel.translate.semconv.RuleEngine;
import dev.promotel.translate.semconv.RuleSet;
import dev.promotel.translate.semconv.SemconvRenamer;
import dev.promotel.yaml.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code promotel rename semconv|prometheus [INPUT...]}: metric names and labels to the OpenTelemetry
 * semantic conventions by rule sets, or semconv names to Prometheus names by the registry and the
 * otlptranslator strategies.
 *
 * <p>The model at each step: every input is first brought to the OTLP shape (Prometheus text goes
 * through the same Prometheus → OTLP mapping as {@code convert}: job/instance become the resource,
 * units UCUM; family names stay the exporter's), then renamed ({@link SemconvRenamer} or {@link
 * PrometheusRenamer}), then written; a Prometheus text target goes through the OTLP → Prometheus
 * mapping, so {@code rename semconv --to prom} writes the Prometheus spelling of the semconv names
 * ({@code system_cpu_time_seconds_total}). {@code --check} validates against the registry instead
 * of writing data: the renamed families for {@code semconv}, the input families for {@code
 * prometheus}.
 */
@Command(
    name = "rename",
    customSynopsis = "promotel rename [OPTIONS] semconv|prometheus [INPUT...]",
    description = {
      "Rename metrics to the OpenTelemetry semantic conventions, or semconv names to Prometheus names.",
      "",
      "semconv: applies naming rule sets. Every bundled set takes part (each rule matches only the"
          + " exporter metrics it names, so the sets for node_exporter, client_golang, JVM, HTTP,"
          + " cAdvisor, kube-state-metrics... select themselves by what the input contains);"
          + " --rules adds files or picks bundled sets by id (then only those with --no-bundled)."
          + " Families no rule matches pass unchanged; their count is reported on stderr and -v"
          + " lists them. Series that land on one target series are merged by the rule's policy;"
          + " a target fed by several source metrics whose series can coincide is buffered"
          + " (bounded by --max-merge-points) and written at the end.",
      "",
      "prometheus: semconv names become Prometheus names: the registry supplies unit and"
          + " instrument, --translation-strategy picks the otlptranslator strategy; attribute keys"
          + " become label names. Rule sets given with --rules run in reverse where their rules"
          + " are invertible (e.g. --rules node-exporter turns system.cpu.time back into"
          + " node_cpu_seconds_total).",
      "",
      "--check validates against the bundled semconv registry and writes findings instead of"
          + " data: wrong unit or instrument, missing required attributes, deprecated names and"
          + " attributes with their replacement. Exit 1 when there are findings.",
      "",
      "Every format works in and out; a Prometheus text target gets the Prometheus spelling of the"
          + " semconv names (OTLP → text mapping and its options)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  promotel rename semconv samples/node_exporter.prom --to otlp-json --pretty",
      "  promotel rename semconv samples/spring_boot.prom --check",
      "  promotel rename semconv samples/cadvisor.prom --rules my-rules.yaml --to prom",
      "  promotel rename prometheus samples/collector-export.jsonl --to prom --translation-strategy NoUTF8EscapingWithSuffixes"
    })
final class RenameCommand implements Callable<Integer> {
  /** Which way names go. */
  enum Direction {
    SEMCONV,
    PROMETHEUS
  }

  @ParentCommand PromotelCommand root;
  @Mixin HelpOption help;
  @Mixin InputOptions input;
  @Mixin OutputOptions output;
  @Mixin LimitOptions limits;
  @Mixin TranslationOptions translation;
  @Mixin ReportOptions report;

  @Option(
      names = "--rules",
      paramLabel = "FILE|ID",
      description = "A rule file, or the id of a bundled rule set; repeatable.")
  List<String> rules = new ArrayList<>();

  @Option(
      names = "--no-bundled",
      description = "semconv: use only the --rules sets, not every bundled set.")
  boolean noBundled;

  @Option(
      names = "--check",
      description = "Validate against the semconv registry; print findings instead of data (exit 1 on findings).")
  boolean check;

  @Option(
      names = "--max-merge-points",
      paramLabel = "N",
      defaultValue = "1000000",
      converter = OptionTypes.CountConverter.class,
      description = "Points held to merge targets whose source metrics can coincide (default: ${DEFAULT-VALUE}).")
  int maxMergePoints;

  @Override
  public Integer call() throws IOException {
    GlobalSettings settings = root.settings();
    StandardStreams std = settings.std();
    Direction direction = direction();
    // The bundled sets load on another thread while the input is opened and its first families
    // are read and mapped (the Prometheus → OTLP mapping holds up to a thousand families before the
    // renamer sees one); the user's files load here, so their mistakes stop the command at once.
    CompletableFuture<List<RuleSet>> bundled = direction == Direction.SEMCONV && !noBundled
        ? CompletableFuture.supplyAsync(RenameCommand::loadBundled)
        : CompletableFuture.completedFuture(List.of());
    List<RuleSet> userSets = RuleSources.resolve(rules);
    PrintWriter err = settings.err();
    Supplier<RuleEngine> engineOnce = new Supplier<>() {
      private RuleEngine engine;

      @Override
      public RuleEngine get() {
        if (engine != null) return engine;
        List<RuleSet> sets = new ArrayList<>(join(bundled));
        for (RuleSet s : userSets) if (!sets.contains(s)) sets.add(s);
        engine = new RuleEngine(sets);
        try {
          engine.requireConsistentTargets();
        } catch (ConfigException e) {
          throw new UncheckedIOException(e);
        }
        if (!settings.quiet()) {
          for (RuleSet s : sets) for (String w : s.warnings()) err.println("warning: " + w);
          for (String w : engine.warnings()) err.println("warning: " + w);
        }
        return engine;
      }
    };
    Diagnostics diagnostics = new Diagnostics();
    List<InputSource> sources = input.sources(std.in());
    ReadOptions readOptions = limits.readOptions();
    DecompressionLimits decompression = limits.decompressionLimits();
    OtlpToPrometheusOptions toPrometheus = translation.toPrometheus();
    PrometheusToOtlpOptions toOtlp = translation.toOtlp();
    Format to = output.to;
    Registry registry = Registry.bundled();
    RegistryCheck checker = null;
    Deferred<SemconvRenamer> semconv = null;
    try (OutputTarget target = output.open(std)) {
      Conversion upstream = null;
      Conversion downstream = null;
      for (InputSource source : sources) {
        try (OpenedInput opened = source.open(decompression)) {
          InputStream stream = opened.stream();
          Format from = Codecs.detect(opened, input.from);
          if (upstream == null) {
            to = to != null ? to : from;
            MetricWriter last;
            if (check) {
              // Rules acknowledge required attributes they cannot supply; only what they produced.
              last = checker = direction == Direction.SEMCONV
                  ? new RegistryCheck(registry, null, name -> engineOnce.get().missingRequiredOk(name))
                  : new RegistryCheck(registry, null);
            } else {
              MetricWriter writer = Codecs.writer(to, target.stream(), output.writeOptions(), diagnostics);
              downstream = new Conversion(to, writer, toPrometheus, toOtlp, diagnostics);
              last = MetricWriter.keepOpen(downstream.sinkFor(Format.OTLP_JSON));
            }
            MetricWriter renamer;
            if (direction == Direction.SEMCONV) {
              MetricWriter next = last;
              renamer = semconv = new Deferred<>(
                  () -> new SemconvRenamer(next, engineOnce.get(), diagnostics, maxMergePoints));
            } else {
              PrometheusNames names = new PrometheusNames(registry, toPrometheus.strategy(), toPrometheus.unitDialect());
              renamer = new PrometheusRenamer(last, engineOnce.get(), names, toPrometheus.strategy(), diagnostics);
              if (check) renamer = checker;
            }
            upstream = new Conversion(Format.OTLP_JSON, renamer, toPrometheus, toOtlp, diagnostics);
          }
          MetricReader parser = Codecs.reader(from, stream, opened.name(), readOptions, diagnostics,
              Codecs.sniffedOpenMetrics(opened, input.from));
          try (MetricReader reader = new ReadAheadReader(parser, 4)) {
            long families = Pipeline.run(reader, upstream.sinkFor(from));
            if (settings.verbosity() > 0) {
              err.println(opened.name() + ": " + from.id() + ", " + families + " families read");
            }
          }
        }
      }
      upstream.close();
      if (downstream != null) downstream.close();
      if (!check) target.commit();
    }
    if (semconv != null && !settings.quiet()) reportUnmatched(settings, semconv.get());
    if (check) return reportFindings(settings, checker);
    return report.finish(settings, diagnostics, "rename", sources, to);
  }

  private Direction direction() {
    if (input.inputs.isEmpty()) {
      throw new ExitException(ExitCodes.USAGE, "rename: missing the target naming: semconv or prometheus");
    }
    String first = input.inputs.remove(0);
    try {
      return Direction.valueOf(first.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ExitException(ExitCodes.USAGE,
          "rename: unknown target naming '" + first + "'; expected semconv or prometheus");
    }
  }

  private static void reportUnmatched(GlobalSettings settings, SemconvRenamer renamer) {
    PrintWriter err = settings.err();
    int n = renamer.unmatched().size();
    err.println(renamer.matched().size() + " families renamed by rules, " + n
        + (n == 1 ? " family" : " families") + " matched no rule" + (n > 0 && settings.verbosity() == 0 ? " (-v lists them)" : ""));
    if (settings.verbosity() > 0) {
      for (String name : renamer.unmatched()) err.println("  unmatched: " + name);
      if (settings.verbosity() > 1) {
        for (var e : renamer.matched().entrySet()) err.println("  " + e.getKey() + " → " + e.getValue());
      }
    }
  }

  private static int reportFindings(GlobalSettings settings, RegistryCheck checker) {
    PrintWriter out = settings.std().outText();
    for (RegistryCheck.Finding f : checker.findings()) out.println(f);
    out.flush();
    if (!settings.quiet()) {
      settings.err().println(checker.checked() + " semconv families checked, " + checker.findings().size()
          + " findings");
    }
    return checker.findings().isEmpty() ? ExitCodes.OK : ExitCodes.LOSSES_OR_FINDINGS;
  }

  private static List<RuleSet> loadBundled() {
    try {
      return RuleSources.bundled();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The value of a finished load, its failure rethrown as the failure it was. */
  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException io) throw new UncheckedIOException(io.getCause());
      if (cause instanceof RuntimeException r) throw r;
      throw e;
    }
  }

  /** A writer made at its first use (when the rules it needs are loaded). */
  private static final class Deferred<W extends MetricWriter> implements MetricWriter {
    private final Supplier<W> make;
    private W writer;

    Deferred(Supplier<W> make) {
      this.make = make;
    }

    W get() {
      if (writer == null) writer = make.get();
      return writer;
    }

    @Override
    public void write(MetricFamily family) throws IOException {
      get().write(family);
    }

    @Override
    public void close() throws IOException {
      get().close();
    }
  }
}
