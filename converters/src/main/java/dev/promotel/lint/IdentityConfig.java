package dev.promotel.lint;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which labels identify a service across metrics and logs (specs/lint.md §6.6, §7 {@code
 * identity}): logical keys that must be present on both sides, the physical label names each key
 * goes by, value aliases per key ({@code env: production ← prod, prd}) and the expected {@code job}
 * shape, e.g. {@code "{namespace}/{service}"} (empty when not configured).
 */
public record IdentityConfig(
    List<String> required,
    Map<String, List<String>> aliases,
    Map<String, Map<String, List<String>>> valueAliases,
    Optional<String> jobFormat) {

  public IdentityConfig {
    required = List.copyOf(required);
    aliases = Map.copyOf(aliases);
    valueAliases = Map.copyOf(valueAliases);
  }

  /** The defaults of specs/lint.md §6.6/§7, used when no config says otherwise. */
  public static IdentityConfig defaults() {
    return new IdentityConfig(
        List.of("cluster", "namespace", "service", "env"),
        Map.of(
            "cluster", List.of("cluster", "k8s_cluster_name"),
            "namespace", List.of("namespace", "k8s_namespace_name"),
            "service", List.of("service_name", "job", "app"),
            "env", List.of("env", "environment", "deployment_environment_name")),
        Map.of("env", Map.of(
            "production", List.of("prod", "prd"),
            "staging", List.of("stg", "stage"))),
        Optional.empty());
  }

  /** The logical key a physical label name stands for, if any ({@code environment} → {@code env}). */
  public Optional<String> logicalKey(String labelName) {
    for (Map.Entry<String, List<String>> e : aliases.entrySet()) {
      if (e.getKey().equals(labelName) || e.getValue().contains(labelName)) return Optional.of(e.getKey());
    }
    return Optional.empty();
  }

  /** The canonical value of {@code value} for a logical key ({@code prod} → {@code production}). */
  public String canonicalValue(String key, String value) {
    Map<String, List<String>> byCanonical = valueAliases.getOrDefault(key, Map.of());
    for (Map.Entry<String, List<String>> e : byCanonical.entrySet()) {
      if (e.getKey().equals(value) || e.getValue().contains(value)) return e.getKey();
    }
    return value;
  }
}
