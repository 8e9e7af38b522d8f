package dev.promotel.lint.source;

import dev.promotel.yaml.ConfigException;
import dev.promotel.yaml.YamlMapping;
import dev.promotel.yaml.YamlNode;
import java.util.HashSet;
import java.util.Set;

/** The role of a scrape config's {@code kubernetes_sd_configs} ({@code pod}, {@code endpoints}, ...), when there is one. */
final class KubernetesRole {
  private KubernetesRole() {}

  /** The single role all its Kubernetes discovery configs use, or null (none, or several). */
  static String of(YamlMapping scrapeConfig) throws ConfigException {
    Set<String> roles = new HashSet<>();
    for (YamlNode sd : Yaml.sequence(scrapeConfig, "kubernetes_sd_configs")) {
      roles.add(Yaml.string(sd.asMapping(), "role").orElse(""));
    }
    return roles.size() == 1 ? roles.iterator().next() : null;
  }
}
