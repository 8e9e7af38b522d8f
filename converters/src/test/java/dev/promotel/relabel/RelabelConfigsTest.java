package dev.promotel.relabel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.promotel.yaml.ConfigException;
import dev.promotel.yaml.YamlLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Loading relabel rules: document shapes, defaults, and Prometheus' load-time validation. */
class RelabelConfigsTest {

  private static List<RelabelRule> parse(String yaml, String job) throws IOException {
    return RelabelConfigs.parse(YamlLoader.load("r.yml", yaml), job);
  }

  @Test
  void fillsInPrometheusDefaults() throws IOException {
    RelabelRule rule = parse("- target_label: env\n", null).get(0);

    assertThat(rule.action()).isEqualTo(RelabelAction.REPLACE);
    assertThat(rule.separator()).isEqualTo(";");
    assertThat(rule.regex().source()).isEqualTo("(.*)");
    assertThat(rule.defaultRegex()).isTrue();
    assertThat(rule.replacement()).isEqualTo("$1");
    assertThat(rule.sourceLabels()).isEmpty();
    assertThat(rule.describe()).isEqualTo("#1 r.yml:1:3 replace");
  }

  @Test
  void readsAScrapeJobsRules() throws IOException {
    List<RelabelRule> rules = parse("job_name: node\nmetric_relabel_configs:\n"
        + "  - {regex: a, action: labeldrop}\n", null);

    assertThat(rules).extracting(RelabelRule::action).containsExactly(RelabelAction.LABELDROP);
  }

  @Test
  void picksThePrometheusYmlJobThatHasRules() throws IOException {
    String yaml = "global: {scrape_interval: 15s}\nscrape_configs:\n"
        + "  - job_name: a\n"
        + "  - job_name: b\n    metric_relabel_configs:\n      - {regex: x, action: labeldrop}\n";

    assertThat(parse(yaml, null)).hasSize(1);
    assertThat(parse(yaml, "b")).hasSize(1);
    assertThatThrownBy(() -> parse(yaml, "a")).hasMessage(
        "r.yml:3:5: scrape job \"a\" has no metric_relabel_configs");
  }

  @Test
  void asksForAJobWhenSeveralHaveRules() {
    String yaml = "scrape_configs:\n"
        + "  - {job_name: a, metric_relabel_configs: [{regex: x, action: labeldrop}]}\n"
        + "  - {job_name: b, metric_relabel_configs: [{regex: y, action: labeldrop}]}\n";

    assertThatThrownBy(() -> parse(yaml, null)).hasMessage("r.yml:2:3: several scrape jobs have"
        + " metric_relabel_configs (a, b): pick one with --relabel-job");
  }

  @Test
  void loadsTheSampleFile() throws IOException {
    List<RelabelRule> rules = RelabelConfigs.load(Path.of("../samples/relabel.yml"), null);

    assertThat(rules).extracting(RelabelRule::action).containsExactly(RelabelAction.DROP,
        RelabelAction.DROP, RelabelAction.REPLACE, RelabelAction.HASHMOD, RelabelAction.DROP);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        arguments("unknown action", "- source_labels: [a]\n  action: rewrite\n",
            "r.yml:2:11: relabel rule #1: unknown relabel action \"rewrite\" (expected replace,"
                + " keep, drop, keepequal, dropequal, hashmod, labelmap, labeldrop, labelkeep,"
                + " lowercase or uppercase)"),
        arguments("empty action", "- {action: ''}\n",
            "r.yml:1:12: relabel rule #1: relabel action cannot be empty"),
        arguments("unknown key", "- {source_label: [a], target_label: b}\n",
            "r.yml:1:4: unknown key \"source_label\" (did you mean \"source_labels\"?)"),
        arguments("hashmod without modulus", "- {source_labels: [a], target_label: s,"
            + " action: hashmod}\n",
            "r.yml:1:3: relabel rule #1: relabel configuration for hashmod requires non-zero"
                + " modulus"),
        arguments("hashmod with modulus 0", "- {source_labels: [a], target_label: s,"
            + " modulus: 0, action: hashmod}\n",
            "r.yml:1:50: relabel rule #1: relabel configuration for hashmod requires non-zero"
                + " modulus"),
        arguments("negative modulus", "- {modulus: -1, target_label: s, action: hashmod}\n",
            "r.yml:1:13: relabel rule #1: modulus: expected a non-negative integer, got \"-1\""),
        arguments("replace without target", "- {source_labels: [a]}\n",
            "r.yml:1:3: relabel rule #1: relabel configuration for replace action requires"
                + " 'target_label' value"),
        arguments("lowercase with a replacement", "- {source_labels: [a], target_label: b,"
            + " replacement: x, action: lowercase}\n",
            "r.yml:1:54: relabel rule #1: 'replacement' can not be set for lowercase action"),
        arguments("labelmap with an empty replacement", "- {regex: a, replacement: '',"
            + " action: labelmap}\n",
            "r.yml:1:27: relabel rule #1: \"\" is invalid 'replacement' for labelmap action"),
        arguments("keepequal with a regex", "- {source_labels: [a], target_label: b, regex: x,"
            + " action: keepequal}\n",
            "r.yml:1:3: relabel rule #1: keepequal action requires only 'source_labels' and"
                + " `target_label`, and no other fields"),
        arguments("labeldrop with source labels", "- {source_labels: [a], regex: x,"
            + " action: labeldrop}\n",
            "r.yml:1:3: relabel rule #1: labeldrop action requires only 'regex', and no other"
                + " fields"),
        arguments("an empty source label name", "- {source_labels: [''], target_label: b}\n",
            "r.yml:1:20: relabel rule #1: \"\" is not a valid label name"),
        arguments("a rule that is not a mapping", "- just a string\n",
            "r.yml:1:3: expected a mapping, got a scalar"),
        arguments("not a list", "foo: bar\n", "r.yml:1:1: expected a list of relabel rules, a"
            + " scrape job with metric_relabel_configs, or a prometheus.yml with scrape_configs"),
        arguments("an empty document", "", "r.yml:1:1: expected a list of relabel rules"
            + " (metric_relabel_configs), got an empty document"),
        arguments("a lookahead regex", "- source_labels: [a]\n  regex: 'x(?=y)'\n"
            + "  action: drop\n",
            "r.yml:2:12: relabel rule #1: invalid regex \"x(?=y)\": invalid or unsupported Perl"
                + " syntax at `(?=` (RE2 syntax: no backreferences, lookaround, possessive or"
                + " atomic groups)"),
        arguments("a backreference", "- {source_labels: [a], regex: (a)\\1, action: drop}\n",
            "r.yml:1:34: relabel rule #1: invalid regex \"(a)\\\\1\": invalid escape sequence at"
                + " `\\1` (RE2 syntax: no backreferences, lookaround, possessive or atomic"
                + " groups)"),
        arguments("invalid YAML", "- {source_labels: [a\n", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejectsWhatPrometheusRejectsAtItsNode(String name, String yaml, String message) {
    var thrown = assertThatThrownBy(() -> parse(yaml, null)).isInstanceOf(ConfigException.class);
    if (message != null) thrown.hasMessage(message);
    else thrown.hasMessageStartingWith("r.yml:");
  }
}
