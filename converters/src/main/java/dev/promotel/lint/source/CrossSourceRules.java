package dev.promotel.lint.source;

import dev.promotel.format.SourcePosition;
import dev.promotel.lint.DumpLabels;
import dev.promotel.lint.IdentityConfig;
import dev.promotel.lint.LintContext;
import dev.promotel.lint.RelatedLocation;
import dev.promotel.lint.RuleInfo;
import dev.promotel.lint.source.DerivedLabel.Origin;
import dev.promotel.lint.source.LabelValue.Symbol;
import dev.promotel.lint.source.SignalGroup.Side;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cross-source rules (specs/lint.md §6.6) and the cfg/* rules that need both sides. One
 * mismatch gives one finding: a name mismatch whose values are also aliases is reported once, as
 * xsrc/name-mismatch saying both; a missing label caused by an explicit drop is reported once, at
 * the drop, as xsrc/missing-identity-label (cfg/relabel-drops-identity then stays quiet about that
 * drop); labels that are external labels on both sides are left to xsrc/external-labels.
 *
 * <p>The primary location is the logs side (where a fix usually goes), the related one the metrics
 * side; when the logs side lacks the label, the primary location is where it drops it or the log
 * group itself.
 */
final class CrossSourceRules {
  private final SourceModel model;
  private final List<DumpLabels> dumps;
  private final IdentityConfig identity;
  private final Findings findings;

  CrossSourceRules(SourceModel model, List<DumpLabels> dumps, LintContext context, Findings findings) {
    this.model = model;
    this.dumps = dumps;
    this.identity = context.identity();
    this.findings = findings;
  }

  void run() {
    resolveImplicitLabels();
    List<SignalGroup> metrics = model.groups.stream().filter(g -> g.side == Side.METRICS).toList();
    List<SignalGroup> logs = model.groups.stream().filter(g -> g.side == Side.LOGS).toList();
    Map<SignalGroup, List<DumpLabels>> dumpsOf = joinDumps(metrics);
    List<SignalGroup> metricSides = new ArrayList<>(metrics);
    if (metrics.isEmpty()) metricSides.addAll(dumpGroups());
    externalLabels();
    for (SignalGroup l : logs) {
      for (SignalGroup m : metricSides) {
        if (!joined(m, l)) continue;
        compareIdentity(m, l);
        compareNames(m, dumpsOf.getOrDefault(m, List.of()), l);
      }
    }
    jobFormat();
    honorLabels(metrics, dumpsOf);
    drops();
  }

  // ---- preparation -------------------------------------------------------------------------

  /** Prometheus external labels on the jobs it scrapes, Loki's OTLP mapping and service_name discovery. */
  private void resolveImplicitLabels() {
    // A prometheus.yml's external labels belong to its own jobs; operator monitors are scraped by
    // "the" Prometheus, so they get the external labels only when exactly one prometheus.yml has some.
    List<SourceModel.ExternalLabels> promExternal = model.external.stream()
        .filter(e -> e.side() == Side.METRICS && e.how().equals("global.external_labels")).toList();
    for (SourceModel.ExternalLabels ext : promExternal) {
      for (SignalGroup g : model.groups) {
        boolean own = g.kind == SourceKind.PROMETHEUS && g.file.equals(ext.file());
        boolean operator = g.kind == SourceKind.PROMETHEUS_OPERATOR && promExternal.size() == 1;
        if (g.side != Side.METRICS || !(own || operator)) continue;
        for (DerivedLabel d : ext.labels().values()) g.labels.putIfAbsent(d.name(), d);
      }
    }
    Map<String, SourceModel.IndexRule> index = model.loki.map(SourceModel.LokiSettings::otlpIndexLabels)
        .orElseGet(LinkedHashMap::new);
    if (model.loki.isEmpty()) {
      for (String a : SourceModel.DEFAULT_OTLP_INDEX_ATTRIBUTES) index.put(a, new SourceModel.IndexRule("index_label", null));
    }
    List<String> discover = model.loki.map(SourceModel.LokiSettings::discoverServiceName)
        .orElse(SourceModel.DEFAULT_DISCOVER_SERVICE_NAME);
    for (SignalGroup g : model.groups) {
      if (g.side != Side.LOGS) continue;
      if (g.viaOtlp) {
        for (DerivedLabel r : g.resource.values()) {
          SourceModel.IndexRule rule = index.get(r.name());
          if (rule == null || !rule.action().equals("index_label")) continue;
          String name = Naming.labelName(r.name());
          g.labels.put(name, new DerivedLabel(name, r.value(), r.at(),
              "Loki otlp_config index label of resource attribute " + r.name(), Origin.IMPLICIT));
        }
        if (!g.labels.containsKey("service_name")) {
          DerivedLabel sn = g.resource.get("service.name");
          g.labels.put("service_name", new DerivedLabel("service_name",
              sn != null ? sn.value() : LabelValue.symbol("resource attribute service.name"), sn != null ? sn.at() : g.at,
              "Loki service_name from service.name", Origin.IMPLICIT));
        }
        continue;
      }
      if (g.labels.containsKey("service_name")) continue;
      for (String candidate : discover) {
        DerivedLabel from = g.labels.get(candidate);
        if (from == null) continue;
        g.labels.put("service_name", new DerivedLabel("service_name", from.value(), from.at(),
            "Loki discover_service_name from " + candidate, Origin.IMPLICIT));
        break;
      }
    }
  }

  /** Dumps as metrics groups, when no scrape config says which labels the metrics get. */
  private List<SignalGroup> dumpGroups() {
    List<SignalGroup> out = new ArrayList<>();
    for (DumpLabels d : dumps) {
      SourcePosition at = d.labels().values().stream().map(DumpLabels.LabelValues::firstSeen).findFirst()
          .orElse(SourcePosition.text(d.path(), 1, 1));
      SignalGroup g = new SignalGroup(Side.METRICS, SourceKind.PROMETHEUS, "dump " + d.path(), d.path(), at);
      for (DumpLabels.LabelValues v : d.labels().values()) {
        LabelValue value = v.values().size() == 1 && !v.truncated() ? LabelValue.literal(v.values().first())
            : LabelValue.unknown(v.values().size() + (v.truncated() ? "+" : "") + " values in the dump");
        g.labels.put(v.name(), new DerivedLabel(v.name(), value, v.firstSeen(), "in the dump", Origin.TARGET));
      }
      out.add(g);
    }
    return out;
  }

  private Map<SignalGroup, List<DumpLabels>> joinDumps(List<SignalGroup> metrics) {
    Map<SignalGroup, List<DumpLabels>> out = new LinkedHashMap<>();
    for (DumpLabels d : dumps) {
      Set<String> tokens = new HashSet<>();
      for (DumpLabels.LabelValues v : d.labels().values()) {
        if (isServiceKey(v.name())) v.values().forEach(x -> tokens.add("lit:" + lastSegment(x)));
      }
      String stem = Path.of(d.path()).getFileName().toString();
      if (stem.contains(".")) stem = stem.substring(0, stem.indexOf('.'));
      List<SignalGroup> matched = new ArrayList<>();
      for (SignalGroup g : metrics) {
        Set<String> gt = tokens(g);
        if (gt.stream().anyMatch(tokens::contains) || gt.contains("lit:" + stem)) matched.add(g);
      }
      if (matched.isEmpty()) matched.addAll(metrics);
      for (SignalGroup g : matched) out.computeIfAbsent(g, k -> new ArrayList<>()).add(d);
    }
    return out;
  }

  private boolean isServiceKey(String labelName) {
    return identity.logicalKey(labelName).filter("service"::equals).isPresent();
  }

  /** Service identity tokens: literal service values (last path segment) and the symbols they come from. */
  private Set<String> tokens(SignalGroup g) {
    Set<String> out = new HashSet<>();
    List<DerivedLabel> service = new ArrayList<>(ofKey(g, "service"));
    if (service.stream().noneMatch(d -> d.origin() == Origin.POSSIBLE)) service.addAll(possibleOfKey(g, "service"));
    for (DerivedLabel l : service) {
      l.value().concrete().ifPresent(c -> out.add("lit:" + lastSegment(c)));
      List<LabelValue.Part> parts = l.value().parts();
      if (!parts.isEmpty() && parts.get(parts.size() - 1) instanceof Symbol s) {
        out.add("sym:" + s.source());
        s.known().ifPresent(k -> out.add("lit:" + k));
      }
    }
    return out;
  }

  private static String lastSegment(String s) {
    return s.substring(s.lastIndexOf('/') + 1);
  }

  /**
   * Same service: a shared identity token, or the same Kubernetes discovery role whose pinned
   * values do not contradict each other (two "every pod" configs see the same pods).
   */
  private boolean joined(SignalGroup m, SignalGroup l) {
    Set<String> a = tokens(m);
    Set<String> b = tokens(l);
    for (String t : a) {
      if (b.contains(t)) return true;
    }
    if (m.kubernetesRole == null || !m.kubernetesRole.equals(l.kubernetesRole)) return false;
    for (Map.Entry<String, String> pin : m.pins.entrySet()) {
      String other = l.pins.get(pin.getKey());
      if (other != null && !other.equals(pin.getValue())) return false;
    }
    return true;
  }

  // ---- identity ----------------------------------------------------------------------------

  private void compareIdentity(SignalGroup m, SignalGroup l) {
    for (String key : identity.required()) {
      List<DerivedLabel> ml = withPossible(m, key);
      List<DerivedLabel> ll = withPossible(l, key);
      if (ml.isEmpty() && ll.isEmpty()) continue;
      if (ml.isEmpty() || ll.isEmpty()) {
        List<DerivedLabel> present = ml.isEmpty() ? ll : ml;
        if (present.stream().allMatch(d -> d.origin() == Origin.POSSIBLE)) continue;
        missing(key, ml.isEmpty() ? m : l, ml.isEmpty() ? ll.get(0) : ml.get(0), ml.isEmpty() ? l : m);
        continue;
      }
      List<DerivedLabel[]> pairs = new ArrayList<>();
      for (DerivedLabel a : ml) {
        for (DerivedLabel b : ll) if (a.name().equals(b.name())) pairs.add(new DerivedLabel[] {a, b});
      }
      if (pairs.isEmpty() && key.equals("service")) {
        // Grafana's Metrics Drilldown maps job to service_name itself (labelsCrossReference.ts).
        DerivedLabel job = m.labels.get("job");
        DerivedLabel sn = l.labels.get("service_name");
        if (job != null && sn != null) pairs.add(new DerivedLabel[] {job, sn});
      }
      boolean possible = ml.get(0).origin() == Origin.POSSIBLE || ll.get(0).origin() == Origin.POSSIBLE;
      if (pairs.isEmpty() && possible) {
        possibly(key, ml.get(0), ll.get(0), m, l);
        continue;
      }
      if (pairs.isEmpty()) {
        nameMismatch(key, ml.get(0), ll.get(0), m, l);
        continue;
      }
      // Pairs with a label a labelmap only may produce count as agreement when they name the same
      // source; they are "cannot verify" only when nothing else about the key could be compared.
      boolean agreed = false;
      boolean compared = false;
      DerivedLabel[] unverified = null;
      for (DerivedLabel[] p : pairs) {
        if (p[0].origin() == Origin.EXTERNAL && p[1].origin() == Origin.EXTERNAL) continue;
        if (p[0].origin() == Origin.POSSIBLE || p[1].origin() == Origin.POSSIBLE) {
          if (p[0].origin() == Origin.POSSIBLE && p[1].origin() == Origin.POSSIBLE) continue;
          if (p[0].value().symbols().equals(p[1].value().symbols())) agreed = true;
          else if (unverified == null) unverified = p;
          continue;
        }
        compared = true;
        compareValues(key, p[0], p[1], m, l);
      }
      if (!agreed && !compared && unverified != null) possibly(key, unverified[0], unverified[1], m, l);
    }
  }

  /**
   * The group's labels for one logical key. When it sets none explicitly but a labelmap copies
   * every pod label, the key's names are taken as possibly coming from there ({@code app ←
   * __meta_kubernetes_pod_label_app}), so a labelmap is not mistaken for a missing label.
   */
  private List<DerivedLabel> ofKey(SignalGroup g, String key) {
    List<DerivedLabel> out = new ArrayList<>();
    for (DerivedLabel d : g.labels.values()) {
      if (identity.logicalKey(d.name()).filter(key::equals).isPresent()) out.add(d);
    }
    return out.isEmpty() ? possibleOfKey(g, key) : out;
  }

  /** The explicit labels of the key first, then those a labelmap may add (explicit ones win pairing). */
  private List<DerivedLabel> withPossible(SignalGroup g, String key) {
    List<DerivedLabel> out = new ArrayList<>(ofKey(g, key));
    if (out.stream().noneMatch(d -> d.origin() == Origin.POSSIBLE)) out.addAll(possibleOfKey(g, key));
    return out;
  }

  /** The key's names a labelmap of every pod label may produce, for the names the group does not set. */
  private List<DerivedLabel> possibleOfKey(SignalGroup g, String key) {
    List<DerivedLabel> out = new ArrayList<>();
    if (g.open.isEmpty()) return out;
    List<String> names = new ArrayList<>(identity.aliases().getOrDefault(key, List.of()));
    if (!names.contains(key)) names.add(key);
    for (String name : names) {
      if (g.labels.containsKey(name)) continue;
      for (SignalGroup.OpenFamily f : g.open) f.possible(name).ifPresent(out::add);
    }
    return out;
  }

  /**
   * One side only may have the label (through a labelmap of every pod label): agreement is fine,
   * both possible is nothing to check, anything else cannot be verified.
   */
  private void possibly(String key, DerivedLabel ma, DerivedLabel la, SignalGroup m, SignalGroup l) {
    if (ma.origin() == Origin.POSSIBLE && la.origin() == Origin.POSSIBLE) return;
    DerivedLabel possible = ma.origin() == Origin.POSSIBLE ? ma : la;
    DerivedLabel definite = possible == ma ? la : ma;
    if (definite.value().symbols().equals(possible.value().symbols())) return;
    SignalGroup possibleSide = possible == ma ? m : l;
    findings.add(Rules.CANNOT_VERIFY, la.at(), la.name(),
        "cannot verify " + key + ": " + possibleSide.title() + " has no " + possible.name() + " label of its own and "
            + "would get one only from " + possible.how() + ", while the other side sets " + definite.name() + " = "
            + definite.value().describe() + "; set " + definite.name() + " explicitly on both sides",
        List.of(related(m, ma)));
  }

  private void missing(String key, SignalGroup lacking, DerivedLabel present, SignalGroup having) {
    Optional<SignalGroup.Drop> drop = lacking.drops.stream()
        .filter(d -> identity.logicalKey(d.label()).filter(key::equals).isPresent()).findFirst();
    List<RelatedLocation> related = List.of(new RelatedLocation(present.at(),
        having.title() + " sets " + present.name() + " = " + present.value().describe() + " (" + present.how() + ")"));
    String side = lacking.side.word();
    if (drop.isPresent()) {
      SignalGroup.Drop d = drop.get();
      findings.explain(d.at(), d.label());
      findings.add(Rules.MISSING_IDENTITY, d.at(), d.label(),
          d.how() + " in " + lacking.title() + " removes " + d.label() + ", which " + having.side.word()
              + " of the same service carry (" + present.name() + " = " + present.value().describe()
              + "); keep " + d.label() + " so Grafana can correlate " + having.side.word() + " and " + side,
          related);
      return;
    }
    findings.add(Rules.MISSING_IDENTITY, lacking.at, present.name(),
        lacking.title() + " has no " + key + " label, but " + having.side.word() + " of the same service carry "
            + present.name() + " = " + present.value().describe() + "; add " + present.name()
            + " to " + side + " with the same value (" + hint(present) + ")",
        related);
  }

  private static String hint(DerivedLabel present) {
    List<String> symbols = present.value().symbols();
    if (!symbols.isEmpty() && symbols.get(0).startsWith("__meta_")) return "e.g. a relabel rule from " + symbols.get(0);
    return "e.g. a static label or a relabel rule with replacement";
  }

  private void nameMismatch(String key, DerivedLabel ma, DerivedLabel la, SignalGroup m, SignalGroup l) {
    if (ma.origin() == Origin.EXTERNAL && la.origin() == Origin.EXTERNAL) return;
    Relation r = relation(key, ma.value(), la.value());
    String values = switch (r.kind) {
      case EQUAL -> " Their values agree (" + la.value().describe() + ").";
      case ALIAS -> " Their values differ too: " + ma.value().describe() + " and " + la.value().describe()
          + " are aliases of \"" + r.detail + "\"; use one spelling.";
      case FORMAT -> " Their values are also shaped differently: " + r.detail + ".";
      case DISJOINT -> " Their values differ too: " + ma.value().describe() + " vs " + la.value().describe() + ".";
      case DIVERGENT, UNKNOWN -> " Their values cannot be compared statically (" + r.detail + ").";
    };
    findings.add(Rules.NAME_MISMATCH, la.at(), la.name(),
        key + " is \"" + la.name() + "\" in " + l.title() + " but \"" + ma.name() + "\" in " + m.title()
            + ": Grafana only correlates labels of the same name; rename one side (identity key " + key + ")." + values,
        List.of(related(m, ma)));
  }

  private void compareValues(String key, DerivedLabel ma, DerivedLabel la, SignalGroup m, SignalGroup l) {
    Relation r = relation(key, ma.value(), la.value());
    String pair = ma.name().equals(la.name()) ? la.name() : ma.name() + " (metrics) and " + la.name() + " (logs)";
    List<RelatedLocation> rel = List.of(related(m, ma));
    switch (r.kind) {
      case EQUAL -> { }
      case ALIAS -> findings.add(Rules.VALUE_ALIAS, la.at(), la.name(),
          pair + " is " + la.value().describe() + " in logs but " + ma.value().describe() + " in metrics; both mean \""
              + r.detail + "\" (identity.valueAliases): use the same spelling on both sides", rel);
      case FORMAT -> findings.add(Rules.VALUE_FORMAT, la.at(), la.name(),
          pair + " values are shaped differently: " + r.detail + "; make both sides produce the same value "
              + "(Grafana matches values exactly)", rel);
      case DISJOINT -> findings.add(Rules.VALUE_DISJOINT, la.at(), la.name(),
          pair + " is " + la.value().describe() + " in logs but " + ma.value().describe()
              + " in metrics and no alias relates them; set the same value on both sides", rel);
      case DIVERGENT -> findings.add(Rules.K8S_DIVERGENT, la.at(), la.name(),
          pair + " comes from " + r.detail + "; derive it from the same discovery label on both sides", rel);
      case UNKNOWN -> findings.add(Rules.CANNOT_VERIFY, la.at(), la.name(),
          "cannot verify that the values of " + pair + " agree: " + r.detail
              + "; derive both from the same source, or suppress this note if they agree by construction", rel);
    }
  }

  private RelatedLocation related(SignalGroup g, DerivedLabel d) {
    return new RelatedLocation(d.at(), g.title() + " sets " + d.name() + " = " + d.value().describe() + " (" + d.how() + ")");
  }

  enum Kind { EQUAL, ALIAS, FORMAT, DISJOINT, DIVERGENT, UNKNOWN }

  record Relation(Kind kind, String detail) {}

  /** How two values of one identity key relate; only literal or symbol-for-symbol comparisons decide. */
  Relation relation(String key, LabelValue metrics, LabelValue logs) {
    Optional<String> a = metrics.concrete();
    Optional<String> b = logs.concrete();
    if (a.isPresent() && b.isPresent()) {
      String x = a.get();
      String y = b.get();
      if (x.equals(y)) return new Relation(Kind.EQUAL, x);
      String cx = identity.canonicalValue(key, x);
      if (cx.equals(identity.canonicalValue(key, y))) return new Relation(Kind.ALIAS, cx);
      if (x.equalsIgnoreCase(y) || x.endsWith("/" + y) || y.endsWith("/" + x)) {
        return new Relation(Kind.FORMAT, "\"" + x + "\" in metrics vs \"" + y + "\" in logs");
      }
      return new Relation(Kind.DISJOINT, "\"" + x + "\" vs \"" + y + "\"");
    }
    // A literal that cannot take the other side's shape at all: "kubernetes-pods" vs "<namespace>/<app>".
    if (a.isPresent() != b.isPresent()) {
      String literal = a.orElseGet(b::get);
      LabelValue template = a.isPresent() ? logs : metrics;
      if (!template.admits(literal)) {
        return new Relation(Kind.FORMAT, metrics.describe() + " in metrics vs " + logs.describe() + " in logs");
      }
    }
    if (metrics.hasUnknown() || logs.hasUnknown()) {
      return new Relation(Kind.UNKNOWN, "metrics " + metrics.describe() + ", logs " + logs.describe());
    }

    List<String> ms = metrics.symbols();
    List<String> ls = logs.symbols();
    if (!ms.isEmpty() && !ls.isEmpty()) {
      if (metrics.shape().equals(logs.shape())) return new Relation(Kind.EQUAL, metrics.shape());
      if (ms.get(ms.size() - 1).equals(ls.get(ls.size() - 1)) || ms.containsAll(ls) || ls.containsAll(ms)) {
        return new Relation(Kind.FORMAT, metrics.describe() + " in metrics vs " + logs.describe() + " in logs");
      }
      if (ms.size() == 1 && ls.size() == 1 && SymbolNames.isKubernetes(ms.get(0)) && SymbolNames.isKubernetes(ls.get(0))) {
        return new Relation(Kind.DIVERGENT, metrics.describe() + " in metrics but " + logs.describe() + " in logs");
      }
    }
    return new Relation(Kind.UNKNOWN, "metrics " + metrics.describe() + ", logs " + logs.describe());
  }

  // ---- identity.jobFormat ------------------------------------------------------------------

  /**
   * The configured shape of {@code job} ({@code "{namespace}/{service}"}): each group's job must
   * equal the format filled with the group's own values of those keys. A key the group lacks
   * leaves only the format's literal separators to compare ({@code "/"}).
   */
  private void jobFormat() {
    if (identity.jobFormat().isEmpty()) return;
    String format = identity.jobFormat().get();
    java.util.regex.Pattern placeholder = java.util.regex.Pattern.compile("\\{([a-zA-Z_]+)\\}");
    for (SignalGroup g : model.groups) {
      DerivedLabel job = g.labels.get("job");
      if (job == null || job.value().hasUnknown()) continue;
      java.util.regex.Matcher m = placeholder.matcher(format);
      List<LabelValue.Part> parts = new ArrayList<>();
      StringBuilder skeleton = new StringBuilder();
      boolean complete = true;
      int last = 0;
      while (m.find()) {
        parts.add(new LabelValue.Literal(format.substring(last, m.start())));
        skeleton.append(format, last, m.start());
        Optional<DerivedLabel> v = ofKey(g, m.group(1)).stream().filter(d -> !d.name().equals("job")).findFirst();
        if (v.isPresent()) parts.addAll(v.get().value().parts());
        else complete = false;
        last = m.end();
      }
      parts.add(new LabelValue.Literal(format.substring(last)));
      skeleton.append(format.substring(last));
      LabelValue expected = new LabelValue(parts);
      boolean ok;
      if (complete) {
        Optional<String> a = job.value().concrete();
        Optional<String> b = expected.concrete();
        ok = a.isPresent() && b.isPresent() ? a.get().equals(b.get()) : job.value().shape().equals(expected.shape());
        if (!ok && (a.isEmpty() || b.isEmpty()) && (job.value().hasUnknown() || expected.hasUnknown())) continue;
      } else {
        String literal = String.join("", job.value().parts().stream()
            .map(p -> p instanceof LabelValue.Literal l ? l.text() : "").toList());
        ok = literal.chars().filter(c -> skeleton.indexOf(String.valueOf((char) c)) >= 0).count()
            == skeleton.length();
      }
      if (ok) continue;
      findings.add(Rules.VALUE_FORMAT, job.at(), "job",
          "job of " + g.title() + " is " + job.value().describe() + ", but identity.jobFormat expects \"" + format + "\""
              + (complete ? " (here " + expected.describe() + ")" : "") + "; build job in that shape on every side",
          List.of());
    }
  }

  // ---- names -------------------------------------------------------------------------------

  /** Non-identity labels spelled differently on the two sides (statusCode vs status_code). */
  private void compareNames(SignalGroup m, List<DumpLabels> joinedDumps, SignalGroup l) {
    Map<String, RelatedLocation> metricNames = new LinkedHashMap<>();
    for (DerivedLabel d : m.labels.values()) metricNames.putIfAbsent(d.name(), related(m, d));
    for (DumpLabels d : joinedDumps) {
      for (DumpLabels.LabelValues v : d.labels().values()) {
        metricNames.putIfAbsent(v.name(), new RelatedLocation(v.firstSeen(), "the metrics dump " + d.path()
            + " has " + v.name() + " (" + v.values().size() + (v.truncated() ? "+" : "") + " values)"));
      }
    }
    for (DerivedLabel ld : l.labels.values()) {
      if (identity.logicalKey(ld.name()).isPresent() || metricNames.containsKey(ld.name())) continue;
      for (Map.Entry<String, RelatedLocation> e : metricNames.entrySet()) {
        String mn = e.getKey();
        if (identity.logicalKey(mn).isPresent() || !Naming.folded(mn).equals(Naming.folded(ld.name()))) continue;
        findings.add(Rules.NAME_MISMATCH, ld.at(), ld.name(),
            "\"" + ld.name() + "\" in " + l.title() + " is \"" + mn + "\" in the metrics of the same service: "
                + "Grafana only carries labels of the same name between metrics and logs; rename it to \"" + mn + "\"",
            List.of(e.getValue()));
      }
    }
  }

  // ---- external labels ---------------------------------------------------------------------

  private void externalLabels() {
    for (SourceModel.ExternalLabels me : model.external) {
      if (me.side() != Side.METRICS) continue;
      for (SourceModel.ExternalLabels le : model.external) {
        if (le.side() != Side.LOGS) continue;
        for (DerivedLabel a : me.labels().values()) {
          for (DerivedLabel b : le.labels().values()) {
            boolean sameName = a.name().equals(b.name());
            Optional<String> ka = identity.logicalKey(a.name());
            boolean sameConcept = sameName || Naming.folded(a.name()).equals(Naming.folded(b.name()))
                || (ka.isPresent() && ka.equals(identity.logicalKey(b.name())));
            if (!sameConcept) continue;
            Relation r = relation(ka.orElse(a.name()), a.value(), b.value());
            if (sameName && (r.kind == Kind.UNKNOWN || r.kind == Kind.DIVERGENT)) {
              findings.add(Rules.CANNOT_VERIFY, b.at(), b.name(),
                  "cannot verify that the external label " + b.name() + " of " + le.how() + " agrees with "
                      + me.how() + ": " + r.detail + " (known only at run time); suppress this note if they agree by construction",
                  List.of(new RelatedLocation(a.at(), me.how() + " sets " + a.name() + " = " + a.value().describe())));
              continue;
            }
            if (r.kind == Kind.UNKNOWN || r.kind == Kind.DIVERGENT) r = new Relation(Kind.EQUAL, r.detail);
            if (sameName && r.kind == Kind.EQUAL) continue;
            String what = sameName ? "" : "are named differently (\"" + a.name() + "\" vs \"" + b.name() + "\")"
                + (r.kind == Kind.EQUAL ? "" : " and ");
            String values = r.kind == Kind.EQUAL ? "" : "have different values (" + a.value().describe() + " vs "
                + b.value().describe() + (r.kind == Kind.ALIAS ? ", aliases of \"" + r.detail + "\"" : "") + ")";
            findings.add(Rules.EXTERNAL_LABELS, b.at(), b.name(),
                "the external labels of " + le.how() + " (" + le.file() + ") and " + me.how() + " (" + me.file() + ") "
                    + what + values + "; use the same name and value so logs and metrics of this cluster correlate",
                List.of(new RelatedLocation(a.at(), me.how() + " sets " + a.name() + " = " + a.value().describe())));
          }
        }
      }
    }
  }

  // ---- cfg/* -------------------------------------------------------------------------------

  private void honorLabels(List<SignalGroup> metrics, Map<SignalGroup, List<DumpLabels>> dumpsOf) {
    for (SignalGroup g : metrics) {
      if (g.honorLabels || g.kind == SourceKind.OTELCOL) continue;
      for (DumpLabels d : dumpsOf.getOrDefault(g, List.of())) {
        for (DumpLabels.LabelValues v : d.labels().values()) {
          DerivedLabel set = g.labels.get(v.name());
          if (set == null || set.origin() == Origin.EXTERNAL) continue;
          findings.add(Rules.HONOR_LABELS_COLLISION, v.firstSeen(), v.name(),
              d.path() + " exposes " + v.name() + ", which " + g.title() + " also sets (" + set.how()
                  + "); with honor_labels false Prometheus keeps the target's value and renames the exposed one to exported_"
                  + v.name() + ". Rename or drop it in the exporter (or metric_relabel_configs), or set honor_labels: true "
                  + "if the exposed value should win",
              List.of(related(g, set)));
        }
      }
    }
  }

  private void drops() {
    for (SignalGroup g : model.groups) {
      for (SignalGroup.Drop d : g.drops) {
        Optional<String> key = identity.logicalKey(d.label());
        if (key.isEmpty() || !identity.required().contains(key.get()) || findings.explained(d.at(), d.label())) continue;
        if (!ofKey(g, key.get()).isEmpty()) continue;
        RuleInfo rule = Rules.RELABEL_DROPS_IDENTITY;
        findings.add(rule, d.at(), d.label(),
            d.how() + " in " + g.title() + " removes " + d.label() + " (" + d.removed().value().describe()
                + "), an identity label (" + key.get() + "): without it Grafana cannot match these " + g.side.word()
                + " to the other signals of the service; keep it",
            List.of(new RelatedLocation(d.removed().at(), d.label() + " is set here (" + d.removed().how() + ")")));
      }
    }
  }
}
