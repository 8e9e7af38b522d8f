package dev.promotel.lint;

import dev.promotel.yaml.YamlMapping;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What rules may read from the lint config: identity, thresholds, each rule's {@code options:}
 * mapping and whether it is switched off (so a rule can skip work). Built by the lint engine from
 * {@code .promotel-lint.yaml}; {@link #defaults()} when there is none.
 */
public record LintContext(
    IdentityConfig identity,
    Thresholds thresholds,
    Map<String, YamlMapping> ruleOptions,
    Set<String> disabledRules) {

  public LintContext {
    ruleOptions = Map.copyOf(ruleOptions);
    disabledRules = Set.copyOf(disabledRules);
  }

  public static LintContext defaults() {
    return new LintContext(IdentityConfig.defaults(), Thresholds.defaults(), Map.of(), Set.of());
  }

  public Optional<YamlMapping> options(String ruleId) {
    return Optional.ofNullable(ruleOptions.get(ruleId));
  }

  public boolean enabled(String ruleId) {
    return !disabledRules.contains(ruleId);
  }
}
