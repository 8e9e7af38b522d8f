package dev.promotel.lint.source;

import dev.promotel.format.SourcePosition;
import dev.promotel.lint.Finding;
import dev.promotel.lint.RuleInfo;
import dev.promotel.lint.RelatedLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the readers learned from the configs added so far: the signal groups of both sides,
 * the external label sets, Loki's limits, and the findings a reader can decide alone (an invalid
 * relabel target, a part it does not understand).
 */
final class SourceModel {
  /** External labels of one shipper: Prometheus global.external_labels, a Promtail client, Alloy loki.write. */
  record ExternalLabels(SignalGroup.Side side, String file, String how, Map<String, DerivedLabel> labels) {}

  /** What a Loki config says about stream labels (limits_config and distributor.otlp_config). */
  record LokiSettings(
      String file,
      SourcePosition at,
      int maxLabels,
      SourcePosition maxLabelsAt,
      List<String> discoverServiceName,
      Map<String, IndexRule> otlpIndexLabels,
      boolean ignoreDefaults,
      boolean otlpConfigured) {}

  /** The decision of Loki's otlp_config for one resource attribute: index_label, structured_metadata or drop. */
  record IndexRule(String action, SourcePosition at) {}

  final List<SignalGroup> groups = new ArrayList<>();
  final List<ExternalLabels> external = new ArrayList<>();
  final List<Finding> pending = new ArrayList<>();
  Optional<LokiSettings> loki = Optional.empty();

  void report(RuleInfo rule, SourcePosition at, String subject, String message) {
    pending.add(new Finding(rule.id(), rule.defaultSeverity(), at, subject, message));
  }

  void report(RuleInfo rule, SourcePosition at, String subject, String message, List<RelatedLocation> related) {
    pending.add(new Finding(rule.id(), rule.defaultSeverity(), at, subject, message, related));
  }

  /** Loki's defaults (pkg/validation/limits.go, distributor otlp_config) when no Loki config was given. */
  static final List<String> DEFAULT_DISCOVER_SERVICE_NAME = List.of("service", "app", "application", "app_name",
      "name", "app_kubernetes_io_name", "container", "container_name", "k8s_container_name", "component",
      "workload", "job", "k8s_job_name");

  static final List<String> DEFAULT_OTLP_INDEX_ATTRIBUTES = List.of("service.name", "service.namespace",
      "service.instance.id", "deployment.environment", "deployment.environment.name", "cloud.region",
      "cloud.availability_zone", "k8s.cluster.name", "k8s.namespace.name", "k8s.pod.name", "k8s.container.name",
      "container.name", "k8s.replicaset.name", "k8s.deployment.name", "k8s.statefulset.name",
      "k8s.daemonset.name", "k8s.cronjob.name", "k8s.job.name");

  static Map<String, DerivedLabel> orderedMap() {
    return new LinkedHashMap<>();
  }
}
