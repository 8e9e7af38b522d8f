package dev.promotel.lint.source;

import dev.promotel.format.SourcePosition;
import dev.promotel.lint.source.DerivedLabel.Origin;
import dev.promotel.lint.source.SignalGroup.Side;
import dev.promotel.yaml.ConfigException;
import dev.promotel.yaml.YamlMapping;
import dev.promotel.yaml.YamlNode;
import dev.promotel.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Promtail config (loki docs send-data/promtail/configuration.md and stages/*.md). Per
 * {@code scrape_configs[]} entry one LOGS group: static labels of {@code static_configs} and of
 * the push/journal/syslog/... receivers, {@code relabel_configs} (Prometheus grammar), the implicit
 * {@code filename} label of file targets ({@code __path__}), then {@code pipeline_stages}:
 * {@code labels} (promote an extracted field), {@code static_labels}, {@code labeldrop},
 * {@code labelallow}, {@code cri}/{@code docker} (the {@code stream} label) and {@code match}
 * (its nested stages are read as if the selector matched: the labels they set are possible, not
 * certain). Finally {@code clients[].external_labels} are added where the stream lacks them.
 *
 * <p>Example: {@code pipeline_stages: [{regex: {expression: '...'}}, {labels: {level: ""}}]}.
 */
final class PromtailReader {
  private static final List<String> TARGET_BLOCKS = List.of("journal", "syslog", "loki_push_api", "kafka", "gelf",
      "windows_events", "gcplog", "cloudflare", "heroku_drain", "azure_event_hubs");

  private PromtailReader() {}

  static void read(String file, YamlNode root, SourceModel model) throws ConfigException {
    if (root instanceof YamlScalar s && s.isNull()) return;
    YamlMapping doc = root.asMapping();
    Map<String, DerivedLabel> ext = SourceModel.orderedMap();
    List<YamlNode> clients = new ArrayList<>(Yaml.sequence(doc, "clients"));
    Yaml.get(doc, "client").ifPresent(clients::add);
    for (YamlNode c : clients) {
      YamlMapping labels = Yaml.mapping(c.asMapping(), "external_labels").orElse(null);
      if (labels == null) continue;
      for (YamlMapping.Entry e : labels.entries()) {
        ext.putIfAbsent(e.key().text(), new DerivedLabel(e.key().text(), Values.literalOrEnv(e.value().asScalar().text()),
            e.value().position(), "clients external_labels", Origin.EXTERNAL));
      }
    }
    if (!ext.isEmpty()) model.external.add(new SourceModel.ExternalLabels(Side.LOGS, file, "clients external_labels", ext));
    for (YamlNode sc : Yaml.sequence(doc, "scrape_configs")) scrapeConfig(file, sc.asMapping(), ext, model);
  }

  private static void scrapeConfig(String file, YamlMapping sc, Map<String, DerivedLabel> ext, SourceModel model)
      throws ConfigException {
    YamlScalar jobNode = sc.require("job_name").asScalar();
    String where = "job " + jobNode.text();
    boolean discovery = sc.keys().stream().anyMatch(k -> k.endsWith("_sd_configs"));
    RelabelEvaluator ev = new RelabelEvaluator(discovery || TARGET_BLOCKS.stream().anyMatch(sc.keys()::contains));
    if (discovery) ev.pinKubernetesNamespace(sc);
    for (YamlNode st : Yaml.sequence(sc, "static_configs")) {
      YamlMapping labels = Yaml.mapping(st.asMapping(), "labels").orElse(null);
      if (labels == null) continue;
      for (YamlMapping.Entry e : labels.entries()) {
        ev.set(new DerivedLabel(e.key().text(), Values.literalOrEnv(e.value().asScalar().text()), e.value().position(),
            "static_configs labels", Origin.TARGET));
      }
    }
    for (String block : TARGET_BLOCKS) {
      Optional<YamlMapping> b = Yaml.mapping(sc, block);
      if (b.isEmpty()) continue;
      YamlMapping labels = Yaml.mapping(b.get(), "labels").orElse(null);
      if (labels == null) continue;
      for (YamlMapping.Entry e : labels.entries()) {
        ev.set(new DerivedLabel(e.key().text(), Values.literalOrEnv(e.value().asScalar().text()), e.value().position(),
            block + " labels", Origin.TARGET));
      }
    }
    List<RelabelRule> relabel = RelabelRule.listFromYaml(Yaml.get(sc, "relabel_configs"), false);
    TargetChecks.check(relabel, true, where + " relabel_configs", model);
    ev.apply(relabel, "relabel_configs");
    if (ev.dropped()) return;
    DerivedLabel path = ev.labels().get("__path__");
    if (path != null) {
      ev.set(new DerivedLabel("filename", LabelValue.symbol("path of the tailed file"), path.at(),
          "Promtail adds filename to file targets", Origin.IMPLICIT));
    }
    ev.finish();
    SignalGroup g = new SignalGroup(Side.LOGS, SourceKind.PROMTAIL, where, file, jobNode.position());
    stages(Yaml.sequence(sc, "pipeline_stages"), ev, g, false);
    for (DerivedLabel e : ext.values()) ev.labels().putIfAbsent(e.name(), e);
    ev.into(g);
    g.kubernetesRole = discovery ? KubernetesRole.of(sc) : null;
    model.groups.add(g);
  }

  private static void stages(List<YamlNode> stages, RelabelEvaluator ev, SignalGroup g, boolean conditional)
      throws ConfigException {
    for (YamlNode s : stages) {
      YamlMapping stage = s.asMapping();
      for (YamlMapping.Entry e : stage.entries()) {
        String type = e.key().text();
        YamlNode body = e.value();
        switch (type) {
          case "labels" -> {
            for (YamlMapping.Entry l : body.asMapping().entries()) {
              String field = l.value() instanceof YamlScalar v && !v.text().isEmpty() ? v.text() : l.key().text();
              ev.set(new DerivedLabel(l.key().text(), LabelValue.symbol("extracted field " + field), l.key().position(),
                  "pipeline_stages labels" + (conditional ? " (inside match)" : ""), Origin.STAGE));
              g.extracted.add(l.key().text());
            }
          }
          case "static_labels" -> {
            for (YamlMapping.Entry l : body.asMapping().entries()) {
              ev.set(new DerivedLabel(l.key().text(), Values.literalOrEnv(l.value().asScalar().text()),
                  l.value().position(), "pipeline_stages static_labels", Origin.STAGE));
            }
          }
          case "labeldrop" -> {
            for (YamlNode n : body.asSequence()) {
              ev.dropLabel(n.asScalar().text(), n.position(), "pipeline_stages labeldrop");
            }
          }
          case "labelallow" -> {
            Set<String> allowed = new HashSet<>();
            for (YamlNode n : body.asSequence()) allowed.add(n.asScalar().text());
            SourcePosition at = body.position();
            for (String name : new ArrayList<>(ev.labels().keySet())) {
              if (!allowed.contains(name)) ev.dropLabel(name, at, "pipeline_stages labelallow");
            }
          }
          case "cri", "docker" -> ev.set(new DerivedLabel("stream", LabelValue.symbol("stream (stdout or stderr)"),
              e.key().position(), "the " + type + " stage sets stream", Origin.IMPLICIT));
          case "match" -> {
            YamlMapping m = body.asMapping();
            if (!Yaml.string(m, "action").orElse("keep").equals("drop")) {
              stages(Yaml.sequence(m, "stages"), ev, g, true);
            }
          }
          default -> { } // regex, json, logfmt, timestamp, output, template, ...: no labels of their own.
        }
      }
    }
  }
}
