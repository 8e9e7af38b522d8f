package dev.promotel.lint.source;

import dev.promotel.lint.source.DerivedLabel.Origin;
import dev.promotel.lint.source.SignalGroup.Side;
import dev.promotel.yaml.ConfigException;
import dev.promotel.yaml.YamlMapping;
import dev.promotel.yaml.YamlNode;
import dev.promotel.yaml.YamlScalar;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code prometheus.yml} (prometheus docs configuration.md): {@code global.external_labels},
 * and per {@code scrape_configs[]} entry the labels its targets end with: {@code job} from
 * {@code job_name}, {@code static_configs[].labels}, {@code relabel_configs}, then {@code instance}
 * from {@code __address__}, then {@code metric_relabel_configs} (and the {@code write_relabel_configs}
 * of the only {@code remote_write}, if there is exactly one); {@code honor_labels} is kept for
 * cfg/honor-labels-collision. A static scrape config gives one group per {@code static_configs}
 * entry; one with service discovery gives one group whose discovered values are symbols.
 *
 * <p>Example: {@code scrape_configs: [{job_name: node, static_configs: [{targets: [a:9100], labels: {env: prod}}]}]}.
 */
final class PrometheusConfigReader {
  private PrometheusConfigReader() {}

  static void read(String file, YamlNode root, SourceModel model) throws ConfigException {
    if (root instanceof YamlScalar s && s.isNull()) return;
    YamlMapping doc = root.asMapping();
    YamlMapping global = Yaml.mapping(doc, "global").orElse(null);
    boolean legacy = global != null && Yaml.string(global, "metric_name_validation_scheme").orElse("utf8").equals("legacy");
    if (global != null) {
      Map<String, DerivedLabel> ext = SourceModel.orderedMap();
      YamlMapping labels = Yaml.mapping(global, "external_labels").orElse(null);
      if (labels != null) {
        for (YamlMapping.Entry e : labels.entries()) {
          String name = e.key().text();
          ext.put(name, new DerivedLabel(name, Values.literalOrEnv(e.value().asScalar().text()), e.value().position(),
              "global.external_labels", Origin.EXTERNAL));
        }
        model.external.add(new SourceModel.ExternalLabels(Side.METRICS, file, "global.external_labels", ext));
      }
    }
    // With one remote_write, its write_relabel_configs decide what the central store keeps; with
    // several, each store may differ and none is "the" metrics side, so they are left out.
    List<YamlNode> remoteWrites = Yaml.sequence(doc, "remote_write");
    List<RelabelRule> writeRelabel = remoteWrites.size() == 1
        ? RelabelRule.listFromYaml(Yaml.get(remoteWrites.get(0).asMapping(), "write_relabel_configs"), false)
        : List.of();
    TargetChecks.check(writeRelabel, legacy, "remote_write write_relabel_configs", model);
    int first = model.groups.size();
    for (YamlNode sc : Yaml.sequence(doc, "scrape_configs")) scrapeConfig(file, sc.asMapping(), legacy, model);
    if (writeRelabel.isEmpty()) return;
    for (SignalGroup g : model.groups.subList(first, model.groups.size())) {
      RelabelEvaluator ev = new RelabelEvaluator(false);
      g.labels.values().forEach(ev::set);
      ev.apply(writeRelabel, "remote_write write_relabel_configs");
      g.labels.clear();
      ev.into(g);
    }
  }

  private static void scrapeConfig(String file, YamlMapping sc, boolean legacy, SourceModel model) throws ConfigException {
    YamlScalar jobNode = sc.require("job_name").asScalar();
    String job = jobNode.asString();
    boolean honor = Yaml.bool(sc, "honor_labels", false);
    boolean discovery = sc.keys().stream().anyMatch(k -> k.endsWith("_sd_configs"));
    boolean scLegacy = Yaml.string(sc, "metric_name_validation_scheme").map("legacy"::equals).orElse(legacy);
    List<RelabelRule> relabel = RelabelRule.listFromYaml(Yaml.get(sc, "relabel_configs"), false);
    List<RelabelRule> metricRelabel = RelabelRule.listFromYaml(Yaml.get(sc, "metric_relabel_configs"), false);
    String where = "job " + job;
    TargetChecks.check(relabel, scLegacy, where + " relabel_configs", model);
    TargetChecks.check(metricRelabel, scLegacy, where + " metric_relabel_configs", model);
    List<YamlNode> statics = Yaml.sequence(sc, "static_configs");
    if (discovery || statics.isEmpty()) {
      group(file, sc, jobNode, job, honor, discovery, null, relabel, metricRelabel, model, where);
    }
    for (YamlNode st : statics) {
      group(file, sc, jobNode, job, honor, false, st.asMapping(), relabel, metricRelabel, model, where);
    }
  }

  private static void group(String file, YamlMapping sc, YamlScalar jobNode, String job, boolean honor,
      boolean discovery, YamlMapping staticConfig, List<RelabelRule> relabel, List<RelabelRule> metricRelabel,
      SourceModel model, String where) throws ConfigException {
    RelabelEvaluator ev = new RelabelEvaluator(discovery);
    if (discovery) ev.pinKubernetesNamespace(sc);
    ev.set(new DerivedLabel("job", LabelValue.literal(job), jobNode.position(), "job_name", Origin.TARGET));
    LabelValue address = LabelValue.symbol("__address__");
    SignalGroup g = new SignalGroup(Side.METRICS, SourceKind.PROMETHEUS, where, file, jobNode.position());
    if (staticConfig != null) {
      List<YamlNode> targets = Yaml.sequence(staticConfig, "targets");
      if (targets.size() == 1) address = LabelValue.literal(targets.get(0).asScalar().text());
      YamlMapping labels = Yaml.mapping(staticConfig, "labels").orElse(null);
      if (labels != null) {
        for (YamlMapping.Entry e : labels.entries()) {
          ev.set(new DerivedLabel(e.key().text(), LabelValue.literal(e.value().asScalar().text()), e.value().position(),
              "static_configs labels", Origin.TARGET));
        }
      }
    }
    ev.set(new DerivedLabel("__address__", address, jobNode.position(), "target address", Origin.TARGET));
    ev.apply(relabel, "relabel_configs");
    if (ev.dropped()) return;
    if (!ev.labels().containsKey("instance")) {
      DerivedLabel a = ev.labels().get("__address__");
      if (a != null) ev.set(a.renamed("instance", a.at(), "instance from __address__"));
    }
    ev.finish();
    ev.apply(metricRelabel, "metric_relabel_configs");
    ev.into(g);
    g.kubernetesRole = discovery ? KubernetesRole.of(sc) : null;
    g.honorLabels = honor;
    model.groups.add(g);
  }
}
