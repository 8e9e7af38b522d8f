package dev.promotel.translate.semconv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricWriter;
import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attributes;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.Resource;
import dev.promotel.model.Scope;
import dev.promotel.model.Sum;
import dev.promotel.translate.naming.TranslationStrategy;
import dev.promotel.translate.naming.UnitDialect;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusRenamerTest {
  private final List<String> out = new ArrayList<>();

  private PrometheusRenamer renamer(String... bundledIds) throws IOException {
    List<RuleSet> sets = new ArrayList<>();
    for (RuleSet s : new RuleLoader(Registry.bundled()).bundled()) {
      if (List.of(bundledIds).contains(s.id())) sets.add(s);
    }
    MetricWriter collect = new MetricWriter() {
      @Override
      public void write(MetricFamily f) {
        for (var p : f.data().points()) out.add(f.name() + p.attributes() + " " + ((NumberPoint) p).value());
      }

      @Override
      public void close() {}
    };
    TranslationStrategy s = TranslationStrategy.UNDERSCORE_ESCAPING_WITH_SUFFIXES;
    return new PrometheusRenamer(collect, new RuleEngine(sets),
        new PrometheusNames(Registry.bundled(), s, UnitDialect.OTLPTRANSLATOR), s, new Diagnostics());
  }

  private static MetricFamily counter(String name, String unit, NumberPoint... points) {
    return new MetricFamily(name, "", unit, Resource.EMPTY, Scope.EMPTY,
        new Sum(AggregationTemporality.CUMULATIVE, true, List.of(points)), Attributes.EMPTY, null);
  }

  private static NumberPoint point(double v, String... labels) {
    return NumberPoint.of(Attributes.of(labels), NumberValue.ofDouble(v));
  }

  @Test
  void aRegexRuleGoesBackThroughItsNameTemplateAndInvertedCapture() throws IOException {
    renamer("node-exporter").write(counter("system.disk.io", "By",
        point(1, "disk.io.direction", "read", "system.device", "sda"),
        point(2, "disk.io.direction", "write", "system.device", "sda")));
    assertThat(out).containsExactly(
        "node_disk_read_bytes_total{device=\"sda\"} 1.0",
        "node_disk_written_bytes_total{device=\"sda\"} 2.0");
  }

  @Test
  void constantsChooseTheSourceRulePerSeries() throws IOException {
    renamer("node-exporter").write(new MetricFamily("system.memory.usage", "", "By", Resource.EMPTY,
        Scope.EMPTY, new Sum(AggregationTemporality.CUMULATIVE, false, List.of(
            point(5, "system.memory.state", "free"), point(7, "system.memory.state", "cached"),
            point(9, "system.memory.state", "used"))), Attributes.EMPTY, null));
    assertThat(out).containsExactly(
        "node_memory_MemFree_bytes{} 5.0",
        "node_memory_Cached_bytes{} 7.0",
        "system_memory_usage_bytes{system_memory_state=\"used\"} 9.0");
  }

  @Test
  void scalesAreDividedOutOnTheWayBack() throws IOException {
    renamer("micrometer-jvm").write(counter("jvm.cpu.time", "s", point(2.5)));
    assertThat(out).containsExactly("process_cpu_time_ns_total{} 2.5E9");
  }

  @Test
  void withoutRulesTheRegistryNamesTheMetricAndKeysThatCollideAreJoined() throws IOException {
    renamer().write(counter("system.cpu.time", "", point(3, "cpu.mode", "user", "cpu_mode", "x")));
    // Joined in lexical key order: "cpu.mode" sorts before "cpu_mode".
    assertThat(out).containsExactly("system_cpu_time_seconds_total{cpu_mode=\"user;x\"} 3.0");
  }
}
