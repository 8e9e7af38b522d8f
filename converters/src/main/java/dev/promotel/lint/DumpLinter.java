package dev.promotel.lint;

import dev.promotel.format.Format;
import dev.promotel.format.MetricParseException;
import dev.promotel.format.MetricReader;
import dev.promotel.format.SourcePosition;
import dev.promotel.model.Attributes;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.Point;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Lints one metric dump as it streams: each family the reader returns goes through the dump rules
 * (§6.1–§6.4) and is forgotten; what the cross-source rules need is kept as {@link DumpLabels}
 * (at most {@link #MAX_LABEL_VALUES} values per label name). A parse error ends the dump with a
 * finding ({@code dump/parse-error}, or {@code dump/duplicate-label}, {@code
 * dump/metadata-conflict}, {@code dump/duplicate-series} for what the readers reject), not an
 * exception: lint reports bad dumps, it does not stop at them.
 *
 * <p>Example: {@code new DumpLinter("app.prom", Format.PROM, LintContext.defaults(), sink)
 * .lint(reader)} reports {@code name/counter-total} for {@code # TYPE http_requests counter}.
 */
public final class DumpLinter {
  static final int MAX_LABEL_VALUES = 64;
  static final int MAX_LABEL_NAMES = 1_000;

  private final String source;
  private final Format format;
  private final Checks checks;
  private final List<DumpRule> rules;
  private final Map<String, HashSet<String>> labelValues = new HashMap<>();
  private final Map<String, Boolean> labelTruncated = new HashMap<>();
  private final Map<String, SourcePosition> labelFirst = new HashMap<>();
  private long families;
  private long series;
  /** Invalid values the reader left out, reported from its thread; drained on this one. */
  private final java.util.Queue<ValueProblem> valueProblems =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  private record ValueProblem(String family, MetricParseException problem) {}

  public DumpLinter(String source, Format format, LintContext context, FindingSink sink) throws dev.promotel.yaml.ConfigException {
    this.source = source;
    this.format = format;
    this.checks = new Checks(context, sink);
    this.rules = List.of(new HygieneRules(checks), new NameRules(checks), new LabelRules(checks),
        new CardinalityRules(checks));
  }

  /**
   * Where a lenient reader ({@link dev.promotel.format.ReadOptions#withValueProblems}) reports the
   * samples it leaves out for invalid values: each becomes a {@code dump/invalid-values} finding
   * and the rest of the dump is still checked.
   */
  public dev.promotel.format.ValueProblems valueProblems() {
    return (family, problem) -> valueProblems.add(new ValueProblem(family, problem));
  }

  private void drainValueProblems() {
    for (ValueProblem p = valueProblems.poll(); p != null; p = valueProblems.poll()) {
      MetricParseException e = p.problem();
      SourcePosition at = e.position().isText() ? e.position() : Positions.fileOnly(source);
      checks.report(DumpRuleIds.INVALID_VALUES, Severity.ERROR, at, p.family(), p.family() + ": "
          + e.reason() + " (the sample was left out; the rest of " + source + " was checked)",
          List.of());
    }
  }

  /** Reads {@code reader} to its end (or first parse error); I/O errors other than parse errors propagate. */
  public void lint(MetricReader reader) throws IOException {
    String previous = null;
    try {
      for (Optional<MetricFamily> next = reader.read(); next.isPresent(); next = reader.read()) {
        MetricFamily family = next.get();
        boolean continued = family.name().equals(previous) && format != Format.OTLP_PB
            && format != Format.OTLP_JSON && format != Format.OTLP_JSONL;
        if (!continued && previous != null) familyEnd();
        previous = family.name();
        // Rules may report at familyEnd(), after the reader has moved on to the next family: keep
        // this family's lines, not a view of the reader's current ones.
        long[] lines = new long[family.data().points().size()];
        for (int i = 0; i < lines.length; i++) lines[i] = reader.pointLine(i);
        DumpFamily f = new DumpFamily(family, source, format, reader.familyLine(),
            i -> i >= 0 && i < lines.length ? lines[i] : 0, continued);
        if (!continued) families++;
        for (DumpRule rule : rules) rule.family(f);
        collectLabels(f);
        drainValueProblems();
      }
    } catch (MetricParseException e) {
      parseError(e);
    } finally {
      drainValueProblems();
      if (previous != null) familyEnd();
      for (DumpRule rule : rules) rule.end();
    }
  }

  private void familyEnd() {
    for (DumpRule rule : rules) rule.familyEnd();
  }

  private void parseError(MetricParseException e) {
    String reason = e.reason();
    String rule = ruleOfParseError(reason);
    SourcePosition at = e.position().isText() ? e.position() : Positions.fileOnly(source);
    checks.report(rule, Severity.ERROR, at, source, reason + " (the rest of " + source
        + " was not checked; promotel validate shows the same error)", List.of());
  }

  /**
   * The rule a reader's parse error stands for: the readers reject what several dump rules
   * describe (a repeated label, a second TYPE line, an OpenMetrics UNIT that is no suffix), and
   * the finding should carry that rule's id rather than the generic {@code dump/parse-error}.
   */
  static String ruleOfParseError(String reason) {
    if (reason.contains("unique label names") || reason.contains("duplicate label name")) {
      return DumpRuleIds.DUPLICATE_LABEL;
    }
    if (reason.contains("line per series") || reason.contains("got this series again")
        || reason.contains("each quantile once per series")) {
      return DumpRuleIds.DUPLICATE_SERIES;
    }
    if (reason.contains("unit to be a suffix") || reason.startsWith("expected no unit on")) {
      return DumpRuleIds.UNIT_SUFFIX;
    }
    if (reason.contains("exemplar labels of at most 128")) return DumpRuleIds.EXEMPLAR_TOO_LONG;
    if ((reason.contains("second one") && (reason.contains("HELP") || reason.contains("TYPE")
            || reason.contains("UNIT")))
        || reason.contains("before its samples") || reason.contains("family once, contiguous")) {
      return DumpRuleIds.METADATA_CONFLICT;
    }
    if (reason.contains("as the value of a stateset") || reason.contains("as the value of info")
        || reason.contains("quantile within [0, 1]") || reason.contains("never decrease")
        || reason.contains("a +Inf bucket") || reason.contains("non-negative value for")
        || reason.contains("non-negative quantile value")) {
      return DumpRuleIds.INVALID_VALUES;
    }
    return DumpRuleIds.PARSE_ERROR;
  }

  private void collectLabels(DumpFamily f) {
    List<? extends Point> points = f.family().data().points();
    for (int i = 0; i < points.size(); i++) {
      Attributes labels = points.get(i).attributes();
      for (int k = 0; k < labels.size(); k++) keep(labels.key(k), labels.value(k).asString(), f, i);
      series++;
    }
    for (var a : f.family().resource().attributes()) keep(a.key(), a.value().asString(), f, -1);
  }

  private void keep(String key, String value, DumpFamily f, int point) {
    HashSet<String> values = labelValues.get(key);
    if (values == null) {
      if (labelValues.size() >= MAX_LABEL_NAMES) return;
      values = new HashSet<>();
      labelValues.put(key, values);
      labelFirst.put(key, point >= 0 ? f.pointAt(point) : f.at());
    }
    if (values.size() < MAX_LABEL_VALUES) {
      values.add(value);
    } else if (!values.contains(value)) {
      labelTruncated.put(key, true);
    }
  }

  /** What this dump says about labels, for the config linter's cross-source rules. */
  public DumpLabels labels() {
    Map<String, DumpLabels.LabelValues> out = new HashMap<>();
    for (var e : labelValues.entrySet()) {
      out.put(e.getKey(), new DumpLabels.LabelValues(e.getKey(), new TreeSet<>(e.getValue()),
          labelTruncated.getOrDefault(e.getKey(), false), labelFirst.get(e.getKey())));
    }
    return new DumpLabels(source, out);
  }

  public long families() {
    return families;
  }

  public long series() {
    return series;
  }

  /** The ids of the dump rules, for tests. */
  static List<String> ruleIds() {
    List<String> ids = new ArrayList<>();
    for (RuleInfo r : DumpRuleIds.RULES) ids.add(r.id());
    return ids;
  }
}
