package dev.promotel.lint.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.lint.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Promtail Helm chart's default pod scrape config (with its "first non-empty" app idiom)
 * next to the classic Prometheus kubernetes-pods job: both discover every pod, so they are joined,
 * and the real correlation breaks are reported: no cluster on the logs, a job that is
 * "kubernetes-pods" in metrics but "namespace/app" in logs, and Promtail's filename label.
 */
class RealisticConfigsTest {
  private static final Path DIR = Path.of("src", "test", "resources", "lint", "source", "helm");

  @Test
  void helmPromtailAgainstTheClassicKubernetesPodsJob() throws IOException {
    List<Finding> f = LintHarness.of("prometheus.yml", Files.readString(DIR.resolve("prometheus.yml")))
        .with("promtail-helm.yaml", Files.readString(DIR.resolve("promtail-helm.yaml"))).findings();
    assertThat(f).extracting(x -> x.ruleId() + " " + x.position() + " " + x.subject()).containsExactlyInAnyOrder(
        "xsrc/missing-identity-label promtail-helm.yaml:9:15 cluster",
        "xsrc/value-format-mismatch promtail-helm.yaml:54:23 job",
        "logs/dynamic-label promtail-helm.yaml:78:23 filename");
    assertThat(f).filteredOn(x -> x.subject().equals("job")).singleElement().extracting(Finding::message).asString()
        .contains("\"kubernetes-pods\" in metrics")
        .contains("<first non-empty of (pod label app_kubernetes_io_name, pod label app, __tmp_controller_name, pod name)>");
  }

  @Test
  void podDiscoveryPinnedToDifferentAppsIsNotJoined() throws IOException {
    String metrics = """
        scrape_configs:
          - job_name: checkout
            kubernetes_sd_configs: [{role: pod}]
            relabel_configs:
              - {source_labels: [__meta_kubernetes_pod_label_app], regex: checkout, action: keep}
        """;
    String logs = """
        clients: [{url: http://loki:3100/loki/api/v1/push}]
        scrape_configs:
          - job_name: payments
            kubernetes_sd_configs: [{role: pod}]
            relabel_configs:
              - {source_labels: [__meta_kubernetes_pod_label_app], regex: payments, action: keep}
              - {source_labels: [__meta_kubernetes_pod_label_app], target_label: app}
        """;
    assertThat(LintHarness.of("prometheus.yml", metrics).with("promtail.yaml", logs).findings()).isEmpty();
  }
}
