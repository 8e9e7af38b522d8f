package dev.promotel.translate.semconv;

import dev.promotel.format.SourcePosition;
import dev.promotel.model.AttributeValue;
import dev.promotel.model.PromType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One compiled {@code kind: metrics} rule of a rule file (specs/semconv.md §4.3): what it matches
 * (an exact family name or an anchored regex, optional type, unit and label conditions), the
 * target (semconv name, instrument, unit, value scale), the label plan (renames, value transforms,
 * constants, captures from the name, drops, labels moved to the resource), the merge policy when
 * several source series land on one target series, and how the rule runs in reverse.
 *
 * <p>Example: {@code match: {name: node_cpu_seconds_total}, to: {name: system.cpu.time,
 * instrument: counter, unit: s}, labels: {rename: {mode: cpu.mode}}, merge: sum}.
 */
public final class MetricRule {
  /** What happens when several source series become one target series. */
  public enum Merge {
    SUM,
    MAX,
    FIRST,
    ERROR
  }

  /** A {@code fromCapture} entry: the named group of the name regex, mapped. */
  record Capture(String group, Map<String, String> map) {}

  /** The reverse direction: none, derived (auto), or with an explicit name and value maps. */
  record Reverse(boolean none, String name, Map<String, Map<String, String>> values) {}

  final String id;
  final SourcePosition position;
  final String matchName;
  final Pattern matchRegex;
  final Set<PromType> matchTypes;
  final String matchUnit;
  final List<LabelPredicate> labelPredicates;
  final boolean drop;
  final String targetName;
  final Instrument instrument;
  final String targetUnit;
  final double scale;
  final Map<String, String> rename;
  /** New attribute ← source label: a derived attribute (its value goes through {@code values}). */
  final Map<String, String> copy;
  final Map<String, ValueTransform> values;
  final Map<String, AttributeValue> set;
  final Map<String, Capture> fromCapture;
  final Set<String> dropLabels;
  final Set<String> keepOnly;
  final Set<String> toResource;
  final boolean otherLabelsDrop;
  final Merge merge;
  final Reverse reverse;
  final String confidence;
  final String evidence;
  final Set<String> missingRequiredOk;
  final Set<Double> dropValues;
  /**
   * The HELP of the target ({@code to.description}); empty to take the source's. Rules that merge
   * several source families into one target give one, so the target does not carry the HELP of
   * whichever source came first.
   */
  final String description;
  RuleSet ruleSet;
  /** {@code set-id/rule-id}, built once (it is recorded per renamed family). */
  String qualifiedId;

  MetricRule(String id, SourcePosition position, String matchName, Pattern matchRegex,
      Set<PromType> matchTypes, String matchUnit, List<LabelPredicate> labelPredicates,
      boolean drop, String targetName, Instrument instrument, String targetUnit, double scale,
      Map<String, String> rename, Map<String, String> copy, Map<String, ValueTransform> values,
      Map<String, AttributeValue> set, Map<String, Capture> fromCapture, Set<String> dropLabels,
      Set<String> keepOnly, Set<String> toResource, boolean otherLabelsDrop, Merge merge,
      Reverse reverse, String confidence, String evidence, Set<String> missingRequiredOk,
      Set<Double> dropValues, String description) {
    this.id = id;
    this.position = position;
    this.matchName = matchName;
    this.matchRegex = matchRegex;
    this.matchTypes = matchTypes;
    this.matchUnit = matchUnit;
    this.labelPredicates = labelPredicates;
    this.drop = drop;
    this.targetName = targetName;
    this.instrument = instrument;
    this.targetUnit = targetUnit;
    this.scale = scale;
    this.rename = rename;
    this.copy = copy;
    this.values = values;
    this.set = set;
    this.fromCapture = fromCapture;
    this.dropLabels = dropLabels;
    this.keepOnly = keepOnly;
    this.toResource = toResource;
    this.otherLabelsDrop = otherLabelsDrop;
    this.merge = merge;
    this.reverse = reverse;
    this.confidence = confidence;
    this.evidence = evidence;
    this.missingRequiredOk = missingRequiredOk;
    this.dropValues = dropValues;
    this.description = description;
  }

  public String id() {
    return id;
  }

  public SourcePosition position() {
    return position;
  }

  /** The exact name or the regex, as written. */
  public String matchText() {
    return matchName != null ? matchName : "/" + matchRegex.pattern() + "/";
  }

  public boolean drops() {
    return drop;
  }

  /** The semconv target name; null for a drop rule. */
  public String targetName() {
    return targetName;
  }

  public Instrument instrument() {
    return instrument;
  }

  public String targetUnit() {
    return targetUnit;
  }

  /** The factor applied to every value (1 when the rule does not scale). */
  public double scale() {
    return scale;
  }

  /**
   * The value changes of the rule in a few words, for {@code rules show}: the scale, each value
   * map, and the sample values it drops. Example: {@code [×0.001, cpu.mode: 2 mapped, others
   * kept, drops values 9223372036854775807]}; empty when the rule passes values through.
   */
  public List<String> valueChanges() {
    List<String> out = new java.util.ArrayList<>();
    if (scale != 1) out.add(scaleText(scale));
    for (Map.Entry<String, ValueTransform> e : new java.util.TreeMap<>(values).entrySet()) {
      ValueTransform t = e.getValue();
      List<String> parts = new java.util.ArrayList<>();
      if (!t.map.isEmpty()) {
        parts.add(t.map.size() + " mapped, others " + switch (t.otherwise) {
          case KEEP -> "kept";
          case DROP_SERIES -> "drop the series";
          case CONSTANT -> "become " + t.otherwiseValue;
        });
      } else if (t.otherwise == ValueTransform.Otherwise.CONSTANT) {
        parts.add("always " + t.otherwiseValue);
      }
      if (t.caseFold != null) parts.add(t.caseFold + " case");
      if (t.replace != null) parts.add("/" + t.replace.pattern() + "/ → " + t.replaceWith);
      if (!t.unsetIf.isEmpty()) parts.add("unset if " + String.join("|", t.unsetIf));
      if (t.as != null && !t.as.equals("string")) parts.add("as " + t.as);
      if (!parts.isEmpty()) out.add(e.getKey() + ": " + String.join(", ", parts));
    }
    if (!dropValues.isEmpty()) {
      List<String> dropped = new java.util.ArrayList<>();
      for (double v : new java.util.TreeSet<>(dropValues)) dropped.add(number(v));
      out.add("drops values " + String.join("|", dropped));
    }
    return out;
  }

  /** {@code ×0.001}: the factor as written in rules, without binary rounding noise. */
  static String scaleText(double scale) {
    return "×" + number(scale);
  }

  private static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) <= 0x1p63) return Long.toString((long) v);
    return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  public String confidence() {
    return confidence;
  }

  public String evidence() {
    return evidence;
  }

  /** Whether distinct source series may become one target series (then merging applies). */
  boolean mayCollide() {
    if (merge != Merge.ERROR || !dropLabels.isEmpty() || keepOnly != null || otherLabelsDrop) {
      return true;
    }
    for (ValueTransform t : values.values()) if (t.mayCollide()) return true;
    return false;
  }

  /** Whether the rule gives its target series attribute {@code key} (renamed, copied, set, captured). */
  boolean produces(String key) {
    return rename.containsValue(key) || copy.containsKey(key) || set.containsKey(key)
        || fromCapture.containsKey(key);
  }

  /** Whether the rule can run in reverse. */
  boolean reversible() {
    return !drop && !reverse.none && ruleSet.direction != RuleSet.Direction.TO_OTEL
        && (matchName != null || reverse.name != null);
  }
}
