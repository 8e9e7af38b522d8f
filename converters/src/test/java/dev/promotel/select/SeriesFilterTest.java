package dev.promotel.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.ReadOptions;
import dev.promotel.format.prometheus.PrometheusTextReader;
import dev.promotel.model.MetricFamily;
import dev.promotel.yaml.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Selectors against samples/node_exporter.prom (100 families, 248 series: a summary and a
 * histogram count once each). Expected counts come from grep over the file, e.g. {@code grep -c
 * '^node_cpu_seconds_total{' } (32) minus {@code mode="idle"} (4).
 */
class SeriesFilterTest {
  private static List<MetricFamily> dump;

  @BeforeAll
  static void readSample() throws IOException {
    dump = new ArrayList<>();
    try (InputStream in = Files.newInputStream(Path.of("../samples/node_exporter.prom"));
        PrometheusTextReader reader = new PrometheusTextReader(in, "node_exporter.prom",
            ReadOptions.DEFAULTS, new Diagnostics())) {
      for (Optional<MetricFamily> f = reader.read(); f.isPresent(); f = reader.read()) {
        dump.add(f.get());
      }
    }
  }

  static Stream<Arguments> selections() {
    return Stream.of(
        arguments(named("not idle", "node_cpu_seconds_total{mode!=\"idle\"}"), false, 1, 28),
        arguments(named("idle inverted", "node_cpu_seconds_total{mode=\"idle\"}"), true, 100, 244),
        arguments(named("every Go family", "{__name__=~\"go_.*\"}"), false, 27, 27),
        arguments(named("two matchers and a name regex",
            "{__name__=~\"node_network_.+\",device=~\"eth0|lo\"}"), false, 10, 20),
        arguments(named("non-2xx requests", "promhttp_metric_handler_requests_total{code!~\"2..\"}"),
            false, 1, 2),
        arguments(named("a label across families", "{device=\"sda\"}"), false, 8, 8),
        arguments(named("a regex over values of two families", "{mode=~\"idle|user\"}"), false, 2,
            12),
        arguments(named("a quoted name", "{\"node_load1\"}"), false, 1, 1),
        arguments(named("anchored: a prefix is no match", "{__name__=~\"node_load\"}"), false, 0, 0),
        arguments(named("anchored: load1 is not load15", "{__name__=~\"node_load1\"}"), false, 1, 1),
        arguments(named("a name regex", "{__name__=~\"node_load.*\"}"), false, 3, 3),
        arguments(named("an absent label", "{job=~\".+\"}"), false, 0, 0),
        arguments(named("a histogram by its _bucket name", "restic_backup_duration_seconds_bucket"),
            false, 1, 1),
        arguments(named("a histogram by its _count name", "restic_backup_duration_seconds_count"),
            false, 1, 1),
        arguments(named("a histogram by its family name", "restic_backup_duration_seconds"), false,
            1, 1),
        arguments(named("le ignored: the histogram stays whole",
            "restic_backup_duration_seconds_bucket{le=\"0.5\"}"), false, 1, 1),
        arguments(named("a summary by its _sum name", "go_gc_duration_seconds_sum"), false, 1, 1),
        arguments(named("quantile ignored: the summary stays whole",
            "go_gc_duration_seconds{quantile=\"0.5\"}"), false, 1, 1),
        arguments(named("!= on a sample name drops the whole histogram",
            "{__name__!=\"restic_backup_duration_seconds_bucket\",__name__=~\"restic.*\"}"), false,
            0, 0),
        arguments(named("not the _total-less counter name", "node_context_switches"), false, 0, 0),
        arguments(named("a counter by its _total name", "node_context_switches_total"), false, 1,
            1));
  }

  @ParameterizedTest
  @MethodSource("selections")
  void selectsSeriesOfTheSampleDump(String selector, boolean invert, int families, int series)
      throws ConfigException {
    SeriesFilter filter = new SeriesFilter(List.of(Selector.parse(selector)), invert,
        new Diagnostics());

    List<MetricFamily> kept = new ArrayList<>();
    for (MetricFamily f : dump) {
      MetricFamily out = filter.apply(f);
      if (out != null) kept.add(out);
    }

    assertThat(kept).hasSize(families);
    assertThat(kept.stream().mapToInt(f -> f.data().points().size()).sum()).isEqualTo(series);
  }

  @Test
  void severalSelectorsAreOred() throws ConfigException {
    SeriesFilter filter = new SeriesFilter(
        List.of(Selector.parse("node_load1"), Selector.parse("{device=\"sda\"}")), false,
        new Diagnostics());

    long series = dump.stream().map(filter::apply).filter(f -> f != null)
        .mapToInt(f -> f.data().points().size()).sum();

    assertThat(series).isEqualTo(1 + 8);
  }

  @Test
  void aFamilyEveryPointOfWhichIsKeptIsPassedOnAsItIs() throws ConfigException {
    SeriesFilter filter = new SeriesFilter(List.of(Selector.parse("{__name__=~\"node_.*\"}")),
        false, new Diagnostics());
    MetricFamily cpu = dump.stream().filter(f -> f.name().equals("node_cpu_seconds_total"))
        .findFirst().orElseThrow();

    assertThat(filter.apply(cpu)).isSameAs(cpu);
  }

  @Test
  void aMatcherOnLeIsNotedOnce() throws ConfigException {
    Diagnostics diagnostics = new Diagnostics();
    SeriesFilter filter = new SeriesFilter(
        List.of(Selector.parse("{le=\"0.5\",__name__=~\".+\"}")), false, diagnostics);

    dump.forEach(filter::apply);

    assertThat(diagnostics.count("selector-le-ignored")).isEqualTo(1);
    assertThat(diagnostics.hasLosses()).isFalse();
  }
}
