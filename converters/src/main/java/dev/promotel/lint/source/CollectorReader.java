package dev.promotel.lint.source;

import dev.promotel.format.SourcePosition;
import dev.promotel.lint.source.DerivedLabel.Origin;
import dev.promotel.lint.source.SignalGroup.Side;
import dev.promotel.yaml.ConfigException;
import dev.promotel.yaml.YamlMapping;
import dev.promotel.yaml.YamlNode;
import dev.promotel.yaml.YamlScalar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an OpenTelemetry Collector config. Per pipeline of {@code service.pipelines} and per
 * exporter that decides labels, one group: the resource attributes after the pipeline's
 * {@code resource} processors ({@code attributes[] {key, value, from_attribute, action}}),
 * {@code k8sattributes} ({@code extract.metadata}, {@code extract.labels}) in order, and the
 * record (log or data point) attributes after the {@code attributes} processors ({@code actions[]},
 * same grammar); {@code transform} and similar processors are reported as not understood. Then
 * <ul>
 *   <li>{@code otlphttp}/{@code otlp} to Loki's {@code /otlp} (LOGS): Loki's otlp_config decides
 *       which attributes become index labels (dots become underscores), resolved at check time;
 *   <li>{@code loki} (LOGS, deprecated lokiexporter): {@code job} = {@code service.namespace/service.name}
 *       or {@code service.name}, {@code instance} = {@code service.instance.id}, {@code exporter=OTLP},
 *       plus the attributes named by the {@code loki.resource.labels} and {@code loki.attribute.labels} hints;
 *   <li>{@code prometheus}, {@code prometheusremotewrite} (METRICS): the same job/instance rule,
 *       {@code const_labels} / {@code external_labels}, the record attributes the pipeline sets, and every resource attribute when
 *       {@code resource_to_telemetry_conversion.enabled}.
 * </ul>
 * Values an SDK sends (anything no processor sets) are symbols "resource attribute X".
 *
 * <p>Example: {@code processors: {resource: {attributes: [{key: env, value: production, action: upsert}]}}}.
 */
final class CollectorReader {
  private CollectorReader() {}

  static void read(String file, YamlNode root, SourceModel model) throws ConfigException {
    if (root instanceof YamlScalar s && s.isNull()) return;
    YamlMapping doc = root.asMapping();
    YamlMapping processors = Yaml.mapping(doc, "processors").orElse(null);
    YamlMapping exporters = Yaml.mapping(doc, "exporters").orElse(null);
    Optional<YamlMapping> service = Yaml.mapping(doc, "service");
    if (service.isEmpty() || exporters == null) return;
    Optional<YamlMapping> pipelines = Yaml.mapping(service.get(), "pipelines");
    if (pipelines.isEmpty()) return;
    for (YamlMapping.Entry p : pipelines.get().entries()) {
      String pipeline = p.key().text();
      String signal = pipeline.contains("/") ? pipeline.substring(0, pipeline.indexOf('/')) : pipeline;
      if (!signal.equals("logs") && !signal.equals("metrics")) continue;
      YamlMapping pm = p.value().asMapping();
      Map<String, DerivedLabel> resource = new LinkedHashMap<>();
      Map<String, DerivedLabel> record = new LinkedHashMap<>();
      for (YamlNode proc : Yaml.sequence(pm, "processors")) {
        String id = proc.asScalar().text();
        if (processors == null) break;
        Optional<YamlMapping> body = Yaml.mapping(processors, id);
        if (body.isEmpty()) continue;
        switch (type(id)) {
          case "resource" -> resourceActions(Yaml.sequence(body.get(), "attributes"), resource, id);
          case "k8sattributes" -> k8sattributes(body.get(), proc.position(), resource);
          case "attributes" -> resourceActions(Yaml.sequence(body.get(), "actions"), record, id);
          case "transform", "groupbyattrs", "metricstransform", "schema" -> model.report(Rules.NOT_UNDERSTOOD,
              proc.position(), id, id + " in pipeline " + pipeline + " can change attributes, but promotel lint does not "
                  + "evaluate it: labels it sets or changes are not checked");
          default -> { } // batch, memory_limiter, filter, ...: no attributes of their own.
        }
      }
      for (YamlNode exp : Yaml.sequence(pm, "exporters")) {
        String id = exp.asScalar().text();
        YamlMapping body = Yaml.mapping(exporters, id).orElse(null);
        String where = "pipeline " + pipeline + " exporter " + id;
        switch (type(id)) {
          case "otlphttp", "otlp" -> {
            if (signal.equals("logs") && body != null && toLoki(body)) {
              SignalGroup g = new SignalGroup(Side.LOGS, SourceKind.OTELCOL, where, file, exp.position());
              g.viaOtlp = true;
              g.resource.putAll(resource);
              model.groups.add(g);
            }
          }
          case "loki" -> {
            if (!signal.equals("logs")) break;
            SignalGroup g = new SignalGroup(Side.LOGS, SourceKind.OTELCOL, where, file, exp.position());
            jobInstance(resource, g, exp.position());
            g.labels.put("exporter", new DerivedLabel("exporter", LabelValue.literal("OTLP"), exp.position(),
                "lokiexporter default label", Origin.IMPLICIT));
            hintedLabels(resource, "loki.resource.labels", "resource attribute ", g);
            hintedLabels(record, "loki.attribute.labels", "log attribute ", g);
            model.groups.add(g);
          }
          case "prometheus", "prometheusremotewrite" -> {
            if (!signal.equals("metrics")) break;
            SignalGroup g = new SignalGroup(Side.METRICS, SourceKind.OTELCOL, where, file, exp.position());
            jobInstance(resource, g, exp.position());
            if (body != null) {
              for (String key : List.of("const_labels", "external_labels")) {
                Optional<YamlMapping> labels = Yaml.mapping(body, key);
                if (labels.isEmpty()) continue;
                for (YamlMapping.Entry e : labels.get().entries()) {
                  g.labels.put(e.key().text(), new DerivedLabel(e.key().text(),
                      Values.literalOrEnv(e.value().asScalar().text()), e.value().position(), id + " " + key, Origin.TARGET));
                }
              }
              for (DerivedLabel r : record.values()) {
                String name = Naming.labelName(r.name());
                g.labels.putIfAbsent(name, new DerivedLabel(name, r.value(), r.at(), r.how(), Origin.TARGET));
              }
              Optional<YamlMapping> conv = Yaml.mapping(body, "resource_to_telemetry_conversion");
              if (conv.isPresent() && Yaml.bool(conv.get(), "enabled", false)) {
                for (DerivedLabel r : resource.values()) {
                  String name = Naming.labelName(r.name());
                  g.labels.putIfAbsent(name, new DerivedLabel(name, r.value(), r.at(),
                      "resource_to_telemetry_conversion of " + r.name(), Origin.IMPLICIT));
                }
              }
            }
            model.groups.add(g);
          }
          default -> { }
        }
      }
    }
  }

  /** The lokiexporter hints: an attribute whose value lists the attributes to turn into labels. */
  private static void hintedLabels(Map<String, DerivedLabel> attrs, String hintKey, String symbolPrefix, SignalGroup g) {
    DerivedLabel hint = attrs.get(hintKey);
    if (hint == null || !hint.value().isLiteral()) return;
    for (String a : hint.value().concrete().orElse("").split(",")) {
      String attr = a.trim();
      if (attr.isEmpty()) continue;
      DerivedLabel v = attrs.get(attr);
      LabelValue value = v != null ? v.value() : LabelValue.symbol(symbolPrefix + attr);
      String name = Naming.labelName(attr);
      g.labels.put(name, new DerivedLabel(name, value, v != null ? v.at() : hint.at(), hintKey + " hint", Origin.IMPLICIT));
    }
  }

  private static String type(String id) {
    int slash = id.indexOf('/');
    return slash < 0 ? id : id.substring(0, slash);
  }

  private static boolean toLoki(YamlMapping exporter) throws ConfigException {
    String endpoint = Yaml.string(exporter, "endpoint").orElse(
        Yaml.string(exporter, "logs_endpoint").orElse("")).toLowerCase(Locale.ROOT);
    return endpoint.contains("loki") || endpoint.contains("/otlp") || endpoint.contains(":3100");
  }

  private static void resourceActions(List<YamlNode> actions, Map<String, DerivedLabel> resource, String processor)
      throws ConfigException {
    for (YamlNode a : actions) {
      YamlMapping m = a.asMapping();
      String key = m.require("key").asScalar().text();
      String action = Yaml.string(m, "action").orElse("upsert").toLowerCase(Locale.ROOT);
      LabelValue value;
      Optional<YamlScalar> v = Yaml.scalar(m, "value");
      Optional<YamlScalar> from = Yaml.scalar(m, "from_attribute");
      SourcePosition at = v.map(YamlNode::position).orElse(from.map(YamlNode::position).orElse(m.position()));
      if (v.isPresent()) value = Values.literalOrEnv(v.get().text());
      else if (from.isPresent()) {
        DerivedLabel src = resource.get(from.get().text());
        value = src != null ? src.value() : LabelValue.symbol("resource attribute " + from.get().text());
      } else value = LabelValue.unknown("value of " + action + " " + key);
      boolean present = resource.containsKey(key);
      DerivedLabel label = new DerivedLabel(key, value, at, processor + " " + action, Origin.IMPLICIT);
      switch (action) {
        case "insert" -> {
          // insert only adds an attribute the resource lacks; an SDK may already send it.
          if (!present) resource.put(key, label);
        }
        case "update" -> {
          if (present) resource.put(key, label);
        }
        case "upsert" -> resource.put(key, label);
        case "delete" -> resource.remove(key);
        case "hash" -> resource.computeIfPresent(key, (k, old) -> old.withValue(LabelValue.unknown("hash of " + k)));
        default -> { } // extract, convert: no new label values we can know.
      }
    }
  }

  private static void k8sattributes(YamlMapping body, SourcePosition at, Map<String, DerivedLabel> resource)
      throws ConfigException {
    List<String> metadata = List.of("k8s.namespace.name", "k8s.pod.name", "k8s.pod.uid", "k8s.pod.start_time",
        "k8s.deployment.name", "k8s.node.name");
    Optional<YamlMapping> extract = Yaml.mapping(body, "extract");
    if (extract.isPresent() && Yaml.get(extract.get(), "metadata").isPresent()) {
      List<String> names = new java.util.ArrayList<>();
      for (YamlNode n : Yaml.sequence(extract.get(), "metadata")) names.add(n.asScalar().text());
      metadata = names;
    }
    for (String md : metadata) {
      resource.putIfAbsent(md, new DerivedLabel(md, LabelValue.symbol(k8sSymbol(md)), at, "k8sattributes", Origin.IMPLICIT));
    }
    if (extract.isEmpty()) return;
    for (YamlNode l : Yaml.sequence(extract.get(), "labels")) {
      YamlMapping lm = l.asMapping();
      String key = Yaml.string(lm, "key").orElse("");
      String from = Yaml.string(lm, "from").orElse("pod");
      String tag = Yaml.string(lm, "tag_name").orElse("k8s." + from + ".labels." + key);
      resource.put(tag, new DerivedLabel(tag, LabelValue.symbol("__meta_kubernetes_" + from + "_label_"
          + OperatorReader.sanitize(key)), lm.position(), "k8sattributes extract.labels", Origin.IMPLICIT));
    }
  }

  /** The Kubernetes discovery label that carries the same value, so both sides' symbols compare. */
  private static String k8sSymbol(String attribute) {
    return switch (attribute) {
      case "k8s.namespace.name" -> "__meta_kubernetes_namespace";
      case "k8s.pod.name" -> "__meta_kubernetes_pod_name";
      case "k8s.node.name" -> "__meta_kubernetes_pod_node_name";
      case "k8s.pod.uid" -> "__meta_kubernetes_pod_uid";
      case "k8s.container.name" -> "__meta_kubernetes_pod_container_name";
      default -> "resource attribute " + attribute;
    };
  }

  /** The OTel rule for Prometheus and Loki exporters: job from service.namespace/service.name, instance from service.instance.id. */
  static void jobInstance(Map<String, DerivedLabel> resource, SignalGroup g, SourcePosition at) {
    DerivedLabel name = resource.get("service.name");
    DerivedLabel ns = resource.get("service.namespace");
    LabelValue nameValue = name != null ? name.value() : LabelValue.symbol("resource attribute service.name");
    LabelValue job = ns != null ? ns.value().concat(LabelValue.literal("/")).concat(nameValue) : nameValue;
    g.labels.put("job", new DerivedLabel("job", job, name != null ? name.at() : at,
        "job from " + (ns != null ? "service.namespace/service.name" : "service.name"), Origin.IMPLICIT));
    DerivedLabel inst = resource.get("service.instance.id");
    g.labels.put("instance", new DerivedLabel("instance",
        inst != null ? inst.value() : LabelValue.symbol("resource attribute service.instance.id"),
        inst != null ? inst.at() : at, "instance from service.instance.id", Origin.IMPLICIT));
  }
}
