package dev.promotel.lint.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceKindTest {
  private final SourceLinter linter = new SourceLinter();

  @Test
  void prometheusConfigIsRecognisedByItsScrapeConfigs() {
    assertThat(linter.detect("x.yml", "global:\n  scrape_interval: 15s\nscrape_configs:\n  - job_name: a\n"))
        .contains("prometheus");
  }

  @Test
  void promtailIsRecognisedByClientsAndPositionsNotByItsName() {
    String text = "server:\n  http_listen_port: 9080\npositions:\n  filename: /tmp/p\nclients:\n  - url: http://loki\n"
        + "scrape_configs:\n  - job_name: a\n";
    assertThat(linter.detect("prometheus.yml", text)).contains("promtail");
  }

  @Test
  void operatorResourcesAreRecognisedByApiVersionAndKind() {
    String text = "apiVersion: monitoring.coreos.com/v1\nkind: PodMonitor\nmetadata:\n  name: a\nspec: {}\n";
    assertThat(linter.detect("a.yaml", text)).contains("prometheus-operator");
    assertThat(linter.detect("a.yaml", "apiVersion: apps/v1\nkind: Deployment\n")).isEmpty();
  }

  @Test
  void collectorAndLokiConfigsAreRecognisedByTheirTopLevelSections() {
    assertThat(linter.detect("c.yaml", "receivers: {}\nprocessors: {}\nexporters: {}\nservice: {}\n")).contains("otelcol");
    assertThat(linter.detect("l.yaml", "auth_enabled: false\nlimits_config:\n  max_label_names_per_series: 15\n"))
        .contains("loki");
  }

  @Test
  void mimirAndTempoConfigsAreNotTakenForLoki() {
    assertThat(linter.detect("mimir.yaml", "server: {}\ndistributor: {}\ningester: {}\nblocks_storage: {}\nlimits: {}\n"))
        .isEmpty();
    assertThat(linter.detect("tempo.yaml", "server: {}\ndistributor: {}\ningester: {}\nstorage: {}\n")).isEmpty();
    assertThat(linter.detect("loki.yaml", "server: {}\ningester: {}\nstorage_config: {}\n")).contains("loki");
  }

  @Test
  void alloyIsRecognisedByItsBlocksEvenWithoutTheExtension() {
    assertThat(linter.detect("config", "// logs\nloki.write \"default\" {\n  endpoint { url = \"x\" }\n}\n"))
        .contains("alloy");
    assertThat(linter.detect("config.alloy", "")).contains("alloy");
  }

  @Test
  void sourceFilesAndDocsThatQuoteAConfigAreNotClaimed() {
    String alloy = "loki.write \"default\" {\n  endpoint { url = \"x\" }\n}\n";
    assertThat(linter.detect("src/AlloyTest.java", "package a;\nclass T {\n  String s = \"\"\"\n" + alloy + "\"\"\";\n}\n"))
        .isEmpty();
    assertThat(linter.detect("main.go", alloy)).isEmpty();
    assertThat(linter.detect("README.md", alloy)).isEmpty();
    assertThat(linter.detect("docs/prometheus.md", "global:\n  scrape_interval: 15s\nscrape_configs: []\n")).isEmpty();
    assertThat(linter.detect("config", "  loki.write \"default\" {\n  }\n")).as("indented, not top level").isEmpty();
    assertThat(linter.detect("prometheus", "global:\n  scrape_interval: 15s\nscrape_configs: []\n"))
        .contains("prometheus");
  }

  @Test
  void metricDumpsRuleFilesAndOtherYamlAreNotClaimed() {
    assertThat(linter.detect("a.prom", "# TYPE up gauge\nup{job=\"a\"} 1\n")).isEmpty();
    assertThat(linter.detect("rules.yml", "groups:\n  - name: a\n    rules: []\n")).isEmpty();
    assertThat(linter.detect("values.yaml", "replicaCount: 2\nimage:\n  tag: x\n")).isEqualTo(Optional.empty());
  }

  @Test
  void kindsAndRulesAreListed() {
    assertThat(linter.kinds()).containsExactly("prometheus", "prometheus-operator", "promtail", "otelcol", "loki", "alloy");
    assertThat(linter.rules()).extracting(r -> r.id()).contains("xsrc/missing-identity-label", "xsrc/name-mismatch",
        "xsrc/value-format-mismatch", "xsrc/value-alias", "xsrc/value-disjoint", "xsrc/external-labels",
        "cfg/relabel-drops-identity", "cfg/honor-labels-collision", "cfg/relabel-invalid-target",
        "logs/too-many-labels", "logs/dynamic-label", "logs/no-service-name", "logs/otlp-discouraged-index-label")
        .doesNotHaveDuplicates();
  }
}
