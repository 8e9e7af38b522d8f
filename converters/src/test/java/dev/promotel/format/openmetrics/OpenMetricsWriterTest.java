package dev.promotel.format.openmetrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.NameEscaping;
import dev.promotel.format.WriteOptions;
import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attributes;
import dev.promotel.model.Exemplar;
import dev.promotel.model.ExponentialBuckets;
import dev.promotel.model.ExponentialHistogram;
import dev.promotel.model.ExponentialHistogramPoint;
import dev.promotel.model.Gauge;
import dev.promotel.model.Histogram;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricData;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.PromType;
import dev.promotel.model.Resource;
import dev.promotel.model.Scope;
import dev.promotel.model.Sum;
import java.io.IOException;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class OpenMetricsWriterTest {
  private final Diagnostics diagnostics = new Diagnostics();

  private String write(WriteOptions options, MetricFamily... families) throws IOException {
    String text = OpenMetricsTestSupport.write(List.of(families), options, diagnostics);
    OpenMetricsTestSupport.read(text); // the strict reader accepts whatever the writer produced
    return text;
  }

  private String write(MetricFamily... families) throws IOException {
    return write(WriteOptions.DEFAULTS, families);
  }

  private static MetricFamily otlp(String name, MetricData data) {
    return new MetricFamily(name, "", "", Resource.EMPTY, Scope.EMPTY, data, Attributes.EMPTY, null);
  }

  private static Sum counter(NumberPoint... points) {
    return new Sum(AggregationTemporality.CUMULATIVE, true, List.of(points));
  }

  private static NumberPoint point(long start, NumberValue value, String... labels) {
    return new NumberPoint(Attributes.of(labels), start, 0, value, List.of(), 0);
  }

  @Test
  void emptyOutputIsJustEof() throws IOException {
    assertThat(write()).isEqualTo("# EOF\n");
  }

  @Test
  void aCounterWithoutTotalIsWrittenAsUnknownWithANote() throws IOException {
    String text = write(otlp("requests", counter(point(0, NumberValue.ofLong(3)))));
    assertThat(text).isEqualTo("# TYPE requests unknown\nrequests 3\n# EOF\n");
    assertThat(diagnostics.count("counter-without-total")).isEqualTo(1);
    assertThat(diagnostics.hasLosses()).isFalse();
  }

  @Test
  void startTimesBecomeCreatedLinesOnlyWhenAskedFor() throws IOException {
    MetricFamily f = otlp("jobs_total", counter(point(1_500_000_000L, NumberValue.ofLong(2))));
    assertThat(write(f)).isEqualTo("# TYPE jobs counter\njobs_total 2\n# EOF\n");
    assertThat(diagnostics.count("created-lines-omitted")).isEqualTo(1);
    assertThat(write(WriteOptions.DEFAULTS.withCreatedLines(true), f))
        .isEqualTo("# TYPE jobs counter\njobs_total 2\njobs_created 1.5\n# EOF\n");
  }

  @Test
  void countersThatAreNaNOrNegativeAreDroppedAndCounted() throws IOException {
    String text = write(otlp("c_total", counter(point(0, NumberValue.ofDouble(Double.NaN), "a", "1"),
        point(0, NumberValue.ofLong(-1), "a", "2"), point(0, NumberValue.ofLong(1), "a", "3"))));
    assertThat(text).isEqualTo("# TYPE c counter\nc_total{a=\"3\"} 1\n# EOF\n");
    assertThat(diagnostics.count("invalid-value-dropped")).isEqualTo(2);
  }

  @Test
  void aHistogramSumNextToNegativeBucketsIsDropped() throws IOException {
    HistogramPoint p = new HistogramPoint(Attributes.EMPTY, 0, 0, 3, OptionalDouble.of(1.5),
        new double[] {-1}, new long[] {1, 2}, OptionalDouble.of(-2), OptionalDouble.empty(),
        List.of(), 0);
    String text = write(otlp("h", new Histogram(AggregationTemporality.CUMULATIVE, List.of(p))));
    assertThat(text).isEqualTo("# TYPE h histogram\nh_bucket{le=\"-1.0\"} 1\n"
        + "h_bucket{le=\"+Inf\"} 3\n# EOF\n");
    assertThat(diagnostics.count("histogram-sum-dropped")).isEqualTo(1);
    assertThat(diagnostics.count("histogram-min-max-dropped")).isEqualTo(1);
  }

  @Test
  void histogramExemplarsGoToTheBucketTheyFallIntoLatestFirst() throws IOException {
    Exemplar early = Exemplar.of(Attributes.of("n", "early"), NumberValue.ofDouble(5), 0);
    Exemplar late = Exemplar.of(Attributes.of("n", "late"), NumberValue.ofDouble(6), 0);
    Exemplar low = Exemplar.of(Attributes.EMPTY, NumberValue.ofDouble(0.5), 0);
    HistogramPoint p = new HistogramPoint(Attributes.EMPTY, 0, 0, 3, OptionalDouble.empty(),
        new double[] {1}, new long[] {1, 2}, OptionalDouble.empty(), OptionalDouble.empty(),
        List.of(early, late, low), 0);
    String text = write(otlp("h", new Histogram(AggregationTemporality.CUMULATIVE, List.of(p))));
    assertThat(text).isEqualTo("# TYPE h histogram\nh_bucket{le=\"1.0\"} 1 # {} 0.5\n"
        + "h_bucket{le=\"+Inf\"} 3 # {n=\"late\"} 6.0\n# EOF\n");
    assertThat(diagnostics.count("exemplar-dropped")).isEqualTo(1);
  }

  @Test
  void exemplarsOverThe128CodePointLimitLoseTheirAttributesButKeepTheirIds() throws IOException {
    Exemplar e = new Exemplar(Attributes.of("big", "x".repeat(100)), NumberValue.ofLong(1), 0,
        "0123456789abcdef0123456789abcdef", "0123456789abcdef");
    String text = write(otlp("c_total", counter(new NumberPoint(Attributes.EMPTY, 0, 0,
        NumberValue.ofLong(1), List.of(e), 0))));
    assertThat(text).contains("c_total 1 # {trace_id=\"0123456789abcdef0123456789abcdef\","
        + "span_id=\"0123456789abcdef\"} 1\n");
    assertThat(diagnostics.count("exemplar-attributes-dropped")).isEqualTo(1);
  }

  @Test
  void whatOpenMetricsCannotHoldIsCountedAsLoss() throws IOException {
    ExponentialHistogramPoint ep = new ExponentialHistogramPoint(Attributes.EMPTY, 0, 0, 1,
        OptionalDouble.of(1), 0, 1, 0, ExponentialBuckets.EMPTY, ExponentialBuckets.EMPTY,
        OptionalDouble.empty(), OptionalDouble.empty(), List.of(), 0);
    MetricFamily exp = otlp("e", new ExponentialHistogram(AggregationTemporality.CUMULATIVE,
        List.of(ep)));
    MetricFamily delta = otlp("d_total", new Sum(AggregationTemporality.DELTA, true,
        List.of(point(0, NumberValue.ONE))));
    MetricFamily withResource = new MetricFamily("g", "", "", Resource.of(Attributes.of(
        "service.name", "x")), Scope.EMPTY, new Gauge(List.of(point(7, NumberValue.ONE))),
        Attributes.EMPTY, null);
    assertThat(write(exp, delta, withResource)).isEqualTo("# TYPE g gauge\ng 1\n# EOF\n");
    assertThat(diagnostics.count("exponential-histogram-dropped")).isEqualTo(1);
    assertThat(diagnostics.count("delta-dropped")).isEqualTo(1);
    assertThat(diagnostics.count("resource-dropped")).isEqualTo(1);
    assertThat(diagnostics.count("start-time-dropped")).isEqualTo(1);
  }

  @Test
  void aLaterRepeatOrClashOfAFamilyIsDroppedButAContinuationIsNot() throws IOException {
    MetricFamily a = otlp("a_total", counter(point(0, NumberValue.ONE, "x", "1")));
    MetricFamily aMore = otlp("a_total", counter(point(0, NumberValue.ONE, "x", "2")));
    MetricFamily clash = otlp("a_created", new Gauge(List.of(point(0, NumberValue.ONE))));
    MetricFamily b = otlp("b", new Gauge(List.of(point(0, NumberValue.ONE))));
    String text = write(a, aMore, clash, b, a);
    assertThat(text).isEqualTo("# TYPE a counter\na_total{x=\"1\"} 1\na_total{x=\"2\"} 1\n"
        + "# TYPE b gauge\nb 1\n# EOF\n");
    assertThat(diagnostics.count("duplicate-family")).isEqualTo(2);
  }

  @Test
  void unitsAreWrittenOnlyAsASuffixOfTheName() throws IOException {
    MetricFamily good = MetricFamily.ofProm("t_seconds", "", "seconds",
        new Gauge(List.of(point(0, NumberValue.ONE))), PromType.GAUGE, "t_seconds");
    MetricFamily ucum = MetricFamily.ofProm("latency", "", "ms",
        new Gauge(List.of(point(0, NumberValue.ONE))), PromType.GAUGE, "latency");
    assertThat(write(good, ucum)).isEqualTo("# TYPE t_seconds gauge\n# UNIT t_seconds seconds\n"
        + "t_seconds 1\n# TYPE latency gauge\nlatency 1\n# EOF\n");
    assertThat(diagnostics.count("unit-omitted")).isEqualTo(1);
  }

  @Test
  void utf8NamesAreQuotedOrEscapedAsConfigured() throws IOException {
    MetricFamily f = otlp("http.duration", new Gauge(List.of(
        point(0, NumberValue.ONE, "a:b", "1", "c.d", "2"))));
    assertThat(write(f)).isEqualTo(
        "# TYPE \"http.duration\" gauge\n{\"http.duration\",\"a:b\"=\"1\",\"c.d\"=\"2\"} 1\n# EOF\n");
    assertThat(write(WriteOptions.DEFAULTS.withEscaping(NameEscaping.UNDERSCORES), f)).isEqualTo(
        "# TYPE http_duration gauge\nhttp_duration{a_b=\"1\",c_d=\"2\"} 1\n# EOF\n");
    assertThat(write(WriteOptions.DEFAULTS.withEscaping(NameEscaping.VALUES), f)).isEqualTo(
        "# TYPE U__http_2e_duration gauge\n"
            + "U__http_2e_duration{U__a_3a_b=\"1\",U__c_2e_d=\"2\"} 1\n# EOF\n");
  }

  @Test
  void labelsThatEscapeAlikeKeepTheFirst() throws IOException {
    MetricFamily f = otlp("g", new Gauge(List.of(point(0, NumberValue.ONE, "a.b", "1", "a_b", "2"))));
    assertThat(write(WriteOptions.DEFAULTS.withEscaping(NameEscaping.UNDERSCORES), f))
        .isEqualTo("# TYPE g gauge\ng{a_b=\"1\"} 1\n# EOF\n");
    assertThat(diagnostics.count("label-collision-dropped")).isEqualTo(1);
  }

  @Test
  void pointsOfASeriesAreGroupedAndPutInTimeOrder() throws IOException {
    MetricFamily f = otlp("g", new Gauge(List.of(
        new NumberPoint(Attributes.of("s", "1"), 0, 2_000_000_000L, NumberValue.ONE, List.of(), 0),
        new NumberPoint(Attributes.of("s", "2"), 0, 0, NumberValue.ONE, List.of(), 0),
        new NumberPoint(Attributes.of("s", "1"), 0, 0, NumberValue.ZERO, List.of(), 0))));
    assertThat(write(f)).isEqualTo(
        "# TYPE g gauge\ng{s=\"1\"} 0 0\ng{s=\"1\"} 1 2\ng{s=\"2\"} 1\n# EOF\n");
    assertThat(diagnostics.count("points-reordered")).isEqualTo(1);
  }
}
