package dev.promotel.translate.semconv;

import dev.promotel.format.SourcePosition;
import java.util.List;

/**
 * A loaded rule file ({@code schema: promotel.rules/v1}, specs/semconv.md §4): its header, its
 * metric rules in file order (or its label rules for {@code kind: labels}) and its executable
 * examples. Sets are consulted by descending {@code priority}, then by origin name.
 *
 * <p>Example: {@code naming-rules/node_exporter.yaml} is the set {@code node-exporter}, priority
 * 50, direction both, 50-odd rules.
 */
public final class RuleSet {
  /** Which way the rules of a set may run. */
  public enum Direction {
    TO_OTEL,
    TO_PROM,
    BOTH
  }

  /** What the registry check at load time does with a problem of a target. */
  public enum RegistryMode {
    STRICT,
    WARN,
    OFF
  }

  /** One executable example: Prometheus text in, expected target points out. */
  public record Example(String in, String out, SourcePosition position) {}

  final String id;
  final String description;
  final String origin;
  final boolean labelsKind;
  final String source;
  final String semconvVersion;
  final RegistryMode registryMode;
  final Direction direction;
  final int priority;
  /** {@code defaults.unmatched: drop}: families no rule of any set matches are dropped. */
  final boolean unmatchedDrop;
  /** {@code defaults.stripSuffixes}: exact names also match the family name without {@code _total}. */
  final boolean stripSuffixes;
  final List<MetricRule> rules;
  final List<LabelRule> labelRules;
  final List<Example> examples;
  final List<String> warnings;

  RuleSet(String id, String description, String origin, boolean labelsKind, String source,
      String semconvVersion, RegistryMode registryMode, Direction direction, int priority,
      boolean unmatchedDrop, boolean stripSuffixes, List<MetricRule> rules, List<LabelRule> labelRules,
      List<Example> examples, List<String> warnings) {
    this.id = id;
    this.description = description;
    this.origin = origin;
    this.labelsKind = labelsKind;
    this.source = source;
    this.semconvVersion = semconvVersion;
    this.registryMode = registryMode;
    this.direction = direction;
    this.priority = priority;
    this.unmatchedDrop = unmatchedDrop;
    this.stripSuffixes = stripSuffixes;
    this.rules = List.copyOf(rules);
    this.labelRules = List.copyOf(labelRules);
    this.examples = List.copyOf(examples);
    this.warnings = List.copyOf(warnings);
    for (MetricRule r : this.rules) {
      r.ruleSet = this;
      r.qualifiedId = id + "/" + r.id;
    }
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  /** Where the set came from: a file path, or {@code naming-rules/<file>} for a bundled set. */
  public String origin() {
    return origin;
  }

  public boolean isLabelsKind() {
    return labelsKind;
  }

  public String source() {
    return source;
  }

  public Direction direction() {
    return direction;
  }

  public int priority() {
    return priority;
  }

  public List<MetricRule> rules() {
    return rules;
  }

  /** The number of rules, metric or label rules. */
  public int size() {
    return rules.size() + labelRules.size();
  }

  public List<Example> examples() {
    return examples;
  }

  /** Registry problems found at load time under {@code registry: warn}. */
  public List<String> warnings() {
    return warnings;
  }
}
