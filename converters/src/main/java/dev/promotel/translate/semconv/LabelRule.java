package dev.promotel.translate.semconv;

import dev.promotel.format.SourcePosition;
import java.util.Set;

/**
 * One rule of a {@code kind: labels} file: a label renamed on every metric after the metric rules,
 * onto the data point or the resource, optionally only for some values. Example: {@code {from:
 * namespace, to: k8s.namespace.name, scope: resource}}.
 *
 * @param in values the rule applies to (null: all)
 * @param notIn values it does not apply to (the label stays as it is)
 */
record LabelRule(
    String from, String to, boolean toResource, Set<String> in, Set<String> notIn,
    SourcePosition position) {
  boolean appliesTo(String value) {
    if (in != null && !in.contains(value)) return false;
    return notIn == null || !notIn.contains(value);
  }
}
