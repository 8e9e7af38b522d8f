package dev.promotel.lint.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.lint.Finding;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Positive and negative cases of the logs/* rules. */
class LogRulesTest {
  private static String promtail(String labels, String stages) {
    return String.join("\n",
        "positions: {filename: /tmp/positions.yaml}",
        "clients: [{url: 'http://loki:3100/loki/api/v1/push'}]",
        "scrape_configs:",
        "  - job_name: app",
        "    static_configs:",
        "      - targets: [localhost]",
        "        labels: {__path__: /var/log/app/*.log, " + labels + "}",
        "    pipeline_stages:",
        "      - labeldrop: [filename]",
        stages.isEmpty() ? "" : "      " + stages,
        "");
  }

  private static List<Finding> lint(String promtail) throws IOException {
    return LintHarness.of("promtail.yaml", promtail).findings();
  }

  @Test
  void aFewStaticLabelsAreFine() throws IOException {
    assertThat(lint(promtail("app: shop, env: prod", "- labels: {level: ''}"))).isEmpty();
  }

  @Test
  void moreLabelsThanLokiAllowsAreTooMany() throws IOException {
    String many = IntStream.range(0, 16).mapToObj(i -> "l" + i + ": v").collect(Collectors.joining(", "));
    String loki = "limits_config:\n  max_label_names_per_series: 15\n";
    List<Finding> f = LintHarness.of("promtail.yaml", promtail("app: shop, " + many, ""))
        .with("loki.yaml", loki).findings();
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.ruleId()).isEqualTo("logs/too-many-labels");
      assertThat(x.message()).contains("18 labels").contains("service_name");
      assertThat(x.related()).singleElement().extracting(r -> r.position().toString()).isEqualTo("loki.yaml:2:31");
    });
    assertThat(LintHarness.of("promtail.yaml", promtail("app: shop, " + many, ""))
        .with("loki.yaml", "limits_config:\n  max_label_names_per_series: 20\n").findings()).isEmpty();
  }

  @Test
  void aLabelmapOfEveryPodLabelIsUnbounded() throws IOException {
    String config = """
        clients: [{url: 'http://loki:3100/loki/api/v1/push'}]
        scrape_configs:
          - job_name: pods
            kubernetes_sd_configs: [{role: pod}]
            relabel_configs:
              - {source_labels: [__meta_kubernetes_pod_label_app], target_label: app}
              - {action: labelmap, regex: '__meta_kubernetes_pod_label_(.+)'}
        """;
    assertThat(lint(config)).extracting(Finding::ruleId).containsExactly("logs/too-many-labels");
  }

  @Test
  void idsDurationsFileNamesAndPodHashesAreDynamicLabels() throws IOException {
    assertThat(lint(promtail("app: shop", "- labels: {trace_id: '', duration_ms: '', requestId: ''}")))
        .extracting(Finding::subject).containsExactlyInAnyOrder("trace_id", "duration_ms", "requestId");
    String keepsFilename = promtail("app: shop", "").replace("      - labeldrop: [filename]\n", "");
    assertThat(lint(keepsFilename)).extracting(Finding::ruleId).containsExactly("logs/dynamic-label");
    String podUid = """
        clients: [{url: 'http://loki:3100/loki/api/v1/push'}]
        scrape_configs:
          - job_name: pods
            kubernetes_sd_configs: [{role: pod}]
            relabel_configs:
              - {source_labels: [__meta_kubernetes_pod_label_app], target_label: app}
              - {source_labels: [__meta_kubernetes_pod_uid], target_label: uid_of_pod}
        """;
    assertThat(lint(podUid)).extracting(Finding::subject).containsExactly("uid_of_pod");
  }

  @Test
  void theLintConfigCanAddAndRemoveDynamicNames() throws IOException {
    dev.promotel.yaml.YamlMapping options = dev.promotel.yaml.YamlLoader.load(".promotel-lint.yaml",
        "denyNames: [customer]\nallowNames: [trace_id]\n").asMapping();
    dev.promotel.lint.LintContext context = new dev.promotel.lint.LintContext(
        dev.promotel.lint.IdentityConfig.defaults(), dev.promotel.lint.Thresholds.defaults(),
        java.util.Map.of("logs/dynamic-label", options), java.util.Set.of());
    assertThat(LintHarness.of("promtail.yaml", promtail("app: shop", "- labels: {trace_id: '', customer: ''}"))
        .context(context).findings()).extracting(Finding::subject).containsExactly("customer");
  }

  @Test
  void boundedLabelsAreNotDynamic() throws IOException {
    assertThat(lint(promtail("app: shop", "- labels: {level: '', statusCode: status, method: ''}"))).isEmpty();
  }

  @Test
  void streamsWithoutAnyServiceLabelHaveNoServiceName() throws IOException {
    List<Finding> f = lint(promtail("host: h1", ""));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.ruleId()).isEqualTo("logs/no-service-name");
      assertThat(x.message()).contains("unknown_service");
    });
    assertThat(lint(promtail("host: h1, service_name: shop", ""))).isEmpty();
    assertThat(LintHarness.of("promtail.yaml", promtail("host: h1, team: a", ""))
        .with("loki.yaml", "limits_config:\n  discover_service_name: [team]\n").findings()).isEmpty();
  }

  @Test
  void lokiIndexingPodNamesFromOtlpIsDiscouraged() throws IOException {
    String otherIndexLabels = """
        limits_config:
          otlp_config:
            resource_attributes:
              attributes_config:
                - {action: index_label, attributes: [team]}
        """;
    assertThat(LintHarness.of("loki.yaml", otherIndexLabels).findings())
        .extracting(Finding::subject).containsExactly("k8s.pod.name", "service.instance.id");
    assertThat(LintHarness.of("loki.yaml", "auth_enabled: false\nlimits_config: {}\n").findings())
        .as("no OTLP ingestion configured or sent").isEmpty();
    String configured = """
        limits_config:
          otlp_config:
            resource_attributes:
              attributes_config:
                - action: structured_metadata
                  attributes: [k8s.pod.name, service.instance.id]
        """;
    assertThat(LintHarness.of("loki.yaml", configured).findings()).isEmpty();
    String ignored = "limits_config:\n  otlp_config:\n    resource_attributes:\n      ignore_defaults: true\n";
    assertThat(LintHarness.of("loki.yaml", ignored).findings()).isEmpty();
  }
}
