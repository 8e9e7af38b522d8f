package dev.promotel.translate.semconv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.translate.naming.MetricKind;
import dev.promotel.translate.naming.TranslationStrategy;
import dev.promotel.translate.naming.UnitDialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrometheusNamesTest {
  private static PrometheusNames names(String strategy) {
    return new PrometheusNames(Registry.bundled(), TranslationStrategy.fromId(strategy),
        UnitDialect.OTLPTRANSLATOR);
  }

  @ParameterizedTest(name = "{0} under {1} is {2}")
  @CsvSource({
    "http.server.request.duration, UnderscoreEscapingWithSuffixes, http_server_request_duration_seconds",
    "http.server.request.duration, UnderscoreEscapingWithoutSuffixes, http_server_request_duration",
    "http.server.request.duration, NoUTF8EscapingWithSuffixes, http.server.request.duration_seconds",
    "http.server.request.duration, NoTranslation, http.server.request.duration",
    "system.cpu.time, UnderscoreEscapingWithSuffixes, system_cpu_time_seconds_total",
    "system.cpu.time, UnderscoreEscapingWithoutSuffixes, system_cpu_time",
    "system.cpu.time, NoUTF8EscapingWithSuffixes, system.cpu.time_seconds_total",
    "system.cpu.time, NoTranslation, system.cpu.time",
    "system.cpu.utilization, UnderscoreEscapingWithSuffixes, system_cpu_utilization_ratio",
    "jvm.memory.used_after_last_gc, UnderscoreEscapingWithSuffixes, jvm_memory_used_after_last_gc_bytes",
    "http.server.active_requests, UnderscoreEscapingWithSuffixes, http_server_active_requests",
    "k8s.container.restart.count, UnderscoreEscapingWithSuffixes, k8s_container_restart_count",
  })
  void theRegistrySuppliesUnitAndInstrument(String semconv, String strategy, String expected) {
    assertThat(names(strategy).name(semconv)).contains(expected);
    assertThat(names(strategy).name(semconv, "", MetricKind.UNKNOWN)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "system_cpu_time_seconds_total, system.cpu.time",
    "system_cpu_time, system.cpu.time",
    "http_server_request_duration_seconds, http.server.request.duration",
    "jvm_memory_used_after_last_gc_bytes, jvm.memory.used_after_last_gc",
    "system_network_packet_count_total, system.network.packet.count",
  })
  void theReverseIndexIsBuiltFromTheRegistryNotByStringRewriting(String prom, String semconv) {
    assertThat(names("UnderscoreEscapingWithSuffixes").semconvName(prom)).contains(semconv);
  }

  @ParameterizedTest(name = "a gauge named {0} is named as the registry's up-down counter")
  @CsvSource({"jvm.memory.used, jvm_memory_used_bytes", "jvm.class.count, jvm_class_count"})
  void aGaugeOfAnUpDownCounterMetricGetsNoRatioOrTotal(String semconv, String expected) {
    assertThat(names("UnderscoreEscapingWithSuffixes").name(semconv, "", MetricKind.GAUGE)).isEqualTo(expected);
  }
}
