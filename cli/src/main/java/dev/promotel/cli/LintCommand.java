package dev.promotel.cli;

import dev.promotel.io.Compression;
import dev.promotel.io.InputSource;
import dev.promotel.io.OutputTarget;
import dev.promotel.lint.Baseline;
import dev.promotel.lint.ConfigLinter;
import dev.promotel.lint.LintConfig;
import dev.promotel.lint.LintEngine;
import dev.promotel.lint.LintResult;
import dev.promotel.lint.RuleInfo;
import dev.promotel.lint.Severity;
import dev.promotel.lint.report.ReportFormat;
import dev.promotel.lint.report.ReportInfo;
import dev.promotel.lint.source.SourceLinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code promotel lint}: hygiene, naming and label consistency of metric dumps, and of the configs
 * that decide which labels metrics and logs carry (specs/lint.md). Findings go to stdout in the
 * chosen format (plus {@code --output FMT=FILE} copies); the exit code says whether any active
 * finding is at or above {@code --fail-on}.
 */
@Command(
    name = "lint",
    description = {
      "Check metric dumps and metrics/log configs for hygiene, naming and label consistency.",
      "",
      "Each INPUT is a file or a directory (walked recursively, hidden entries skipped); with no"
          + " INPUT the config's inputs: are linted, else the current directory. Use - for a dump on"
          + " stdin. Files are classified by content and name (--kind forces a kind): Prometheus"
          + " configs, ServiceMonitor/PodMonitor, Promtail, OpenTelemetry Collector, Loki (.yaml,"
          + " .yml or no extension) and Alloy (.alloy, .river) configs, and metric dumps in every"
          + " format. Files found in a directory that are neither (source code, docs) are skipped"
          + " (-v names them).",
      "",
      "The lint config is --config FILE, else .promotel-lint.yaml in the working directory or the"
          + " nearest parent up to the repository root. Inline suppressions: '# promotel-lint"
          + " disable=RULE[,RULE] reason=\"...\" [until=YYYY-MM-DD]' (also disable-next-line,"
          + " disable-file; // in Alloy).",
      "",
      "A dump that does not parse is a finding (dump/parse-error), not an exit 3, and so is a"
          + " config found in a directory that does not parse (cfg/parse-error); an invalid lint"
          + " config or baseline, or a config named as INPUT that does not parse, exits 2 with"
          + " file:line:column."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  promotel lint samples/lint/",
      "  curl -s localhost:9100/metrics | promotel lint -",
      "  promotel lint --format github --output sarif=lint.sarif --fail-on warning .",
      "  promotel lint --baseline .promotel-lint-baseline.json --update-baseline ."
    })
final class LintCommand implements Callable<Integer> {
  @ParentCommand PromotelCommand root;
  @Mixin HelpOption help;
  @Mixin LimitOptions limits;

  @Parameters(
      paramLabel = "INPUT",
      arity = "0..*",
      description = "File, directory (walked recursively) or - for stdin; default: the config's"
          + " inputs, else the current directory.")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "text",
      converter = ReportFormatConverter.class,
      completionCandidates = ReportFormatConverter.class,
      description = "Output on stdout: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  ReportFormat format = ReportFormat.TEXT;

  @Option(
      names = "--output",
      paramLabel = "FMT=FILE",
      description = "Also write the findings as FMT to FILE (repeatable; stdout is --format's).")
  List<String> outputs = new ArrayList<>();

  @Option(names = "--config", paramLabel = "FILE", description = "Lint config (default: discovered .promotel-lint.yaml).")
  Path config;

  @Option(names = "--kind", paramLabel = "KIND", description = "Read every input as KIND: a config (prometheus = prometheus.yml, prometheus-operator, promtail, otelcol, loki, alloy) or a dump format id (prom, om, otlp-json, ...).")
  String kind;

  @Option(
      names = "--fail-on",
      paramLabel = "SEV",
      description = "Exit 1 when an active finding is at or above SEV: error, warning, info, none"
          + " (default: the config's failOn, else error).")
  String failOn;

  @Option(names = "--baseline", paramLabel = "FILE", description = "Accept the findings listed in FILE (keyed by rule, path and subject).")
  Path baseline;

  @Option(names = "--update-baseline", description = "Write all current findings to the baseline file (--baseline, the config's baseline, else .promotel-lint-baseline.json) and exit 0.")
  boolean updateBaseline;

  @Option(names = "--list-rules", description = "List the rules (id, default severity, inputs, summary) and exit.")
  boolean listRules;

  static final class ReportFormatConverter extends OptionTypes.Ids<ReportFormat> {
    ReportFormatConverter() {
      super(ReportFormat::fromId, () -> idsOf(ReportFormat.values(), ReportFormat::id));
    }
  }

  @Override
  public Integer call() throws IOException {
    GlobalSettings settings = root.settings();
    StandardStreams std = settings.std();
    ConfigLinter configLinter = new SourceLinter();
    if (listRules) {
      printRules(std.outText(), LintEngine.catalog(configLinter));
      return ExitCodes.OK;
    }
    ReportFormat stdoutFormat = format;
    Map<ReportFormat, String> extra = new LinkedHashMap<>();
    for (String o : outputs) {
      int eq = o.indexOf('=');
      if (eq <= 0 || eq == o.length() - 1) {
        throw new ExitException(ExitCodes.USAGE, "--output expects FMT=FILE, got '" + o + "'");
      }
      String file = o.substring(eq + 1);
      // --format already owns stdout; two reports there make one file no tool can read.
      if (file.equals("-")) {
        throw new ExitException(ExitCodes.USAGE, "--output " + o + " would write a second report to"
            + " stdout, after the --format " + format + " one; write it to a file (--output "
            + o.substring(0, eq) + "=FILE) or choose it with --format");
      }
      if (extra.containsValue(file)) {
        throw new ExitException(ExitCodes.USAGE, "--output writes two reports to " + file
            + "; give each its own file");
      }
      extra.put(reportFormat(o.substring(0, eq)), file);
    }
    LintConfig lintConfig = loadConfig(configLinter);
    Optional<Severity> threshold = failOnThreshold(lintConfig);
    Optional<Path> baselinePath = Optional.ofNullable(baseline)
        .or(() -> lintConfig.baseline().map(b -> relativeToConfig(lintConfig, b)));
    Optional<Baseline> accepted = Optional.empty();
    if (baselinePath.isPresent() && Files.exists(baselinePath.get())) {
      accepted = Optional.of(Baseline.read(baselinePath.get()));
    } else if (baselinePath.isPresent() && baseline != null && !updateBaseline) {
      throw new ExitException(ExitCodes.USAGE, baselinePath.get() + ": no such baseline; create it"
          + " with --update-baseline");
    }
    LintEngine.Options options = new LintEngine.Options(Optional.ofNullable(kind),
        limits.readOptions(), limits.decompressionLimits(), LocalDate.now(ZoneOffset.UTC), accepted);
    PrintWriter err = settings.err();
    LintEngine engine = new LintEngine(lintConfig, configLinter, options, note -> {
      if (settings.verbosity() > 0) err.println("promotel lint: " + note);
    });
    LintResult result = engine.run(lintInputs(std, lintConfig));

    ReportInfo info = new ReportInfo(VersionProvider.version());
    Optional<Path> stepSummary = Optional.ofNullable(std.env().get("GITHUB_STEP_SUMMARY"))
        .filter(s -> !s.isBlank()).map(Path::of);
    boolean color = root.color.enabled(std.env(), std.tty(), 1);
    std.outText().flush();
    stdoutFormat.reporter(info, color && stdoutFormat == ReportFormat.TEXT, stepSummary)
        .write(result, std.out());
    for (Map.Entry<ReportFormat, String> e : extra.entrySet()) {
      try (OutputTarget target = OutputTarget.open(e.getValue(), Compression.NONE, std.out())) {
        e.getKey().reporter(info, false, stepSummary).write(result, target.stream());
        target.commit();
      }
    }
    std.out().flush();
    if (updateBaseline) {
      Path path = baselinePath.orElse(Path.of(".promotel-lint-baseline.json"));
      try (OutputTarget target = OutputTarget.open(path.toString(), Compression.NONE, std.out())) {
        Baseline.write(result, target.stream());
        target.commit();
      }
      long entries = result.findings().stream().filter(r -> r.active()
          || r.suppressed().get().kind() == LintResult.Suppressed.Kind.EXTERNAL).count();
      if (!settings.quiet()) err.println("promotel lint: wrote " + entries + " entries to " + path);
      return ExitCodes.OK;
    }
    return result.fails(threshold) ? ExitCodes.LOSSES_OR_FINDINGS : ExitCodes.OK;
  }

  private static ReportFormat reportFormat(String id) {
    try {
      return ReportFormat.fromId(id);
    } catch (IllegalArgumentException e) {
      throw new ExitException(ExitCodes.USAGE, e.getMessage());
    }
  }

  private LintConfig loadConfig(ConfigLinter configLinter) throws IOException {
    Optional<Path> file = config != null ? Optional.of(config) : LintConfig.discover(Path.of(""));
    if (file.isEmpty()) return LintConfig.defaults();
    if (!Files.isRegularFile(file.get())) {
      throw new ExitException(ExitCodes.IO_ERROR, file.get() + ": no such file");
    }
    return LintConfig.load(file.get(), LintEngine.ruleIds(configLinter));
  }

  private Optional<Severity> failOnThreshold(LintConfig lintConfig) {
    String value = failOn != null ? failOn : lintConfig.failOn().orElse("error");
    String v = value.toLowerCase(Locale.ROOT);
    if (v.equals("none")) return Optional.empty();
    for (Severity s : Severity.values()) {
      if (s.id().equals(v)) return Optional.of(s);
    }
    throw new ExitException(ExitCodes.USAGE, "--fail-on expects error, warning, info or none, got '"
        + value + "'");
  }

  private static Path relativeToConfig(LintConfig lintConfig, String path) {
    Path p = Path.of(path);
    if (p.isAbsolute() || lintConfig.file().isEmpty()) return p;
    Path dir = lintConfig.file().get().toAbsolutePath().getParent();
    return relativize(dir.resolve(p));
  }

  /** A path relative to the working directory when it lies below it (stable paths in reports). */
  private static Path relativize(Path absolute) {
    Path cwd = Path.of("").toAbsolutePath();
    Path normal = absolute.normalize();
    return normal.startsWith(cwd) ? cwd.relativize(normal) : normal;
  }

  private List<LintEngine.Input> lintInputs(StandardStreams std, LintConfig lintConfig)
      throws IOException {
    List<LintEngine.Input> out = new ArrayList<>();
    if (inputs.isEmpty() && !lintConfig.inputs().isEmpty()) {
      Path dir = lintConfig.file().get().toAbsolutePath().getParent();
      for (LintConfig.Input input : lintConfig.inputs()) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + input.glob());
        try (Stream<Path> files = Files.walk(dir)) {
          for (Path f : (Iterable<Path>) files.sorted()::iterator) {
            if (Files.isRegularFile(f) && matcher.matches(dir.relativize(f))) {
              out.add(new LintEngine.Input(InputSource.file(relativize(f)), true, input.kind()));
            }
          }
        }
      }
      return out;
    }
    List<String> args = inputs.isEmpty() ? List.of(".") : inputs;
    for (String arg : args) {
      boolean directory = !arg.equals("-") && Files.isDirectory(Path.of(arg));
      List<InputSource> sources = InputSource.fromArguments(List.of(arg), std.in());
      for (InputSource s : sources) {
        // "./a/b.prom" and "a/b.prom" are one file: report (and baseline) it one way.
        InputSource named = directory && s.path().isPresent()
            ? InputSource.file(s.path().get().normalize()) : s;
        out.add(new LintEngine.Input(named, !directory, Optional.empty()));
      }
    }
    return out;
  }

  private static void printRules(PrintWriter out, List<RuleInfo> rules) {
    int width = 0;
    for (RuleInfo r : rules) width = Math.max(width, r.id().length());
    for (RuleInfo r : rules) {
      out.println(String.format(Locale.ROOT, "%-" + width + "s  %-7s  %-8s  %s", r.id(),
          r.defaultSeverity().id(), r.inputs(), r.summary()));
    }
    out.flush();
  }
}
