package dev.promotel.translate.mapping;

import static dev.promotel.translate.mapping.Families.T;
import static dev.promotel.translate.mapping.Families.counter;
import static dev.promotel.translate.mapping.Families.gauge;
import static dev.promotel.translate.mapping.Families.histogram;
import static dev.promotel.translate.mapping.Families.otlp;
import static dev.promotel.translate.mapping.Families.point;
import static dev.promotel.translate.mapping.Families.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.WriteOptions;
import dev.promotel.format.openmetrics.OpenMetricsWriter;
import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attributes;
import dev.promotel.model.Exemplar;
import dev.promotel.model.Histogram;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.Point;
import dev.promotel.model.Resource;
import dev.promotel.model.Scope;
import dev.promotel.model.Sum;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OtlpToPrometheus over a time series of requests ({@link LatestPointBuffer}), target_info for
 * resources without job/instance, gauge start times and explicit sample timestamps.
 */
class OtlpToPrometheusMergingTest {
  private static final OtlpToPrometheusOptions DEFAULTS = OtlpToPrometheusOptions.DEFAULTS;
  private static final long S = 1_000_000_000L;
  private final Diagnostics diagnostics = new Diagnostics();

  private static final Attributes A = Attributes.of("k", "a");
  private static final Attributes B = Attributes.of("k", "b");

  private static MetricFamily cpu(NumberPoint... points) {
    return otlp("cpu.time", "s", counter(points));
  }

  private static List<Long> values(MetricFamily f) {
    return f.data().points().stream().map(p -> ((NumberPoint) p).value().longValue()).toList();
  }

  @Test
  void laterRequestsOfTheSameSeriesLeaveTheirLatestPointAndANote() {
    List<MetricFamily> out = Collecting.otlpToProm(DEFAULTS, diagnostics,
        cpu(point(A, 1, T, 10), point(B, 1, T, 20)),
        otlp("load", "", gauge(point(A, 0, T, 7))),
        cpu(point(A, 1, T + S, 11), point(B, 1, T + S, 21)),
        otlp("load", "", gauge(point(A, 0, T + S, 5))),
        cpu(point(A, 1, T + 2 * S, 12)));
    assertThat(out).extracting(MetricFamily::name)
        .containsExactly("cpu_time_seconds_total", "load");
    assertThat(out.get(0).data().points()).extracting(Point::attributes)
        .containsExactly(A, B);
    assertThat(values(out.get(0))).containsExactly(12L, 21L);
    // Gauges too: a scrape of the source would have shown the current value only.
    assertThat(values(out.get(1))).containsExactly(5L);
    assertThat(diagnostics.count("older-points-superseded")).isEqualTo(4);
    assertThat(diagnostics.hasLosses()).isFalse();
  }

  @Test
  void theLatestPointWinsByTimeAndALaterArrivalWinsATie() {
    List<MetricFamily> out = Collecting.otlpToProm(DEFAULTS, diagnostics,
        cpu(point(A, 1, T + S, 11)), cpu(point(A, 1, T, 10)), cpu(point(B, 1, T, 1)),
        cpu(point(B, 1, T, 2)));
    assertThat(values(out.get(0))).containsExactly(11L, 2L);
  }

  @Test
  void withTimestampsEveryPointIsKeptInTimeOrderAndEachSeriesContiguous() {
    List<MetricFamily> out = Collecting.otlpToProm(DEFAULTS.withTimestamps(true), diagnostics,
        cpu(point(A, 1, T + S, 11), point(B, 1, T + S, 21)),
        cpu(point(A, 1, T, 10), point(B, 1, T, 20)),
        cpu(point(A, 1, T + 2 * S, 12)));
    assertThat(out).hasSize(1);
    assertThat(out.get(0).data().points()).extracting(Point::attributes, Point::timeUnixNano)
        .containsExactly(tuple(A, T), tuple(A, T + S), tuple(A, T + 2 * S), tuple(B, T),
            tuple(B, T + S));
    assertThat(diagnostics.count("older-points-superseded")).isZero();
  }

  @Test
  void aLaterFamilyOfTheSameNameButAnotherTypeIsDroppedAndDifferentHelpNoted() {
    MetricFamily asGauge = new MetricFamily("cpu.time_seconds_total", "other", "",
        Resource.EMPTY, Scope.EMPTY, gauge(point(3)), Attributes.EMPTY, null);
    MetricFamily otherHelp = new MetricFamily("cpu.time", "other help", "s", Resource.EMPTY,
        Scope.EMPTY, counter(point(A, 1, T, 4)), Attributes.EMPTY, null);
    List<MetricFamily> out = Collecting.otlpToProm(DEFAULTS, diagnostics,
        cpu(point(A, 1, T, 1)), asGauge, otherHelp);
    assertThat(out).hasSize(1);
    assertThat(out.get(0).description()).isEmpty();
    assertThat(values(out.get(0))).containsExactly(4L);
    assertThat(diagnostics.count("family-type-conflict")).isEqualTo(1);
    assertThat(diagnostics.count("help-conflict")).isEqualTo(1);
  }

  @Test
  void aSupersededCounterOrBucketExemplarMovesToTheNewerPointWhenItIsStillTheLatest() {
    Exemplar old = new Exemplar(Attributes.EMPTY, NumberValue.ofDouble(0.5), T - S,
        "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7");
    NumberPoint withExemplar = new NumberPoint(A, 1, T, NumberValue.ofLong(1), List.of(old), 0);
    List<MetricFamily> counters = Collecting.otlpToProm(DEFAULTS, diagnostics,
        cpu(withExemplar), cpu(point(A, 1, T + S, 2)));
    assertThat(counters.get(0).data().points().get(0).exemplars()).containsExactly(old);

    double[] bounds = {1, 10};
    HistogramPoint first = histogram(1, T, bounds, new long[] {1, 0, 0}, 0.5, List.of(old));
    Exemplar newer = new Exemplar(Attributes.EMPTY, NumberValue.ofDouble(5), T + S,
        "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7");
    HistogramPoint second = histogram(1, T + S, bounds, new long[] {1, 1, 0}, 5.5,
        List.of(newer));
    List<MetricFamily> histograms = Collecting.otlpToProm(DEFAULTS, diagnostics,
        otlp("h", "", new Histogram(AggregationTemporality.CUMULATIVE, List.of(first))),
        otlp("h", "", new Histogram(AggregationTemporality.CUMULATIVE, List.of(second))));
    HistogramPoint kept = (HistogramPoint) histograms.get(0).data().points().get(0);
    assertThat(kept.count()).isEqualTo(2);
    assertThat(kept.exemplars()).containsExactly(old, newer);
    assertThat(diagnostics.hasLosses()).isFalse();
  }

  @Test
  void whenTheBufferIsFullItWritesWhatItHoldsAndContiguousChunksStillFormOneFamily()
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Resource r = resource("service.name", "api", "env", "prod");
    try (OtlpToPrometheus t = new OtlpToPrometheus(
        new OpenMetricsWriter(bytes, WriteOptions.DEFAULTS, diagnostics), DEFAULTS, diagnostics,
        2, 100)) {
      t.write(otlp("c", "", r, Scope.EMPTY, counter(point(A, 0, T, 1), point(B, 0, T, 2))));
      t.write(otlp("c", "", r, Scope.EMPTY, counter(point(Attributes.of("k", "c"), 0, T, 3))));
      t.write(otlp("g", "", r, Scope.EMPTY, gauge(point(4))));
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("""
        # TYPE c counter
        c_total{job="api",k="a"} 1
        c_total{job="api",k="b"} 2
        c_total{job="api",k="c"} 3
        # TYPE g gauge
        g{job="api"} 4
        # TYPE target info
        # HELP target Target metadata
        target_info{env="prod",job="api"} 1
        # EOF
        """);
    assertThat(diagnostics.count("latest-point-buffer-flushed")).isEqualTo(1);
    assertThat(diagnostics.hasLosses()).isFalse();
  }

  @Test
  void aSeriesRepeatedAfterAnEarlyFlushIsALossTheWriterCounts() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OtlpToPrometheus t = new OtlpToPrometheus(
        new OpenMetricsWriter(bytes, WriteOptions.DEFAULTS, diagnostics), DEFAULTS, diagnostics,
        1, 1)) {
      t.write(otlp("c", "", counter(point(A, 0, T, 1))));
      t.write(otlp("g", "", gauge(point(4))));
      t.write(otlp("c", "", counter(point(A, 0, T + S, 2))));
    }
    assertThat(diagnostics.count("latest-point-buffer-flushed")).isEqualTo(2);
    assertThat(diagnostics.hasLosses()).isTrue();
  }

  @Test
  void aResourceWithoutJobOrInstanceStillGetsATargetInfo() {
    MetricFamily f = otlp("g", "", resource("env", "prod", "region", "eu"), Scope.EMPTY,
        gauge(point(1)));
    List<MetricFamily> out = Collecting.otlpToProm(DEFAULTS, diagnostics, f);
    assertThat(out).extracting(MetricFamily::name).containsExactly("target_info", "g");
    assertThat((Object) out.get(0).data().points().get(0).attributes())
        .isEqualTo(Attributes.of("env", "prod", "region", "eu"));
    assertThat((Object) out.get(1).data().points().get(0).attributes())
        .isEqualTo(Attributes.EMPTY);
    assertThat(diagnostics.hasLosses()).isFalse();
  }

  @Test
  void gaugeAndNonMonotonicSumStartTimesAreClearedWithANoteWhileCounterStartTimesStay() {
    List<MetricFamily> out = Collecting.otlpToProm(DEFAULTS, diagnostics,
        otlp("g", "", gauge(point(A, 5, T, 1))),
        otlp("u", "", new Sum(AggregationTemporality.CUMULATIVE, false,
            List.of(point(A, 5, T, 2)))),
        otlp("c", "", counter(point(A, 5, T, 3))));
    assertThat(out).extracting(f -> f.data().points().get(0).startTimeUnixNano())
        .containsExactly(0L, 0L, 5L);
    assertThat(diagnostics.count("gauge-start-time-ignored")).isEqualTo(2);
    assertThat(diagnostics.hasLosses()).isFalse();
  }

  @Test
  void explicitTimestampMetadataKeepsTheSampleTimesAndLeavesTheMetadataWithoutALoss() {
    MetricFamily explicit = new MetricFamily("g", "", "", Resource.EMPTY, Scope.EMPTY,
        gauge(point(A, 0, T, 1)), Attributes.of("prometheus.timestamp", "explicit"), null);
    MetricFamily absent = new MetricFamily("h", "", "", Resource.EMPTY, Scope.EMPTY,
        gauge(point(A, 0, T, 1)), Attributes.of("prometheus.timestamp", "absent"), null);
    List<MetricFamily> out = Collecting.otlpToProm(DEFAULTS, diagnostics, explicit, absent);
    assertThat(out).extracting(f -> f.data().points().get(0).timeUnixNano())
        .containsExactly(T, 0L);
    assertThat(out).extracting(f -> (Object) f.metadata())
        .containsOnly(Attributes.EMPTY);
    assertThat(diagnostics.hasLosses()).isFalse();
  }
}
