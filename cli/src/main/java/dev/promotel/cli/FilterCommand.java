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
import dev.promotel.pipeline.ReadAheadReader;
import dev.promotel.relabel.LabelOps;
import dev.promotel.relabel.RelabelConfigs;
import dev.promotel.relabel.RelabelRule;
import dev.promotel.relabel.Relabeler;
import dev.promotel.relabel.SeriesTransform;
import dev.promotel.select.Selector;
import dev.promotel.select.SeriesFilter;
import dev.promotel.translate.mapping.OtlpToPrometheusOptions;
import dev.promotel.translate.mapping.PrometheusToOtlpOptions;
import dev.promotel.yaml.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code promotel filter}: grep for metrics. Selectors, then relabel rules, then label operations,
 * per series, streaming from any input format to any output format.
 */
@Command(
    name = "filter",
    customSynopsis = {
      "promotel filter [OPTIONS] SELECTOR [INPUT...]",
      "promotel filter [OPTIONS] -m SELECTOR [-m SELECTOR...] [INPUT...]",
      "promotel filter [OPTIONS] --relabel FILE [INPUT...]"
    },
    description = {
      "Select series by PromQL selector, relabel them, change their labels (grep for metrics).",
      "",
      "Keeps the series a PromQL series selector matches, relabels them as Prometheus"
          + " metric_relabel_configs would, and drops, keeps, renames or adds labels, from any"
          + " input format to any output format (-t).",
      "",
      "The first argument is the selector (as grep's pattern) unless -m is given; several -m"
          + " are ORed, matchers inside one selector ANDed. With --relabel, a label option,"
          + " --head or --sort the selector may be left out (every series passes): then a first"
          + " argument that is -"
          + " or an existing file is an input. Regexes are RE2, fully anchored:"
          + " code=~\"2..\" does not match 2000.",
      "",
      "Order: selector (and --invert) → --relabel rules → --drop-label → --keep-label →"
          + " --rename-label → --add-label → --sort → --head.",
      "",
      "A series is a point: its labels (OTLP attributes, as strings) plus __name__, the family"
          + " name as the input spells it (counters with _total). A histogram or summary series"
          + " is kept or dropped whole: __name__ matchers see all its sample names (foo,"
          + " foo_bucket, foo_count, foo_sum; =/=~ hold when any matches, !=/!~ when none does),"
          + " and matchers on le (histograms) or quantile (summaries) are ignored for them, with"
          + " a note. Relabel rules, as in Prometheus, see each sample: foo_bucket{le=...},"
          + " foo_sum, foo_count (foo{quantile=...} for a summary). Samples the rules treat alike"
          + " move the series whole; otherwise dropped buckets merge into the next kept bound, a"
          + " histogram left without buckets becomes a summary of _sum/_count (note), dropped"
          + " quantiles leave a shorter summary, and what cannot be held is a loss.",
      "",
      "Relabelling follows Prometheus 3: every action, defaults (separator ;, regex (.*),"
          + " replacement $1), $1/$${1}/$name expansion, md5-based hashmod, UTF-8 label names."
          + " A series left without __name__ is dropped (note). A series whose __name__ changes"
          + " moves to a family of that name with the same type; if the input has a family of"
          + " that name, the series waits for it (up to 100000 series) and joins it under its"
          + " type (gauge and counter mix; other kinds are a loss). Series that end with equal"
          + " labels, or repeat from a second input, are dropped but the first (loss). __tmp"
          + " labels stay unless a rule drops them, as in Prometheus.",
      "",
      "Streaming: each family is written (and flushed on a pipe or terminal) as soon as it is"
          + " read; without -f the first output appears once 64 KiB of input or its end have"
          + " arrived (format detection), with -f at once. --sort is the exception: it holds"
          + " everything (up to --sort-limit series) until the input ends."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  curl -s localhost:9100/metrics | promotel filter 'node_cpu_seconds_total{mode!=\"idle\"}'",
      "  promotel filter -m '{__name__=~\"go_.*\"}' -m up --invert samples/node_exporter.prom",
      "  promotel filter --relabel samples/relabel.yml --explain samples/node_exporter.prom",
      "  promotel filter '{job=\"node\"}' --drop-label instance --sort -t otlp-json dump.prom"
    })
final class FilterCommand implements Callable<Integer> {
  @ParentCommand PromotelCommand root;
  @Mixin HelpOption help;
  @Mixin InputOptions input;

  @Option(
      names = {"-m", "--match"},
      paramLabel = "SELECTOR",
      description = "Series selector; repeat to OR several (then every argument is an input).")
  List<String> matches = new ArrayList<>();

  @Option(
      names = {"--invert", "--invert-match"},
      description = "Keep the series no selector matches (grep -v; -v is promotel's --verbose).")
  boolean invert;

  @Option(
      names = "--relabel",
      paramLabel = "FILE",
      description = "Prometheus metric_relabel_configs YAML: a list of rules, a scrape job, or a"
          + " prometheus.yml.")
  Path relabel;

  @Option(
      names = "--relabel-job",
      paramLabel = "NAME",
      description = "The scrape job of a prometheus.yml whose metric_relabel_configs to use.")
  String relabelJob;

  @Option(
      names = "--explain",
      description = "Print to stderr what each relabel rule did to each series, then the rules"
          + " that never matched.")
  boolean explain;

  @Option(
      names = "--drop-label",
      paramLabel = "LABEL",
      description = "Remove a label (repeatable).")
  List<String> dropLabels = new ArrayList<>();

  @Option(
      names = "--keep-label",
      paramLabel = "LABEL",
      description = "Keep only these labels (repeatable; __name__ always stays).")
  List<String> keepLabels = new ArrayList<>();

  @Option(
      names = "--rename-label",
      paramLabel = "OLD=NEW",
      description = "Rename a label (repeatable); its value replaces any value of NEW.")
  List<String> renameLabels = new ArrayList<>();

  @Option(
      names = "--add-label",
      paramLabel = "NAME=VALUE",
      description = "Set a label on every series (repeatable); replaces an existing value.")
  List<String> addLabels = new ArrayList<>();

  @Option(
      names = "--head",
      paramLabel = "N",
      description = "Write only the first N families (after --sort), then stop reading.")
  Long head;

  @Option(
      names = "--sort",
      description = "Write families by name and series by labels, for stable diffs, merging"
          + " repeats of a family; holds the input in memory (see --sort-limit).")
  boolean sort;

  @Option(
      names = "--sort-limit",
      paramLabel = "N",
      defaultValue = "2000000",
      description = "Most series --sort holds (default: ${DEFAULT-VALUE}); beyond it exits 3.")
  long sortLimit;

  @Mixin OutputOptions output;
  @Mixin LimitOptions limits;
  @Mixin ReportOptions report;

  @Override
  public Integer call() throws IOException {
    GlobalSettings settings = root.settings();
    StandardStreams std = settings.std();
    Diagnostics diagnostics = new Diagnostics();

    if (relabelJob != null && relabel == null) {
      throw new ExitException(ExitCodes.USAGE, "--relabel-job needs --relabel FILE");
    }
    List<String> selectorTexts = new ArrayList<>(matches);
    // Options that do something without a selector make it optional, as --relabel does.
    boolean selectorOptional = relabel != null || hasLabelOps() || head != null || sort;
    boolean positional = false;
    if (selectorTexts.isEmpty()) {
      if (!input.inputs.isEmpty() && !(selectorOptional && isInput(input.inputs.get(0)))) {
        selectorTexts.add(input.inputs.remove(0));
        positional = true;
      } else if (!selectorOptional) {
        throw new ExitException(ExitCodes.USAGE, "filter: missing SELECTOR (or -m, --relabel,"
            + " --head, --sort or a label option); try promotel filter --help");
      }
    }
    List<Selector> selectors = new ArrayList<>();
    for (String text : selectorTexts) {
      try {
        selectors.add(Selector.parse(text));
      } catch (ConfigException e) {
        if (positional && isInput(text)) {
          throw new ConfigException(e.position(), e.reason() + " (no selector given? the first"
              + " argument is the selector; use -m or --)", e.sourceLine());
        }
        throw e;
      }
    }
    if (invert && selectors.isEmpty()) {
      throw new ExitException(ExitCodes.USAGE, "--invert needs a selector");
    }
    List<RelabelRule> rules = relabel == null ? List.of() : RelabelConfigs.load(relabel, relabelJob);
    if (explain && relabel == null) {
      throw new ExitException(ExitCodes.USAGE, "--explain traces --relabel rules; give --relabel FILE");
    }
    if (head != null && head < 0) throw new ExitException(ExitCodes.USAGE, "--head must be >= 0");
    LabelOps ops = labelOps();

    List<InputSource> sources = input.sources(std.in());
    ReadOptions readOptions = limits.readOptions();
    DecompressionLimits decompression = limits.decompressionLimits();
    Format to = output.to;
    SeriesFilter filter = selectors.isEmpty() ? null : new SeriesFilter(selectors, invert, diagnostics);
    Relabeler relabeler = new Relabeler(rules);
    try (OutputTarget target = output.open(std)) {
      Conversion conversion = null;
      FilterSinks.Router router = null;
      FilterSinks.Head headSink = null;
      MetricWriter chain = null;
      for (InputSource source : sources) {
        if (headSink != null && headSink.isFull()) break;
        try (OpenedInput opened = source.open(decompression);
            InputStream stream = opened.stream()) {
          Format from = Codecs.detect(opened, input.from);
          if (conversion == null) {
            to = to != null ? to : from;
            MetricWriter writer =
                Codecs.writer(to, target.stream(), output.writeOptions(), diagnostics);
            Conversion c = new Conversion(to, writer, OtlpToPrometheusOptions.DEFAULTS,
                PrometheusToOtlpOptions.DEFAULTS, diagnostics);
            conversion = c;
            router = new FilterSinks.Router(writer, streamsToPipe(), c::close);
            MetricWriter tail = router;
            if (head != null) tail = headSink = new FilterSinks.Head(head, tail);
            if (sort) tail = new FilterSinks.Sort(router, tail, sortLimit, diagnostics);
            chain = new SeriesTransform(filter, relabeler, ops,
                explain ? settings.err() : null, diagnostics, tail);
          }
          router.use(conversion.sinkFor(from));
          MetricReader parser = Codecs.reader(from, stream, opened.name(), readOptions, diagnostics,
              Codecs.sniffedOpenMetrics(opened, input.from));
          long families = 0;
          try (MetricReader reader = new ReadAheadReader(parser, 4)) {
            for (Optional<MetricFamily> next = reader.read(); next.isPresent(); next = reader.read()) {
              chain.write(next.get());
              families++;
              if (headSink != null && headSink.isFull()) break;
            }
          }
          if (settings.verbosity() > 0) {
            settings.err().println(opened.name() + ": " + from.id() + " (" + opened.compression().id()
                + "), " + families + " families read, writing " + to.id());
          }
        }
      }
      chain.close();
      target.commit();
    }
    return report.finish(settings, diagnostics, "filter", sources, to);
  }

  /** Whether a first argument names an input rather than a selector: {@code -} or a path. */
  private static boolean isInput(String argument) {
    if (argument.equals("-")) return true;
    try {
      return Files.exists(Path.of(argument));
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  private boolean hasLabelOps() {
    return !dropLabels.isEmpty() || !keepLabels.isEmpty() || !renameLabels.isEmpty()
        || !addLabels.isEmpty();
  }

  /** The label options, checked: names non-empty, never __name__ (that is --relabel's job). */
  LabelOps labelOps() {
    Set<String> drop = new LinkedHashSet<>();
    for (String l : dropLabels) drop.add(labelName("--drop-label", l));
    Set<String> keep = new LinkedHashSet<>();
    for (String l : keepLabels) keep.add(labelName("--keep-label", l));
    Map<String, String> rename = new LinkedHashMap<>();
    for (String pair : renameLabels) {
      String[] kv = split("--rename-label", pair, "OLD=NEW");
      rename.put(labelName("--rename-label", kv[0]), labelName("--rename-label", kv[1]));
    }
    Map<String, String> add = new LinkedHashMap<>();
    for (String pair : addLabels) {
      String[] kv = split("--add-label", pair, "NAME=VALUE");
      add.put(labelName("--add-label", kv[0]), kv[1]);
    }
    return new LabelOps(drop, keep, rename, add);
  }

  private static String[] split(String option, String pair, String shape) {
    int eq = pair.indexOf('=');
    if (eq < 0) {
      throw new ExitException(ExitCodes.USAGE, option + ": expected " + shape + ", got \"" + pair
          + "\"");
    }
    return new String[] {pair.substring(0, eq), pair.substring(eq + 1)};
  }

  private static String labelName(String option, String name) {
    if (name.isEmpty()) throw new ExitException(ExitCodes.USAGE, option + ": empty label name");
    if (LabelOps.reserved().contains(name)) {
      throw new ExitException(ExitCodes.USAGE, option + ": " + name + " cannot be changed by the"
          + " label options; use a --relabel rule");
    }
    return name;
  }

  /**
   * Whether standard output is where data goes and it is not a regular file: then each family is
   * flushed as written. A file gets large writes only.
   */
  private boolean streamsToPipe() {
    if (output.output != null && !output.output.toString().equals("-")) return false;
    Path fd = Path.of("/proc/self/fd/1");
    return !Files.isRegularFile(fd);
  }

}
