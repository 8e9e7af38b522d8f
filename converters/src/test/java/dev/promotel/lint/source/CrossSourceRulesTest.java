package dev.promotel.lint.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.lint.Finding;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Positive and negative cases of the xsrc/* and cfg/* rules, on small static configs. */
class CrossSourceRulesTest {
  private static final String PROMETHEUS = """
      global:
        external_labels: {cluster: eu1}
      scrape_configs:
        - job_name: shop
          static_configs:
            - targets: [shop:8080]
              labels: {namespace: web, env: production, app: shop}
      """;

  /** The matching Promtail config: every identity label agrees. */
  private static String promtail(String labels, String stages) {
    return """
        positions: {filename: /tmp/positions.yaml}
        clients:
          - url: http://loki:3100/loki/api/v1/push
            external_labels: {cluster: eu1}
        scrape_configs:
          - job_name: shop-logs
            static_configs:
              - targets: [localhost]
                labels: {__path__: /var/log/shop/*.log, %s}
            pipeline_stages:
              - labeldrop: [filename]
        %s
        """.formatted(labels, stages.indent(6));
  }

  private static final String GOOD_LABELS = "job: shop, app: shop, namespace: web, env: production";

  private static List<Finding> lint(String prometheus, String promtail) throws IOException {
    return LintHarness.of("prometheus.yml", prometheus).with("promtail.yaml", promtail).findings();
  }

  @Test
  void matchingConfigsGiveNoFindings() throws IOException {
    assertThat(lint(PROMETHEUS, promtail(GOOD_LABELS, ""))).isEmpty();
  }

  @Test
  void anIdentityLabelAbsentOnTheLogSideIsMissing() throws IOException {
    List<Finding> f = lint(PROMETHEUS, promtail("job: shop, app: shop, env: production", ""));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.ruleId()).isEqualTo("xsrc/missing-identity-label");
      assertThat(x.subject()).isEqualTo("namespace");
      assertThat(x.position().toString()).isEqualTo("promtail.yaml:6:15");
      assertThat(x.related()).singleElement().extracting(r -> r.position().toString()).isEqualTo("prometheus.yml:7:29");
      assertThat(x.message()).contains("add namespace");
    });
  }

  @Test
  void anIdentityLabelDroppedOnTheLogSideIsReportedOnceAtTheDrop() throws IOException {
    List<Finding> f = lint(PROMETHEUS, promtail(GOOD_LABELS, "- labeldrop: [namespace]"));
    assertThat(f).extracting(Finding::ruleId).containsExactly("xsrc/missing-identity-label");
    assertThat(f.get(0).message()).contains("labeldrop").contains("keep namespace");
  }

  @Test
  void anIdentityLabelUnderAnotherNameIsANameMismatchThatAlsoNamesTheAliasedValues() throws IOException {
    List<Finding> f = lint(PROMETHEUS, promtail("job: shop, app: shop, namespace: web, environment: prod", ""));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.ruleId()).isEqualTo("xsrc/name-mismatch");
      assertThat(x.subject()).isEqualTo("environment");
      assertThat(x.message()).contains("\"environment\"").contains("\"env\"").contains("aliases of \"production\"");
    });
  }

  @Test
  void aliasedValuesUnderTheSameNameAreAValueAlias() throws IOException {
    assertThat(ruleIds(promtail("job: shop, app: shop, namespace: web, env: prod", "")))
        .containsExactly("xsrc/value-alias");
  }

  @Test
  void unrelatedValuesAreDisjoint() throws IOException {
    assertThat(ruleIds(promtail("job: shop, app: shop, namespace: web, env: staging", "")))
        .containsExactly("xsrc/value-disjoint");
  }

  @Test
  void aJobWithANamespacePrefixOnOneSideIsAValueFormatMismatch() throws IOException {
    List<Finding> f = lint(PROMETHEUS, promtail("job: web/shop, app: shop, namespace: web, env: production", ""));
    assertThat(f).extracting(Finding::ruleId).containsExactly("xsrc/value-format-mismatch");
    assertThat(f.get(0).message()).contains("\"shop\" in metrics vs \"web/shop\" in logs");
  }

  @Test
  void valuesKnownOnlyAtRunTimeCannotBeVerified() throws IOException {
    assertThat(ruleIds(promtail("job: shop, app: shop, namespace: '${NAMESPACE}', env: production", "")))
        .containsExactly("xsrc/cannot-verify");
  }

  @Test
  void labelsFromDifferentKubernetesDiscoveryLabelsDiverge() throws IOException {
    String prom = """
        scrape_configs:
          - job_name: pods
            kubernetes_sd_configs: [{role: pod}]
            relabel_configs:
              - {source_labels: [__meta_kubernetes_pod_label_app], target_label: app}
              - {source_labels: [__meta_kubernetes_pod_label_team], target_label: namespace}
        """;
    String logs = """
        clients: [{url: http://loki:3100/loki/api/v1/push}]
        scrape_configs:
          - job_name: pods
            kubernetes_sd_configs: [{role: pod}]
            relabel_configs:
              - {source_labels: [__meta_kubernetes_pod_label_app], target_label: app}
              - {source_labels: [__meta_kubernetes_namespace], target_label: namespace}
        """;
    assertThat(lint(prom, logs)).extracting(Finding::ruleId).containsExactly("xsrc/k8s-source-divergent");
  }

  @Test
  void aLabelmapOfPodLabelsMayProvideAnIdentityLabelSoItIsNotReportedMissingButOnlyUnverified() throws IOException {
    String prom = """
        scrape_configs:
          - job_name: pods
            kubernetes_sd_configs: [{role: pod}]
            relabel_configs:
              - {action: labelmap, regex: '__meta_kubernetes_pod_label_(.+)'}
        """;
    String logs = """
        clients: [{url: http://loki:3100/loki/api/v1/push}]
        scrape_configs:
          - job_name: pods
            kubernetes_sd_configs: [{role: pod}]
            relabel_configs:
              - {source_labels: [__meta_kubernetes_pod_label_app], target_label: app}
              - {source_labels: [__meta_kubernetes_pod_label_env], target_label: env}
        """;
    assertThat(lint(prom, logs)).isEmpty();
    String logsWithoutLabelmapCounterpart = logs.replace("{role: pod}]\n    relabel_configs:",
        "{role: pod}]\n    relabel_configs:\n      - {target_label: cluster, replacement: eu1}");
    assertThat(lint(prom, logsWithoutLabelmapCounterpart)).extracting(Finding::ruleId, Finding::subject)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("xsrc/cannot-verify", "cluster"));
  }

  @Test
  void servicesThatShareNoIdentityValueAreNotCompared() throws IOException {
    assertThat(lint(PROMETHEUS, promtail("job: billing, app: billing, env: dev", ""))).isEmpty();
  }

  @Test
  void aCaseVariantOfAMetricLabelInLogsIsANameMismatch() throws IOException {
    String dump = "# HELP req_total Requests.\n# TYPE req_total counter\nreq_total{status_code=\"200\"} 1\n";
    List<Finding> f = LintHarness.of("prometheus.yml", PROMETHEUS)
        .with("promtail.yaml", promtail(GOOD_LABELS, "- labels: {statusCode: status}"))
        .dump("shop.prom", dump).findings();
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.ruleId()).isEqualTo("xsrc/name-mismatch");
      assertThat(x.subject()).isEqualTo("statusCode");
      assertThat(x.related()).singleElement().extracting(r -> r.position().toString()).isEqualTo("shop.prom:3:11");
    });
    assertThat(LintHarness.of("prometheus.yml", PROMETHEUS)
        .with("promtail.yaml", promtail(GOOD_LABELS, "- labels: {status_code: status}"))
        .dump("shop.prom", dump).findings()).isEmpty();
  }

  @Test
  void externalLabelsThatDisagreeAreReportedOnceByTheExternalLabelsRule() throws IOException {
    String logs = promtail(GOOD_LABELS, "").replace("external_labels: {cluster: eu1}", "external_labels: {cluster: eu-1}");
    List<Finding> f = lint(PROMETHEUS, logs);
    assertThat(f).extracting(Finding::ruleId).containsExactly("xsrc/external-labels");
    assertThat(f.get(0).related()).singleElement().extracting(r -> r.position().toString()).isEqualTo("prometheus.yml:2:30");
    String renamed = promtail(GOOD_LABELS, "").replace("{cluster: eu1}", "{k8s_cluster_name: eu1}");
    assertThat(lint(PROMETHEUS, renamed)).extracting(Finding::message).singleElement().asString()
        .contains("named differently");
  }

  @Test
  void externalLabelsFromEnvironmentVariablesCannotBeVerified() throws IOException {
    String logs = promtail(GOOD_LABELS, "").replace("external_labels: {cluster: eu1}", "external_labels: {cluster: '${CLUSTER}'}");
    assertThat(lint(PROMETHEUS, logs)).extracting(Finding::ruleId).containsExactly("xsrc/cannot-verify");
  }

  @Test
  void externalLabelsOfOnePrometheusDoNotLeakIntoTheJobsOfAnother() throws IOException {
    String other = "global:\n  external_labels: {cluster: us1}\nscrape_configs:\n  - job_name: other\n"
        + "    static_configs: [{targets: ['o:1'], labels: {app: other}}]\n";
    SourceLinter linter = LintHarness.of("prometheus.yml", PROMETHEUS).with("us/prometheus.yml", other).linter();
    linter.check(List.of(), dev.promotel.lint.LintContext.defaults(), f -> { });
    assertThat(linter.groups()).extracting(g -> g.labels.get("cluster").value().describe())
        .containsExactly("\"eu1\"", "\"us1\"");
  }

  @Test
  void aDumpLabelTheScrapeConfigAlsoSetsCollidesUnlessHonorLabels() throws IOException {
    String dump = "# HELP up_total x\n# TYPE up_total counter\nup_total{namespace=\"other\",code=\"1\"} 1\n"
        + "up_total{namespace=\"other\",code=\"2\"} 1\n";
    List<Finding> f = LintHarness.of("prometheus.yml", PROMETHEUS).dump("shop.prom", dump).findings();
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.ruleId()).isEqualTo("cfg/honor-labels-collision");
      assertThat(x.position().toString()).isEqualTo("shop.prom:3:10");
      assertThat(x.message()).contains("exported_namespace");
    });
    String honoring = PROMETHEUS.replace("- job_name: shop", "- job_name: shop\n    honor_labels: true");
    assertThat(LintHarness.of("prometheus.yml", honoring).dump("shop.prom", dump).findings()).isEmpty();
  }

  @Test
  void droppingAnIdentityLabelWithNoCounterpartIsReportedAsARelabelDrop() throws IOException {
    String prom = PROMETHEUS.replace("labels: {namespace: web, env: production, app: shop}",
        "labels: {namespace: web, env: production, app: shop}\n    metric_relabel_configs:\n"
            + "      - {action: labeldrop, regex: namespace}");
    List<Finding> f = LintHarness.of("prometheus.yml", prom).findings();
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.ruleId()).isEqualTo("cfg/relabel-drops-identity");
      assertThat(x.position().toString()).isEqualTo("prometheus.yml:9:36");
    });
    String dropsOther = prom.replace("regex: namespace", "regex: pod");
    assertThat(LintHarness.of("prometheus.yml", dropsOther).findings()).isEmpty();
  }

  @Test
  void aWriteRelabelOfTheOnlyRemoteWriteThatDropsAnIdentityLabelIsReported() throws IOException {
    String prom = PROMETHEUS + "remote_write:\n  - url: http://mimir/api/v1/push\n    write_relabel_configs:\n"
        + "      - {action: labeldrop, regex: env}\n";
    assertThat(lint(prom, promtail(GOOD_LABELS, ""))).extracting(Finding::ruleId, Finding::subject)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("xsrc/missing-identity-label", "env"));
    String two = prom + "  - url: http://backup/api/v1/push\n";
    assertThat(lint(two, promtail(GOOD_LABELS, ""))).isEmpty();
  }

  @Test
  void relabelTargetsThatCannotSurviveAreInvalid() throws IOException {
    String logs = promtail(GOOD_LABELS, "").replace("    pipeline_stages:", String.join("\n",
        "    relabel_configs:",
        "      - {target_label: app.name, replacement: shop}",
        "      - {target_label: __service__, replacement: shop}",
        "      - {target_label: __tmp_x, replacement: shop}",
        "      - {target_label: __scratch__, replacement: shop}",
        "      - {source_labels: [__scratch__], target_label: team}",
        "    pipeline_stages:"));
    List<Finding> f = LintHarness.of("promtail.yaml", logs).findings();
    assertThat(f).filteredOn(x -> x.ruleId().equals("cfg/relabel-invalid-target"))
        .extracting(Finding::subject).containsExactly("app.name", "__service__");
  }

  private static dev.promotel.lint.LintContext withJobFormat(String format) {
    dev.promotel.lint.IdentityConfig d = dev.promotel.lint.IdentityConfig.defaults();
    return new dev.promotel.lint.LintContext(new dev.promotel.lint.IdentityConfig(d.required(), d.aliases(),
        d.valueAliases(), java.util.Optional.of(format)), dev.promotel.lint.Thresholds.defaults(),
        java.util.Map.of(), java.util.Set.of());
  }

  @Test
  void aJobThatIsNotInTheConfiguredShapeIsAValueFormatMismatch() throws IOException {
    List<Finding> f = LintHarness.of("prometheus.yml", PROMETHEUS)
        .context(withJobFormat("{namespace}/{service}")).findings();
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.ruleId()).isEqualTo("xsrc/value-format-mismatch");
      assertThat(x.message()).contains("\"{namespace}/{service}\"").contains("\"web/shop\"");
    });
    String shaped = PROMETHEUS.replace("- job_name: shop", "- job_name: web/shop");
    assertThat(LintHarness.of("prometheus.yml", shaped).context(withJobFormat("{namespace}/{service}")).findings())
        .isEmpty();
    assertThat(LintHarness.of("prometheus.yml", PROMETHEUS).findings()).as("no jobFormat configured").isEmpty();
  }

  @Test
  void rulesTheConfigSwitchesOffAreNotReported() throws IOException {
    dev.promotel.lint.LintContext off = new dev.promotel.lint.LintContext(dev.promotel.lint.IdentityConfig.defaults(),
        dev.promotel.lint.Thresholds.defaults(), java.util.Map.of(), java.util.Set.of("xsrc/value-alias"));
    assertThat(LintHarness.of("prometheus.yml", PROMETHEUS)
        .with("promtail.yaml", promtail("job: shop, app: shop, namespace: web, env: prod", ""))
        .context(off).findings()).isEmpty();
  }

  private static List<String> ruleIds(String promtail) throws IOException {
    return lint(PROMETHEUS, promtail).stream().map(Finding::ruleId).toList();
  }
}
