package dev.promotel.lint.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promotel.lint.Finding;
import dev.promotel.yaml.ConfigException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Each reader on a realistic file: which groups it finds and the labels they end with. */
class ReadersTest {
  private static Map<String, String> labels(SignalGroup g) {
    Map<String, String> out = new TreeMap<>();
    g.labels.forEach((k, v) -> out.put(k, v.value().describe()));
    return out;
  }

  private static List<SignalGroup> groups(String name, String text) throws IOException {
    return LintHarness.of(name, text).linter().groups();
  }

  @Test
  void prometheusGivesOneGroupPerStaticConfigWithJobAndInstance() throws IOException {
    List<SignalGroup> g = groups("prometheus.yml", """
        global:
          external_labels: {cluster: eu1}
        scrape_configs:
          - job_name: node
            honor_labels: true
            static_configs:
              - targets: [a:9100]
                labels: {env: prod}
              - targets: [b:9100, c:9100]
            metric_relabel_configs:
              - {action: labeldrop, regex: env}
        """);
    assertThat(g).hasSize(2);
    assertThat(labels(g.get(0))).isEqualTo(Map.of("job", "\"node\"", "instance", "\"a:9100\""));
    assertThat(g.get(0).drops).extracting(SignalGroup.Drop::label).containsExactly("env");
    assertThat(labels(g.get(1))).isEqualTo(Map.of("job", "\"node\"", "instance", "\"<target address>\""));
    assertThat(g.get(0).honorLabels).isTrue();
  }

  @Test
  void serviceMonitorGetsTheOperatorDefaultsPinnedBySelectorAndNamespace() throws IOException {
    List<SignalGroup> g = groups("sm.yaml", """
        apiVersion: monitoring.coreos.com/v1
        kind: ServiceMonitor
        metadata: {name: payments, namespace: shop}
        spec:
          jobLabel: app.kubernetes.io/name
          selector:
            matchLabels: {app.kubernetes.io/name: payments}
          targetLabels: [team]
          podTargetLabels: [version]
          endpoints:
            - port: http
              relabelings:
                - {sourceLabels: [__meta_kubernetes_pod_node_name], targetLabel: node, action: Replace}
              metricRelabelings:
                - {action: LabelDrop, regex: version}
        """);
    assertThat(g).singleElement().satisfies(x -> assertThat(labels(x)).isEqualTo(new TreeMap<>(Map.of(
        "job", "\"<service label app_kubernetes_io_name>\" (here \"payments\")",
        "namespace", "\"<namespace>\" (here \"shop\")",
        "service", "\"<service name>\"",
        "pod", "\"<pod name>\"",
        "container", "\"<pod container name>\"",
        "team", "\"<service label team>\"",
        "endpoint", "\"http\"",
        "node", "\"<pod node name>\"",
        "instance", "\"<target address>\""))));
  }

  @Test
  void podMonitorJobIsNamespaceSlashNameAndNamespaceSelectorAnyLeavesTheNamespaceOpen() throws IOException {
    List<SignalGroup> g = groups("pm.yaml", """
        apiVersion: monitoring.coreos.com/v1
        kind: PodMonitor
        metadata: {name: frontend, namespace: shop}
        spec:
          namespaceSelector: {any: true}
          selector: {matchLabels: {app: frontend}}
          podMetricsEndpoints: [{port: metrics}]
        """);
    assertThat(labels(g.get(0))).containsEntry("job", "\"shop/frontend\"").containsEntry("namespace", "\"<namespace>\"")
        .doesNotContainKey("service");
  }

  @Test
  void promtailStagesSetAndDropLabelsAndMatchStagesCount() throws IOException {
    List<SignalGroup> g = groups("promtail.yaml", """
        positions: {filename: /tmp/p.yaml}
        clients:
          - url: http://loki:3100/loki/api/v1/push
            external_labels: {cluster: eu1}
        scrape_configs:
          - job_name: journal
            journal:
              labels: {job: systemd-journal}
            relabel_configs:
              - {source_labels: [__journal__systemd_unit], target_label: unit}
            pipeline_stages:
              - docker: {}
              - match:
                  selector: '{unit="nginx.service"}'
                  stages:
                    - regex: {expression: '(?P<code>\\\\d{3})'}
                    - labels: {code: ''}
              - static_labels: {team: web}
              - labelallow: [job, unit, code, team, cluster]
        """);
    assertThat(g).singleElement().satisfies(x -> {
      assertThat(labels(x)).containsOnlyKeys("job", "unit", "code", "team", "cluster");
      assertThat(labels(x).get("code")).isEqualTo("\"<extracted field code>\"");
      assertThat(x.drops).extracting(SignalGroup.Drop::label).containsExactly("stream");
    });
  }

  @Test
  void collectorPipelinesToLokiGetIndexLabelsFromLokiAndPrometheusExportersGetJobFromServiceAttributes()
      throws IOException {
    String collector = """
        receivers: {otlp: {protocols: {grpc: {}}}}
        processors:
          resource:
            attributes:
              - {key: service.namespace, value: shop, action: insert}
              - {key: service.name, value: cart, action: upsert}
              - {key: deployment.environment.name, value: prod, action: upsert}
          k8sattributes: {}
        exporters:
          otlphttp: {endpoint: 'http://loki:3100/otlp'}
          prometheus:
            endpoint: 0.0.0.0:8889
            const_labels: {region: eu}
            resource_to_telemetry_conversion: {enabled: true}
        service:
          pipelines:
            logs: {receivers: [otlp], processors: [resource, k8sattributes], exporters: [otlphttp]}
            metrics: {receivers: [otlp], processors: [resource], exporters: [prometheus]}
        """;
    SourceLinter linter = LintHarness.of("otelcol.yaml", collector).linter();
    linter.check(List.of(), dev.promotel.lint.LintContext.defaults(), f -> { });
    List<SignalGroup> g = linter.groups();
    assertThat(g).hasSize(2);
    assertThat(labels(g.get(0))).containsEntry("service_name", "\"cart\"")
        .containsEntry("service_namespace", "\"shop\"")
        .containsEntry("deployment_environment_name", "\"prod\"")
        .containsEntry("k8s_namespace_name", "\"<namespace>\"")
        .containsKey("k8s_pod_name");
    assertThat(labels(g.get(1))).containsEntry("job", "\"shop/cart\"").containsEntry("region", "\"eu\"")
        .containsEntry("service_name", "\"cart\"").containsEntry("instance", "\"<resource attribute service.instance.id>\"");
  }

  @Test
  void lokiExporterUsesItsDefaultLabelsAndResourceHints() throws IOException {
    List<SignalGroup> g = groups("otelcol.yaml", """
        receivers: {otlp: {}}
        processors:
          resource:
            attributes:
              - {key: service.name, value: cart, action: upsert}
              - {key: team, value: web, action: upsert}
              - {key: loki.resource.labels, value: 'team', action: insert}
        exporters:
          loki: {endpoint: 'http://loki:3100/loki/api/v1/push'}
        service:
          pipelines:
            logs: {receivers: [otlp], processors: [resource], exporters: [loki]}
        """);
    assertThat(labels(g.get(0))).containsEntry("job", "\"cart\"").containsEntry("exporter", "\"OTLP\"")
        .containsEntry("team", "\"web\"");
  }

  @Test
  void alloyPathsFromSourceToWriterAreFollowed() throws IOException {
    String alloy = """
        discovery.kubernetes "pods" { role = "pod" }
        discovery.relabel "pods" {
          targets = discovery.kubernetes.pods.targets
          rule {
            source_labels = ["__meta_kubernetes_namespace"]
            target_label  = "namespace"
          }
          rule {
            source_labels = ["__meta_kubernetes_pod_label_app"]
            target_label  = "app"
          }
        }
        loki.source.kubernetes "pods" {
          targets    = discovery.relabel.pods.output
          forward_to = [loki.process.main.receiver]
        }
        loki.process "main" {
          stage.static_labels { values = { env = "prod" } }
          stage.labels { values = { level = "" } }
          stage.label_drop { values = ["instance"] }
          forward_to = [loki.write.default.receiver]
        }
        loki.write "default" {
          endpoint { url = "http://loki:3100/loki/api/v1/push" }
          external_labels = { cluster = sys.env("CLUSTER") }
        }
        otelcol.receiver.otlp "in" { }
        """;
    LintHarness h = LintHarness.of("config.alloy", alloy);
    List<SignalGroup> g = h.linter().groups();
    assertThat(g).singleElement().satisfies(x -> assertThat(labels(x)).isEqualTo(new TreeMap<>(Map.of(
        "namespace", "\"<namespace>\"", "app", "\"<pod label app>\"", "env", "\"prod\"",
        "level", "\"<extracted field level>\"", "cluster", "\"<sys.env(\"CLUSTER\")>\""))));
    List<Finding> f = h.findings();
    assertThat(f).filteredOn(x -> x.ruleId().equals("cfg/not-understood")).extracting(Finding::subject)
        .containsExactlyInAnyOrder("sys.env(\"CLUSTER\")", "otelcol.receiver.otlp");
  }

  @Test
  void kubernetesDiscoveryOfOneNamespacePinsTheNamespace() throws IOException {
    List<SignalGroup> g = groups("prometheus.yml", """
        scrape_configs:
          - job_name: pods
            kubernetes_sd_configs: [{role: pod, namespaces: {names: [shop]}}]
            relabel_configs:
              - {source_labels: [__meta_kubernetes_namespace], target_label: namespace}
        """);
    assertThat(labels(g.get(0))).containsEntry("namespace", "\"<namespace>\" (here \"shop\")");
  }

  @Test
  void collectorRecordAttributesBecomeLokiLabelsThroughTheHintAndTransformIsNotUnderstood() throws IOException {
    String collector = """
        receivers: {otlp: {}}
        processors:
          attributes/hints:
            actions:
              - {key: level, value: info, action: insert}
              - {key: loki.attribute.labels, value: 'level, http.method', action: insert}
          transform: {log_statements: []}
        exporters:
          loki: {endpoint: 'http://loki:3100/loki/api/v1/push'}
        service:
          pipelines:
            logs: {receivers: [otlp], processors: [attributes/hints, transform], exporters: [loki]}
        """;
    LintHarness h = LintHarness.of("otelcol.yaml", collector);
    assertThat(labels(h.linter().groups().get(0))).containsEntry("level", "\"info\"")
        .containsEntry("http_method", "\"<log attribute http.method>\"");
    assertThat(h.findings()).filteredOn(f -> f.ruleId().equals("cfg/not-understood"))
        .extracting(Finding::subject).containsExactly("transform");
  }

  @Test
  void badConfigsAreConfigExceptionsWithPositions() {
    assertThatThrownBy(() -> groups("promtail.yaml", "positions: {}\nclients: []\nscrape_configs:\n  - static_configs: []\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("promtail.yaml:4:5: missing required key \"job_name\"");
    assertThatThrownBy(() -> groups("prometheus.yml", "scrape_configs:\n  - job_name: a\n    relabel_configs: {}\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("prometheus.yml:3:22: expected a sequence");
    assertThatThrownBy(() -> groups("config.alloy", "loki.write \"x\" {\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("config.alloy:2:1");
  }
}
