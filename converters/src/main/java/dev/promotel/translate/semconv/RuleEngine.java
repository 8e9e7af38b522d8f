package dev.promotel.translate.semconv;

import dev.promotel.model.AttributeValue;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.PromType;
import dev.promotel.translate.naming.InvalidNameException;
import dev.promotel.translate.naming.MetricKind;
import dev.promotel.translate.naming.MetricNamer;
import dev.promotel.translate.naming.TranslationStrategy;
import dev.promotel.translate.naming.UnitDialect;
import dev.promotel.yaml.ConfigException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The compiled, ordered rules of several rule sets (specs/semconv.md §4.4): sets by descending
 * priority, then by origin; rules in file order; the first matching rule wins. Finding a family's
 * rules costs one hash lookup on its exact name (and its name without {@code _total}) plus the
 * regex rules; when none matches, the same on the Prometheus name the family would have with unit
 * and type suffixes (an OTLP family whose suffixes were trimmed). The result is cached per (name,
 * type, unit, kind), so regexes run once per distinct family name and never per sample. Rules
 * with label conditions ({@code match.labels}) make the choice per series: the candidates are
 * every matching rule up to the first one without label conditions.
 *
 * <p>Example: with the bundled sets, {@code node_cpu_seconds_total} (counter) has one candidate,
 * {@code node-exporter/cpu-time}; {@code kube_node_status_allocatable} has one per {@code
 * resource} value.
 */
public final class RuleEngine {
  /** A rule that matched a family's name, with the constants its name captures give. */
  record Candidate(MetricRule rule, Map<String, AttributeValue> captured) {}

  /** The candidates of one family shape; {@code perSeries} when label conditions decide. */
  record Candidates(List<Candidate> list, boolean perSeries) {
    static final Candidates NONE = new Candidates(List.of(), false);
  }

  /** A family's shape; {@code kind} null when unknown (listings), then no suffixed name is tried. */
  private record ShapeKey(String name, PromType type, String unit, MetricKind kind) {}

  /**
   * The Prometheus name an OTLP family would get, suffixes included: how rules for exporter names
   * find families whose suffixes were trimmed ({@code node_cpu_seconds}, a monotonic sum in
   * {@code s}, is {@code node_cpu_seconds_total}).
   */
  private static final MetricNamer SUFFIXED =
      new MetricNamer(TranslationStrategy.UNDERSCORE_ESCAPING_WITH_SUFFIXES, "", UnitDialect.OTLPTRANSLATOR);

  private final List<RuleSet> sets;
  private final List<MetricRule> ordered = new ArrayList<>();
  private final Map<MetricRule, Integer> order = new HashMap<>();
  private final Map<String, List<MetricRule>> exact = new HashMap<>();
  private final List<MetricRule> regexRules = new ArrayList<>();
  private final Map<String, LabelRule> labelRules = new LinkedHashMap<>();
  private final Set<String> multiSource = new HashSet<>();
  /** Multi-source targets whose sources can collide, so their buffered points are merged. */
  private final Set<String> mergedTargets = new HashSet<>();
  private final List<String> warnings = new ArrayList<>();
  /** The first pair of rule sets giving one target two instruments or units, if any. */
  private ConfigException conflict;
  private final Map<String, MetricRule.Merge> mergePolicies = new HashMap<>();
  private final Map<String, Set<String>> acknowledged = new HashMap<>();
  private final Map<ShapeKey, Candidates> cache = new HashMap<>();
  private boolean dropUnmatched;
  private String lastName;
  private PromType lastType;
  private String lastUnit;
  private MetricKind lastKind;
  private Candidates lastCandidates;

  public RuleEngine(List<RuleSet> ruleSets) {
    List<RuleSet> s = new ArrayList<>(ruleSets);
    s.sort(Comparator.comparingInt(RuleSet::priority).reversed().thenComparing(RuleSet::origin));
    this.sets = List.copyOf(s);
    Map<String, Integer> sourcesPerTarget = new HashMap<>();
    Map<String, MetricRule> firstPerTarget = new HashMap<>();
    for (RuleSet set : sets) {
      dropUnmatched |= set.unmatchedDrop;
      for (LabelRule l : set.labelRules) labelRules.putIfAbsent(l.from(), l);
      for (MetricRule r : set.rules) {
        order.put(r, ordered.size());
        ordered.add(r);
        if (r.matchName != null) exact.computeIfAbsent(r.matchName, k -> new ArrayList<>()).add(r);
        else regexRules.add(r);
        if (r.drop) continue;
        sourcesPerTarget.merge(r.targetName, r.matchRegex != null ? 2 : 1, Integer::sum);
        MetricRule first = firstPerTarget.putIfAbsent(r.targetName, r);
        if (first != null && (first.instrument != r.instrument || !first.targetUnit.equals(r.targetUnit))) {
          if (conflict == null) {
            conflict = new ConfigException(r.position, "rule " + r.qualifiedId + " maps to \""
                + r.targetName + "\" as a " + r.instrument.id() + " in \"" + r.targetUnit + "\", but rule "
                + first.qualifiedId + " (" + first.position + ") as a " + first.instrument.id()
                + " in \"" + first.targetUnit + "\"");
          }
          warnings.add(r.position + ": rule " + r.id + " maps to " + r.targetName + " as a "
              + r.instrument.id() + " in \"" + r.targetUnit + "\", but rule " + first.id + " ("
              + first.position + ") as a " + first.instrument.id() + " in \"" + first.targetUnit + "\"");
        }
      }
    }
    Map<String, List<MetricRule>> feeding = new HashMap<>();
    for (MetricRule r : ordered) if (!r.drop) feeding.computeIfAbsent(r.targetName, k -> new ArrayList<>()).add(r);
    for (var e : sourcesPerTarget.entrySet()) {
      if (e.getValue() <= 1) continue;
      multiSource.add(e.getKey());
      if (!disjoint(feeding.get(e.getKey()))) mergedTargets.add(e.getKey());
    }
  }

  /**
   * Whether the rules feeding one target can never produce the same series: none is a regex rule
   * or may collide on its own, and every pair either comes from different bundled rule sets
   * (different exporters, so different scrape targets and resources) or sets one constant attribute to
   * different values (rx/tx → network.io.direction=receive/transmit).
   */
  private static boolean disjoint(List<MetricRule> rules) {
    for (MetricRule r : rules) if (r.matchRegex != null || r.mayCollide()) return false;
    for (int i = 0; i < rules.size(); i++) {
      for (int j = i + 1; j < rules.size(); j++) {
        MetricRule a = rules.get(i);
        MetricRule b = rules.get(j);
        if (a.ruleSet != b.ruleSet && bundled(a.ruleSet) && bundled(b.ruleSet)) continue;
        boolean distinct = false;
        for (var e : a.set.entrySet()) {
          AttributeValue other = b.set.get(e.getKey());
          if (other != null && !other.asString().equals(e.getValue().asString())) distinct = true;
        }
        if (!distinct) return false;
      }
    }
    return true;
  }

  /**
   * The merge policy of a target: the first one declared by a rule feeding it, in consultation
   * order ({@code first} on one of two frequency rules governs both), or {@code error}.
   */
  MetricRule.Merge mergePolicy(String target) {
    return mergePolicies.computeIfAbsent(target, t -> {
      for (MetricRule r : ordered) {
        if (!r.drop && r.targetName.equals(t) && r.merge != MetricRule.Merge.ERROR) return r.merge;
      }
      return MetricRule.Merge.ERROR;
    });
  }

  /**
   * The required attributes of a target that its rules acknowledge they cannot supply: those every
   * rule feeding it either produces or lists in {@code missingRequiredOk}, and one lists. Example:
   * {@code http.server.active_requests} → {@code [http.request.method]} for promhttp.
   */
  public Set<String> missingRequiredOk(String target) {
    return acknowledged.computeIfAbsent(target, t -> {
      Set<String> ok = new HashSet<>();
      for (MetricRule r : ordered) if (!r.drop && r.targetName.equals(t)) ok.addAll(r.missingRequiredOk);
      for (MetricRule r : ordered) {
        if (r.drop || !r.targetName.equals(t)) continue;
        ok.removeIf(k -> !r.missingRequiredOk.contains(k) && !r.produces(k));
      }
      return Set.copyOf(ok);
    });
  }

  /** A shipped set: two of them describe different exporters; a user's file may feed any target. */
  private static boolean bundled(RuleSet set) {
    return set.origin().startsWith(RuleLoader.BUNDLED_ORIGIN);
  }

  /** Whether a target's families are buffered and merged: several sources that can coincide. */
  boolean needsMerge(String target) {
    return mergedTargets.contains(target);
  }

  /**
   * Fails when rules of two sets give one target different instruments or units (§4.4.5: a load
   * error, naming both rules); rules of one file are checked by the {@link RuleLoader}.
   */
  public void requireConsistentTargets() throws ConfigException {
    if (conflict != null) throw conflict;
  }

  /** The sets in the order they are consulted. */
  public List<RuleSet> ruleSets() {
    return sets;
  }

  /** Conflicts between sets found while compiling (same target, different instrument or unit). */
  public List<String> warnings() {
    return warnings;
  }

  /** Whether a set asked for families no rule matches to be dropped ({@code unmatched: drop}). */
  boolean dropsUnmatched() {
    return dropUnmatched;
  }

  Map<String, LabelRule> labelRules() {
    return labelRules;
  }


  /**
   * The rules that may apply to {@code family}, cached per (name, type, unit). The previous answer
   * is checked first by identity: the OTLP mapping emits a family once per resource, so the same
   * name arrives many times in a row.
   */
  Candidates candidates(MetricFamily family) {
    String name = family.name();
    PromType type = family.promType();
    String unit = family.unit();
    MetricKind kind = PrometheusRenamer.kind(family.data());
    if (name == lastName && type == lastType && unit == lastUnit && kind == lastKind) return lastCandidates;
    ShapeKey key = new ShapeKey(name, type, unit, kind);
    Candidates c = cache.get(key);
    if (c == null) {
      c = compute(key);
      if (c == Candidates.NONE) c = computeSuffixed(key);
      cache.put(key, c);
    }
    lastName = name;
    lastType = type;
    lastUnit = unit;
    lastKind = kind;
    lastCandidates = c;
    return c;
  }

  /** The first rule whose name, type and unit match, ignoring label conditions; for listings. */
  public MetricRule firstRuleFor(String name) {
    List<Candidate> l = compute(new ShapeKey(name, null, null, null)).list;
    return l.isEmpty() ? null : l.get(0).rule;
  }

  /**
   * specs/semconv.md §4.3: matching also runs on names whose suffixes were trimmed. When no rule
   * matches a family's own name, the name it would have as Prometheus text (unit and {@code _total}
   * suffixes from its unit and kind, as {@code convert} adds them) is tried; only when that differs.
   */
  private Candidates computeSuffixed(ShapeKey key) {
    if (key.kind == null || key.kind == MetricKind.UNKNOWN) return Candidates.NONE;
    String suffixed;
    try {
      suffixed = SUFFIXED.name(key.name, key.unit, key.kind);
    } catch (InvalidNameException e) {
      return Candidates.NONE;
    }
    if (suffixed.equals(key.name)) return Candidates.NONE;
    return compute(new ShapeKey(suffixed, key.type, key.unit, key.kind));
  }

  private Candidates compute(ShapeKey key) {
    List<MetricRule> hits = new ArrayList<>();
    List<MetricRule> byName = exact.get(key.name);
    if (byName != null) hits.addAll(byName);
    if (key.name.endsWith("_total")) {
      List<MetricRule> stripped = exact.get(key.name.substring(0, key.name.length() - 6));
      if (stripped != null) {
        for (MetricRule r : stripped) if (r.ruleSet.stripSuffixes) hits.add(r);
      }
    }
    Map<MetricRule, Map<String, AttributeValue>> captures = new HashMap<>();
    for (MetricRule r : regexRules) {
      Matcher m = r.matchRegex.matcher(key.name);
      if (!m.matches()) continue;
      Map<String, AttributeValue> cap = new LinkedHashMap<>();
      for (var e : r.fromCapture.entrySet()) {
        String g = m.group(e.getValue().group());
        if (g == null) continue;
        cap.put(e.getKey(), AttributeValue.of(e.getValue().map().getOrDefault(g, g)));
      }
      captures.put(r, cap);
      hits.add(r);
    }
    hits.sort(Comparator.comparingInt(order::get));
    List<Candidate> list = new ArrayList<>();
    boolean perSeries = false;
    for (MetricRule r : hits) {
      if (key.type != null && r.matchTypes != null && !r.matchTypes.contains(key.type)) continue;
      if (key.unit != null && r.matchUnit != null && !r.matchUnit.equals(key.unit)) continue;
      list.add(new Candidate(r, captures.getOrDefault(r, Map.of())));
      if (r.labelPredicates.isEmpty()) break;
      perSeries = true;
    }
    return list.isEmpty() ? Candidates.NONE : new Candidates(List.copyOf(list), perSeries);
  }
}
