package dev.promotel.lint.source;

import dev.promotel.yaml.ConfigException;
import dev.promotel.yaml.YamlMapping;
import dev.promotel.yaml.YamlNode;
import dev.promotel.yaml.YamlScalar;
import dev.promotel.yaml.YamlSequence;
import java.util.List;
import java.util.Optional;

/** Null-tolerant accessors over {@code dev.promotel.yaml} trees (a key written with no value is absent). */
final class Yaml {
  private Yaml() {}

  static Optional<YamlNode> get(YamlMapping m, String key) {
    return m.get(key).filter(n -> !(n instanceof YamlScalar s && s.isNull()));
  }

  static Optional<YamlMapping> mapping(YamlMapping m, String key) throws ConfigException {
    Optional<YamlNode> n = get(m, key);
    return n.isEmpty() ? Optional.empty() : Optional.of(n.get().asMapping());
  }

  static List<YamlNode> sequence(YamlMapping m, String key) throws ConfigException {
    Optional<YamlNode> n = get(m, key);
    if (n.isEmpty()) return List.of();
    YamlSequence s = n.get().asSequence();
    return s.items();
  }

  static Optional<String> string(YamlMapping m, String key) throws ConfigException {
    Optional<YamlNode> n = get(m, key);
    return n.isEmpty() ? Optional.empty() : Optional.of(n.get().asScalar().text());
  }

  static Optional<YamlScalar> scalar(YamlMapping m, String key) throws ConfigException {
    Optional<YamlNode> n = get(m, key);
    return n.isEmpty() ? Optional.empty() : Optional.of(n.get().asScalar());
  }

  static boolean bool(YamlMapping m, String key, boolean dflt) throws ConfigException {
    Optional<YamlNode> n = get(m, key);
    return n.isEmpty() ? dflt : n.get().asScalar().asBoolean();
  }
}
