package dev.promotel.relabel;

import dev.promotel.format.SourcePosition;
import dev.promotel.select.AnchoredRegex;
import dev.promotel.yaml.ConfigException;
import dev.promotel.yaml.YamlLoader;
import dev.promotel.yaml.YamlMapping;
import dev.promotel.yaml.YamlNode;
import dev.promotel.yaml.YamlScalar;
import dev.promotel.yaml.YamlSequence;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Prometheus {@code metric_relabel_configs} from YAML (through the shared {@link
 * YamlLoader}) and validates each rule as Prometheus does when it loads its configuration, with
 * the same messages, positioned at the offending node ({@code relabel.yml:7:15: ...}).
 *
 * <p>Accepted documents: a list of rules; a scrape job (a mapping with {@code
 * metric_relabel_configs}); a whole {@code prometheus.yml}, whose {@code scrape_configs} job with
 * {@code metric_relabel_configs} is used (named with {@code job} when several have them).
 *
 * <p>Label names are checked as Prometheus 3 does by default (UTF-8 names: any non-empty name);
 * regexes are RE2, anchored ({@link AnchoredRegex}).
 *
 * <p>Example: {@code - {source_labels: [__name__], regex: "go_.*", action: drop}}.
 */
public final class RelabelConfigs {
  private static final List<String> KEYS = List.of(
      "source_labels", "separator", "regex", "modulus", "target_label", "replacement", "action");

  private RelabelConfigs() {}

  /** Loads the rules of {@code file}; {@code job} picks a scrape job of a prometheus.yml, or null. */
  public static List<RelabelRule> load(Path file, String job) throws IOException {
    return parse(YamlLoader.load(file), job);
  }

  /** The rules in a loaded document. */
  public static List<RelabelRule> parse(YamlNode root, String job) throws ConfigException {
    YamlNode list = ruleList(root, job);
    if (list instanceof YamlScalar s && s.isNull()) return List.of();
    YamlSequence sequence = list.asSequence();
    List<RelabelRule> rules = new ArrayList<>(sequence.size());
    for (YamlNode item : sequence) rules.add(rule(rules.size() + 1, item));
    return rules;
  }

  private static YamlNode ruleList(YamlNode root, String job) throws ConfigException {
    if (root instanceof YamlSequence) {
      if (job != null) throw root.error("a relabel job name was given, but this file is a list of"
          + " rules, not a prometheus.yml with scrape_configs");
      return root;
    }
    if (!(root instanceof YamlMapping mapping)) {
      throw root.error("expected a list of relabel rules, got " + root.kind());
    }
    Optional<YamlNode> direct = mapping.get("metric_relabel_configs");
    if (direct.isPresent()) {
      if (job != null) {
        String name = mapping.get("job_name").map(YamlNode::toString).orElse("");
        if (!name.equals(job)) {
          throw mapping.error("scrape job \"" + name + "\" is not the job \"" + job + "\" asked for");
        }
      }
      return direct.get();
    }
    Optional<YamlNode> scrape = mapping.get("scrape_configs");
    if (scrape.isEmpty()) {
      if (mapping.isEmpty()) {
        throw mapping.error("expected a list of relabel rules (metric_relabel_configs), got an"
            + " empty document");
      }
      throw mapping.error("expected a list of relabel rules, a scrape job with"
          + " metric_relabel_configs, or a prometheus.yml with scrape_configs");
    }
    List<String> withRules = new ArrayList<>();
    YamlNode found = null;
    for (YamlNode jobNode : scrape.get().asSequence()) {
      YamlMapping j = jobNode.asMapping();
      String name = j.get("job_name").map(YamlNode::toString).orElse("");
      Optional<YamlNode> rules = j.get("metric_relabel_configs");
      if (job != null) {
        if (name.equals(job)) {
          if (rules.isEmpty()) throw j.error("scrape job \"" + job + "\" has no metric_relabel_configs");
          return rules.get();
        }
      } else if (rules.isPresent()) {
        withRules.add(name);
        found = rules.get();
      }
    }
    if (job != null) throw scrape.get().error("no scrape job named \"" + job + "\"");
    if (withRules.isEmpty()) throw scrape.get().error("no scrape job has metric_relabel_configs");
    if (withRules.size() > 1) {
      throw scrape.get().error("several scrape jobs have metric_relabel_configs ("
          + String.join(", ", withRules) + "): pick one with --relabel-job");
    }
    return found;
  }

  private static RelabelRule rule(int index, YamlNode node) throws ConfigException {
    YamlMapping m = node.asMapping();
    m.checkKeys(KEYS);
    String prefix = "relabel rule #" + index + ": ";

    RelabelAction action = RelabelAction.REPLACE;
    Optional<YamlNode> actionNode = m.get("action");
    if (actionNode.isPresent()) {
      String text = string(actionNode.get());
      if (text.isEmpty()) throw actionNode.get().error(prefix + "relabel action cannot be empty");
      action = RelabelAction.parse(text);
      if (action == null) {
        throw actionNode.get().error(prefix + "unknown relabel action \"" + text + "\" (expected"
            + " replace, keep, drop, keepequal, dropequal, hashmod, labelmap, labeldrop,"
            + " labelkeep, lowercase or uppercase)");
      }
    }

    List<String> sources = new ArrayList<>();
    boolean sourcesSet = false;
    Optional<YamlNode> sourceNode = m.get("source_labels");
    if (sourceNode.isPresent() && !(sourceNode.get() instanceof YamlScalar s && s.isNull())) {
      sourcesSet = true;
      for (YamlNode item : sourceNode.get().asSequence()) {
        String name = string(item);
        if (!Relabeler.isValidLabelName(name)) {
          throw item.error(prefix + "\"" + name + "\" is not a valid label name");
        }
        sources.add(name);
      }
    }

    String separator = m.get("separator").isPresent()
        ? string(m.get("separator").get()) : RelabelRule.DEFAULT_SEPARATOR;
    Optional<YamlNode> regexNode = m.get("regex");
    AnchoredRegex regex;
    if (regexNode.isPresent()) {
      YamlScalar scalar = regexNode.get().asScalar();
      regex = compile(scalar, prefix);
    } else {
      regex = AnchoredRegex.of(RelabelRule.DEFAULT_REGEX);
    }
    long modulus = 0;
    Optional<YamlNode> modulusNode = m.get("modulus");
    if (modulusNode.isPresent()) modulus = unsigned(modulusNode.get().asScalar(), prefix);
    String target = m.get("target_label").isPresent() ? string(m.get("target_label").get()) : "";
    String replacement = m.get("replacement").isPresent()
        ? string(m.get("replacement").get()) : RelabelRule.DEFAULT_REPLACEMENT;

    // Prometheus' Config.Validate, in its order, with its messages.
    YamlNode targetAt = m.get("target_label").orElse(m);
    YamlNode replacementAt = m.get("replacement").orElse(m);
    String act = action.id();
    if (modulus == 0 && action == RelabelAction.HASHMOD) {
      throw modulusNode.orElse(m).error(
          prefix + "relabel configuration for hashmod requires non-zero modulus");
    }
    boolean needsTarget = switch (action) {
      case REPLACE, HASHMOD, LOWERCASE, UPPERCASE, KEEPEQUAL, DROPEQUAL -> true;
      default -> false;
    };
    if (needsTarget && target.isEmpty()) {
      throw m.error(prefix + "relabel configuration for " + act
          + " action requires 'target_label' value");
    }
    if (needsTarget && !Relabeler.isValidLabelName(target)) {
      throw targetAt.error(prefix + "\"" + target + "\" is invalid 'target_label' for " + act
          + " action");
    }
    boolean equalOrCase = action == RelabelAction.LOWERCASE || action == RelabelAction.UPPERCASE
        || action == RelabelAction.KEEPEQUAL || action == RelabelAction.DROPEQUAL;
    if (equalOrCase && !replacement.equals(RelabelRule.DEFAULT_REPLACEMENT)) {
      throw replacementAt.error(prefix + "'replacement' can not be set for " + act + " action");
    }
    if (action == RelabelAction.LABELMAP && !Relabeler.isValidLabelName(replacement)) {
      throw replacementAt.error(prefix + "\"" + replacement + "\" is invalid 'replacement' for "
          + act + " action");
    }
    if ((action == RelabelAction.KEEPEQUAL || action == RelabelAction.DROPEQUAL)
        && (regexNode.isPresent() || modulus != 0
            || !separator.equals(RelabelRule.DEFAULT_SEPARATOR)
            || !replacement.equals(RelabelRule.DEFAULT_REPLACEMENT))) {
      throw m.error(prefix + act + " action requires only 'source_labels' and `target_label`,"
          + " and no other fields");
    }
    if ((action == RelabelAction.LABELDROP || action == RelabelAction.LABELKEEP)
        && (sourcesSet || !target.isEmpty() || modulus != 0
            || !separator.equals(RelabelRule.DEFAULT_SEPARATOR)
            || !replacement.equals(RelabelRule.DEFAULT_REPLACEMENT))) {
      throw m.error(prefix + act + " action requires only 'regex', and no other fields");
    }
    return new RelabelRule(index, m.position(), action, sources, separator, regex,
        regexNode.isEmpty(), modulus, target, replacement);
  }

  /** A scalar's text; YAML null is the empty string, as Go's yaml.v2 zeroes the field. */
  private static String string(YamlNode node) throws ConfigException {
    YamlScalar s = node.asScalar();
    return s.isNull() ? "" : s.text();
  }

  private static long unsigned(YamlScalar scalar, String prefix) throws ConfigException {
    if (scalar.isNull()) return 0;
    try {
      return Long.parseUnsignedLong(scalar.text().replace("_", ""));
    } catch (NumberFormatException e) {
      throw scalar.error(prefix + "modulus: expected a non-negative integer, got \""
          + scalar.text() + "\"");
    }
  }

  /** The regex of a rule, errors positioned at the offending character when it can be told. */
  private static AnchoredRegex compile(YamlScalar scalar, String prefix) throws ConfigException {
    String text = scalar.isNull() ? "" : scalar.text();
    SourcePosition at = scalar.position();
    int shift = scalar.quoted() ? 1 : 0;
    String line = scalar.source().line(at.line());
    try {
      return AnchoredRegex.compile(text,
          i -> SourcePosition.text(at.source(), at.line(),
              at.column() + shift + text.codePointCount(0, Math.min(i, text.length()))),
          line);
    } catch (ConfigException e) {
      throw new ConfigException(e.position(), prefix + e.reason(), e.sourceLine());
    }
  }
}
