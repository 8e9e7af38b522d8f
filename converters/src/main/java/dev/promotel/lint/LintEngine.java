package dev.promotel.lint;

import dev.promotel.format.Format;
import dev.promotel.format.MetricReader;
import dev.promotel.format.ReadOptions;
import dev.promotel.format.SourcePosition;
import dev.promotel.io.DecompressionLimits;
import dev.promotel.io.InputSource;
import dev.promotel.io.OpenedInput;
import dev.promotel.pipeline.Codecs;
import dev.promotel.pipeline.ReadAheadReader;
import dev.promotel.yaml.ConfigException;
import dev.promotel.yaml.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Runs {@code promotel lint}: classifies each input (a {@link ConfigLinter} claims it by content,
 * else a metric dump by format sniffing, else it is skipped with a note), streams dumps through
 * {@link DumpLinter}, lets the config linter check everything against the dumps' labels, then
 * applies the lint config (severity, off, path overrides), inline suppressions and the baseline.
 *
 * <p>Example: {@code new LintEngine(LintConfig.defaults(), linter, options, notes).run(inputs)} over
 * {@code samples/lint/} returns the cross-source findings of that repository.
 */
public final class LintEngine {
  /** An input and whether the user named it (explicit files are linted as dumps when nothing claims them). */
  public record Input(InputSource source, boolean explicit, Optional<String> kind) {}

  /** How to read inputs, the forced kind ({@code --kind}), today's date (suppression expiry), the baseline. */
  public record Options(
      Optional<String> kind,
      ReadOptions read,
      DecompressionLimits decompression,
      LocalDate today,
      Optional<Baseline> baseline) {}

  private static final Pattern SAMPLE_LINE = Pattern.compile(
      "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[^}]*\\})?[ \\t]+[-+]?([0-9.]|Inf|NaN|inf|nan)[^\\n]*");

  private final LintConfig config;
  private final ConfigLinter configs;
  private final Options options;
  private final Consumer<String> notes;

  public LintEngine(LintConfig config, ConfigLinter configs, Options options, Consumer<String> notes) {
    this.config = config;
    this.configs = configs;
    this.options = options;
    this.notes = notes;
  }

  /** Every rule that can report: the dump rules and the config linter's, in catalog order. */
  public static List<RuleInfo> catalog(ConfigLinter configs) {
    List<RuleInfo> all = new ArrayList<>(DumpRuleIds.RULES);
    Set<String> ids = new HashSet<>();
    for (RuleInfo r : all) ids.add(r.id());
    for (RuleInfo r : configs.rules()) {
      if (ids.add(r.id())) all.add(r);
    }
    return all;
  }

  public static Set<String> ruleIds(ConfigLinter configs) {
    Set<String> ids = new LinkedHashSet<>();
    for (RuleInfo r : catalog(configs)) ids.add(r.id());
    return ids;
  }

  /** The kinds {@code --kind} accepts: dump format ids and the config linter's kinds. */
  public static List<String> kinds(ConfigLinter configs) {
    List<String> kinds = new ArrayList<>();
    for (Format f : Format.values()) kinds.add(f.id());
    kinds.addAll(configs.kinds());
    return kinds;
  }

  public LintResult run(List<Input> inputs) throws IOException {
    List<Finding> raw = new ArrayList<>();
    FindingSink sink = raw::add;
    List<DumpLabels> dumps = new ArrayList<>();
    List<Suppression> suppressions = new ArrayList<>();
    int files = 0;
    LintContext context = config.context();
    for (Input input : inputs) {
      try (OpenedInput opened = input.source().open(options.decompression())) {
        String name = opened.name();
        Optional<String> kind = input.kind().or(options::kind);
        // Config kinds win over format aliases: "prometheus" is the Prometheus config, the text
        // format is "prom".
        String configKind = kind.filter(configs.kinds()::contains).orElse(null);
        Optional<Format> forcedFormat = configKind != null ? Optional.empty()
            : kind.flatMap(LintEngine::formatOf);
        if (kind.isPresent() && configKind == null && forcedFormat.isEmpty()) {
          throw new ConfigException(SourcePosition.text(name, 1, 1), "unknown kind \"" + kind.get()
              + "\"; expected one of " + String.join(", ", kinds(configs)), "");
        }
        byte[] head = opened.head();
        if (configKind == null && forcedFormat.isEmpty() && !binary(head)) {
          String headText = new String(head, StandardCharsets.UTF_8);
          configKind = configs.detect(name, headText).orElse(null);
        }
        if (configKind != null) {
          String text = new String(opened.stream().readAllBytes(), StandardCharsets.UTF_8);
          Path path = input.source().path().orElse(Path.of(name));
          files++;
          try {
            configs.add(configKind, path, text);
          } catch (ConfigException e) {
            // A named file that does not parse is a usage error (exit 2); one found by walking a
            // directory is a finding, so one odd file does not hide the rest of the tree.
            if (input.explicit()) throw e;
            SourcePosition at = e.position().isText() ? e.position() : Positions.fileOnly(name);
            raw.add(new Finding(DumpRuleIds.CONFIG_PARSE_ERROR, Severity.ERROR, at, name,
                "this " + configKind + " config does not parse: " + e.reason()
                    + " (the file was not checked; --kind forces another kind)"));
            continue;
          }
          suppressions.addAll(Suppression.scan(name, text));
          continue;
        }
        Format format = forcedFormat.isPresent() ? forcedFormat.get() : Codecs.detect(opened, null);
        if (forcedFormat.isEmpty() && !input.explicit() && !looksLikeDump(head, name, format)) {
          notes.accept(name + ": skipped (neither a metric dump nor a config promotel lint reads;"
              + " use --kind to force)");
          continue;
        }
        files++;
        InputStream stream = opened.stream();
        SuppressionTap tap = null;
        if (format == Format.PROM) {
          tap = new SuppressionTap(stream, name);
          stream = tap;
        }
        DumpLinter linter = new DumpLinter(name, format, context, sink);
        // The reader parses on its own thread, a few families ahead of the rules, as convert does.
        try (MetricReader reader =
            new ReadAheadReader(Codecs.reader(format, stream, name,
                options.read().withValueProblems(linter.valueProblems())), 4)) {
          linter.lint(reader);
        }
        if (tap != null) suppressions.addAll(tap.suppressions());
        dumps.add(linter.labels());
        notes.accept(name + ": " + format.id() + ", " + linter.families() + " families, "
            + linter.series() + " series");
      }
    }
    configs.check(dumps, context, sink);
    return finish(raw, suppressions, files);
  }

  private static Optional<Format> formatOf(String kind) {
    try {
      return Optional.of(Format.fromId(kind));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean binary(byte[] head) {
    for (byte b : head) {
      if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7f) {
        return true;
      }
    }
    return false;
  }

  /** Whether a file found by walking a directory is a metric dump (by extension or content). */
  static boolean looksLikeDump(byte[] head, String name, Format sniffed) {
    // .txt is also every other text file: it needs dump content. Binary content without a
    // protobuf name (a .jar, an image) sniffs as OTLP protobuf but is none.
    if (Format.fromFileName(name).isPresent() && !name.toLowerCase(java.util.Locale.ROOT).endsWith(".txt")) {
      return true;
    }
    if (sniffed == Format.OTLP_PB) return false;
    String text = new String(head, StandardCharsets.UTF_8);
    if (sniffed == Format.OTLP_JSON || sniffed == Format.OTLP_JSONL) {
      return text.contains("\"resourceMetrics\"") || text.contains("\"resource_metrics\"");
    }
    for (String line : text.split("\n", 200)) {
      String t = line.strip();
      if (t.isEmpty()) continue;
      if (t.startsWith("# HELP ") || t.startsWith("# TYPE ") || t.startsWith("# UNIT ")
          || t.equals("# EOF")) {
        return true;
      }
      if (t.startsWith("#")) continue;
      return SAMPLE_LINE.matcher(t).matches();
    }
    return false;
  }

  /** Config severities, suppressions and baseline over the raw findings; sorted for reporting. */
  private LintResult finish(List<Finding> raw, List<Suppression> suppressions, int files) {
    Set<String> known = ruleIds(configs);
    List<Finding> findings = new ArrayList<>();
    for (Finding f : raw) {
      Optional<Severity> severity = config.severityFor(f.ruleId(), f.position().source(), f.severity());
      if (severity.isEmpty()) continue;
      findings.add(f.withSeverity(severity.get()));
    }
    List<Suppression> valid = new ArrayList<>();
    List<Finding> meta = new ArrayList<>();
    for (Suppression s : suppressions) {
      Optional<String> problem = problem(s, known);
      if (problem.isPresent()) {
        meta.add(badSuppression(s, problem.get()));
      } else {
        valid.add(s);
      }
    }
    List<LintResult.Reported> out = new ArrayList<>();
    Set<Suppression> used = new HashSet<>();
    for (Finding f : findings) {
      Optional<LintResult.Suppressed> how = Optional.empty();
      for (Suppression s : valid) {
        if (s.covers(f) && (s.rules().contains(f.ruleId()) || s.rules().contains("all"))
            && !config.locked(f.ruleId())) {
          used.add(s);
          how = Optional.of(new LintResult.Suppressed(LintResult.Suppressed.Kind.IN_SOURCE,
              s.reason().orElse("")));
          break;
        }
      }
      out.add(new LintResult.Reported(f, how));
    }
    for (Suppression s : valid) {
      if (!used.contains(s)) {
        meta.add(badSuppression(s, "suppresses " + String.join(",", s.rules())
            + " but no such finding is there; remove the comment").withSeverity(Severity.INFO));
      }
    }
    for (Finding f : meta) {
      Optional<Severity> severity = config.severityFor(f.ruleId(), f.position().source(), f.severity());
      severity.ifPresent(sev -> out.add(new LintResult.Reported(f.withSeverity(sev), Optional.empty())));
    }
    if (options.baseline().isPresent()) {
      Baseline baseline = options.baseline().get();
      for (int i = 0; i < out.size(); i++) {
        LintResult.Reported r = out.get(i);
        if (r.active() && baseline.absorb(r.finding())) {
          out.set(i, new LintResult.Reported(r.finding(), Optional.of(new LintResult.Suppressed(
              LintResult.Suppressed.Kind.EXTERNAL, "in baseline " + baseline.name()))));
        }
      }
      for (Baseline.Entry e : baseline.stale()) {
        Finding f = new Finding(DumpRuleIds.STALE_BASELINE, Severity.INFO,
            Positions.fileOnly(baseline.name()), e.rule() + " " + e.path() + " " + e.subject(),
            "baseline entry " + e.rule() + " for " + e.subject() + " in " + e.path()
                + " matches no finding any more; run with --update-baseline to drop it");
        config.severityFor(f.ruleId(), f.position().source(), f.severity())
            .ifPresent(sev -> out.add(new LintResult.Reported(f.withSeverity(sev), Optional.empty())));
      }
    }
    out.sort(Comparator.comparing((LintResult.Reported r) -> r.finding().position().source())
        .thenComparingLong(r -> r.finding().position().line())
        .thenComparingLong(r -> r.finding().position().column())
        .thenComparing(r -> r.finding().ruleId())
        .thenComparing(r -> r.finding().subject()));
    return new LintResult(out, catalog(configs), files);
  }

  private Optional<String> problem(Suppression s, Set<String> known) {
    if (s.rules().isEmpty()) return Optional.of("names no rule; write disable=<rule-id>[,<rule-id>]");
    for (String rule : s.rules()) {
      if (!rule.equals("all") && !known.contains(rule)) {
        return Optional.of("names the unknown rule id \"" + rule + "\""
            + Suggestions.didYouMean(rule, known) + "; promotel lint --list-rules lists them");
      }
      if (config.locked(rule)) {
        return Optional.of("cannot suppress " + rule + ": the lint config locks it");
      }
    }
    if (s.reason().isEmpty()) {
      return Optional.of("has no reason; add reason=\"why this is fine\" so reviewers know");
    }
    if (!s.untilValid()) {
      return Optional.of("has until=" + s.until().get() + ", which is not a date (YYYY-MM-DD)");
    }
    if (s.untilDate().isPresent() && s.untilDate().get().isBefore(options.today())) {
      return Optional.of("expired on " + s.untilDate().get() + ", so " + String.join(",", s.rules())
          + " " + (s.rules().size() == 1 ? "is" : "are") + " reported again; fix the findings or"
          + " extend the date");
    }
    return Optional.empty();
  }

  private static Finding badSuppression(Suppression s, String problem) {
    return new Finding(DumpRuleIds.BAD_SUPPRESSION, Severity.WARNING,
        SourcePosition.text(s.source(), s.line(), 1),
        s.rules().isEmpty() ? "suppression" : String.join(",", s.rules()), "suppression " + problem);
  }
}
