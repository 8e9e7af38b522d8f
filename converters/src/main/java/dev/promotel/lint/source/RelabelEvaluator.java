package dev.promotel.lint.source;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.promotel.format.SourcePosition;
import dev.promotel.lint.source.LabelValue.Literal;
import dev.promotel.lint.source.LabelValue.Part;
import dev.promotel.lint.source.LabelValue.Symbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.MatchResult;

/**
 * Applies relabel rules to a target's labels symbolically. Labels whose values are literal are
 * relabelled exactly (RE2, fully anchored, as Prometheus does); values that discovery provides are
 * {@link Symbol}s and flow through {@code replace} when the regex captures the whole value
 * ({@code (.*)}, {@code (.+)}), so {@code namespace ← __meta_kubernetes_namespace} yields
 * {@code <namespace>}. A {@code keep} whose regex is one literal pins the symbol for the rest of
 * the evaluation. Anything else becomes {@link LabelValue.Unknown}, never a guess.
 *
 * <p>Invariant: {@link #labels()} holds every label currently set, {@code __} ones included until
 * {@link #finish()} removes them.
 */
final class RelabelEvaluator {
  /** Regexes that pick the first non-empty of several ;-joined source labels. */
  private static final java.util.Set<String> COALESCE = java.util.Set.of("^;*([^;]+)(;.*)?$", ";*([^;]+)(;.*)?");

  private final Map<String, DerivedLabel> labels = new LinkedHashMap<>();
  private final Map<String, String> pins = new HashMap<>();
  private final boolean discovery;
  private final List<SignalGroup.Drop> drops = new ArrayList<>();
  private final List<SignalGroup.OpenFamily> open = new ArrayList<>();
  private boolean dropped;

  /** {@code discovery}: whether discovery provides {@code __meta_*} (or receiver {@code __journal_*}, ...) labels, read as symbols. */
  RelabelEvaluator(boolean discovery) {
    this.discovery = discovery;
  }

  Map<String, DerivedLabel> labels() {
    return labels;
  }

  List<SignalGroup.Drop> drops() {
    return drops;
  }

  List<SignalGroup.OpenFamily> open() {
    return open;
  }

  /** Whether a keep/drop rule certainly removes the whole target (its literal labels fail the rule). */
  boolean dropped() {
    return dropped;
  }

  void set(DerivedLabel label) {
    labels.put(label.name(), label);
  }

  /** The value of a label as a relabel rule reads it; absent is the empty string. */
  LabelValue read(String name) {
    DerivedLabel l = labels.get(name);
    if (l != null) return l.value();
    // Discovery and the log receivers provide __meta_*, __journal_*, __syslog_*, ... labels.
    if (discovery && name.startsWith("__") && !name.startsWith("__tmp")) {
      return new LabelValue(List.of(new Symbol(name, Optional.ofNullable(pins.get(name)))));
    }
    return LabelValue.literal("");
  }

  /**
   * Pins {@code __meta_kubernetes_namespace} when every {@code kubernetes_sd_configs} entry of a
   * scrape config watches the same single namespace ({@code namespaces: {names: [shop]}}).
   */
  void pinKubernetesNamespace(dev.promotel.yaml.YamlMapping scrapeConfig) throws dev.promotel.yaml.ConfigException {
    java.util.Set<String> names = new java.util.HashSet<>();
    List<dev.promotel.yaml.YamlNode> sds = Yaml.sequence(scrapeConfig, "kubernetes_sd_configs");
    for (dev.promotel.yaml.YamlNode sd : sds) {
      Optional<dev.promotel.yaml.YamlMapping> ns = Yaml.mapping(sd.asMapping(), "namespaces");
      List<dev.promotel.yaml.YamlNode> list = ns.isPresent() ? Yaml.sequence(ns.get(), "names") : List.of();
      if (list.size() != 1) return;
      names.add(list.get(0).asScalar().text());
    }
    if (!sds.isEmpty() && names.size() == 1) pin("__meta_kubernetes_namespace", names.iterator().next());
  }

  void apply(List<RelabelRule> rules, String how) {
    for (RelabelRule r : rules) apply(r, how);
  }

  void apply(RelabelRule r, String how) {
    Pattern regex;
    try {
      regex = Pattern.compile("^(?:" + r.regex() + ")$");
    } catch (PatternSyntaxException e) {
      return; // cfg rules report invalid regexes only as far as Prometheus would; here we just skip.
    }
    LabelValue in = joined(r);
    switch (r.action()) {
      case "replace" -> replace(r, regex, in, how);
      case "lowercase", "uppercase" -> r.target().ifPresent(t -> {
        boolean lower = r.action().equals("lowercase");
        LabelValue v = in.map(s -> lower ? LabelValue.lower(s) : s.toUpperCase(java.util.Locale.ROOT), r.action());
        setOrDelete(t, v, r, how + " " + r.action());
      });
      case "hashmod" -> r.target().ifPresent(t -> setOrDelete(t,
          LabelValue.unknown("hash of " + in.shape() + " mod " + r.modulus()), r, how + " hashmod"));
      case "keep", "drop" -> filter(r, regex, in);
      case "labelmap" -> labelmap(r, regex, how);
      case "labeldrop" -> removeNames(r, regex, true, how + " labeldrop");
      case "labelkeep" -> removeNames(r, regex, false, how + " labelkeep");
      default -> { } // keepequal/dropequal compare two labels per target: nothing static to learn.
    }
  }

  /** Removes the {@code __} labels, as Prometheus does after target relabelling. */
  void finish() {
    labels.keySet().removeIf(n -> n.startsWith("__"));
  }

  private LabelValue joined(RelabelRule r) {
    LabelValue v = new LabelValue(List.of());
    for (int i = 0; i < r.sources().size(); i++) {
      if (i > 0) v = v.concat(LabelValue.literal(r.separator()));
      v = v.concat(read(r.sources().get(i)));
    }
    return v;
  }

  private void replace(RelabelRule r, Pattern regex, LabelValue in, String how) {
    if (r.target().isEmpty()) return;
    String target = r.target().get();
    if (target.contains("$")) return; // a target computed from the value: which label is set is unknown.
    String what = how + (r.sources().isEmpty() ? " replace" : " replace from " + String.join(",", r.sources()));
    if (in.isLiteral()) {
      String value = in.concrete().orElse("");
      Matcher m = regex.matcher(value);
      if (!m.matches()) return;
      setOrDelete(target, LabelValue.literal(expand(r.replacement(), m)), r, what);
      return;
    }
    setOrDelete(target, substitute(r, in), r, what);
  }

  /** {@code replacement} over a symbolic value, when the regex captures all of it as $1. */
  private static LabelValue substitute(RelabelRule r, LabelValue in) {
    String re = r.regex();
    if (COALESCE.contains(re) && r.separator().equals(";") && r.replacement().matches("\\$\\{?1\\}?")
        && r.sources().size() > 1) {
      // The "first non-empty source label" idiom of Grafana's Kubernetes configs and alloy convert.
      return new LabelValue(List.of(new Symbol("first non-empty of(" + String.join(", ", r.sources()) + ")",
          Optional.empty())));
    }
    boolean whole = re.equals("(.*)") || re.equals("(.+)") || re.equals("(.*?)");
    boolean matchesAll = whole || re.equals(".*") || re.equals(".+");
    if (!r.replacement().contains("$")) {
      return matchesAll ? LabelValue.literal(r.replacement())
          : LabelValue.unknown("\"" + r.replacement() + "\" only where " + in.shape() + " matches " + re);
    }
    if (!whole) return LabelValue.unknown("regex " + re + " applied to " + in.shape());
    List<Part> out = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{?(\\w+)\\}?").matcher(r.replacement());
    int last = 0;
    while (m.find()) {
      out.add(new Literal(r.replacement().substring(last, m.start())));
      if (!m.group(1).equals("1")) return LabelValue.unknown("replacement " + r.replacement() + " of " + in.shape());
      out.addAll(in.parts());
      last = m.end();
    }
    out.add(new Literal(r.replacement().substring(last)));
    return new LabelValue(out);
  }

  /** Go's regexp Expand: $1, ${1}, $name, ${name}; a reference to a missing group is empty. */
  static String expand(String template, Matcher m) {
    StringBuilder out = new StringBuilder();
    java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\\$(\\$|\\{(\\w+)\\}|(\\w+))").matcher(template);
    int last = 0;
    while (refs.find()) {
      out.append(template, last, refs.start());
      MatchResult g = refs.toMatchResult();
      if (g.group(1).equals("$")) {
        out.append('$');
      } else {
        String ref = g.group(2) != null ? g.group(2) : g.group(3);
        out.append(group(m, ref));
      }
      last = refs.end();
    }
    out.append(template.substring(last));
    return out.toString();
  }

  private static String group(Matcher m, String ref) {
    try {
      String v = ref.chars().allMatch(Character::isDigit) ? m.group(Integer.parseInt(ref)) : m.group(ref);
      return v == null ? "" : v;
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      return "";
    }
  }

  private void setOrDelete(String target, LabelValue v, RelabelRule r, String how) {
    if (v.isEmpty()) {
      labels.remove(target);
      return;
    }
    labels.put(target, new DerivedLabel(target, v, r.targetAt(), how, DerivedLabel.Origin.TARGET));
  }

  private void filter(RelabelRule r, Pattern regex, LabelValue in) {
    boolean keep = r.action().equals("keep");
    if (in.isLiteral()) {
      boolean matches = regex.matcher(in.concrete().orElse("")).matches();
      if (matches != keep) dropped = true;
      return;
    }
    // keep with one literal on one symbol: the surviving targets have that value.
    if (keep && in.parts().size() == 1 && in.parts().get(0) instanceof Symbol s && isPlainLiteral(r.regex())) {
      pin(s.source(), r.regex());
    }
  }

  void pin(String source, String value) {
    pins.put(source, value);
    for (Map.Entry<String, DerivedLabel> e : labels.entrySet()) {
      List<Part> parts = new ArrayList<>();
      boolean changed = false;
      for (Part p : e.getValue().value().parts()) {
        if (p instanceof Symbol s && s.source().equals(source)) {
          parts.add(new Symbol(source, Optional.of(value)));
          changed = true;
        } else {
          parts.add(p);
        }
      }
      if (changed) e.setValue(e.getValue().withValue(new LabelValue(parts)));
    }
  }

  static boolean isPlainLiteral(String regex) {
    return !regex.isEmpty() && regex.chars().noneMatch(c -> "\\.+*?()|[]{}^$".indexOf(c) >= 0);
  }

  private void labelmap(RelabelRule r, Pattern regex, String how) {
    Map<String, DerivedLabel> added = new LinkedHashMap<>();
    for (DerivedLabel l : labels.values()) {
      Matcher m = regex.matcher(l.name());
      if (m.matches()) {
        String name = expand(r.replacement(), m);
        added.put(name, l.renamed(name, r.regexAt(), how + " labelmap from " + l.name()));
      }
    }
    labels.putAll(added);
    if (discovery && r.regex().startsWith("__meta_")) {
      int group = r.regex().indexOf('(');
      String prefix = group > 0 ? r.regex().substring(0, group) : r.regex();
      // "prefix(.+)" with "$1" maps the discovery label prefix+n to n; other shapes stay opaque.
      boolean simple = (r.regex().equals(prefix + "(.+)") || r.regex().equals(prefix + "(.*)"))
          && r.replacement().matches("\\$\\{?1\\}?");
      open.add(new SignalGroup.OpenFamily("every " + SymbolNames.describe(prefix + "*").replace("*", "")
          .trim() + " (labelmap " + r.regex() + ")", r.regexAt(), simple ? prefix : null));
    }
  }

  private void removeNames(RelabelRule r, Pattern regex, boolean dropMatching, String how) {
    for (Iterator<DerivedLabel> it = labels.values().iterator(); it.hasNext(); ) {
      DerivedLabel l = it.next();
      if (l.name().startsWith("__")) continue;
      if (regex.matcher(l.name()).matches() == dropMatching) {
        it.remove();
        drops.add(new SignalGroup.Drop(l.name(), r.regexAt(), how, l));
      }
    }
    if (!dropMatching) open.clear();
  }

  /** Drops (for label stages outside relabel rules: Promtail labeldrop/labelallow, Alloy stage.label_*). */
  void dropLabel(String name, SourcePosition at, String how) {
    DerivedLabel l = labels.remove(name);
    if (l != null) drops.add(new SignalGroup.Drop(name, at, how, l));
  }

  /** Fills a group with the evaluated labels, drops and open families. */
  void into(SignalGroup g) {
    g.pins.putAll(pins);
    g.labels.putAll(labels);
    g.drops.addAll(drops);
    g.open.addAll(open);
  }
}
