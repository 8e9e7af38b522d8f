package dev.promotel.format.prometheus;

import static dev.promotel.format.prometheus.PromFixtures.gauge;
import static dev.promotel.format.prometheus.PromFixtures.histogramPoint;
import static dev.promotel.format.prometheus.PromFixtures.labels;
import static dev.promotel.format.prometheus.PromFixtures.point;
import static dev.promotel.format.prometheus.PromFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.NameEscaping;
import dev.promotel.format.WriteOptions;
import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attribute;
import dev.promotel.model.AttributeValue;
import dev.promotel.model.Attributes;
import dev.promotel.model.Exemplar;
import dev.promotel.model.ExponentialBuckets;
import dev.promotel.model.ExponentialHistogram;
import dev.promotel.model.ExponentialHistogramPoint;
import dev.promotel.model.Gauge;
import dev.promotel.model.Histogram;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.Point;
import dev.promotel.model.PromMetadata;
import dev.promotel.model.PromType;
import dev.promotel.model.Resource;
import dev.promotel.model.Scope;
import dev.promotel.model.Sum;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PrometheusTextWriterTest {
  private static final Attributes NONE = Attributes.EMPTY;

  private static Map<String, Long> counts(Diagnostics diagnostics) {
    return diagnostics.entries().stream()
        .collect(Collectors.toMap(Diagnostics.Entry::code, Diagnostics.Entry::count));
  }

  private static MetricFamily otlp(String name, dev.promotel.model.MetricData data) {
    return new MetricFamily(name, "", "", Resource.EMPTY, Scope.EMPTY, data, Attributes.EMPTY, null);
  }

  @Test
  void exemplarsAndStartTimesAreCountedPerItemWhileTheSamplesAreWritten() {
    Exemplar e1 = Exemplar.of(labels("trace_id", "abc"), NumberValue.ONE, 0);
    Exemplar e2 = Exemplar.of(NONE, NumberValue.ofDouble(0.5), 5_000_000L);
    NumberPoint withTwo = new NumberPoint(labels("a", "1"), 1_000_000_000L, 0,
        NumberValue.ofLong(3), List.of(e1, e2), 0);
    NumberPoint withStart = new NumberPoint(labels("a", "2"), 7, 0, NumberValue.ofLong(4),
        List.of(), 0);
    HistogramPoint histogram = new HistogramPoint(NONE, 9, 0, 2, OptionalDouble.of(1.5),
        new double[] {1}, new long[] {1, 1}, OptionalDouble.of(0.1), OptionalDouble.of(1.4),
        List.of(e1), 0);
    Diagnostics diagnostics = new Diagnostics();
    String text = write(List.of(
        otlp("requests_total", new Sum(AggregationTemporality.CUMULATIVE, true,
            List.of(withTwo, withStart))),
        otlp("latency", new Histogram(AggregationTemporality.CUMULATIVE, List.of(histogram)))),
        diagnostics);
    assertThat(text).isEqualTo("""
        # TYPE requests_total counter
        requests_total{a="1"} 3
        requests_total{a="2"} 4
        # TYPE latency histogram
        latency_bucket{le="1"} 1
        latency_bucket{le="+Inf"} 2
        latency_sum 1.5
        latency_count 2
        """);
    assertThat(counts(diagnostics)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "exemplar-dropped", 3L, "start-time-dropped", 3L, "min-max-dropped", 1L));
    assertThat(diagnostics.entries()).allSatisfy(
        e -> assertThat(e.message()).contains("Prometheus text 0.0.4"));
  }

  @Test
  void gaugeHistogramsExponentialHistogramsAndDeltaDataAreDroppedPerPoint() {
    HistogramPoint h = histogramPoint(NONE, 1, null, new double[0], new long[] {1}, 0);
    ExponentialHistogramPoint exp = new ExponentialHistogramPoint(NONE, 0, 0, 3,
        OptionalDouble.empty(), 0, 1, 0, new ExponentialBuckets(0, new long[] {2}),
        ExponentialBuckets.EMPTY, OptionalDouble.empty(), OptionalDouble.empty(), List.of(), 0);
    MetricFamily gaugeHistogram = MetricFamily.ofProm("gh", "", "",
        new Histogram(AggregationTemporality.UNSPECIFIED, List.of(h, histogramPoint(labels("a", "b"), 1, null, new double[0], new long[] {1}, 0))),
        PromType.GAUGEHISTOGRAM, "gh");
    Diagnostics diagnostics = new Diagnostics();
    String text = write(List.of(
        gaugeHistogram,
        otlp("native", new ExponentialHistogram(AggregationTemporality.CUMULATIVE, List.of(exp))),
        otlp("delta_sum", new Sum(AggregationTemporality.DELTA, true,
            List.of(point(NONE, 1L), point(labels("a", "b"), 2L), point(labels("a", "c"), 3L)))),
        otlp("unspecified_histogram", new Histogram(AggregationTemporality.UNSPECIFIED,
            List.of(h))),
        otlp("delta_histogram", new Histogram(AggregationTemporality.DELTA, List.of(h))),
        otlp("kept", new Gauge(List.of(point(NONE, 1L))))), diagnostics);
    assertThat(text).isEqualTo("# TYPE kept gauge\nkept 1\n");
    assertThat(counts(diagnostics)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "gaugehistogram-dropped", 2L, "exponential-histogram-dropped", 1L, "delta-dropped", 5L));
    assertThat(diagnostics.hasLosses()).isTrue();
  }

  @Test
  void familyLevelFactsAreCountedOncePerFamily() {
    MetricFamily rich = new MetricFamily("temperature_celsius", " Leading blank.", "Cel",
        Resource.of(labels("service.name", "svc")), new Scope("lib", "1.0", NONE, ""),
        new Gauge(List.of(point(NONE, 21L))), labels("k", "v"),
        new PromMetadata(PromType.GAUGE, "temperature_celsius"));
    Diagnostics diagnostics = new Diagnostics();
    write(List.of(rich, rich.withName("other")), diagnostics);
    assertThat(counts(diagnostics)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "unit-dropped", 2L, "resource-dropped", 2L, "metadata-dropped", 2L,
        "help-whitespace-dropped", 2L));
  }

  @Test
  void timestampsArePrintedInMillisecondsAndSubMillisecondPartsAreCounted() {
    Diagnostics diagnostics = new Diagnostics();
    String text = write(List.of(gauge("g", "", PromType.GAUGE,
        point(labels("a", "1"), NumberValue.ofLong(1), 1_500_000_000_000_000_000L),
        point(labels("a", "2"), NumberValue.ofLong(2), 1_500_000_000_000_123_456L))), diagnostics);
    assertThat(text).endsWith("g{a=\"1\"} 1 1500000000000\ng{a=\"2\"} 2 1500000000000\n");
    assertThat(diagnostics.count("timestamp-precision")).isEqualTo(1);
  }

  @Test
  void stalenessMarkersAreDroppedAndCounted() {
    NumberPoint stale = new NumberPoint(NONE, 0, 0, NumberValue.ofDouble(Double.NaN), List.of(),
        Point.FLAG_NO_RECORDED_VALUE);
    Diagnostics diagnostics = new Diagnostics();
    String text = write(List.of(gauge("g", "", PromType.GAUGE, stale, point(labels("a", "b"), 1L))),
        diagnostics);
    assertThat(text).isEqualTo("# TYPE g gauge\ng{a=\"b\"} 1\n");
    assertThat(diagnostics.count("no-recorded-value-dropped")).isEqualTo(1);
  }

  @Test
  void infoStatesetAndNonMonotonicSumsBecomeGaugesWithANote() {
    Sum states = new Sum(AggregationTemporality.CUMULATIVE, false,
        List.of(point(labels("state", "a"), 1L), point(labels("state", "b"), 0L)));
    Diagnostics diagnostics = new Diagnostics();
    String text = write(List.of(
        MetricFamily.ofProm("build", "Build info.", "", new Sum(AggregationTemporality.CUMULATIVE,
            false, List.of(point(labels("version", "1.2"), 1L))), PromType.INFO, "build"),
        MetricFamily.ofProm("state", "", "", states, PromType.STATESET, "state"),
        otlp("up_down", new Sum(AggregationTemporality.CUMULATIVE, false,
            List.of(point(NONE, -3L))))), diagnostics);
    assertThat(text).isEqualTo("""
        # HELP build_info Build info.
        # TYPE build_info gauge
        build_info{version="1.2"} 1
        # TYPE state gauge
        state{state="a"} 1
        state{state="b"} 0
        # TYPE up_down gauge
        up_down -3
        """);
    assertThat(diagnostics.count("type-changed")).isEqualTo(3);
    assertThat(diagnostics.hasLosses()).isFalse();
  }

  @Test
  void chunksContinueTheirFamilyAndLaterRepeatsAreDropped() {
    MetricFamily first = gauge("g", "Help.", PromType.GAUGE, point(labels("i", "1"), 1L));
    MetricFamily chunk = gauge("g", "Help.", PromType.GAUGE, point(labels("i", "2"), 2L));
    MetricFamily other = gauge("h", "", PromType.GAUGE, point(NONE, 3L));
    Diagnostics diagnostics = new Diagnostics();
    String text = write(List.of(first, chunk, other, first), diagnostics);
    assertThat(text).isEqualTo(
        "# HELP g Help.\n# TYPE g gauge\ng{i=\"1\"} 1\ng{i=\"2\"} 2\n# TYPE h gauge\nh 3\n");
    assertThat(diagnostics.count("duplicate-family")).isEqualTo(1);
  }

  @Test
  void reservedAndNonStringLabelsAreHandledVisibly() {
    Attributes attributes = Attributes.of(List.of(
        new Attribute("le", AttributeValue.of("x")),
        new Attribute("__name__", AttributeValue.of("y")),
        new Attribute("flag", new AttributeValue.BoolValue(true)),
        new Attribute("n", new AttributeValue.LongValue(7))));
    Diagnostics diagnostics = new Diagnostics();
    String text = write(List.of(MetricFamily.ofProm("h", "", "",
        new Histogram(AggregationTemporality.CUMULATIVE,
            List.of(histogramPoint(attributes, 1, null, new double[0], new long[] {1}, 0))),
        PromType.HISTOGRAM, "h")), diagnostics);
    assertThat(text).isEqualTo("# TYPE h histogram\nh_bucket{flag=\"true\",n=\"7\",le=\"+Inf\"} 1\n"
        + "h_count{flag=\"true\",n=\"7\"} 1\n");
    assertThat(counts(diagnostics)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "label-dropped", 2L, "attribute-stringified", 2L));
  }

  @Test
  void nonLegacyNamesAreEscapedUnderAnEscapingScheme() {
    MetricFamily family = gauge("my.metric", "", PromType.GAUGE,
        point(labels("a.b", "1", "a_b", "2", "c:d", "3"), 1L));
    Diagnostics diagnostics = new Diagnostics();
    String text = write(List.of(family), WriteOptions.DEFAULTS.withEscaping(NameEscaping.UNDERSCORES),
        diagnostics);
    // "a.b" escapes to "a_b", which the point already has: the later one is dropped, not doubled.
    assertThat(text).isEqualTo("# TYPE my_metric gauge\nmy_metric{a_b=\"1\",c_d=\"3\"} 1\n");
    assertThat(counts(diagnostics)).containsEntry("name-escaped", 1L)
        .containsEntry("label-name-escaped", 2L).containsEntry("label-dropped", 1L);
  }

  @Test
  void closeFlushesAndClosesTheStream() throws IOException {
    boolean[] closed = new boolean[1];
    ByteArrayOutputStream bytes = new ByteArrayOutputStream() {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    PrometheusTextWriter writer = new PrometheusTextWriter(bytes, WriteOptions.DEFAULTS,
        new Diagnostics());
    writer.write(gauge("g", "", PromType.GAUGE, point(NONE, 1L)));
    assertThat(bytes.size()).isZero();
    writer.close();
    writer.close();
    assertThat(bytes.toString()).isEqualTo("# TYPE g gauge\ng 1\n");
    assertThat(closed[0]).isTrue();
  }
}
