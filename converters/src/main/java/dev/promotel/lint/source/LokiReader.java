package dev.promotel.lint.source;

import dev.promotel.format.SourcePosition;
import dev.promotel.yaml.ConfigException;
import dev.promotel.yaml.YamlMapping;
import dev.promotel.yaml.YamlNode;
import dev.promotel.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a Loki config says about stream labels (pkg/validation/limits.go, docs shared/otel.md):
 * {@code limits_config.max_label_names_per_series} (default 15), {@code discover_service_name}
 * (default list of limits.go), and which OTLP resource attributes become index labels: the
 * distributor's {@code otlp_config.default_resource_attributes_as_index_labels} unless
 * {@code limits_config.otlp_config.resource_attributes.ignore_defaults}, changed by
 * {@code attributes_config[] {action: index_label|structured_metadata|drop, attributes}}.
 *
 * <p>Example: {@code limits_config: {max_label_names_per_series: 15, otlp_config: {resource_attributes:
 * {attributes_config: [{action: structured_metadata, attributes: [k8s.pod.name]}]}}}}.
 */
final class LokiReader {
  private LokiReader() {}

  static void read(String file, YamlNode root, SourceModel model) throws ConfigException {
    if (root instanceof YamlScalar s && s.isNull()) return;
    YamlMapping doc = root.asMapping();
    Optional<YamlMapping> limits = Yaml.mapping(doc, "limits_config");
    SourcePosition at = limits.map(YamlNode::position).orElse(doc.position());
    int max = 15;
    SourcePosition maxAt = at;
    List<String> discover = SourceModel.DEFAULT_DISCOVER_SERVICE_NAME;
    Map<String, SourceModel.IndexRule> index = new LinkedHashMap<>();
    boolean ignoreDefaults = false;
    List<String> defaults = SourceModel.DEFAULT_OTLP_INDEX_ATTRIBUTES;
    Optional<YamlMapping> distributor = Yaml.mapping(doc, "distributor");
    Optional<YamlMapping> distributorOtlp =
        distributor.isPresent() ? Yaml.mapping(distributor.get(), "otlp_config") : Optional.empty();
    boolean otlpConfigured = distributorOtlp.isPresent();
    if (distributorOtlp.isPresent() && Yaml.get(distributorOtlp.get(), "default_resource_attributes_as_index_labels").isPresent()) {
      List<String> d = new ArrayList<>();
      for (YamlNode n : Yaml.sequence(distributorOtlp.get(), "default_resource_attributes_as_index_labels")) {
        d.add(n.asScalar().text());
      }
      defaults = d;
    }
    if (limits.isPresent()) {
      YamlMapping l = limits.get();
      Optional<YamlScalar> m = Yaml.scalar(l, "max_label_names_per_series");
      if (m.isPresent()) {
        max = (int) m.get().asLong();
        maxAt = m.get().position();
      }
      if (Yaml.get(l, "discover_service_name").isPresent()) {
        List<String> d = new ArrayList<>();
        for (YamlNode n : Yaml.sequence(l, "discover_service_name")) d.add(n.asScalar().text());
        discover = d;
      }
      Optional<YamlMapping> otlp = Yaml.mapping(l, "otlp_config");
      Optional<YamlMapping> res = otlp.isPresent() ? Yaml.mapping(otlp.get(), "resource_attributes") : Optional.empty();
      otlpConfigured |= otlp.isPresent();
      if (res.isPresent()) {
        ignoreDefaults = Yaml.bool(res.get(), "ignore_defaults", false);
        if (!ignoreDefaults) {
          for (String d : defaults) index.put(d, new SourceModel.IndexRule("index_label", at));
        }
        for (YamlNode c : Yaml.sequence(res.get(), "attributes_config")) {
          YamlMapping cm = c.asMapping();
          String action = cm.require("action").asScalar().text();
          for (YamlNode a : Yaml.sequence(cm, "attributes")) {
            index.put(a.asScalar().text(), new SourceModel.IndexRule(action, a.position()));
          }
        }
      }
    }
    if (index.isEmpty() && !ignoreDefaults) {
      for (String d : defaults) index.put(d, new SourceModel.IndexRule("index_label", at));
    }
    // A second Loki file without limits (a per-component config) must not reset the first one's.
    if (limits.isEmpty() && !otlpConfigured && model.loki.isPresent()) return;
    model.loki = Optional.of(new SourceModel.LokiSettings(file, at, max, maxAt, discover, index, ignoreDefaults,
        otlpConfigured));
  }
}
