package dev.promotel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenameEndToEndTest {
  private static final String NODE = Path.of("..", "samples", "node_exporter.prom").toString();

  @TempDir Path dir;

  /** Point value by "metric{k=v,...}" (attributes sorted) from OTLP JSON. */
  private static Map<String, String> points(String json) throws IOException {
    JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    Map<String, String> out = new HashMap<>();
    for (JsonNode rm : root.path("resourceMetrics")) {
      for (JsonNode sm : rm.path("scopeMetrics")) {
        for (JsonNode m : sm.path("metrics")) {
          for (String kind : new String[] {"sum", "gauge", "histogram"}) {
            for (JsonNode p : m.path(kind).path("dataPoints")) {
              java.util.TreeMap<String, String> attrs = new java.util.TreeMap<>();
              for (JsonNode a : p.path("attributes")) {
                attrs.put(a.path("key").asText(), a.path("value").elements().next().asText());
              }
              String value = p.has("asDouble") ? p.path("asDouble").asText()
                  : p.has("asInt") ? p.path("asInt").asText() : p.path("count").asText();
              out.put(m.path("name").asText() + "[" + m.path("unit").asText() + "]" + attrs, value);
            }
          }
        }
      }
    }
    return out;
  }

  @Test
  void nodeExporterBecomesSystemMetricsWithInterruptSummedFromIrqAndSoftirq() throws IOException {
    Cli cli = Cli.run("rename", "semconv", NODE, "--to", "otlp-json");
    assertThat(cli.exitCode).as(cli.err).isZero();
    Map<String, String> p = points(cli.out);
    // cpu 0: irq 0 + softirq 1722.95; cpu 2: irq 0 + softirq 688.54 (samples/node_exporter.prom)
    assertThat(p).containsEntry("system.cpu.time[s]{cpu.logical_number=0, cpu.mode=interrupt}", "1722.95");
    assertThat(p).containsEntry("system.cpu.time[s]{cpu.logical_number=0, cpu.mode=user}", "58912.44");
    assertThat(p.keySet()).noneMatch(k -> k.contains("softirq") || k.contains("cpu.mode=irq"));
    assertThat(p).containsKey("system.memory.usage[By]{system.memory.state=free}");
    assertThat(p).containsKey("system.memory.usage[By]{system.memory.state=cached}");
    assertThat(p).containsKey("system.network.io[By]{network.interface.name=eth0, network.io.direction=receive}");
    assertThat(p).containsKey("system.disk.io[By]{disk.io.direction=write, system.device=sda}");
    assertThat(p.keySet()).noneMatch(k -> k.startsWith("node_cpu_seconds_total") || k.startsWith("node_cpu_guest"));
    assertThat(cli.err).contains("families matched no rule");
  }

  @Test
  void unitsAreScaledNanosecondsToSecondsAndMillisecondHistogramsToSeconds() throws IOException {
    Path in = Files.writeString(dir.resolve("jvm.prom"), "# TYPE process_cpu_time_ns_total counter\n"
        + "process_cpu_time_ns_total 2.5e+09\n"
        + "# TYPE http_server_duration_milliseconds histogram\n"
        + "http_server_duration_milliseconds_bucket{http_method=\"GET\",le=\"100\"} 1\n"
        + "http_server_duration_milliseconds_bucket{http_method=\"GET\",le=\"+Inf\"} 2\n"
        + "http_server_duration_milliseconds_sum{http_method=\"GET\"} 300\n"
        + "http_server_duration_milliseconds_count{http_method=\"GET\"} 2\n");
    Cli cli = Cli.run("rename", "semconv", in.toString(), "--to", "prom");
    assertThat(cli.exitCode).as(cli.err).isZero();
    assertThat(cli.out).contains("jvm_cpu_time_seconds_total 2.5\n")
        .contains("http_server_request_duration_seconds_bucket{http_request_method=\"GET\",le=\"0.1\"} 1\n")
        .contains("http_server_request_duration_seconds_sum{http_request_method=\"GET\"} 0.3\n");
  }

  @Test
  void verboseListsTheFamiliesNoRuleMatched() {
    Cli cli = Cli.run("-v", "rename", "semconv", NODE, "--to", "otlp-json");
    assertThat(cli.err).contains("unmatched: node_uname_info").contains("unmatched: node_time_seconds");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "UnderscoreEscapingWithSuffixes | system_cpu_time_seconds_total{cpu_logical_number=\"0\",cpu_mode=\"user\"}",
    "UnderscoreEscapingWithoutSuffixes | system_cpu_time{cpu_logical_number=\"0\",cpu_mode=\"user\"}",
    "NoUTF8EscapingWithSuffixes | {\"system.cpu.time_seconds_total\",\"cpu.logical_number\"=\"0\",\"cpu.mode\"=\"user\"}",
    "NoTranslation | {\"system.cpu.time\",\"cpu.logical_number\"=\"0\",\"cpu.mode\"=\"user\"}",
  })
  void semconvNamesGetThePrometheusNameOfEachStrategy(String strategy, String expected) throws IOException {
    Path otlp = dir.resolve("semconv.json");
    Cli first = Cli.run("rename", "semconv", NODE, "--to", "otlp-json", "-o", otlp.toString());
    assertThat(first.exitCode).as(first.err).isZero();
    Cli cli = Cli.run("rename", "prometheus", otlp.toString(), "--to", "prom",
        "--translation-strategy", strategy);
    assertThat(cli.exitCode).as(cli.err).isZero();
    assertThat(cli.out).contains(expected + " 58912.44");
  }

  @Test
  void aBundledSetNamedWithRulesRunsInReverse() throws IOException {
    Path otlp = dir.resolve("semconv.json");
    Cli.run("rename", "semconv", NODE, "--to", "otlp-json", "-o", otlp.toString());
    Cli cli = Cli.run("rename", "prometheus", otlp.toString(), "--to", "prom", "--rules", "node-exporter");
    assertThat(cli.exitCode).as(cli.err).isZero();
    assertThat(cli.out).contains("node_cpu_seconds_total{cpu=\"0\",mode=\"irq\"} 1722.95\n")
        .contains("node_memory_MemFree_bytes ")
        .contains("node_disk_written_bytes_total{device=\"sda\"}");
  }

  @Test
  void aReversedRuleGivesBackTheExportersExactNameAndType() throws IOException {
    Path in = Files.writeString(dir.resolve("v.prom"), "# TYPE node_vmstat_pgmajfault untyped\n"
        + "node_vmstat_pgmajfault 12\n");
    Path otlp = dir.resolve("v.json");
    Cli.run("rename", "semconv", in.toString(), "--to", "otlp-json", "-o", otlp.toString());
    Cli cli = Cli.run("rename", "prometheus", otlp.toString(), "--to", "prom", "--rules", "node-exporter");
    assertThat(cli.exitCode).as(cli.err).isZero();
    assertThat(cli.out).contains("# TYPE node_vmstat_pgmajfault untyped\nnode_vmstat_pgmajfault 12\n")
        .doesNotContain("_total");
  }

  @Test
  void checkHonoursTheRequiredAttributesARuleAcknowledgesItCannotSupply() {
    Cli golang = Cli.run("rename", "semconv", Path.of("..", "samples", "client_golang.prom").toString(), "--check");
    assertThat(golang.exitCode).as(golang.out).isZero();
    assertThat(golang.out).doesNotContain("http.server.active_requests: missing-required-attribute");
    Cli node = Cli.run("rename", "semconv", NODE, "--check");
    assertThat(node.out).doesNotContain("process.cpu.time: missing-required-attribute");
  }

  @Test
  void checkReportsRegistryProblemsAndExitsOne() throws IOException {
    Path in = Files.writeString(dir.resolve("old.json"), "{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{"
        + "\"name\":\"http.server.request.duration\",\"unit\":\"ms\",\"histogram\":{\"aggregationTemporality\":2,"
        + "\"dataPoints\":[{\"attributes\":[{\"key\":\"http.method\",\"value\":{\"stringValue\":\"GET\"}}],"
        + "\"count\":\"1\",\"sum\":5,\"timeUnixNano\":\"1\"}]}}]}]}]}");
    Cli check = Cli.run("rename", "prometheus", in.toString(), "--check");
    assertThat(check.exitCode).isEqualTo(1);
    assertThat(check.out).contains("http.server.request.duration: wrong-unit: unit \"ms\", registry \"s\"")
        .contains("deprecated-attribute: \"http.method\" is deprecated; use \"http.request.method\"")
        .contains("missing-required-attribute: \"url.scheme\" is required");
  }

  @Test
  void aMalformedUserRuleFileIsAUsageErrorAtItsLineAndColumn() throws IOException {
    Path rules = Files.writeString(dir.resolve("bad.yaml"), "schema: promotel.rules/v1\n"
        + "ruleset: { id: mine }\n"
        + "rules:\n"
        + "  - id: a\n"
        + "    match: { name: node_load1 }\n"
        + "    to: { name: system.cpu.load, instrumnt: gauge }\n", StandardCharsets.UTF_8);
    Cli cli = Cli.run("rename", "semconv", NODE, "--rules", rules.toString());
    assertThat(cli.exitCode).isEqualTo(2);
    assertThat(cli.err).contains(rules + ":6:34: error: unknown key \"instrumnt\"");
    assertThat(Cli.run("rules", "test", rules.toString()).exitCode).isEqualTo(2);
  }

  @Test
  void twoRuleFilesGivingOneTargetDifferentUnitsAreAUsageErrorNamingBothRules() throws IOException {
    Path a = Files.writeString(dir.resolve("a.yaml"), "schema: promotel.rules/v1\n"
        + "ruleset: { id: one, target: { semconv: none } }\n"
        + "rules:\n  - { id: x, match: { name: node_load1 }, to: { name: my.load, instrument: gauge, unit: s } }\n");
    Path b = Files.writeString(dir.resolve("b.yaml"), "schema: promotel.rules/v1\n"
        + "ruleset: { id: two, target: { semconv: none } }\n"
        + "rules:\n  - { id: y, match: { name: node_load5 }, to: { name: my.load, instrument: gauge, unit: ms } }\n");
    Cli cli = Cli.run("rename", "semconv", NODE, "--no-bundled", "--rules", a.toString(), "--rules", b.toString());
    assertThat(cli.exitCode).as(cli.err).isEqualTo(2);
    assertThat(cli.err).contains("one/x").contains("two/y");
  }

  @Test
  void aUserRuleFileOverridesTheBundledRule() throws IOException {
    Path rules = Files.writeString(dir.resolve("mine.yaml"), "schema: promotel.rules/v1\n"
        + "ruleset: { id: mine, target: { semconv: none } }\n"
        + "rules:\n"
        + "  - { id: load, match: { name: node_load1 }, to: { name: host.load.1m, instrument: gauge },"
        + " confidence: mine, evidence: mine }\n");
    Cli cli = Cli.run("rename", "semconv", NODE, "--rules", rules.toString(), "--to", "prom",
        "--translation-strategy", "NoTranslation");
    assertThat(cli.out).contains("{\"host.load.1m\"} 0.41").doesNotContain("load_average.1m");
  }

  @Test
  void aMissingOrUnknownTargetNamingIsAUsageError() {
    assertThat(Cli.run("rename").exitCode).isEqualTo(2);
    Cli cli = Cli.run("rename", "otel", NODE);
    assertThat(cli.exitCode).isEqualTo(2);
    assertThat(cli.err).contains("expected semconv or prometheus");
  }

  @Test
  void rulesTestPassesForEveryBundledFile() {
    Cli cli = Cli.run("rules", "test");
    assertThat(cli.exitCode).as(cli.out).isZero();
    assertThat(cli.out).contains("ok   node-exporter:").contains(" 0 failed");
  }

  @Test
  void rulesListShowsEveryBundledSetWithItsRuleCount() {
    Cli cli = Cli.run("rules", "list");
    assertThat(cli.exitCode).isZero();
    assertThat(cli.out).contains("node-exporter").contains("kube-state-metrics").contains("micrometer-jvm")
        .containsPattern("12 rule sets, [0-9]{3} rules");
    Cli show = Cli.run("rules", "show", "node-exporter");
    assertThat(show.out).contains("cpu-time").contains("node_cpu_seconds_total").contains("system.cpu.time (counter, s)");
  }

  @Test
  void rulesShowGivesTheValueScaleAndTheValueMapsOfARule() {
    Cli spring = Cli.run("rules", "show", "otel-legacy-upgrade");
    assertThat(spring.exitCode).isZero();
    assertThat(spring.out).containsPattern("http-server-duration-ms +\\S+ +→ http\\.server\\.request\\.duration"
        + " \\(histogram, s\\) ×0\\.001");
    Cli node = Cli.run("rules", "show", "node-exporter");
    assertThat(node.out).containsPattern("cpu-time .*system\\.cpu\\.time \\(counter, s\\) .*cpu\\.mode: [0-9]+ mapped, others kept");
    Cli golang = Cli.run("rules", "show", "client-golang");
    assertThat(golang.out).contains("drops values 9223372036854775807");
  }

  @Test
  void aMalformedExampleInputIsAUsageErrorWithOnePosition() throws IOException {
    Path rules = Files.writeString(dir.resolve("ex.yaml"), "schema: promotel.rules/v1\n"
        + "ruleset: { id: t, target: { semconv: none } }\n"
        + "rules:\n"
        + "  - { id: a, match: { name: foo }, to: { name: bar, instrument: gauge } }\n"
        + "examples:\n"
        + "  - in: \"foo{{ 1\"\n"
        + "    out: \"bar{} 1\"\n");
    Cli cli = Cli.run("rules", "test", rules.toString());
    assertThat(cli.exitCode).isEqualTo(2);
    assertThat(cli.err).contains(rules + ":6:9: error: example \"in\" is not valid Prometheus text");
  }

  @Test
  void aFailingExampleMakesRulesTestExitOneAndShowsBothSides() throws IOException {
    Path rules = Files.writeString(dir.resolve("mine.yaml"), "schema: promotel.rules/v1\n"
        + "ruleset: { id: mine, target: { semconv: none }, direction: to-otel }\n"
        + "rules:\n"
        + "  - { id: a, match: { name: app_ms }, to: { name: app.duration, instrument: gauge, unit: s },"
        + " scale: { from: ms }, confidence: mine, evidence: mine }\n"
        + "examples:\n"
        + "  - { in: 'app_ms 1500', out: 'app.duration{} 1.5' }\n"
        + "  - { in: 'app_ms 1500', out: 'app.duration{} 1500' }\n");
    Cli cli = Cli.run("rules", "test", rules.toString());
    assertThat(cli.exitCode).isEqualTo(1);
    assertThat(cli.out).contains("FAIL mine example at").contains("expected: app.duration{} 1500")
        .contains("actual:   app.duration{} 1.5").contains("1 examples passed, 1 failed");
  }
}
