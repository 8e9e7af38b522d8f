package dev.promotel.lint.source;

import dev.promotel.format.SourcePosition;
import dev.promotel.yaml.ConfigException;
import dev.promotel.yaml.YamlMapping;
import dev.promotel.yaml.YamlNode;
import dev.promotel.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One relabel rule with Prometheus' defaults applied (action replace, separator ";", regex
 * {@code (.*)}, replacement {@code $1}) and the positions findings point at. Read from the
 * snake_case grammar of prometheus.yml/Promtail, the camelCase one of Prometheus Operator CRDs, or
 * an Alloy {@code rule} block.
 *
 * <p>Example: {@code {source_labels: [__meta_kubernetes_namespace], target_label: namespace}}.
 */
record RelabelRule(
    String action,
    List<String> sources,
    String separator,
    String regex,
    Optional<String> target,
    String replacement,
    long modulus,
    SourcePosition at,
    SourcePosition targetAt,
    SourcePosition regexAt) {

  static final Set<String> ACTIONS = Set.of("replace", "keep", "drop", "keepequal", "dropequal", "hashmod",
      "labelmap", "labeldrop", "labelkeep", "lowercase", "uppercase");

  /** Reads a rule; {@code camel} selects the Operator's key names. Unknown actions are config errors. */
  static RelabelRule fromYaml(YamlNode node, boolean camel) throws ConfigException {
    YamlMapping m = node.asMapping();
    String src = camel ? "sourceLabels" : "source_labels";
    String tgt = camel ? "targetLabel" : "target_label";
    List<String> sources = new ArrayList<>();
    Optional<YamlNode> s = m.get(src);
    if (s.isPresent() && !(s.get() instanceof YamlScalar sc && sc.isNull())) {
      for (YamlNode n : s.get().asSequence()) sources.add(n.asScalar().text());
    }
    String action = scalar(m, "action").orElse("replace").toLowerCase(Locale.ROOT);
    YamlNode actionNode = m.get("action").orElse(m);
    if (!ACTIONS.contains(action)) throw actionNode.error("unknown relabel action \"" + action + "\"");
    Optional<String> target = scalar(m, tgt).filter(t -> !t.isEmpty());
    SourcePosition targetAt = m.get(tgt).map(YamlNode::position).orElse(m.position());
    SourcePosition regexAt = m.get("regex").map(YamlNode::position).orElse(m.position());
    long modulus = m.get("modulus").isPresent() ? m.get("modulus").get().asScalar().asLong() : 0;
    String regex = scalar(m, "regex").orElse("(.*)");
    checkRegex(regex, m.get("regex").orElse(m));
    return new RelabelRule(action, sources, scalar(m, "separator").orElse(";"),
        regex, target, scalar(m, "replacement").orElse("$1"), modulus,
        m.position(), targetAt, regexAt);
  }

  static List<RelabelRule> listFromYaml(Optional<YamlNode> node, boolean camel) throws ConfigException {
    List<RelabelRule> out = new ArrayList<>();
    if (node.isEmpty() || node.get() instanceof YamlScalar sc && sc.isNull()) return out;
    for (YamlNode n : node.get().asSequence()) out.add(fromYaml(n, camel));
    return out;
  }

  /** Prometheus rejects a config whose regex RE2 does not accept; so do we, at the regex. */
  static void checkRegex(String regex, YamlNode at) throws ConfigException {
    String problem = regexProblem(regex);
    if (problem != null) throw at.error("invalid regex \"" + regex + "\": " + problem);
  }

  /** Why RE2 rejects {@code regex}, or null if it is valid. */
  static String regexProblem(String regex) {
    try {
      com.google.re2j.Pattern.compile("^(?:" + regex + ")$");
      return null;
    } catch (com.google.re2j.PatternSyntaxException e) {
      return e.getDescription();
    }
  }

  private static Optional<String> scalar(YamlMapping m, String key) throws ConfigException {
    Optional<YamlNode> n = m.get(key);
    if (n.isEmpty()) return Optional.empty();
    YamlScalar s = n.get().asScalar();
    return s.isNull() ? Optional.empty() : Optional.of(s.text());
  }
}
