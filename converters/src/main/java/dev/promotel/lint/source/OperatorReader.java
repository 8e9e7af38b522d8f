package dev.promotel.lint.source;

import dev.promotel.format.SourcePosition;
import dev.promotel.lint.source.SignalGroup.Side;
import dev.promotel.yaml.ConfigException;
import dev.promotel.yaml.YamlMapping;
import dev.promotel.yaml.YamlNode;
import dev.promotel.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Prometheus Operator ServiceMonitor and PodMonitor resources (api.md; the relabelings the
 * operator generates in pkg/prometheus/promcfg.go). Per endpoint one METRICS group whose labels are
 * what the operator's generated scrape config yields: {@code namespace}, {@code pod}, {@code
 * container} (and {@code service} for a ServiceMonitor) from discovery; {@code targetLabels} from
 * Service labels and {@code podTargetLabels} from Pod labels; {@code job} = the Service name
 * (ServiceMonitor) or {@code <namespace>/<PodMonitor name>} (PodMonitor), or the value of the
 * {@code jobLabel} label; {@code endpoint} = the port name; then the endpoint's camelCase
 * {@code relabelings} and {@code metricRelabelings}. The selector's {@code matchLabels} and the
 * namespace selector (default: the monitor's own namespace) pin the discovery values they fix.
 *
 * <p>Example: {@code kind: ServiceMonitor, metadata: {namespace: shop}, spec: {jobLabel: app,
 * selector: {matchLabels: {app: payments}}, endpoints: [{port: http}]}} gives {@code job="payments"},
 * {@code namespace="shop"}.
 */
final class OperatorReader {
  private OperatorReader() {}

  static void read(String file, YamlNode root, SourceModel model) throws ConfigException {
    if (root instanceof YamlScalar s && s.isNull()) return;
    YamlMapping doc = root.asMapping();
    String kind = Yaml.string(doc, "kind").orElse("");
    if (kind.equals("List")) {
      for (YamlNode item : Yaml.sequence(doc, "items")) read(file, item, model);
      return;
    }
    boolean serviceMonitor = kind.equals("ServiceMonitor");
    if (!serviceMonitor && !kind.equals("PodMonitor")) return;
    YamlMapping meta = Yaml.mapping(doc, "metadata").orElseThrow(() -> doc.error("missing required key \"metadata\""));
    String name = Yaml.string(meta, "name").orElse("");
    Optional<YamlScalar> nsNode = Yaml.scalar(meta, "namespace");
    YamlMapping spec = doc.require("spec").asMapping();
    String endpointsKey = serviceMonitor ? "endpoints" : "podMetricsEndpoints";
    List<YamlNode> endpoints = Yaml.sequence(spec, endpointsKey);
    for (int i = 0; i < endpoints.size(); i++) {
      endpoint(file, kind, name, nsNode, spec, endpoints.get(i).asMapping(), i, serviceMonitor, model);
    }
  }

  private static void endpoint(String file, String kind, String name, Optional<YamlScalar> nsNode, YamlMapping spec,
      YamlMapping ep, int index, boolean serviceMonitor, SourceModel model) throws ConfigException {
    String where = kind + " " + nsNode.map(YamlScalar::text).map(n -> n + "/").orElse("") + name
        + " endpoint " + index;
    RelabelEvaluator ev = new RelabelEvaluator(true);
    String labelPrefix = serviceMonitor ? "__meta_kubernetes_service_label_" : "__meta_kubernetes_pod_label_";
    pinSelector(spec, labelPrefix, ev);
    pinNamespace(spec, nsNode, ev);
    SourcePosition epAt = ep.position();
    SourcePosition nsAt = nsNode.map(YamlNode::position).orElse(epAt);
    List<RelabelRule> generated = new ArrayList<>();
    generated.add(rule("__meta_kubernetes_namespace", "namespace", "(.*)", "$1", nsAt));
    if (serviceMonitor) generated.add(rule("__meta_kubernetes_service_name", "service", "(.*)", "$1", epAt));
    generated.add(rule("__meta_kubernetes_pod_name", "pod", "(.*)", "$1", epAt));
    generated.add(rule("__meta_kubernetes_pod_container_name", "container", "(.*)", "$1", epAt));
    if (serviceMonitor) {
      for (YamlNode l : Yaml.sequence(spec, "targetLabels")) {
        String label = sanitize(l.asScalar().text());
        generated.add(rule("__meta_kubernetes_service_label_" + label, label, "(.+)", "$1", l.position()));
      }
    }
    for (YamlNode l : Yaml.sequence(spec, "podTargetLabels")) {
      String label = sanitize(l.asScalar().text());
      generated.add(rule("__meta_kubernetes_pod_label_" + label, label, "(.+)", "$1", l.position()));
    }
    Optional<YamlScalar> jobLabel = Yaml.scalar(spec, "jobLabel");
    if (serviceMonitor) {
      generated.add(rule("__meta_kubernetes_service_name", "job", "(.*)", "$1", epAt));
    } else {
      generated.add(new RelabelRule("replace", List.of(), ";", "(.*)", Optional.of("job"),
          nsNode.map(YamlScalar::text).orElse("default") + "/" + name, 0, epAt, epAt, epAt));
    }
    if (jobLabel.isPresent()) {
      generated.add(rule(labelPrefix + sanitize(jobLabel.get().text()), "job", "(.+)", "$1", jobLabel.get().position()));
    }
    Optional<YamlScalar> port = Yaml.scalar(ep, "port");
    if (port.isPresent()) {
      generated.add(new RelabelRule("replace", List.of(), ";", "(.*)", Optional.of("endpoint"), port.get().text(), 0,
          port.get().position(), port.get().position(), port.get().position()));
    }
    ev.set(new DerivedLabel("__address__", LabelValue.symbol("__address__"), epAt, "target address",
        DerivedLabel.Origin.TARGET));
    ev.apply(generated, "operator default");
    List<RelabelRule> relabelings = RelabelRule.listFromYaml(Yaml.get(ep, "relabelings"), true);
    List<RelabelRule> metricRelabelings = RelabelRule.listFromYaml(Yaml.get(ep, "metricRelabelings"), true);
    TargetChecks.check(relabelings, false, where + " relabelings", model);
    TargetChecks.check(metricRelabelings, false, where + " metricRelabelings", model);
    ev.apply(relabelings, "relabelings");
    if (ev.dropped()) return;
    DerivedLabel a = ev.labels().get("__address__");
    if (!ev.labels().containsKey("instance") && a != null) ev.set(a.renamed("instance", a.at(), "instance from __address__"));
    ev.finish();
    ev.apply(metricRelabelings, "metricRelabelings");
    SignalGroup g = new SignalGroup(Side.METRICS, SourceKind.PROMETHEUS_OPERATOR, where, file, epAt);
    ev.into(g);
    g.kubernetesRole = serviceMonitor ? "endpoints" : "pod";
    g.honorLabels = Yaml.bool(ep, "honorLabels", false);
    model.groups.add(g);
  }

  private static void pinSelector(YamlMapping spec, String prefix, RelabelEvaluator ev) throws ConfigException {
    Optional<YamlMapping> selector = Yaml.mapping(spec, "selector");
    if (selector.isEmpty()) return;
    Optional<YamlMapping> match = Yaml.mapping(selector.get(), "matchLabels");
    if (match.isEmpty()) return;
    for (YamlMapping.Entry e : match.get().entries()) {
      ev.pin(prefix + sanitize(e.key().text()), e.value().asScalar().text());
    }
  }

  private static void pinNamespace(YamlMapping spec, Optional<YamlScalar> own, RelabelEvaluator ev)
      throws ConfigException {
    Optional<YamlMapping> sel = Yaml.mapping(spec, "namespaceSelector");
    if (sel.isEmpty()) {
      own.ifPresent(n -> ev.pin("__meta_kubernetes_namespace", n.text()));
      return;
    }
    if (Yaml.bool(sel.get(), "any", false)) return;
    List<YamlNode> names = Yaml.sequence(sel.get(), "matchNames");
    if (names.size() == 1) ev.pin("__meta_kubernetes_namespace", names.get(0).asScalar().text());
  }

  private static RelabelRule rule(String source, String target, String regex, String replacement, SourcePosition at) {
    return new RelabelRule("replace", List.of(source), ";", regex, Optional.of(target), replacement, 0, at, at, at);
  }

  /** The operator's label-name sanitising: every character outside [a-zA-Z0-9_] becomes _. */
  static String sanitize(String label) {
    return label.replaceAll("[^a-zA-Z0-9_]", "_");
  }
}
