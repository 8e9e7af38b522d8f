package dev.promotel.lint;

import static dev.promotel.lint.DumpRuleIds.CASE_VARIANT;
import static dev.promotel.lint.DumpRuleIds.EMPTY_VALUE;
import static dev.promotel.lint.DumpRuleIds.INCONSISTENT_SET;
import static dev.promotel.lint.DumpRuleIds.SYNONYM;
import static dev.promotel.lint.DumpRuleIds.VALUE_VARIANT;

import dev.promotel.format.SourcePosition;
import dev.promotel.model.Attributes;
import dev.promotel.model.Point;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Label consistency within a dump (specs/lint.md §6.3). Dump-wide state is bounded: at most
 * {@link #MAX_NAMES} label names and {@link #MAX_VALUES} values per name are remembered, after which
 * the rule says it stopped counting.
 */
final class LabelRules implements DumpRule {
  static final int MAX_NAMES = 10_000;
  static final int MAX_VALUES = 1_000;
  static final List<List<String>> DEFAULT_SYNONYMS = List.of(
      List.of("code", "status", "status_code", "http_status_code"),
      List.of("env", "environment"),
      List.of("app", "service", "application"));

  private record Seen(String original, SourcePosition at, String family) {}

  private final Checks checks;
  private final boolean setOn;
  private final boolean emptyOn;
  private final boolean variantOn;
  // inconsistent-set, per family while it streams.
  private String firstSet;
  private long firstSetHash;
  private boolean setReported;
  private final Set<String> emptyReported = new HashSet<>();
  // case-variant: normalised name → first spelling.
  private final Map<String, Seen> names = new HashMap<>();
  private final Set<String> exactNames = new HashSet<>();
  private final Set<String> pairsReported = new HashSet<>();
  // synonym: group index → first member used.
  private final Map<String, Integer> synonymGroup = new HashMap<>();
  private final Map<Integer, Seen> synonymFirst = new HashMap<>();
  // value-variant: label → normalised value → first spelling; and the exact values seen.
  private final Map<String, Map<String, Seen>> values = new HashMap<>();
  private final Map<String, Set<String>> exactValues = new HashMap<>();

  LabelRules(Checks checks) throws dev.promotel.yaml.ConfigException {
    this.checks = checks;
    this.setOn = checks.on(INCONSISTENT_SET);
    this.emptyOn = checks.on(EMPTY_VALUE);
    this.variantOn = checks.on(VALUE_VARIANT);
    List<List<String>> groups = checks.groupsOption(SYNONYM, "groups", DEFAULT_SYNONYMS);
    for (int g = 0; g < groups.size(); g++) {
      for (String n : groups.get(g)) synonymGroup.put(n, g);
    }
  }

  @Override
  public void family(DumpFamily f) {
    if (!f.continued()) {
      firstSet = null;
      setReported = false;
      emptyReported.clear();
    }
    List<? extends Point> points = f.family().data().points();
    for (int i = 0; i < points.size(); i++) {
      Attributes labels = points.get(i).attributes();
      if (setOn && !setReported) labelSet(f, i, labels);
      for (int k = 0; k < labels.size(); k++) {
        String key = labels.key(k);
        if (exactNames.size() < MAX_NAMES && exactNames.add(key)) newName(f, i, key);
        String value = labels.value(k).asString();
        if (value.isEmpty() && emptyOn && emptyReported.add(key)) {
          checks.report(EMPTY_VALUE, f.pointAt(i), f.name() + "/" + key, "label " + key + " of "
              + f.name() + " has an empty value, which Prometheus treats as absent; drop the label"
              + " or give it a value");
        }
        if (variantOn) value(f, i, key, value);
      }
    }
  }

  private void labelSet(DumpFamily f, int i, Attributes labels) {
    long h = LongSet.SEED;
    for (int k = 0; k < labels.size(); k++) h = LongSet.hash(h, labels.key(k));
    if (firstSet == null) {
      firstSetHash = h;
      firstSet = names(labels);
    } else if (h != firstSetHash) {
      setReported = true;
      checks.report(INCONSISTENT_SET, f.pointAt(i), f.name(), "series of " + f.name()
          + " have different label names: " + firstSet + " and " + names(labels)
          + "; give every series of a family the same labels");
    }
  }

  private static String names(Attributes labels) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < labels.size(); k++) out.add(labels.key(k));
    return "{" + String.join(",", out) + "}";
  }

  private void newName(DumpFamily f, int i, String key) {
    SourcePosition at = f.pointAt(i);
    if (checks.on(CASE_VARIANT)) {
      String normal = key.toLowerCase(Locale.ROOT).replaceAll("[_.\\-]", "");
      Seen first = names.putIfAbsent(normal, new Seen(key, at, f.name()));
      if (first != null && !first.original().equals(key) && pairsReported.add(first.original() + "|" + key)) {
        checks.report(CASE_VARIANT, Severity.WARNING, at, key, "label " + key + " (on " + f.name()
            + ") and " + first.original() + " (on " + first.family() + ") differ only in case or"
            + " separators; pick one spelling, " + NameRules.snake(key).replace('.', '_') + " is the"
            + " Prometheus style", List.of(new RelatedLocation(first.at(), first.original()
                + " first used here")));
      }
    }
    Integer group = synonymGroup.get(key);
    if (group != null && checks.on(SYNONYM)) {
      Seen first = synonymFirst.putIfAbsent(group, new Seen(key, at, f.name()));
      if (first != null && !first.original().equals(key) && pairsReported.add("syn|" + first.original() + "|" + key)) {
        checks.report(SYNONYM, Severity.INFO, at, key, "label " + key + " (on " + f.name()
            + ") and " + first.original() + " (on " + first.family() + ") name the same thing;"
            + " use one name across families so queries and dashboards can join them",
            List.of(new RelatedLocation(first.at(), first.original() + " first used here")));
      }
    }
  }

  private void value(DumpFamily f, int i, String key, String value) {
    Set<String> exact = exactValues.get(key);
    if (exact == null) {
      if (exactValues.size() >= MAX_NAMES) return;
      exact = new HashSet<>();
      exactValues.put(key, exact);
    }
    if (exact.contains(value)) return;
    if (exact.size() >= MAX_VALUES) {
      checks.stoppedCounting(VALUE_VARIANT, f.pointAt(i), "values of " + key + " after " + MAX_VALUES);
      return;
    }
    exact.add(value);
    String normal = value.strip().toLowerCase(Locale.ROOT);
    String logical = checks.context.identity().logicalKey(key).orElse(key);
    normal = checks.context.identity().canonicalValue(logical, normal);
    Map<String, Seen> byNormal = values.computeIfAbsent(key, k -> new HashMap<>());
    SourcePosition at = f.pointAt(i);
    Seen first = byNormal.putIfAbsent(normal, new Seen(value, at, f.name()));
    if (first != null && !first.original().equals(value)) {
      boolean alias = !normal.equals(value.strip().toLowerCase(Locale.ROOT))
          || !normal.equals(first.original().strip().toLowerCase(Locale.ROOT));
      checks.report(VALUE_VARIANT, Severity.WARNING, at, key + "=" + normal, "label " + key
          + " is \"" + value + "\" on " + f.name() + " but \"" + first.original() + "\" on "
          + first.family() + (alias ? " (configured aliases of " + normal + ")" : "")
          + "; use one spelling so selectors match both", List.of(new RelatedLocation(first.at(),
              key + "=\"" + first.original() + "\" here")));
    }
  }
}
