package dev.promotel.lint.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.lint.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checkout log pipeline of samples/lint/promtail.yaml written as Alloy (what {@code alloy
 * convert --source-format=promtail} produces, tidied): against the sample prometheus.yml it has the
 * same three config-side mismatches, found through discovery.relabel → loki.source.kubernetes →
 * loki.process → loki.write.
 */
class AlloyCrossSourceTest {
  private static final String ALLOY = """
      discovery.kubernetes "pods" {
        role = "pod"
      }

      discovery.relabel "pods" {
        targets = discovery.kubernetes.pods.targets
        rule {
          source_labels = ["__meta_kubernetes_pod_label_app"]
          regex         = ""
          action        = "drop"
        }
        rule {
          source_labels = ["__meta_kubernetes_pod_label_app"]
          target_label  = "app"
        }
        rule {
          source_labels = ["__meta_kubernetes_pod_label_app"]
          target_label  = "job"
        }
        rule {
          source_labels = ["__meta_kubernetes_namespace"]
          target_label  = "namespace"
        }
      }

      loki.source.kubernetes "pods" {
        targets    = discovery.relabel.pods.output
        forward_to = [loki.process.pods.receiver]
      }

      loki.process "pods" {
        stage.cri { }
        stage.static_labels {
          values = { environment = "production" }
        }
        stage.label_drop {
          values = ["namespace"]
        }
        forward_to = [loki.write.default.receiver]
      }

      loki.write "default" {
        endpoint {
          url = "http://loki-gateway.logging.svc/loki/api/v1/push"
        }
        external_labels = { cluster = "eu-west-1" }
      }
      """;

  @Test
  void alloyLogsAgainstThePrometheusSampleShowTheSameMismatches() throws IOException {
    String prometheus = Files.readString(Path.of("..", "samples", "lint", "prometheus.yml"));
    List<Finding> f = LintHarness.of("prometheus.yml", prometheus).with("config.alloy", ALLOY).findings();
    assertThat(f).extracting(x -> x.ruleId() + " " + x.position() + " " + x.subject()).containsExactlyInAnyOrder(
        "xsrc/value-format-mismatch config.alloy:18:21 job",
        "xsrc/name-mismatch config.alloy:34:16 environment",
        "xsrc/missing-identity-label config.alloy:37:15 namespace");
    assertThat(f).allSatisfy(x -> assertThat(x.related()).singleElement()
        .extracting(r -> r.position().source()).isEqualTo("prometheus.yml"));
  }
}
