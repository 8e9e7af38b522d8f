package dev.promotel.lint;

import dev.promotel.format.SourcePosition;
import dev.promotel.yaml.ConfigException;
import dev.promotel.yaml.YamlMapping;
import dev.promotel.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the dump rules share: the sink, the lint config, default severities, and the notes for
 * rules that stop counting at a bound (one {@code lint/counting-stopped} finding per rule and dump).
 */
final class Checks {
  private static final Map<String, Severity> DEFAULTS = new HashMap<>();

  static {
    for (RuleInfo r : DumpRuleIds.RULES) DEFAULTS.put(r.id(), r.defaultSeverity());
  }

  final LintContext context;
  private final FindingSink sink;
  private final Set<String> stopped = new HashSet<>();

  Checks(LintContext context, FindingSink sink) {
    this.context = context;
    this.sink = sink;
  }

  boolean on(String rule) {
    return context.enabled(rule);
  }

  void report(String rule, SourcePosition at, String subject, String message) {
    report(rule, DEFAULTS.get(rule), at, subject, message, List.of());
  }

  void report(String rule, Severity severity, SourcePosition at, String subject, String message,
      List<RelatedLocation> related) {
    if (!on(rule)) return;
    sink.report(new Finding(rule, severity, at, subject, message, related));
  }

  /** Says once per rule and dump that {@code rule} hit its memory bound. */
  void stoppedCounting(String rule, SourcePosition at, String what) {
    if (!on(rule) || !stopped.add(rule)) return;
    report(DumpRuleIds.COUNTING_STOPPED, at, rule,
        rule + " stopped counting " + what + "; its findings for this dump are incomplete"
            + " (raise the bound with rules: {" + rule + ": {options: ...}} if you need them)");
  }

  int intOption(String rule, String key, int fallback) throws ConfigException {
    Optional<YamlMapping> options = context.options(rule);
    if (options.isEmpty()) return fallback;
    Optional<YamlNode> node = options.get().get(key);
    return node.isPresent() ? (int) node.get().asScalar().asLong() : fallback;
  }

  String stringOption(String rule, String key, String fallback) throws ConfigException {
    Optional<YamlMapping> options = context.options(rule);
    if (options.isEmpty()) return fallback;
    Optional<YamlNode> node = options.get().get(key);
    return node.isPresent() ? node.get().asScalar().asString() : fallback;
  }

  /** A list of strings option, or {@code fallback} when absent. */
  List<String> listOption(String rule, String key, List<String> fallback) throws ConfigException {
    Optional<YamlMapping> options = context.options(rule);
    if (options.isEmpty()) return fallback;
    Optional<YamlNode> node = options.get().get(key);
    if (node.isEmpty()) return fallback;
    List<String> out = new ArrayList<>();
    for (YamlNode item : node.get().asSequence()) out.add(item.asScalar().asString());
    return out;
  }

  /** A list of lists of strings option (synonym groups), or {@code fallback}. */
  List<List<String>> groupsOption(String rule, String key, List<List<String>> fallback) throws ConfigException {
    Optional<YamlMapping> options = context.options(rule);
    if (options.isEmpty()) return fallback;
    Optional<YamlNode> node = options.get().get(key);
    if (node.isEmpty()) return fallback;
    List<List<String>> out = new ArrayList<>();
    for (YamlNode group : node.get().asSequence()) {
      List<String> names = new ArrayList<>();
      for (YamlNode item : group.asSequence()) names.add(item.asScalar().asString());
      out.add(names);
    }
    return out;
  }
}
