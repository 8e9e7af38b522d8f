package dev.promotel.relabel;

import dev.promotel.format.SourcePosition;
import dev.promotel.select.AnchoredRegex;
import java.util.List;
import java.util.Objects;

/**
 * One validated Prometheus relabel rule with Prometheus' defaults filled in (separator {@code ;},
 * regex {@code (.*)}, replacement {@code $1}, action {@code replace}) and where it was written.
 * {@code defaultRegex} is true when the rule wrote no regex (Prometheus treats an explicit
 * {@code (.*)} differently in its validation and fast path).
 *
 * <p>Example: {@code {source_labels: [__name__], regex: "go_.*", action: drop}} at {@code
 * relabel.yml:3:5}.
 */
public record RelabelRule(
    int index,
    SourcePosition position,
    RelabelAction action,
    List<String> sourceLabels,
    String separator,
    AnchoredRegex regex,
    boolean defaultRegex,
    long modulus,
    String targetLabel,
    String replacement) {
  public static final String DEFAULT_SEPARATOR = ";";
  public static final String DEFAULT_REGEX = "(.*)";
  public static final String DEFAULT_REPLACEMENT = "$1";

  public RelabelRule {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(action, "action");
    sourceLabels = List.copyOf(sourceLabels);
    Objects.requireNonNull(separator, "separator");
    Objects.requireNonNull(regex, "regex");
    Objects.requireNonNull(targetLabel, "targetLabel");
    Objects.requireNonNull(replacement, "replacement");
  }

  /** For explain output: {@code #2 relabel.yml:5:3 replace}. */
  public String describe() {
    return "#" + index + " " + position + " " + action.id();
  }
}
