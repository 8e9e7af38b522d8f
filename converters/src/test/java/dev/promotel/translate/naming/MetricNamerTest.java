package dev.promotel.translate.naming;

import static dev.promotel.translate.naming.MetricKind.EXPONENTIAL_HISTOGRAM;
import static dev.promotel.translate.naming.MetricKind.GAUGE;
import static dev.promotel.translate.naming.MetricKind.HISTOGRAM;
import static dev.promotel.translate.naming.MetricKind.MONOTONIC_COUNTER;
import static dev.promotel.translate.naming.MetricKind.NON_MONOTONIC_COUNTER;
import static dev.promotel.translate.naming.MetricKind.SUMMARY;
import static dev.promotel.translate.naming.MetricKind.UNKNOWN;
import static dev.promotel.translate.naming.TranslationStrategy.NO_TRANSLATION;
import static dev.promotel.translate.naming.TranslationStrategy.NO_UTF8_ESCAPING_WITH_SUFFIXES;
import static dev.promotel.translate.naming.TranslationStrategy.UNDERSCORE_ESCAPING_WITHOUT_SUFFIXES;
import static dev.promotel.translate.naming.TranslationStrategy.UNDERSCORE_ESCAPING_WITH_SUFFIXES;
import static dev.promotel.translate.naming.UnitDialect.OTLPTRANSLATOR;
import static dev.promotel.translate.naming.UnitDialect.UCUM_STRICT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The metric-name cases of specs/translation.md §4.5: every row of otlptranslator's {@code
 * metric_namer_test.go} table (80 cases; the three that expect an empty name are in {@link
 * #errorCases()}), the §4.5 rows not in that file, the §4.5 "extra cases", and the §10 unit-dialect
 * differences.
 */
class MetricNamerTest {

  private static final TranslationStrategy ESCAPE_SUFFIXES = UNDERSCORE_ESCAPING_WITH_SUFFIXES;
  private static final TranslationStrategy ESCAPE_ONLY = UNDERSCORE_ESCAPING_WITHOUT_SUFFIXES;
  private static final TranslationStrategy UTF8_SUFFIXES = NO_UTF8_ESCAPING_WITH_SUFFIXES;

  private static Arguments row(
      String name,
      TranslationStrategy strategy,
      String namespace,
      String metric,
      String unit,
      MetricKind kind,
      String expected) {
    return argumentSet(name, strategy, namespace, metric, unit, kind, expected);
  }

  /** otlptranslator {@code metric_namer_test.go}, in its order (names are its test names). */
  static Stream<Arguments> otlptranslatorTable() {
    return Stream.of(
        // UTF8Allowed = false, WithMetricSuffixes = false
        row("simple metric name without suffixes", ESCAPE_ONLY, "", "simple_metric", "", GAUGE,
            "simple_metric"),
        row("metric with special characters replaced", ESCAPE_ONLY, "",
            "metric@with#special$chars", "", GAUGE, "metric_with_special_chars"),
        row("metric starting with digit gets underscore prefix", ESCAPE_ONLY, "", "123metric", "",
            GAUGE, "_123metric"),
        row("metric with namespace without suffixes", ESCAPE_ONLY, "test_namespace",
            "simple_metric", "", GAUGE, "test_namespace_simple_metric"),
        row("metric with multiple consecutive special chars", ESCAPE_ONLY, "", "metric@@##$$name",
            "", GAUGE, "metric_name"),
        row("namespace with special characters", ESCAPE_ONLY, "test@namespace!!??", "metric", "",
            GAUGE, "test_namespace_metric"),
        // UTF8Allowed = false, WithMetricSuffixes = true
        row("counter metric with total suffix", ESCAPE_SUFFIXES, "", "requests", "",
            MONOTONIC_COUNTER, "requests_total"),
        row("gauge with unit 1 gets ratio suffix", ESCAPE_SUFFIXES, "", "cpu_usage", "1", GAUGE,
            "cpu_usage_ratio"),
        row("counter with unit 1 does not get ratio suffix", ESCAPE_SUFFIXES, "", "items", "1",
            MONOTONIC_COUNTER, "items_total"),
        row("metric with time unit", ESCAPE_SUFFIXES, "", "response_time", "ms", GAUGE,
            "response_time_milliseconds"),
        row("metric with bytes unit", ESCAPE_SUFFIXES, "", "memory_usage", "By", GAUGE,
            "memory_usage_bytes"),
        row("metric with per unit", ESCAPE_SUFFIXES, "", "requests", "1/s", GAUGE,
            "requests_per_second"),
        row("metric with complex per unit", ESCAPE_SUFFIXES, "", "throughput", "By/s", GAUGE,
            "throughput_bytes_per_second"),
        row("metric with unknown unit", ESCAPE_SUFFIXES, "", "custom_metric", "custom_unit", GAUGE,
            "custom_metric_custom_unit"),
        row("metric with unit containing braces is ignored", ESCAPE_SUFFIXES, "", "custom_metric",
            "{custom}", GAUGE, "custom_metric"),
        row("metric with per unit containing braces is ignored", ESCAPE_SUFFIXES, "",
            "custom_metric", "By/{custom}", GAUGE, "custom_metric_bytes"),
        row("metric name already contains total suffix", ESCAPE_SUFFIXES, "", "requests_total", "",
            MONOTONIC_COUNTER, "requests_total"),
        row("metric name already contains ratio suffix", ESCAPE_SUFFIXES, "", "cpu_usage_ratio",
            "1", GAUGE, "cpu_usage_ratio"),
        row("metric name already contains unit suffix", ESCAPE_SUFFIXES, "",
            "response_time_seconds", "s", GAUGE, "response_time_seconds"),
        row("metric name already contains total suffix with UTF8Allowed", UTF8_SUFFIXES, "",
            "requests_total", "", MONOTONIC_COUNTER, "requests_total"),
        row("metric name already contains ratio suffix with UTF8Allowed", UTF8_SUFFIXES, "",
            "cpu_usage_ratio", "1", GAUGE, "cpu_usage_ratio"),
        row("metric name already contains unit suffix with UTF8Allowed", UTF8_SUFFIXES, "",
            "response_time_seconds", "s", GAUGE, "response_time_seconds"),
        row("metric name already contains type and unit suffix with UTF8Allowed", UTF8_SUFFIXES,
            "", "cpu_seconds_total", "s", MONOTONIC_COUNTER, "cpu_seconds_total"),
        row("metric with namespace and suffixes", ESCAPE_SUFFIXES, "app", "requests", "1/s",
            MONOTONIC_COUNTER, "app_requests_per_second_total"),
        row("metric starting with digit with namespace and suffixes", ESCAPE_SUFFIXES, "app",
            "123_requests", "", MONOTONIC_COUNTER, "app_123_requests_total"),
        row("metric with multiple underscores normalized", ESCAPE_SUFFIXES, "",
            "metric__with__multiple__underscores", "unit__multiple__underscores", GAUGE,
            "metric_with_multiple_underscores_unit_multiple_underscores"),
        row("metric with special chars in unit", ESCAPE_SUFFIXES, "", "custom_metric",
            "unit@with#special/chars", GAUGE, "custom_metric_unit_with_special_per_chars"),
        // UTF8Allowed = true, WithMetricSuffixes = false
        row("utf8 metric without suffixes", NO_TRANSLATION, "", "métric_with_ñ_chars", "", GAUGE,
            "métric_with_ñ_chars"),
        row("utf8 metric with namespace without suffixes", NO_TRANSLATION, "test_namespace",
            "métric_with_ñ_chars", "", GAUGE, "test_namespace_métric_with_ñ_chars"),
        // UTF8Allowed = true, WithMetricSuffixes = true
        row("utf8 counter metric with total suffix", UTF8_SUFFIXES, "", "requêsts", "",
            MONOTONIC_COUNTER, "requêsts_total"),
        row("utf8 gauge with unit 1 gets ratio suffix", UTF8_SUFFIXES, "", "cpu_usagé", "1", GAUGE,
            "cpu_usagé_ratio"),
        row("utf8 metric with time unit", UTF8_SUFFIXES, "", "respønse_time", "ms", GAUGE,
            "respønse_time_milliseconds"),
        row("utf8 metric with per unit", UTF8_SUFFIXES, "", "requêsts", "1/s", GAUGE,
            "requêsts_per_second"),
        row("utf8 metric with namespace and suffixes", UTF8_SUFFIXES, "ñamespace", "requêsts",
            "1/s", MONOTONIC_COUNTER, "ñamespace_requêsts_per_second_total"),
        row("utf8 metric name with only special characters", UTF8_SUFFIXES, "", "@#$%", "",
            MONOTONIC_COUNTER, "@#$%_total"),
        row("utf8 namespace with special characters", UTF8_SUFFIXES, "test@namespace", "metric",
            "", MONOTONIC_COUNTER, "test@namespace_metric_total"),
        // Edge cases and different metric types
        row("histogram metric type", ESCAPE_SUFFIXES, "", "request_duration", "s", HISTOGRAM,
            "request_duration_seconds"),
        row("exponential histogram metric type", ESCAPE_SUFFIXES, "", "request_size", "By",
            EXPONENTIAL_HISTOGRAM, "request_size_bytes"),
        row("summary metric type", ESCAPE_SUFFIXES, "", "response_time", "ms", SUMMARY,
            "response_time_milliseconds"),
        row("non-monotonic counter metric type", ESCAPE_SUFFIXES, "", "active_connections", "",
            NON_MONOTONIC_COUNTER, "active_connections"),
        row("unknown metric type", ESCAPE_SUFFIXES, "", "unknown_metric", "", UNKNOWN,
            "unknown_metric"),
        // Additional unit mapping tests
        row("metric with days unit", ESCAPE_SUFFIXES, "", "uptime", "d", GAUGE, "uptime_days"),
        row("metric with hours unit", ESCAPE_SUFFIXES, "", "duration", "h", GAUGE,
            "duration_hours"),
        row("metric with minutes unit", ESCAPE_SUFFIXES, "", "timeout", "min", GAUGE,
            "timeout_minutes"),
        row("metric with microseconds unit", ESCAPE_SUFFIXES, "", "latency", "us", GAUGE,
            "latency_microseconds"),
        row("metric with nanoseconds unit", ESCAPE_SUFFIXES, "", "precision_time", "ns", GAUGE,
            "precision_time_nanoseconds"),
        row("metric with kibibytes unit", ESCAPE_SUFFIXES, "", "cache_size", "KiBy", GAUGE,
            "cache_size_kibibytes"),
        row("metric with mebibytes unit", ESCAPE_SUFFIXES, "", "memory", "MiBy", GAUGE,
            "memory_mebibytes"),
        row("metric with gibibytes unit", ESCAPE_SUFFIXES, "", "storage", "GiBy", GAUGE,
            "storage_gibibytes"),
        row("metric with tibibytes unit", ESCAPE_SUFFIXES, "", "capacity", "TiBy", GAUGE,
            "capacity_tibibytes"),
        row("metric with kilobytes unit", ESCAPE_SUFFIXES, "", "transfer", "KBy", GAUGE,
            "transfer_kilobytes"),
        row("metric with megabytes unit", ESCAPE_SUFFIXES, "", "download", "MBy", GAUGE,
            "download_megabytes"),
        row("metric with gigabytes unit", ESCAPE_SUFFIXES, "", "backup", "GBy", GAUGE,
            "backup_gigabytes"),
        row("metric with terabytes unit", ESCAPE_SUFFIXES, "", "archive", "TBy", GAUGE,
            "archive_terabytes"),
        row("metric with meters unit", ESCAPE_SUFFIXES, "", "distance", "m", GAUGE,
            "distance_meters"),
        row("metric with volts unit", ESCAPE_SUFFIXES, "", "voltage", "V", GAUGE, "voltage_volts"),
        row("metric with amperes unit", ESCAPE_SUFFIXES, "", "current", "A", GAUGE,
            "current_amperes"),
        row("metric with joules unit", ESCAPE_SUFFIXES, "", "energy", "J", GAUGE, "energy_joules"),
        row("metric with watts unit", ESCAPE_SUFFIXES, "", "power", "W", GAUGE, "power_watts"),
        row("metric with grams unit", ESCAPE_SUFFIXES, "", "weight", "g", GAUGE, "weight_grams"),
        row("metric with celsius unit", ESCAPE_SUFFIXES, "", "temperature", "Cel", GAUGE,
            "temperature_celsius"),
        row("metric with hertz unit", ESCAPE_SUFFIXES, "", "frequency", "Hz", GAUGE,
            "frequency_hertz"),
        row("metric with percent unit", ESCAPE_SUFFIXES, "", "cpu_usage", "%", GAUGE,
            "cpu_usage_percent"),
        // Per unit mapping tests
        row("metric with per minute unit", ESCAPE_SUFFIXES, "", "requests", "1/m", GAUGE,
            "requests_per_minute"),
        row("metric with per hour unit", ESCAPE_SUFFIXES, "", "events", "1/h", GAUGE,
            "events_per_hour"),
        row("metric with per day unit", ESCAPE_SUFFIXES, "", "transactions", "1/d", GAUGE,
            "transactions_per_day"),
        row("metric with per week unit", ESCAPE_SUFFIXES, "", "reports", "1/w", GAUGE,
            "reports_per_week"),
        row("metric with per month unit", ESCAPE_SUFFIXES, "", "invoices", "1/mo", GAUGE,
            "invoices_per_month"),
        row("metric with per year unit", ESCAPE_SUFFIXES, "", "renewals", "1/y", GAUGE,
            "renewals_per_year"),
        row("metric with unknown per unit", ESCAPE_SUFFIXES, "", "custom", "1/custom_unit", GAUGE,
            "custom_per_custom_unit"),
        // Edge cases with empty and whitespace units
        row("metric with empty per unit", ESCAPE_SUFFIXES, "", "metric", "By/", GAUGE,
            "metric_bytes"),
        row("metric with whitespace in unit", ESCAPE_SUFFIXES, "", "metric", " By / s ", GAUGE,
            "metric_bytes_per_second"),
        row("metric with only slash in unit", ESCAPE_SUFFIXES, "", "metric", "/", GAUGE, "metric"),
        // Common OTel metrics
        row("http.request.duration Prometheus-style", ESCAPE_SUFFIXES, "", "http.request.duration",
            "ms", HISTOGRAM, "http_request_duration_milliseconds"),
        row("http.request.duration OTel-style", NO_TRANSLATION, "", "http.request.duration", "ms",
            HISTOGRAM, "http.request.duration"),
        row("http.requests Prometheus-style", ESCAPE_SUFFIXES, "", "http.requests", "1",
            MONOTONIC_COUNTER, "http_requests_total"),
        row("http.requests OTel-style", NO_TRANSLATION, "", "http.requests", "1",
            MONOTONIC_COUNTER, "http.requests"));
  }

  /** §4.5 rows that are not in otlptranslator's table, and its "extra cases". */
  static Stream<Arguments> specExtras() {
    return Stream.of(
        row("a name of only underscores is unchanged, so it is no error", ESCAPE_ONLY, "", "___",
            "", GAUGE, "___"),
        row("OTT README example", ESCAPE_SUFFIXES, "", "http.server.request.duration", "s",
            HISTOGRAM, "http_server_request_duration_seconds"),
        row("OTT README example with namespace", ESCAPE_SUFFIXES, "myapp",
            "http.server.request.duration", "s", HISTOGRAM,
            "myapp_http_server_request_duration_seconds"),
        row("process.cpu.time counter", ESCAPE_SUFFIXES, "", "process.cpu.time", "s",
            MONOTONIC_COUNTER, "process_cpu_time_seconds_total"),
        row("system.memory.usage non-monotonic sum", ESCAPE_SUFFIXES, "", "system.memory.usage",
            "By", NON_MONOTONIC_COUNTER, "system_memory_usage_bytes"),
        row("annotation-only unit on a counter", ESCAPE_SUFFIXES, "", "system.network.packets",
            "{packet}", MONOTONIC_COUNTER, "system_network_packets_total"),
        row("annotation-only unit on a non-monotonic sum", ESCAPE_SUFFIXES, "",
            "http.server.active_requests", "{request}", NON_MONOTONIC_COUNTER,
            "http_server_active_requests"),
        row("utilization gauge with unit 1", ESCAPE_SUFFIXES, "", "system.cpu.utilization", "1",
            GAUGE, "system_cpu_utilization_ratio"),
        row("every total token moves to the end", ESCAPE_SUFFIXES, "", "total.requests", "",
            MONOTONIC_COUNTER, "requests_total"),
        row("a unit token anywhere in the name suppresses the unit", ESCAPE_SUFFIXES, "",
            "seconds.spent", "s", GAUGE, "seconds_spent"),
        row("m/s is meters per second", ESCAPE_SUFFIXES, "", "foo", "m/s", GAUGE,
            "foo_meters_per_second"),
        row("annotated main unit with a per unit", ESCAPE_SUFFIXES, "", "foo", "{packets}/s",
            MONOTONIC_COUNTER, "foo_per_second_total"),
        row("wk is not in the per-unit table", ESCAPE_SUFFIXES, "", "x", "W/wk", GAUGE,
            "x_watts_per_wk"),
        row("min is not in the per-unit table", ESCAPE_SUFFIXES, "", "x", "m/min", GAUGE,
            "x_meters_per_min"),
        row("a leading digit gets an underscore", ESCAPE_SUFFIXES, "", "2xx.count", "",
            MONOTONIC_COUNTER, "_2xx_count_total"),
        row("PROTO example counter with unit 1", ESCAPE_SUFFIXES, "", "my.counter", "1",
            MONOTONIC_COUNTER, "my_counter_total"),
        row("PROTO example gauge with unit 1", ESCAPE_SUFFIXES, "", "my.gauge", "1", GAUGE,
            "my_gauge_ratio"),
        row("PROTO example histogram with unit 1", ESCAPE_SUFFIXES, "", "my.histogram", "1",
            HISTOGRAM, "my_histogram"));
  }

  @ParameterizedTest
  @MethodSource({"otlptranslatorTable", "specExtras"})
  void translatesTheNameAsOtlptranslatorDoes(
      TranslationStrategy strategy,
      String namespace,
      String metric,
      String unit,
      MetricKind kind,
      String expected) {
    String name = new MetricNamer(strategy, namespace, OTLPTRANSLATOR).name(metric, unit, kind);

    assertThat(name).isEqualTo(expected);
    if (strategy.addsSuffixes()) {
      // otlptranslator's own cross-check: the UNIT value is part of the suffixed name.
      assertThat(name)
          .contains(UnitNamer.prometheusUnit(unit, OTLPTRANSLATOR, !strategy.escapesNames()));
    }
  }

  static Stream<Arguments> errorCases() {
    return Stream.of(
        argumentSet("empty metric name without suffixes", ESCAPE_ONLY, "", "",
            "metric \"\" resulted in an empty name"),
        argumentSet("metric name with only special characters, without suffixes", ESCAPE_ONLY, "",
            "@#$%", "resulted in an empty name"),
        argumentSet("metric name with only special characters, with suffixes", ESCAPE_SUFFIXES, "",
            "@#$%", "resulted in an empty name"),
        argumentSet("only underscores are left and the name changed", ESCAPE_ONLY, "", "@_#_$_%",
            "resulted in invalid name \"_____\""),
        argumentSet("empty name with the UTF-8 strategy", UTF8_SUFFIXES, "", "",
            "metric name is empty"),
        argumentSet("empty name without translation", NO_TRANSLATION, "", "",
            "metric name is empty"));
  }

  @ParameterizedTest
  @MethodSource("errorCases")
  void rejectsNamesThatTranslateToNothing(
      TranslationStrategy strategy, String namespace, String metric, String message) {
    MetricNamer namer = new MetricNamer(strategy, namespace, OTLPTRANSLATOR);

    assertThatThrownBy(() -> namer.name(metric, "", GAUGE))
        .isInstanceOf(InvalidNameException.class)
        .hasMessageContaining(message);
  }

  /** specs/translation.md §10 rows 3–6: where the UCUM-strict dialect names differently. */
  static Stream<Arguments> dialectDifferences() {
    return Stream.of(
        argumentSet("m/min", "x", "m/min", GAUGE, "x_meters_per_min", "x_meters_per_minute"),
        argumentSet("W/wk", "x", "W/wk", GAUGE, "x_watts_per_wk", "x_watts_per_week"),
        argumentSet("TBy/a", "x", "TBy/a", GAUGE, "x_terabytes_per_a", "x_terabytes_per_year"),
        argumentSet("1/m", "requests", "1/m", GAUGE, "requests_per_minute", "requests_per_m"),
        argumentSet("{packets}V", "x", "{packets}V", GAUGE, "x", "x_volts"),
        argumentSet("{objects}/s", "x", "{objects}/s", GAUGE, "x_per_second", "x_per_second"),
        argumentSet("TiBy", "capacity", "TiBy", GAUGE, "capacity_tibibytes", "capacity_tebibytes"),
        argumentSet("kBy", "transfer", "kBy", GAUGE, "transfer_kilobytes", "transfer_kilobytes"),
        argumentSet("KBy", "transfer", "KBy", GAUGE, "transfer_kilobytes", "transfer_kilobytes"),
        argumentSet("By/{custom} drops the per part in both", "m", "By/{custom}", GAUGE, "m_bytes",
            "m_bytes"));
  }

  @ParameterizedTest
  @MethodSource("dialectDifferences")
  void namesUnitsByTheChosenDialect(
      String metric, String unit, MetricKind kind, String otlptranslator, String ucumStrict) {
    assertThat(new MetricNamer(ESCAPE_SUFFIXES, "", OTLPTRANSLATOR).name(metric, unit, kind))
        .isEqualTo(otlptranslator);
    assertThat(new MetricNamer(ESCAPE_SUFFIXES, "", UCUM_STRICT).name(metric, unit, kind))
        .isEqualTo(ucumStrict);
  }

  @Test
  void utf8StrategyUsesTheDialectForItsStringSuffixes() {
    MetricNamer namer = new MetricNamer(UTF8_SUFFIXES, "", UCUM_STRICT);

    assertThat(namer.name("dürchsatz", "{packets}V", GAUGE)).isEqualTo("dürchsatz_volts");
    assertThat(namer.name("dürchsatz_per_minute", "1/min", GAUGE))
        .isEqualTo("dürchsatz_per_minute");
  }

  @Test
  void utf8StrategyOnlyTrimsASuffixWhenSomethingPrecedesItsDelimiter() {
    MetricNamer namer = new MetricNamer(UTF8_SUFFIXES, "", OTLPTRANSLATOR);

    assertThat(namer.name("_total", "", MONOTONIC_COUNTER)).isEqualTo("_total_total");
    assertThat(namer.name("a.total", "", MONOTONIC_COUNTER)).isEqualTo("a_total");
    assertThat(namer.name("a.ratio", "1", GAUGE)).isEqualTo("a_ratio");
  }

  @Test
  void escapingStrategiesSanitiseTheNamespaceAndPrefixALeadingDigit() {
    assertThat(new MetricNamer(ESCAPE_SUFFIXES, "my-app", OTLPTRANSLATOR).name("x", "", GAUGE))
        .isEqualTo("my_app_x");
    assertThat(new MetricNamer(ESCAPE_ONLY, "1app", OTLPTRANSLATOR).name("x", "", GAUGE))
        .isEqualTo("_1app_x");
    assertThat(new MetricNamer(ESCAPE_SUFFIXES, "1app", OTLPTRANSLATOR).name("x", "", GAUGE))
        .isEqualTo("_1app_x");
  }

  @Test
  void aNullUnitIsNoUnit() {
    assertThat(new MetricNamer(ESCAPE_SUFFIXES, null, OTLPTRANSLATOR).name("a.b", null, GAUGE))
        .isEqualTo("a_b");
  }
}
