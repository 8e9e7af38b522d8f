package dev.promotel.lint.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.SourcePosition;
import dev.promotel.yaml.YamlLoader;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RelabelEvaluatorTest {
  private static final SourcePosition AT = SourcePosition.text("t", 1, 1);

  private static List<RelabelRule> rules(String yaml) throws IOException {
    return RelabelRule.listFromYaml(java.util.Optional.of(YamlLoader.load("r.yml", yaml)), false);
  }

  private static Map<String, String> shapes(RelabelEvaluator ev) {
    Map<String, String> out = new TreeMap<>();
    ev.labels().forEach((k, v) -> out.put(k, v.value().describe()));
    return out;
  }

  private static RelabelEvaluator literal(String... namesAndValues) {
    RelabelEvaluator ev = new RelabelEvaluator(false);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      ev.set(new DerivedLabel(namesAndValues[i], LabelValue.literal(namesAndValues[i + 1]), AT, "test",
          DerivedLabel.Origin.TARGET));
    }
    return ev;
  }

  @Test
  void literalValuesAreRelabelledExactlyWithGoStyleExpansion() throws IOException {
    RelabelEvaluator ev = literal("__address__", "10.0.0.1:9100", "job", "node");
    ev.apply(rules("""
        - source_labels: [__address__]
          regex: '([^:]+):\\d+'
          target_label: host
          replacement: ${1}
        - source_labels: [job]
          regex: 'no-match'
          target_label: job
          replacement: other
        """), "relabel_configs");
    assertThat(shapes(ev)).containsEntry("host", "\"10.0.0.1\"").containsEntry("job", "\"node\"");
  }

  @Test
  void discoveredValuesFlowThroughReplaceAsSymbols() throws IOException {
    RelabelEvaluator ev = new RelabelEvaluator(true);
    ev.apply(rules("""
        - source_labels: [__meta_kubernetes_namespace]
          target_label: namespace
        - source_labels: [__meta_kubernetes_namespace, __meta_kubernetes_pod_label_app]
          separator: /
          target_label: job
        - source_labels: [__meta_kubernetes_pod_label_app]
          regex: '(.+)'
          target_label: service
          replacement: svc-$1
        """), "relabel_configs");
    assertThat(shapes(ev))
        .containsEntry("namespace", "\"<namespace>\"")
        .containsEntry("job", "\"<namespace>/<pod label app>\"")
        .containsEntry("service", "\"svc-<pod label app>\"");
  }

  @Test
  void theFirstNonEmptyIdiomIsOneSymbolThatBothSidesCanShare() throws IOException {
    RelabelEvaluator ev = new RelabelEvaluator(true);
    ev.apply(rules("""
        - source_labels: [__meta_kubernetes_pod_label_app_kubernetes_io_name, __meta_kubernetes_pod_label_app]
          regex: '^;*([^;]+)(;.*)?$'
          target_label: app
        """), "relabel_configs");
    assertThat(shapes(ev)).containsEntry("app",
        "\"<first non-empty of (pod label app_kubernetes_io_name, pod label app)>\"");
  }

  @Test
  void aRegexThatCannotBeAppliedToASymbolGivesAnUnknownValueNotAGuess() throws IOException {
    RelabelEvaluator ev = new RelabelEvaluator(true);
    ev.apply(rules("""
        - source_labels: [__meta_kubernetes_pod_label_app]
          regex: '(\\w+)-v\\d+'
          target_label: app
        """), "relabel_configs");
    assertThat(ev.labels().get("app").value().hasUnknown()).isTrue();
  }

  @Test
  void keepWithOneLiteralPinsTheSymbolAndKeepOnAFailingLiteralDropsTheTarget() throws IOException {
    RelabelEvaluator ev = new RelabelEvaluator(true);
    ev.apply(rules("""
        - source_labels: [__meta_kubernetes_pod_label_app]
          target_label: app
        - source_labels: [__meta_kubernetes_pod_label_app]
          regex: checkout
          action: keep
        """), "relabel_configs");
    assertThat(ev.labels().get("app").value().concrete()).contains("checkout");
    assertThat(ev.dropped()).isFalse();

    RelabelEvaluator literal = literal("env", "dev");
    literal.apply(rules("- {source_labels: [env], regex: prod, action: keep}\n"), "relabel_configs");
    assertThat(literal.dropped()).isTrue();
  }

  @Test
  void labelmapOfDiscoveryLabelsIsAnOpenFamilyAndLabeldropRecordsWhatItRemoved() throws IOException {
    RelabelEvaluator ev = literal("namespace", "shop", "team", "a");
    RelabelEvaluator sd = new RelabelEvaluator(true);
    sd.apply(rules("- {action: labelmap, regex: '__meta_kubernetes_pod_label_(.+)'}\n"), "relabel_configs");
    assertThat(sd.open()).singleElement().extracting(SignalGroup.OpenFamily::description)
        .asString().startsWith("every pod label");
    ev.apply(rules("- {action: labeldrop, regex: 'name.*'}\n- {action: labelmap, regex: 'te(am)', replacement: 'x$1'}\n"),
        "relabel_configs");
    assertThat(ev.labels()).containsOnlyKeys("team", "xam");
    assertThat(ev.drops()).singleElement().extracting(SignalGroup.Drop::label).isEqualTo("namespace");
  }

  @Test
  void lowercaseAndHashmodKeepWhatCanBeKnown() throws IOException {
    RelabelEvaluator ev = literal("app", "Shop");
    ev.apply(rules("""
        - {source_labels: [app], action: lowercase, target_label: app}
        - {source_labels: [app], action: hashmod, modulus: 4, target_label: __tmp_hash}
        """), "relabel_configs");
    assertThat(ev.labels().get("app").value().concrete()).contains("shop");
    assertThat(ev.labels().get("__tmp_hash").value().hasUnknown()).isTrue();
    ev.finish();
    assertThat(ev.labels()).containsOnlyKeys("app");
  }

  @Test
  void anEmptyReplacementResultDeletesTheTarget() throws IOException {
    RelabelEvaluator ev = literal("team", "a");
    ev.apply(rules("- {source_labels: [missing], target_label: team}\n"), "relabel_configs");
    assertThat(ev.labels()).doesNotContainKey("team");
  }

  @Test
  void anUnknownActionIsAPositionedConfigError() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> rules("- {action: repalce, target_label: a}\n"))
        .hasMessageContaining("r.yml:1:12").hasMessageContaining("unknown relabel action \"repalce\"");
  }
}
