package dev.promotel.translate.semconv;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricParseException;
import dev.promotel.format.MetricReader;
import dev.promotel.format.ReadOptions;
import dev.promotel.format.prometheus.PrometheusTextReader;
import dev.promotel.model.AttributeValue;
import dev.promotel.model.PromType;
import dev.promotel.translate.semconv.MetricRule.Capture;
import dev.promotel.translate.semconv.MetricRule.Merge;
import dev.promotel.translate.semconv.MetricRule.Reverse;
import dev.promotel.yaml.ConfigException;
import dev.promotel.yaml.YamlLoader;
import dev.promotel.yaml.YamlMapping;
import dev.promotel.yaml.YamlNode;
import dev.promotel.yaml.YamlScalar;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Loads rule files of the {@code promotel.rules/v1} schema (specs/semconv.md §4) through the shared
 * YAML loader, so every mistake is a {@link ConfigException} at the file, line and column of the
 * offending node ({@code rules.yaml:12:14: unknown instrument "countr"; expected one of counter,
 * updowncounter, gauge, histogram}). Targets are checked against the bundled {@link Registry}
 * according to the set's {@code target.registry} mode.
 *
 * <p>The bundled sets live in the jar under {@code naming-rules/}, listed by {@code
 * naming-rules/index.txt}; {@link #bundled()} loads them all.
 */
public final class RuleLoader {
  private static final String SCHEMA = "promotel.rules/v1";
  private static final List<String> TOP_KEYS = List.of("schema", "kind", "ruleset", "lookups", "rules", "examples");
  private static final List<String> SET_KEYS = List.of("id", "description", "source", "target", "direction", "priority", "defaults");
  private static final List<String> RULE_KEYS = List.of("id", "match", "to", "scale", "labels", "drop", "merge", "reverse",
      "confidence", "evidence", "missingRequiredOk", "dropValues");
  private static final List<String> MATCH_KEYS = List.of("name", "regex", "type", "unit", "labels");
  private static final List<String> LABEL_KEYS = List.of("rename", "copy", "values", "set", "fromCapture", "drop", "keepOnly", "toResource");
  private static final List<String> VALUE_KEYS = List.of("map", "otherwise", "as", "case", "replace", "unsetIf");
  private static final List<String> PREDICATE_KEYS = List.of("equals", "in", "notIn", "regex", "present", "absent");
  private static final Map<String, double[]> UNIT_BASE = unitBases();

  /** How the origin of a bundled set starts: {@code naming-rules/node_exporter.yaml}. */
  static final String BUNDLED_ORIGIN = "naming-rules/";

  /** The default priority of user rule files: above every bundled set, so users override. */
  public static final int USER_PRIORITY = 100;

  private static final int BUNDLED_PRIORITY = 50;

  private final Registry registry;
  private final int defaultPriority;

  /** A loader whose files default to the priority of bundled sets (50). */
  public RuleLoader(Registry registry) {
    this(registry, BUNDLED_PRIORITY);
  }

  /** A loader whose files default to {@code defaultPriority} when they give none. */
  public RuleLoader(Registry registry, int defaultPriority) {
    this.registry = registry;
    this.defaultPriority = defaultPriority;
  }

  /** Loads a rule file. */
  public RuleSet load(Path file) throws IOException {
    return parse(file.toString(), YamlLoader.load(file));
  }

  /** Loads rule text; {@code origin} names it in errors. */
  public RuleSet load(String origin, String text) throws IOException {
    return parse(origin, YamlLoader.load(origin, text));
  }

  /** The names of the bundled rule files, in index order. */
  public static List<String> bundledFiles() throws IOException {
    try (InputStream in = RuleLoader.class.getResourceAsStream("/naming-rules/index.txt")) {
      if (in == null) throw new IOException("naming-rules/index.txt missing from the jar");
      List<String> files = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) files.add(line);
      }
      return files;
    }
  }

  /** The text of a bundled rule file. */
  public static String bundledText(String file) throws IOException {
    try (InputStream in = RuleLoader.class.getResourceAsStream("/naming-rules/" + file)) {
      if (in == null) throw new IOException("bundled rule file naming-rules/" + file + " is missing");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Every bundled rule set. */
  public List<RuleSet> bundled() throws IOException {
    List<RuleSet> sets = new ArrayList<>();
    for (String file : bundledFiles()) sets.add(load(BUNDLED_ORIGIN + file, bundledText(file)));
    return sets;
  }

  // ------------------------------------------------------------------ parsing

  private RuleSet parse(String origin, YamlNode doc) throws ConfigException {
    YamlMapping top = doc.asMapping();
    top.checkKeys(TOP_KEYS);
    YamlScalar schema = top.require("schema").asScalar();
    if (!schema.asString().equals(SCHEMA)) {
      throw schema.error("unsupported schema \"" + schema.text() + "\"; expected " + SCHEMA);
    }
    boolean labelsKind = false;
    Optional<YamlNode> kindNode = top.get("kind");
    if (kindNode.isPresent()) {
      String k = kindNode.get().asScalar().asString();
      if (k.equals("labels")) labelsKind = true;
      else if (!k.equals("metrics")) throw kindNode.get().error("unknown kind \"" + k + "\"; expected metrics or labels");
    }
    YamlMapping set = top.require("ruleset").asMapping();
    set.checkKeys(SET_KEYS);
    String id = set.require("id").asScalar().asString();
    String description = optText(set, "description", "");
    String source = opt(set, "source") == null ? "" : flatText(opt(set, "source"));
    String semconv = "1.44.0";
    RuleSet.RegistryMode mode = RuleSet.RegistryMode.STRICT;
    if (set.get("target").isPresent()) {
      YamlMapping t = set.get("target").get().asMapping();
      t.checkKeys(List.of("semconv", "registry"));
      semconv = optText(t, "semconv", semconv);
      if (semconv.equals("none") || semconv.equals("false")) mode = RuleSet.RegistryMode.OFF;
      if (t.get("registry").isPresent()) {
        YamlScalar r = t.get("registry").get().asScalar();
        mode = switch (r.asString()) {
          case "strict" -> RuleSet.RegistryMode.STRICT;
          case "warn" -> RuleSet.RegistryMode.WARN;
          case "off" -> RuleSet.RegistryMode.OFF;
          default -> throw r.error("unknown registry mode \"" + r.text() + "\"; expected strict, warn or off");
        };
      }
    }
    RuleSet.Direction direction = RuleSet.Direction.BOTH;
    if (set.get("direction").isPresent()) {
      YamlScalar d = set.get("direction").get().asScalar();
      direction = switch (d.asString()) {
        case "to-otel" -> RuleSet.Direction.TO_OTEL;
        case "to-prom" -> RuleSet.Direction.TO_PROM;
        case "both" -> RuleSet.Direction.BOTH;
        default -> throw d.error("unknown direction \"" + d.text() + "\"; expected to-otel, to-prom or both");
      };
    }
    int priority = opt(set, "priority") == null ? defaultPriority : (int) opt(set, "priority").asScalar().asLong();
    boolean strip = true;
    boolean unmatchedDrop = false;
    boolean otherDrop = false;
    if (set.get("defaults").isPresent()) {
      YamlMapping d = set.get("defaults").get().asMapping();
      d.checkKeys(List.of("stripSuffixes", "unmatched", "otherLabels"));
      strip = opt(d, "stripSuffixes") == null || opt(d, "stripSuffixes").asScalar().asBoolean();
      unmatchedDrop = choice(d, "unmatched", List.of("keep", "drop"), "keep").equals("drop");
      otherDrop = choice(d, "otherLabels", List.of("keep", "drop"), "keep").equals("drop");
    }
    Map<String, Map<String, String>> lookups = new HashMap<>();
    if (top.get("lookups").isPresent()) {
      for (var e : top.get("lookups").get().asMapping().entries()) {
        lookups.put(e.key().text(), stringMap(e.value()));
      }
    }
    List<MetricRule> rules = new ArrayList<>();
    List<LabelRule> labelRules = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    if (top.get("rules").isPresent()) {
      for (YamlNode n : top.get("rules").get().asSequence()) {
        if (labelsKind) {
          labelRules.add(labelRule(n.asMapping()));
        } else {
          MetricRule r = metricRule(n.asMapping(), lookups, direction, otherDrop, rules.size());
          if (!ids.add(r.id)) throw n.asMapping().require("id").error("duplicate rule id \"" + r.id + "\"");
          checkSameTarget(n.asMapping(), r, rules);
          if (mode != RuleSet.RegistryMode.OFF) checkRegistry(n.asMapping(), r, mode, warnings);
          rules.add(r);
        }
      }
    }
    List<RuleSet.Example> examples = new ArrayList<>();
    if (top.get("examples").isPresent()) {
      for (YamlNode n : top.get("examples").get().asSequence()) {
        YamlMapping m = n.asMapping();
        m.checkKeys(List.of("in", "out"));
        YamlNode in = m.require("in");
        YamlNode out = m.require("out");
        RuleSet.Example ex = new RuleSet.Example(in.asScalar().asString(), out.asScalar().text(), m.position());
        checkExampleInput(in, ex.in());
        checkExampleOutput(out, ex.out());
        examples.add(ex);
      }
    }
    return new RuleSet(id, description, origin, labelsKind, source, semconv, mode, direction,
        priority, unmatchedDrop, strip, rules, labelRules, examples, warnings);
  }

  /**
   * Two rules of one file feeding one target must agree on its instrument and unit (§4.4.5): the
   * target would otherwise be two different metrics under one name.
   */
  private static void checkSameTarget(YamlMapping node, MetricRule r, List<MetricRule> earlier)
      throws ConfigException {
    if (r.drop) return;
    for (MetricRule e : earlier) {
      if (e.drop || !e.targetName.equals(r.targetName)) continue;
      if (e.instrument != r.instrument || !e.targetUnit.equals(r.targetUnit)) {
        throw node.require("to").error("rule \"" + r.id + "\" maps to \"" + r.targetName + "\" as a "
            + r.instrument.id() + " in \"" + r.targetUnit + "\", but rule \"" + e.id + "\" (line "
            + e.position.line() + ") as a " + e.instrument.id() + " in \"" + e.targetUnit + "\"");
      }
    }
  }

  /** An example's {@code in} must be Prometheus text: a malformed one is a broken rule file. */
  private static void checkExampleInput(YamlNode node, String text) throws ConfigException {
    String body = text.endsWith("\n") ? text : text + "\n";
    Diagnostics ignored = new Diagnostics();
    try (MetricReader reader = new PrometheusTextReader(
        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), "in", ReadOptions.DEFAULTS, ignored)) {
      while (reader.read().isPresent()) {
        // Reading to the end is the check.
      }
    } catch (MetricParseException e) {
      throw node.error("example \"in\" is not valid Prometheus text: " + e.reason()
          + " (line " + e.position().line() + " of the example)");
    } catch (IOException e) {
      throw node.error("example \"in\" cannot be read: " + e.getMessage());
    }
  }

  /** Each line of an example's {@code out}: {@code name{key=value,...} value...}. */
  private static final Pattern OUT_LINE = Pattern.compile("[^\\s{}]+\\{(.*)}\\s+\\S+(\\s+\\S+)*");

  private static void checkExampleOutput(YamlNode node, String text) throws ConfigException {
    int lineNo = 0;
    for (String line : text.split("\n")) {
      lineNo++;
      if (line.isBlank()) continue;
      Matcher m = OUT_LINE.matcher(line.strip());
      boolean ok = m.matches() && m.group(1).chars().filter(c -> c == '"').count() % 2 == 0;
      if (!ok) {
        throw node.error("example \"out\" line " + lineNo + " is not 'name{key=value,...} value': \""
            + line.strip() + "\"");
      }
    }
  }

  private static LabelRule labelRule(YamlMapping m) throws ConfigException {
    m.checkKeys(List.of("from", "to", "scope", "when"));
    String scope = choice(m, "scope", List.of("resource", "point"), "point");
    Set<String> in = null;
    Set<String> notIn = null;
    if (m.get("when").isPresent()) {
      YamlMapping w = m.get("when").get().asMapping();
      w.checkKeys(List.of("in", "notIn"));
      if (w.get("in").isPresent()) in = stringSet(w.get("in").get());
      if (w.get("notIn").isPresent()) notIn = stringSet(w.get("notIn").get());
    }
    return new LabelRule(m.require("from").asScalar().asString(), m.require("to").asScalar().asString(),
        scope.equals("resource"), in, notIn, m.position());
  }

  private MetricRule metricRule(YamlMapping m, Map<String, Map<String, String>> lookups,
      RuleSet.Direction direction, boolean otherDrop, int index) throws ConfigException {
    m.checkKeys(RULE_KEYS);
    String id = optText(m, "id", "rule-" + (index + 1));
    YamlMapping match = m.require("match").asMapping();
    match.checkKeys(MATCH_KEYS);
    String name = optText(match, "name", null);
    Pattern regex = null;
    if (match.get("regex").isPresent()) {
      if (name != null) throw match.error("give either match.name or match.regex, not both");
      regex = pattern(match.get("regex").get().asScalar());
    } else if (name == null) {
      throw match.error("missing required key \"name\" (or \"regex\")");
    }
    Set<PromType> types = null;
    if (match.get("type").isPresent()) {
      types = EnumSet.noneOf(PromType.class);
      YamlNode t = match.get("type").get();
      List<YamlNode> items = t instanceof YamlScalar ? List.of(t) : t.asSequence().items();
      for (YamlNode i : items) types.add(promType(i.asScalar()));
    }
    String unit = optText(match, "unit", null);
    List<LabelPredicate> predicates = new ArrayList<>();
    if (match.get("labels").isPresent()) {
      for (var e : match.get("labels").get().asMapping().entries()) predicates.add(predicate(e.key().text(), e.value()));
    }
    boolean drop = opt(m, "drop") != null && opt(m, "drop").asScalar().asBoolean();
    String toName = null;
    Instrument instrument = null;
    String toUnit = "";
    double scale = 1;
    String description = "";
    if (!drop) {
      YamlMapping to = m.require("to").asMapping();
      to.checkKeys(List.of("name", "instrument", "unit", "description"));
      description = optText(to, "description", "");
      toName = to.require("name").asScalar().asString();
      YamlScalar inst = to.require("instrument").asScalar();
      instrument = Instrument.fromId(inst.asString());
      if (instrument == null) {
        throw inst.error("unknown instrument \"" + inst.text() + "\"; expected one of counter, updowncounter, gauge, histogram");
      }
      toUnit = optText(to, "unit", "");
      if (m.get("scale").isPresent()) scale = scale(m.get("scale").get(), toUnit);
    }
    Map<String, String> rename = new LinkedHashMap<>();
    Map<String, String> copy = new LinkedHashMap<>();
    Map<String, ValueTransform> values = new LinkedHashMap<>();
    Map<String, AttributeValue> set = new LinkedHashMap<>();
    Map<String, Capture> fromCapture = new LinkedHashMap<>();
    Set<String> dropLabels = new HashSet<>();
    Set<String> keepOnly = null;
    Set<String> toResource = new HashSet<>();
    Map<String, YamlNode> valueNodes = new HashMap<>();
    if (m.get("labels").isPresent()) {
      YamlMapping l = m.get("labels").get().asMapping();
      l.checkKeys(LABEL_KEYS);
      if (l.get("rename").isPresent()) rename.putAll(stringMap(l.get("rename").get()));
      if (l.get("copy").isPresent()) copy.putAll(stringMap(l.get("copy").get()));
      if (l.get("values").isPresent()) {
        for (var e : l.get("values").get().asMapping().entries()) {
          values.put(e.key().text(), valueTransform(e.value(), lookups));
          valueNodes.put(e.key().text(), e.value());
        }
      }
      if (l.get("set").isPresent()) {
        for (var e : l.get("set").get().asMapping().entries()) {
          YamlScalar v = e.value().asScalar();
          AttributeValue av = v.quoted() ? AttributeValue.of(v.text()) : plainValue(v.text());
          set.put(e.key().text(), av);
        }
      }
      if (l.get("fromCapture").isPresent()) {
        if (regex == null) throw l.get("fromCapture").get().error("fromCapture needs match.regex with named groups");
        for (var e : l.get("fromCapture").get().asMapping().entries()) {
          YamlMapping c = e.value().asMapping();
          c.checkKeys(List.of("capture", "map"));
          YamlScalar g = c.require("capture").asScalar();
          if (!regex.pattern().contains("(?<" + g.asString() + ">")) {
            throw g.error("match.regex has no group named \"" + g.text() + "\"");
          }
          Map<String, String> map = opt(c, "map") == null ? Map.of() : mapOrLookup(opt(c, "map"), lookups);
          fromCapture.put(e.key().text(), new Capture(g.asString(), map));
        }
      }
      if (l.get("drop").isPresent()) dropLabels.addAll(stringSet(l.get("drop").get()));
      if (l.get("keepOnly").isPresent()) keepOnly = stringSet(l.get("keepOnly").get());
      if (l.get("toResource").isPresent()) toResource.addAll(stringSet(l.get("toResource").get()));
    }
    Merge merge = Merge.ERROR;
    if (m.get("merge").isPresent()) {
      YamlScalar s = m.get("merge").get().asScalar();
      try {
        merge = Merge.valueOf(s.asString().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw s.error("unknown merge \"" + s.text() + "\"; expected sum, max, first or error");
      }
    }
    Reverse reverse = new Reverse(false, null, Map.of());
    if (m.get("reverse").isPresent()) {
      YamlNode r = m.get("reverse").get();
      if (r instanceof YamlScalar s) {
        if (s.asString().equals("none")) reverse = new Reverse(true, null, Map.of());
        else if (!s.asString().equals("auto")) throw s.error("expected auto, none or a mapping with name/values");
      } else {
        YamlMapping rm = r.asMapping();
        rm.checkKeys(List.of("name", "values"));
        Map<String, Map<String, String>> rv = new LinkedHashMap<>();
        if (rm.get("values").isPresent()) {
          for (var e : rm.get("values").get().asMapping().entries()) rv.put(e.key().text(), stringMap(e.value()));
        }
        reverse = new Reverse(false, optText(rm, "name", null), rv);
      }
    }
    if (!drop && direction != RuleSet.Direction.TO_OTEL && !reverse.none()) {
      for (var e : values.entrySet()) {
        ValueTransform t = e.getValue();
        boolean bijective = t.map.size() == new HashSet<>(t.map.values()).size()
            && t.otherwise != ValueTransform.Otherwise.CONSTANT;
        if (!bijective && !reverse.values().containsKey(e.getKey()) && !copy.containsKey(e.getKey())) {
          throw valueNodes.get(e.getKey()).error("the value map of \"" + e.getKey()
              + "\" is not one-to-one, so it cannot be reversed; give reverse.values."
              + e.getKey() + " or reverse: none");
        }
      }
      if (name == null && reverse.name() == null) {
        throw m.require("match").error("a regex rule of a two-way set needs reverse.name (use ${group} for captures) or reverse: none");
      }
    }
    Set<String> missingOk = opt(m, "missingRequiredOk") == null ? Set.of() : stringSet(opt(m, "missingRequiredOk"));
    Set<Double> dropValues = new HashSet<>();
    if (m.get("dropValues").isPresent()) {
      for (YamlNode n : m.get("dropValues").get().asSequence()) dropValues.add(n.asScalar().asDouble());
    }
    return new MetricRule(id, m.position(), name, regex, types, unit, predicates, drop, toName,
        instrument, toUnit, scale, rename, copy, values, set, fromCapture, dropLabels, keepOnly,
        toResource, otherDrop, merge, reverse, optText(m, "confidence", ""),
        optText(m, "evidence", ""), missingOk, dropValues, description);
  }

  /** Registry checks of one rule's target (specs/semconv.md §4.4 step 5). */
  private void checkRegistry(YamlMapping m, MetricRule r, RuleSet.RegistryMode mode, List<String> warnings) throws ConfigException {
    if (r.drop) return;
    YamlNode at = m.require("to");
    List<String> problems = new ArrayList<>();
    Optional<Registry.MetricDef> def = registry.metric(r.targetName);
    if (def.isEmpty()) {
      problems.add("\"" + r.targetName + "\" is not in the semconv registry (use a set with target.semconv: none for non-registry names)");
    } else {
      Registry.MetricDef d = def.get();
      if (d.deprecated() != null) problems.add("\"" + r.targetName + "\" is deprecated: " + d.deprecation());
      if (d.instrument() != r.instrument) {
        problems.add("\"" + r.targetName + "\" is a " + d.instrument().id() + " in the registry, not a " + r.instrument.id());
      }
      if (!d.unit().equals(r.targetUnit)) {
        problems.add("\"" + r.targetName + "\" has unit \"" + d.unit() + "\" in the registry, not \"" + r.targetUnit + "\"");
      }
      Set<String> produced = new HashSet<>(r.rename.values());
      produced.addAll(r.copy.keySet());
      produced.addAll(r.set.keySet());
      produced.addAll(r.fromCapture.keySet());
      for (var e : d.attributes().entrySet()) {
        if (e.getValue() == Registry.Requirement.REQUIRED && !produced.contains(e.getKey())
            && !r.missingRequiredOk.contains(e.getKey())) {
          problems.add("\"" + r.targetName + "\" requires attribute \"" + e.getKey()
              + "\"; produce it (rename or set) or list it in missingRequiredOk");
        }
      }
      for (String k : produced) {
        Optional<Registry.AttributeDef> a = registry.attribute(k);
        if (a.isPresent() && a.get().renamedTo() != null) {
          problems.add("attribute \"" + k + "\" is deprecated; use \"" + a.get().renamedTo() + "\"");
        }
      }
    }
    if (problems.isEmpty()) return;
    if (mode == RuleSet.RegistryMode.STRICT) throw at.error(problems.get(0));
    for (String p : problems) warnings.add(at.position() + ": rule " + r.id + ": " + p);
  }

  // ------------------------------------------------------------------ small parsers

  private static ValueTransform valueTransform(YamlNode n, Map<String, Map<String, String>> lookups) throws ConfigException {
    YamlMapping v = n.asMapping();
    v.checkKeys(VALUE_KEYS);
    Map<String, String> map = opt(v, "map") == null ? Map.of() : mapOrLookup(opt(v, "map"), lookups);
    ValueTransform.Otherwise otherwise = ValueTransform.Otherwise.KEEP;
    String constant = null;
    if (v.get("otherwise").isPresent()) {
      String o = v.get("otherwise").get().asScalar().asString();
      if (o.equals("drop")) otherwise = ValueTransform.Otherwise.DROP_SERIES;
      else if (!o.equals("keep")) {
        otherwise = ValueTransform.Otherwise.CONSTANT;
        constant = o;
      }
    }
    String as = v.get("as").isPresent() ? choice(v, "as", List.of("int", "bool", "string", "double"), "string") : null;
    String caseFold = v.get("case").isPresent() ? choice(v, "case", List.of("upper", "lower"), "lower") : null;
    Pattern replace = null;
    String with = null;
    if (v.get("replace").isPresent()) {
      YamlMapping r = v.get("replace").get().asMapping();
      r.checkKeys(List.of("regex", "with"));
      replace = pattern(r.require("regex").asScalar());
      with = r.require("with").asScalar().text();
    }
    List<String> unsetIf = opt(v, "unsetIf") == null ? List.of() : List.copyOf(stringSet(opt(v, "unsetIf")));
    return new ValueTransform(map, otherwise, constant, as, caseFold, replace, with, unsetIf);
  }

  private static LabelPredicate predicate(String label, YamlNode n) throws ConfigException {
    YamlMapping p = n.asMapping();
    p.checkKeys(PREDICATE_KEYS);
    Boolean present = null;
    if (p.get("present").isPresent()) present = p.get("present").get().asScalar().asBoolean();
    if (p.get("absent").isPresent()) present = !p.get("absent").get().asScalar().asBoolean();
    return new LabelPredicate(label, optText(p, "equals", null),
        opt(p, "in") == null ? null : stringSet(opt(p, "in")),
        opt(p, "notIn") == null ? null : stringSet(opt(p, "notIn")),
        opt(p, "regex") == null ? null : pattern(opt(p, "regex").asScalar()), present);
  }

  private static Map<String, String> mapOrLookup(YamlNode n, Map<String, Map<String, String>> lookups) throws ConfigException {
    if (n instanceof YamlScalar s && s.text().startsWith("$")) {
      Map<String, String> l = lookups.get(s.text().substring(1));
      if (l == null) throw s.error("no lookup named \"" + s.text().substring(1) + "\" in this file's lookups");
      return l;
    }
    return stringMap(n);
  }

  private static Map<String, String> stringMap(YamlNode n) throws ConfigException {
    Map<String, String> out = new LinkedHashMap<>();
    for (var e : n.asMapping().entries()) out.put(e.key().text(), e.value().asScalar().text());
    return Collections.unmodifiableMap(out);
  }

  private static Set<String> stringSet(YamlNode n) throws ConfigException {
    Set<String> out = new LinkedHashSet<>();
    if (n instanceof YamlScalar s) {
      out.add(s.text());
    } else {
      for (YamlNode i : n.asSequence()) out.add(i.asScalar().text());
    }
    return Collections.unmodifiableSet(out);
  }

  private static Pattern pattern(YamlScalar s) throws ConfigException {
    try {
      return Pattern.compile(s.asString());
    } catch (PatternSyntaxException e) {
      throw s.error("invalid regex: " + e.getDescription());
    }
  }

  private static PromType promType(YamlScalar s) throws ConfigException {
    return switch (s.asString()) {
      case "untyped", "unknown" -> PromType.UNKNOWN;
      default -> {
        for (PromType t : PromType.values()) if (t.openMetricsName().equals(s.text())) yield t;
        throw s.error("unknown type \"" + s.text() + "\"; expected counter, gauge, histogram, summary, info, stateset, gaugehistogram or untyped");
      }
    };
  }

  /** The factor of {@code scale}: a number, or {@code {from: unit}} converted to {@code toUnit}. */
  private static double scale(YamlNode n, String toUnit) throws ConfigException {
    if (n instanceof YamlScalar s) {
      double v = s.asDouble();
      if (!(v > 0) || Double.isInfinite(v)) throw s.error("scale must be a positive number, not " + s.text());
      return v;
    }
    YamlMapping m = n.asMapping();
    m.checkKeys(List.of("from"));
    YamlScalar from = m.require("from").asScalar();
    double[] f = UNIT_BASE.get(from.asString());
    double[] t = UNIT_BASE.get(toUnit);
    if (f == null) throw from.error("cannot derive a scale from unit \"" + from.text() + "\"; give scale as a number");
    if (t == null || f[1] != t[1]) {
      throw from.error("cannot convert \"" + from.text() + "\" to the target unit \"" + toUnit + "\"");
    }
    return f[0] / t[0];
  }

  /** UCUM unit → {factor to its base unit, dimension}: time 0, bytes 1, ratio 2. */
  private static Map<String, double[]> unitBases() {
    Map<String, double[]> m = new HashMap<>();
    double[][] time = {{1e-9}, {1e-6}, {1e-3}, {1}, {60}, {3600}, {86400}};
    String[] timeUnits = {"ns", "us", "ms", "s", "min", "h", "d"};
    for (int i = 0; i < timeUnits.length; i++) m.put(timeUnits[i], new double[] {time[i][0], 0});
    String[] bytes = {"By", "KiBy", "MiBy", "GiBy", "TiBy", "KBy", "kBy", "MBy", "GBy", "TBy"};
    double[] bf = {1, 1024, 1048576, 1073741824, 1099511627776d, 1e3, 1e3, 1e6, 1e9, 1e12};
    for (int i = 0; i < bytes.length; i++) m.put(bytes[i], new double[] {bf[i], 1});
    m.put("1", new double[] {1, 2});
    m.put("%", new double[] {0.01, 2});
    return m;
  }

  private static AttributeValue plainValue(String text) {
    if (text.equals("true") || text.equals("false")) return new AttributeValue.BoolValue(Boolean.parseBoolean(text));
    if (text.matches("-?[0-9]{1,18}")) return new AttributeValue.LongValue(Long.parseLong(text));
    return AttributeValue.of(text);
  }

  private static YamlNode opt(YamlMapping m, String key) {
    return m.get(key).orElse(null);
  }

  private static String optText(YamlMapping m, String key, String dflt) throws ConfigException {
    YamlNode n = opt(m, key);
    return n == null ? dflt : n.asScalar().text();
  }

  private static String choice(YamlMapping m, String key, List<String> allowed, String dflt) throws ConfigException {
    if (m.get(key).isEmpty()) return dflt;
    YamlScalar s = m.get(key).get().asScalar();
    if (!allowed.contains(s.text())) {
      throw s.error("unknown " + key + " \"" + s.text() + "\"; expected " + String.join(", ", allowed));
    }
    return s.text();
  }

  private static String flatText(YamlNode n) throws ConfigException {
    if (n instanceof YamlScalar s) return s.text();
    StringBuilder sb = new StringBuilder();
    for (var e : n.asMapping().entries()) {
      if (sb.length() > 0) sb.append(", ");
      sb.append(e.key().text()).append(' ').append(flatText(e.value()));
    }
    return sb.toString();
  }
}
