package dev.promotel.lint.source;

import dev.promotel.format.SourcePosition;
import dev.promotel.lint.source.AlloyParser.Arr;
import dev.promotel.lint.source.AlloyParser.Attribute;
import dev.promotel.lint.source.AlloyParser.Block;
import dev.promotel.lint.source.AlloyParser.Field;
import dev.promotel.lint.source.AlloyParser.Num;
import dev.promotel.lint.source.AlloyParser.Obj;
import dev.promotel.lint.source.AlloyParser.Ref;
import dev.promotel.lint.source.AlloyParser.Statement;
import dev.promotel.lint.source.AlloyParser.Str;
import dev.promotel.lint.source.AlloyParser.Value;
import dev.promotel.lint.source.DerivedLabel.Origin;
import dev.promotel.lint.source.SignalGroup.Side;
import dev.promotel.yaml.ConfigException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows the label-relevant data flow of an Alloy file (alloy docs reference/components): from
 * each source ({@code loki.source.*}, {@code prometheus.scrape}) through its {@code targets}
 * ({@code discovery.relabel} chains, literal target lists, {@code discovery.*} as symbols) and its
 * {@code forward_to} list ({@code loki.relabel}, {@code loki.process} stages, {@code
 * prometheus.relabel}) to {@code loki.write}/{@code prometheus.remote_write} and their
 * {@code external_labels}. Each path from a source to a writer is one {@link SignalGroup}.
 * Components it does not evaluate (otelcol.*, anything unknown) and values it cannot know
 * (references, {@code sys.env(...)}) are reported as cfg/not-understood and become unknown
 * values, never guesses.
 *
 * <p>Example: {@code loki.source.kubernetes "pods" { targets = discovery.relabel.pods.output;
 * forward_to = [loki.write.default.receiver] }}.
 */
final class AlloyReader {
  /** Components that set no labels of their own or that only provide discovery symbols. */
  private static final Set<String> QUIET = Set.of("logging", "tracing", "http", "livedebugging", "remotecfg",
      "local.file_match", "import.file", "import.git", "import.http", "import.string", "argument", "export");

  private final String file;
  private final SourceModel model;
  private final Map<String, Block> components = new LinkedHashMap<>();
  private String[] lines = new String[0];

  private AlloyReader(String file, SourceModel model) {
    this.file = file;
    this.model = model;
  }

  /** A target list as far as it is known: rules to apply in order, static labels, whether discovery feeds it. */
  private record Targets(List<RelabelRule> rules, Map<String, DerivedLabel> labels, boolean discovery) {}

  static void read(String file, String text, SourceModel model) throws ConfigException {
    List<Statement> statements = AlloyParser.parse(file, text);
    AlloyReader r = new AlloyReader(file, model);
    r.lines = text.split("\r?\n|\r", -1);
    for (Statement s : statements) {
      if (s instanceof Block b) r.components.put(b.label().isEmpty() ? b.name() : b.name() + "." + b.label(), b);
    }
    for (Block b : r.components.values()) r.component(b);
  }

  private void component(Block b) throws ConfigException {
    String type = b.name();
    if (type.startsWith("loki.source.")) {
      logSource(b);
    } else if (type.equals("prometheus.scrape")) {
      scrape(b);
    } else if (type.equals("loki.write") || type.equals("prometheus.remote_write")) {
      Map<String, DerivedLabel> ext = externalLabels(b, type);
      if (!ext.isEmpty()) {
        model.external.add(new SourceModel.ExternalLabels(type.startsWith("loki") ? Side.LOGS : Side.METRICS, file,
            type + " external_labels", ext));
      }
    } else if (type.equals("discovery.relabel")) {
      List<RelabelRule> rules = new ArrayList<>();
      for (Block rule : b.blocks("rule")) rules.add(rule(rule));
      // discovery.relabel may feed prometheus.scrape (UTF-8 names allowed), so only __ targets are checked.
      TargetChecks.check(rules, false, type + " " + b.label(), model);
    } else if (type.equals("loki.relabel") || type.equals("prometheus.relabel") || type.equals("loki.process")
        || type.startsWith("discovery.") || QUIET.contains(type)) {
      // Evaluated when a source's path reaches them, or they only provide discovery labels.
    } else {
      model.report(Rules.NOT_UNDERSTOOD, b.at(), type,
          type + " \"" + b.label() + "\" is not evaluated by promotel lint: labels it sets or changes are not checked; "
              + "check them by hand or suppress this note");
    }
  }

  private void logSource(Block b) throws ConfigException {
    Targets t = targets(b);
    RelabelEvaluator ev = new RelabelEvaluator(t.discovery());
    t.labels().values().forEach(ev::set);
    ev.apply(t.rules(), "discovery.relabel");
    if (ev.dropped()) return;
    if (b.name().equals("loki.source.kubernetes") && !ev.labels().containsKey("instance")) {
      ev.set(new DerivedLabel("instance", new LabelValue(List.of(
          new LabelValue.Symbol("__meta_kubernetes_namespace", Optional.empty()), new LabelValue.Literal("/"),
          new LabelValue.Symbol("__meta_kubernetes_pod_name", Optional.empty()), new LabelValue.Literal(":"),
          new LabelValue.Symbol("__meta_kubernetes_pod_container_name", Optional.empty()))), b.at(),
          "loki.source.kubernetes default instance", Origin.IMPLICIT));
    }
    if (b.name().equals("loki.source.file") && ev.labels().containsKey("__path__")) {
      ev.set(new DerivedLabel("filename", LabelValue.symbol("path of the tailed file"), ev.labels().get("__path__").at(),
          "loki.source.file adds filename", Origin.IMPLICIT));
    }
    ev.finish();
    Optional<Attribute> forward = b.attribute("forward_to");
    String where = b.name() + " \"" + b.label() + "\"";
    if (forward.isEmpty()) return;
    follow(forward.get().value(), ev, new SignalGroup(Side.LOGS, SourceKind.ALLOY, where, file, b.at()),
        new HashSet<>(), where);
  }

  private void scrape(Block b) throws ConfigException {
    Targets t = targets(b);
    RelabelEvaluator ev = new RelabelEvaluator(t.discovery());
    String id = "prometheus.scrape." + b.label();
    Optional<Attribute> jobName = b.attribute("job_name");
    LabelValue job = jobName.map(a -> value(a.value())).orElse(LabelValue.literal(id));
    ev.set(new DerivedLabel("job", job, jobName.map(Attribute::at).orElse(b.at()), "job_name", Origin.TARGET));
    t.labels().values().forEach(ev::set);
    ev.apply(t.rules(), "discovery.relabel");
    if (ev.dropped()) return;
    DerivedLabel a = ev.labels().get("__address__");
    if (!ev.labels().containsKey("instance")) {
      ev.set(a != null ? a.renamed("instance", a.at(), "instance from __address__")
          : new DerivedLabel("instance", LabelValue.symbol("__address__"), b.at(), "instance from __address__", Origin.TARGET));
    }
    ev.finish();
    SignalGroup g = new SignalGroup(Side.METRICS, SourceKind.ALLOY, "prometheus.scrape \"" + b.label() + "\"", file, b.at());
    g.honorLabels = b.attribute("honor_labels").map(x -> x.value() instanceof AlloyParser.Bool v && v.value()).orElse(false);
    Optional<Attribute> forward = b.attribute("forward_to");
    if (forward.isEmpty()) {
      ev.into(g);
      model.groups.add(g);
      return;
    }
    follow(forward.get().value(), ev, g, new HashSet<>(), g.name);
  }

  /** Walks forward_to; each writer reached (or a dead end) completes a copy of the group. */
  private void follow(Value forwardTo, RelabelEvaluator upstream, SignalGroup proto, Set<String> seen, String where)
      throws ConfigException {
    List<Value> receivers = forwardTo instanceof Arr arr ? arr.items() : List.of(forwardTo);
    for (Value v : receivers) {
      if (!(v instanceof Ref ref)) {
        notUnderstood(v.at(), "forward_to entry", "a forward_to entry that is not a component reference");
        continue;
      }
      String path = ref.path();
      String componentId = path.endsWith(".receiver") ? path.substring(0, path.length() - ".receiver".length()) : path;
      Block c = components.get(componentId);
      RelabelEvaluator ev = copy(upstream);
      if (c == null || !seen.add(componentId)) {
        if (c == null) notUnderstood(ref.at(), path, path + " is not a component of this file; labels after it are not checked");
        finishGroup(ev, proto);
        continue;
      }
      switch (c.name()) {
        case "loki.relabel", "prometheus.relabel" -> {
          List<RelabelRule> rules = new ArrayList<>();
          for (Block r : c.blocks("rule")) rules.add(rule(r));
          TargetChecks.check(rules, c.name().startsWith("loki"), c.name() + " " + c.label(), model);
          ev.apply(rules, c.name());
          ev.finish();
          Optional<Attribute> next = c.attribute("forward_to");
          if (next.isPresent()) follow(next.get().value(), ev, proto, seen, where);
          else finishGroup(ev, proto);
        }
        case "loki.process" -> {
          stages(c.body(), ev, proto);
          Optional<Attribute> next = c.attribute("forward_to");
          if (next.isPresent()) follow(next.get().value(), ev, proto, seen, where);
          else finishGroup(ev, proto);
        }
        case "loki.write", "prometheus.remote_write" -> {
          for (DerivedLabel e : externalLabels(c, c.name()).values()) ev.labels().putIfAbsent(e.name(), e);
          finishGroup(ev, proto);
        }
        default -> finishGroup(ev, proto);
      }
      seen.remove(componentId);
    }
  }

  private void finishGroup(RelabelEvaluator ev, SignalGroup proto) {
    SignalGroup g = new SignalGroup(proto.side, proto.kind, proto.name, proto.file, proto.at);
    g.honorLabels = proto.honorLabels;
    g.extracted.addAll(proto.extracted);
    ev.into(g);
    model.groups.add(g);
  }

  private static RelabelEvaluator copy(RelabelEvaluator from) {
    RelabelEvaluator ev = new RelabelEvaluator(false);
    from.labels().values().forEach(ev::set);
    ev.drops().addAll(from.drops());
    ev.open().addAll(from.open());
    return ev;
  }

  private void stages(List<Statement> body, RelabelEvaluator ev, SignalGroup proto) throws ConfigException {
    for (Statement s : body) {
      if (!(s instanceof Block stage)) continue;
      switch (stage.name()) {
        case "stage.labels" -> {
          for (Field f : objectFields(stage, "values")) {
            String field = f.value() instanceof Str str && !str.text().isEmpty() ? str.text() : f.name();
            ev.set(new DerivedLabel(f.name(), LabelValue.symbol("extracted field " + field), f.at(), "stage.labels",
                Origin.STAGE));
            proto.extracted.add(f.name());
          }
        }
        case "stage.static_labels" -> {
          for (Field f : objectFields(stage, "values")) {
            ev.set(new DerivedLabel(f.name(), value(f.value()), f.at(), "stage.static_labels", Origin.STAGE));
          }
        }
        case "stage.label_drop" -> {
          for (Value v : arrayItems(stage, "values")) {
            if (v instanceof Str str) ev.dropLabel(str.text(), v.at(), "stage.label_drop");
          }
        }
        case "stage.label_keep" -> {
          Set<String> keep = new HashSet<>();
          List<Value> items = arrayItems(stage, "values");
          for (Value v : items) if (v instanceof Str str) keep.add(str.text());
          SourcePosition at = stage.attribute("values").map(Attribute::at).orElse(stage.at());
          for (String name : new ArrayList<>(ev.labels().keySet())) {
            if (!keep.contains(name)) ev.dropLabel(name, at, "stage.label_keep");
          }
        }
        case "stage.cri", "stage.docker" -> ev.set(new DerivedLabel("stream",
            LabelValue.symbol("stream (stdout or stderr)"), stage.at(), stage.name() + " sets stream", Origin.IMPLICIT));
        case "stage.match" -> {
          boolean drop = stage.attribute("action").map(a -> a.value() instanceof Str str && str.text().equals("drop"))
              .orElse(false);
          if (!drop) stages(stage.body(), ev, proto);
        }
        default -> { } // stage.regex, stage.json, stage.logfmt, stage.timestamp, ...: no labels of their own.
      }
    }
  }

  private Targets targets(Block b) throws ConfigException {
    Optional<Attribute> t = b.attribute("targets");
    if (t.isEmpty()) return new Targets(List.of(), Map.of(), false);
    return targets(t.get().value(), new HashSet<>());
  }

  private Targets targets(Value v, Set<String> seen) throws ConfigException {
    if (v instanceof Arr arr) {
      Map<String, DerivedLabel> labels = new LinkedHashMap<>();
      if (arr.items().size() == 1 && arr.items().get(0) instanceof Obj o) {
        for (Field f : o.fields()) {
          labels.put(f.name(), new DerivedLabel(f.name(), value(f.value()), f.at(), "targets", Origin.TARGET));
        }
        return new Targets(List.of(), labels, false);
      }
      // Several literal targets: their common labels are not tracked one by one.
      return new Targets(List.of(), labels, true);
    }
    if (v instanceof Ref ref) {
      String path = ref.path();
      int dot = path.lastIndexOf('.');
      String componentId = dot > 0 ? path.substring(0, dot) : path;
      Block c = components.get(componentId);
      if (c != null && c.name().equals("discovery.relabel") && seen.add(componentId)) {
        Targets upstream = c.attribute("targets").isPresent()
            ? targets(c.attribute("targets").get().value(), seen) : new Targets(List.of(), Map.of(), true);
        List<RelabelRule> rules = new ArrayList<>(upstream.rules());
        for (Block r : c.blocks("rule")) rules.add(rule(r));
        return new Targets(rules, upstream.labels(), upstream.discovery());
      }
      if (c != null && c.name().startsWith("discovery.")) return new Targets(List.of(), Map.of(), true);
      if (c != null && c.name().equals("local.file_match")) return targets(c.attribute("path_targets")
          .map(Attribute::value).orElse(new Arr(List.of(), c.at())), seen);
      notUnderstood(ref.at(), path, "targets from " + path + " are not evaluated; their labels are unknown");
      return new Targets(List.of(), Map.of(), true);
    }
    notUnderstood(v.at(), "targets", "a targets expression promotel does not evaluate; its labels are unknown");
    return new Targets(List.of(), Map.of(), true);
  }

  private Map<String, DerivedLabel> externalLabels(Block b, String type) throws ConfigException {
    Map<String, DerivedLabel> ext = new LinkedHashMap<>();
    for (Field f : objectFields(b, "external_labels")) {
      ext.put(f.name(), new DerivedLabel(f.name(), value(f.value()), f.at(), type + " external_labels", Origin.EXTERNAL));
    }
    return ext;
  }

  private List<Field> objectFields(Block b, String attr) throws ConfigException {
    Optional<Attribute> a = b.attribute(attr);
    if (a.isEmpty()) return List.of();
    if (a.get().value() instanceof Obj o) return o.fields();
    notUnderstood(a.get().at(), attr, attr + " is not a literal object; its labels are unknown");
    return List.of();
  }

  private List<Value> arrayItems(Block b, String attr) throws ConfigException {
    Optional<Attribute> a = b.attribute(attr);
    if (a.isEmpty()) return List.of();
    if (a.get().value() instanceof Arr arr) return arr.items();
    notUnderstood(a.get().at(), attr, attr + " is not a literal array; it is not evaluated");
    return List.of();
  }

  /** A label value: a string literal, or unknown (a reference or a call, e.g. sys.env). */
  private LabelValue value(Value v) {
    if (v instanceof Str s) return LabelValue.literal(s.text());
    if (v instanceof Num n) return LabelValue.literal(n.text());
    if (v instanceof AlloyParser.Bool b) return LabelValue.literal(Boolean.toString(b.value()));
    String text = v instanceof Ref r ? r.path() : v instanceof AlloyParser.Opaque o ? o.text() : "expression";
    notUnderstood(v.at(), text, "the value " + text + " is only known at run time; rules that need it say \"cannot verify\"");
    return LabelValue.unknown(text);
  }

  private void notUnderstood(SourcePosition at, String subject, String message) {
    model.report(Rules.NOT_UNDERSTOOD, at, subject, message);
  }

  /** A positioned error with its source line, like the YAML readers' errors. */
  private ConfigException error(SourcePosition at, String reason) {
    String line = at.line() >= 1 && at.line() <= lines.length ? lines[(int) at.line() - 1] : "";
    return new ConfigException(at, reason, line);
  }

  private RelabelRule rule(Block r) throws ConfigException {
    List<String> sources = new ArrayList<>();
    Optional<Attribute> src = r.attribute("source_labels");
    if (src.isPresent() && src.get().value() instanceof Arr arr) {
      for (Value v : arr.items()) if (v instanceof Str s) sources.add(s.text());
    }
    String action = str(r, "action").orElse("replace").toLowerCase(java.util.Locale.ROOT);
    if (!RelabelRule.ACTIONS.contains(action)) {
      SourcePosition at = r.attribute("action").map(a -> a.value().at()).orElse(r.at());
      throw error(at, "unknown relabel action \"" + action + "\"");
    }
    Optional<Attribute> target = r.attribute("target_label");
    SourcePosition regexAt = r.attribute("regex").map(a -> a.value().at()).orElse(r.at());
    long modulus = 0;
    Optional<Attribute> mod = r.attribute("modulus");
    if (mod.isPresent()) {
      try {
        modulus = Long.parseLong(mod.get().value() instanceof Num n ? n.text() : "");
      } catch (NumberFormatException e) {
        throw error(mod.get().value().at(), "expected an integer modulus");
      }
    }
    String regex = str(r, "regex").orElse("(.*)");
    String problem = RelabelRule.regexProblem(regex);
    if (problem != null) throw error(regexAt, "invalid regex \"" + regex + "\": " + problem);
    return new RelabelRule(action, sources, str(r, "separator").orElse(";"), regex,
        str(r, "target_label"), str(r, "replacement").orElse("$1"), modulus, r.at(),
        target.map(a -> a.value().at()).orElse(r.at()), regexAt);
  }

  private static Optional<String> str(Block b, String attr) {
    return b.attribute(attr).filter(a -> a.value() instanceof Str).map(a -> ((Str) a.value()).text());
  }
}
