package dev.promotel.lint.source;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promotel.yaml.ConfigException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Configs of the wrong shape fail with a positioned ConfigException (exit 2), never another exception. */
class MalformedConfigTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("prometheus", "scrape_configs: {a: 1}\n", "c:1:17: expected a sequence, got a mapping"),
        Arguments.of("prometheus", "global:\n  external_labels: [a]\n", "c:2:20: expected a mapping, got a sequence"),
        Arguments.of("prometheus", "scrape_configs:\n  - job_name: a\n    relabel_configs:\n      - regex: '(['\n",
            "c:4:16: invalid regex \"([\""),
        Arguments.of("prometheus", "scrape_configs:\n  - job_name: [a]\n", "c:2:15: expected a scalar, got a sequence"),
        Arguments.of("promtail", "scrape_configs:\n  - job_name: a\n    pipeline_stages:\n      - labels: [a]\n",
            "c:4:17: expected a mapping, got a sequence"),
        Arguments.of("promtail", "clients:\n  - external_labels: x\n", "c:2:22: expected a mapping, got a scalar"),
        Arguments.of("prometheus-operator", "kind: ServiceMonitor\nmetadata: {name: a}\nspec:\n  endpoints: {}\n",
            "c:4:14: expected a sequence, got a mapping"),
        Arguments.of("prometheus-operator", "kind: PodMonitor\nmetadata: {name: a}\n", "c:1:1: missing required key \"spec\""),
        Arguments.of("otelcol", "processors:\n  resource:\n    attributes: [{value: x}]\nexporters: {}\n"
            + "service: {pipelines: {logs: {processors: [resource]}}}\n", "c:3:18: missing required key \"key\""),
        Arguments.of("otelcol", "exporters: {}\nservice: {pipelines: {logs: {exporters: [{a: 1}]}}}\n",
            "c:2:42: expected a scalar, got a mapping"),
        Arguments.of("loki", "limits_config:\n  max_label_names_per_series: many\n", "c:2:31: expected an integer, got \"many\""),
        Arguments.of("alloy", "discovery.relabel \"a\" {\n  rule {\n    regex = \"([\"\n  }\n}\n",
            "c:3:13: invalid regex \"([\""),
        Arguments.of("alloy", "discovery.relabel \"a\" {\n  rule { action = \"keeep\" }\n}\n",
            "c:2:19: unknown relabel action \"keeep\""),
        Arguments.of("alloy", "a = {b = 1,, }\n", "c:1:12: expected an object key, got \",\""));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("cases")
  void badShapesArePositionedConfigErrors(String kind, String text, String message) {
    assertThatThrownBy(() -> new SourceLinter().add(kind, Path.of("c"), text))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith(message);
  }
}
