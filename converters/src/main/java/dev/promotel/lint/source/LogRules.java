package dev.promotel.lint.source;

import dev.promotel.format.SourcePosition;
import dev.promotel.lint.LintContext;
import dev.promotel.lint.RelatedLocation;
import dev.promotel.lint.source.SignalGroup.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Loki rules of specs/lint.md §6.5 over the LOGS groups (after {@link CrossSourceRules} has
 * applied Loki's OTLP mapping and service_name discovery):
 * <ul>
 *   <li>logs/too-many-labels: more labels than {@code max_label_names_per_series}, or a labelmap
 *       that adds an open-ended set;
 *   <li>logs/dynamic-label: a label whose name or source is an ID, a duration, an address, a
 *       timestamp, a file path or a pod hash (options {@code denyNames}, {@code allowNames} add to
 *       and remove from the list). HTTP status codes are not flagged: they take tens of
 *       values, within Loki's guidance for dynamic labels (bp-labels.md), and flagging them would
 *       also double-report a status label spelled differently from the metrics' one;
 *   <li>logs/no-service-name: neither service_name nor a discover_service_name label;
 *   <li>logs/otlp-discouraged-index-label: Loki's otlp_config indexes k8s.pod.name or
 *       service.instance.id (only when the Loki config has an otlp_config or a Collector sends
 *       OTLP logs to it: without OTLP ingestion the defaults do nothing).
 * </ul>
 */
final class LogRules {
  /** Folded names (see {@link Naming#folded}) of labels that take a new value per request, pod or file. */
  private static final Set<String> DYNAMIC_NAMES = Set.of("traceid", "spanid", "requestid", "correlationid",
      "userid", "sessionid", "orderid", "poduid", "uid", "uuid", "filename", "filepath", "path", "podtemplatehash",
      "controllerrevisionhash", "ip", "clientip", "remoteaddr", "remoteip", "timestamp", "ts", "time", "duration",
      "latency", "elapsed", "pid", "thread", "threadid");
  private static final List<String> DYNAMIC_SUFFIXES = List.of("id", "ms", "seconds", "duration", "ip", "timestamp");
  private static final Set<String> DYNAMIC_SYMBOLS = Set.of("__meta_kubernetes_pod_uid",
      "__meta_kubernetes_pod_label_pod_template_hash", "__meta_kubernetes_pod_label_controller_revision_hash",
      "__meta_kubernetes_pod_ip", "path of the tailed file");
  private static final Set<String> ALLOWED_ID_LIKE = Set.of("cluster", "namespace", "service_name", "job", "app");

  private LogRules() {}

  static void run(SourceModel model, LintContext context, Findings findings) {
    int max = model.loki.map(SourceModel.LokiSettings::maxLabels).orElse(context.thresholds().lokiMaxLabels());
    Optional<SourcePosition> maxAt = model.loki.map(SourceModel.LokiSettings::maxLabelsAt);
    List<String> discover = model.loki.map(SourceModel.LokiSettings::discoverServiceName)
        .orElse(SourceModel.DEFAULT_DISCOVER_SERVICE_NAME);
    for (SignalGroup g : model.groups) {
      if (g.side != Side.LOGS) continue;
      tooMany(g, max, maxAt, findings);
      dynamic(g, dynamicOptions(context), findings);
      if (!g.labels.containsKey("service_name") && discover.stream().noneMatch(g.labels::containsKey)) {
        findings.add(Rules.NO_SERVICE_NAME, g.at, g.name,
            g.title() + " has no service_name and none of Loki's discover_service_name labels " + discover
                + ", so Loki files its streams under service_name=\"unknown_service\"; add service_name (or app)",
            List.of());
      }
    }
    boolean otlpSources = model.groups.stream().anyMatch(g -> g.viaOtlp);
    model.loki.filter(l -> l.otlpConfigured() || otlpSources).ifPresent(l -> {
      for (String attr : List.of("k8s.pod.name", "service.instance.id")) {
        SourceModel.IndexRule r = l.otlpIndexLabels().get(attr);
        if (r == null || !r.action().equals("index_label")) continue;
        SourcePosition at = r.at() != null ? r.at() : l.at();
        findings.add(Rules.OTLP_DISCOURAGED, at, attr,
            "Loki indexes the OTLP resource attribute " + attr + " as a stream label, which Loki no longer recommends "
                + "(one stream per pod/instance); add it to an attributes_config entry with action: structured_metadata",
            List.of());
      }
    });
  }

  private static void tooMany(SignalGroup g, int max, Optional<SourcePosition> maxAt, Findings findings) {
    List<RelatedLocation> related = new ArrayList<>();
    maxAt.ifPresent(at -> related.add(new RelatedLocation(at, "max_label_names_per_series = " + max)));
    if (!g.open.isEmpty()) {
      SignalGroup.OpenFamily f = g.open.get(0);
      findings.add(Rules.TOO_MANY_LABELS, f.at(), g.name,
          g.title() + " copies " + f.description() + " into stream labels: their number is not bounded, and Loki "
              + "rejects streams with more than " + max + " labels; map only the labels you need", related);
      return;
    }
    if (g.labels.size() > max) {
      findings.add(Rules.TOO_MANY_LABELS, g.at, g.name,
          g.title() + " gives its streams " + g.labels.size() + " labels " + g.labels.keySet() + ", more than Loki's "
              + "max_label_names_per_series (" + max + "); drop some or move them to structured metadata", related);
    }
  }

  /** {@code request_id}, {@code request.id}, {@code requestId}: the suffix as its own word. */
  private static boolean hasSuffix(String name, String suffix) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (lower.length() <= suffix.length() + 1) return false;
    char before = name.charAt(name.length() - suffix.length() - 1);
    String tail = name.substring(name.length() - suffix.length());
    boolean word = before == '_' || before == '.' || before == '-';
    boolean camel = Character.isLowerCase(before) && Character.isUpperCase(tail.charAt(0));
    return lower.endsWith(suffix) && (word || camel);
  }

  /** {@code rules: {logs/dynamic-label: {options: {denyNames: [...], allowNames: [...]}}}} of the lint config. */
  record DynamicOptions(Set<String> deny, Set<String> allow) {}

  static DynamicOptions dynamicOptions(LintContext context) {
    Set<String> deny = new java.util.HashSet<>();
    Set<String> allow = new java.util.HashSet<>();
    context.options(Rules.DYNAMIC_LABEL.id()).ifPresent(o -> {
      for (String key : List.of("denyNames", "allowNames")) {
        for (dev.promotel.yaml.YamlNode n : o.get(key).filter(v -> v instanceof dev.promotel.yaml.YamlSequence)
            .map(v -> ((dev.promotel.yaml.YamlSequence) v).items()).orElse(List.of())) {
          if (n instanceof dev.promotel.yaml.YamlScalar sc) (key.equals("denyNames") ? deny : allow).add(sc.text());
        }
      }
    });
    return new DynamicOptions(deny, allow);
  }

  private static void dynamic(SignalGroup g, DynamicOptions options, Findings findings) {
    for (DerivedLabel l : g.labels.values()) {
      if (ALLOWED_ID_LIKE.contains(l.name()) || options.allow().contains(l.name())) continue;
      String folded = Naming.folded(l.name());
      boolean byName = DYNAMIC_NAMES.contains(folded) || options.deny().contains(l.name())
          || DYNAMIC_SUFFIXES.stream().anyMatch(s -> hasSuffix(l.name(), s));
      boolean bySource = l.value().symbols().stream().anyMatch(DYNAMIC_SYMBOLS::contains);
      if (!byName && !bySource) continue;
      findings.add(Rules.DYNAMIC_LABEL, l.at(), l.name(),
          l.name() + " in " + g.title() + " (" + l.how() + ", " + l.value().describe() + ") takes a new value per "
              + "request, pod or file, and every value makes a new Loki stream; move it to structured_metadata "
              + "or drop it (labeldrop)",
          List.of());
    }
  }
}
