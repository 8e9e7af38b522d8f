package dev.promotel.translate.semconv;

import dev.promotel.model.Attributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One {@code match.labels} condition of a rule: {@code equals}, {@code in}, {@code notIn}, {@code
 * regex} (anchored), {@code present} or {@code absent}. An empty label counts as absent, as in
 * Prometheus. Regex results are cached per distinct value.
 *
 * <p>Example: {@code resource: { equals: memory }} selects the memory series of {@code
 * kube_node_status_allocatable}.
 */
final class LabelPredicate {
  final String label;
  private final String equals;
  private final Set<String> in;
  private final Set<String> notIn;
  private final Pattern regex;
  private final Boolean present;
  private final Map<String, Boolean> regexCache = new HashMap<>();

  LabelPredicate(String label, String equals, Set<String> in, Set<String> notIn, Pattern regex,
      Boolean present) {
    this.label = label;
    this.equals = equals;
    this.in = in;
    this.notIn = notIn;
    this.regex = regex;
    this.present = present;
  }

  boolean test(Attributes attributes) {
    String v = attributes.getString(label);
    if (v != null && v.isEmpty()) v = null;
    if (present != null && present != (v != null)) return false;
    if (equals != null && !equals.equals(v)) return false;
    if (in != null && (v == null || !in.contains(v))) return false;
    if (notIn != null && v != null && notIn.contains(v)) return false;
    if (regex != null) {
      String s = v == null ? "" : v;
      Boolean hit = regexCache.get(s);
      if (hit == null) {
        hit = regex.matcher(s).matches();
        if (regexCache.size() > 4096) regexCache.clear();
        regexCache.put(s, hit);
      }
      if (!hit) return false;
    }
    return true;
  }
}
