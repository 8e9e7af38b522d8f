package dev.promotel.translate.temporality;

import static dev.promotel.translate.temporality.Streams.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.Format;
import dev.promotel.format.MetricReader;
import dev.promotel.format.ReadOptions;
import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attributes;
import dev.promotel.model.ExponentialHistogramPoint;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.Point;
import dev.promotel.model.Quantile;
import dev.promotel.model.Resource;
import dev.promotel.model.Scope;
import dev.promotel.model.Sum;
import dev.promotel.model.SummaryPoint;
import dev.promotel.pipeline.Codecs;
import dev.promotel.translate.temporality.TemporalityConverter.Direction;
import dev.promotel.translate.temporality.TemporalityOptions.Exemplars;
import dev.promotel.translate.temporality.TemporalityOptions.InitialValue;
import dev.promotel.translate.temporality.TemporalityOptions.OnGap;
import dev.promotel.translate.temporality.TemporalityOptions.OnNan;
import dev.promotel.translate.temporality.TemporalityOptions.OnOverlap;
import dev.promotel.translate.temporality.TemporalityOptions.Order;
import dev.promotel.translate.temporality.TemporalityOptions.Summaries;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The 40 edge cases of the temporality spec §6.3, numbered as there, with exact expected output. */
class EdgeCasesTest {
  private static final TemporalityOptions DEFAULTS = TemporalityOptions.defaults();
  private static final TemporalityOptions INPUT_ORDER =
      TemporalityOptions.builder().order(Order.INPUT).build();

  private static TemporalityOptions.Builder opts() {
    return TemporalityOptions.builder();
  }

  @Test
  void case01_aSingleDeltaPointComesOutUnchangedAsCumulative() {
    Run run = cumulative(DEFAULTS, deltaSum("s", n(1000, 1100, 42)));
    assertThat(run.text()).isEqualTo("s SUM/2 {} (1000,1100] 42\n");
    assertThat(run.report().count(DropReason.ACCEPTED)).isEqualTo(1);
  }

  @Test
  void case02_contiguousDeltasBecomeRunningTotalsFromTheFirstStart() {
    Run run = cumulative(DEFAULTS, deltaSum("s", n(0, 10, 5), n(10, 20, 3), n(20, 30, 2)));
    assertThat(run.text()).isEqualTo(
        "s SUM/2 {} (0,10] 5\ns SUM/2 {} (0,20] 8\ns SUM/2 {} (0,30] 10\n");
  }

  @Test
  void case03_deltasSharingOneStartAreRunningSums() {
    Attributes a = Attributes.of("a", "1");
    Attributes b = Attributes.of("a", "2");
    Run run = cumulative(DEFAULTS, deltaSum("s", n(a, 1000, 1100, 1), n(b, 1000, 1150, 10),
        n(a, 1000, 1200, 2), n(b, 1000, 1250, 20), n(a, 1000, 1300, 3)));
    assertThat(run.text()).isEqualTo("s SUM/2 {a=1} (1000,1100] 1\n"
        + "s SUM/2 {a=2} (1000,1150] 10\n"
        + "s SUM/2 {a=1} (1000,1200] 3\n"
        + "s SUM/2 {a=2} (1000,1250] 30\n"
        + "s SUM/2 {a=1} (1000,1300] 6\n");
    assertThat(run.report().hasDrops()).isFalse();
  }

  @Test
  void case04_aGapIsBridgedByDefaultAndResetsWithOnGapReset() {
    MetricFamily in = deltaSum("s", n(1000, 1100, 1), n(1100, 1200, 2), n(1300, 1400, 3));
    Run run = cumulative(DEFAULTS, in);
    assertThat(run.text()).isEqualTo("s SUM/2 {} (1000,1100] 1\ns SUM/2 {} (1000,1200] 3\n"
        + "s SUM/2 {} (1000,1400] 6\n");
    assertThat(run.report().count(DropReason.GAP)).isEqualTo(1);
    Run reset = cumulative(opts().onGap(OnGap.RESET).build(), in);
    assertThat(reset.text()).isEqualTo("s SUM/2 {} (1000,1100] 1\ns SUM/2 {} (1000,1200] 3\n"
        + "s SUM/2 {} (1300,1400] 3\n");
    assertThat(reset.report().count(DropReason.RESET_RESTART)).isEqualTo(1);
  }

  @Test
  void case05_aLatePointIsDroppedInInputOrderAndAcceptedInTimeOrder() {
    MetricFamily in = deltaSum("s", n(1000, 1100, 1), n(1100, 1200, 2), n(1300, 1400, 4),
        n(1200, 1300, 3));
    Run input = cumulative(INPUT_ORDER, in);
    assertThat(input.text()).isEqualTo("s SUM/2 {} (1000,1100] 1\ns SUM/2 {} (1000,1200] 3\n"
        + "s SUM/2 {} (1000,1400] 7\n");
    assertThat(input.report().count(DropReason.OUT_OF_ORDER)).isEqualTo(1);
    Run time = cumulative(DEFAULTS, in);
    // Layout preserve: each result sits where its input point was.
    assertThat(time.text()).isEqualTo("s SUM/2 {} (1000,1100] 1\ns SUM/2 {} (1000,1200] 3\n"
        + "s SUM/2 {} (1000,1400] 10\ns SUM/2 {} (1000,1300] 6\n");
    assertThat(time.report().hasDrops()).isFalse();
  }

  @Test
  void case06_anExactDuplicateIsDeduplicatedAndADifferentValueIsDropped() {
    Run same = cumulative(DEFAULTS, deltaSum("s", n(1000, 1100, 5), n(1000, 1100, 5)));
    assertThat(same.text()).isEqualTo("s SUM/2 {} (1000,1100] 5\n");
    assertThat(same.report().count(DropReason.DEDUPLICATED)).isEqualTo(1);
    assertThat(same.report().hasDrops()).isFalse();
    Run different = cumulative(DEFAULTS, deltaSum("s", n(1000, 1100, 5), n(1000, 1100, 6)));
    assertThat(different.text()).isEqualTo("s SUM/2 {} (1000,1100] 5\n");
    assertThat(different.report().count(DropReason.DUPLICATE)).isEqualTo(1);
  }

  @Test
  void case07_anOlderStartIsDropped() {
    Run run = cumulative(INPUT_ORDER, deltaSum("s", n(1000, 1100, 1), n(500, 550, 2)));
    assertThat(run.text()).isEqualTo("s SUM/2 {} (1000,1100] 1\n");
    assertThat(run.report().count(DropReason.OLDER_START)).isEqualTo(1);
  }

  @Test
  void case08_anOverlapIsDroppedByDefaultAndAcceptedOnRequest() {
    MetricFamily in = deltaSum("s", n(1000, 1100, 1), n(1050, 1200, 2));
    Run run = cumulative(DEFAULTS, in);
    assertThat(run.text()).isEqualTo("s SUM/2 {} (1000,1100] 1\n");
    assertThat(run.report().count(DropReason.OVERLAP)).isEqualTo(1);
    Run accept = cumulative(opts().onOverlap(OnOverlap.ACCEPT).build(), in);
    assertThat(accept.text()).isEqualTo("s SUM/2 {} (1000,1100] 1\ns SUM/2 {} (1000,1200] 3\n");
  }

  @Test
  void case09_aStartAfterTheTimeIsAnInvalidWindow() {
    Run run = cumulative(DEFAULTS, deltaSum("s", n(1200, 1100, 1), n(1000, 1100, 2)));
    assertThat(run.text()).isEqualTo("s SUM/2 {} (1000,1100] 2\n");
    assertThat(run.report().count(DropReason.INVALID_WINDOW)).isEqualTo(1);
  }

  @Test
  void case10_missingStartsAccumulateFromZeroOrFromTheFirstTimeWithInferStart() {
    MetricFamily in = deltaSum("s", n(0, 100, 1), n(0, 200, 2));
    assertThat(cumulative(DEFAULTS, in).text())
        .isEqualTo("s SUM/2 {} (0,100] 1\ns SUM/2 {} (0,200] 3\n");
    assertThat(cumulative(opts().inferStart(true).build(), in).text())
        .isEqualTo("s SUM/2 {} (100,100] 1\ns SUM/2 {} (100,200] 3\n");
  }

  @Test
  void case11_aRestartContinuesByDefaultAndResetsWithOnGapResetOrAShorterMaxGap() {
    MetricFamily in = deltaSum("s", n(10, 100, 1), n(100, 200, 2), n(10_000, 10_100, 3));
    assertThat(cumulative(DEFAULTS, in).text()).isEqualTo("s SUM/2 {} (10,100] 1\n"
        + "s SUM/2 {} (10,200] 3\ns SUM/2 {} (10,10100] 6\n");
    String reset = "s SUM/2 {} (10,100] 1\ns SUM/2 {} (10,200] 3\ns SUM/2 {} (10000,10100] 3\n";
    assertThat(cumulative(opts().onGap(OnGap.RESET).build(), in).text()).isEqualTo(reset);
    assertThat(cumulative(opts().maxGapNanos(5_000).build(), in).text()).isEqualTo(reset);
    assertThat(cumulative(opts().maxGapNanos(20_000).build(), in).text())
        .endsWith("(10,10100] 6\n");
  }

  @Test
  void case12_intThenDoubleIsPromotedAndAnInt64OverflowContinuesAsDouble() {
    Run run = cumulative(DEFAULTS, deltaSum("s", n(0, 10, 1), d(10, 20, 2.5)));
    assertThat(run.text()).isEqualTo("s SUM/2 {} (0,10] 1\ns SUM/2 {} (0,20] 3.5\n");
    assertThat(run.report().count(DropReason.TYPE_CHANGE)).isEqualTo(1);
    Run big = cumulative(DEFAULTS, deltaSum("s", n(0, 10, Long.MAX_VALUE - 1), n(10, 20, 5)));
    assertThat(big.text()).isEqualTo("s SUM/2 {} (0,10] 9223372036854775806\n"
        + "s SUM/2 {} (0,20] 9.223372036854776E18\n");
    assertThat(big.report().count(DropReason.OVERFLOW)).isEqualTo(1);
  }

  @Test
  void case13_aNanDeltaIsSkippedByDefaultAndStickyWithPropagate() {
    MetricFamily in = deltaSum("s", d(0, 10, 1), d(10, 20, Double.NaN), d(20, 30, 2));
    Run run = cumulative(DEFAULTS, in);
    assertThat(run.text()).isEqualTo("s SUM/2 {} (0,10] 1.0\ns SUM/2 {} (0,30] 3.0\n");
    assertThat(run.report().count(DropReason.NAN)).isEqualTo(1);
    assertThat(cumulative(opts().onNan(OnNan.PROPAGATE).build(), in).text()).isEqualTo(
        "s SUM/2 {} (0,10] 1.0\ns SUM/2 {} (0,20] NaN\ns SUM/2 {} (0,30] NaN\n");
  }

  @Test
  void case14_anInfiniteDeltaFollowsTheNanPolicy() {
    MetricFamily in = deltaSum("s", d(0, 10, 1), d(10, 20, Double.POSITIVE_INFINITY), d(20, 30, 2));
    assertThat(cumulative(DEFAULTS, in).text())
        .isEqualTo("s SUM/2 {} (0,10] 1.0\ns SUM/2 {} (0,30] 3.0\n");
    assertThat(cumulative(opts().onNan(OnNan.PROPAGATE).build(), in).text()).isEqualTo(
        "s SUM/2 {} (0,10] 1.0\ns SUM/2 {} (0,20] Infinity\ns SUM/2 {} (0,30] Infinity\n");
  }

  @Test
  void case15_negativeDeltasAreAcceptedWithANoteAndNonMonotonicSumsStayNonMonotonic() {
    Run run = cumulative(DEFAULTS, deltaSum("s", n(0, 10, 5), n(10, 20, -2)));
    assertThat(run.text()).isEqualTo("s SUM/2 {} (0,10] 5\ns SUM/2 {} (0,20] 3\n");
    assertThat(run.report().count(DropReason.NEGATIVE)).isEqualTo(1);
    MetricFamily upDown = family("u", new Sum(AggregationTemporality.DELTA, false,
        List.of(n(0, 10, 5), n(10, 20, -2))));
    assertThat(cumulative(DEFAULTS, upDown).text())
        .isEqualTo("u SUM/2 nonmono {} (0,10] 5\nu SUM/2 nonmono {} (0,20] 3\n");
    Run rejected = cumulative(opts().rejectNegative(true).build(),
        deltaSum("s", n(0, 10, 5), n(10, 20, -2)));
    assertThat(rejected.text()).isEqualTo("s SUM/2 {} (0,10] 5\n");
    assertThat(rejected.report().count(DropReason.NEGATIVE_DROPPED)).isEqualTo(1);
  }

  @Test
  void case16_aCumulativeAndADeltaSumOfOneNameAreDistinctStreams() {
    Run run = cumulative(DEFAULTS, cumulativeSum("s", n(0, 10, 100), n(0, 20, 110)),
        deltaSum("s", n(0, 10, 1), n(10, 20, 2)));
    assertThat(run.text()).isEqualTo("s SUM/2 {} (0,10] 100\ns SUM/2 {} (0,20] 110\n"
        + "s SUM/2 {} (0,10] 1\ns SUM/2 {} (0,20] 3\n");
  }

  @Test
  void case17_gaugesSummariesAndUnspecifiedMetricsPassThroughInPlace() {
    SummaryPoint sp = new SummaryPoint(Attributes.EMPTY, 0, 10, OptionalLong.of(2),
        OptionalDouble.of(3), List.of(new Quantile(0.5, 1)), 0);
    MetricFamily unspecified = family("x", new Sum(AggregationTemporality.UNSPECIFIED, true,
        List.of(n(0, 10, 7))));
    Run run = cumulative(DEFAULTS, gauge("g", n(0, 10, 1)), deltaSum("s", n(0, 10, 1)),
        summary("m", sp), unspecified);
    assertThat(run.text()).isEqualTo("g GAUGE/0 {} (0,10] 1\ns SUM/2 {} (0,10] 1\n"
        + "m SUMMARY/0 {} (0,10] count=OptionalLong[2] sum=3.0 q=1\nx SUM/0 {} (0,10] 7\n");
  }

  @Test
  void case18_identityIgnoresAttributeOrderAndDescriptionButNotResourceScopeVersionOrUnit() {
    MetricFamily base = deltaSum("s", n(0, 10, 1));
    StreamKey.Metric m = StreamKey.Metric.of(base);
    Attributes ab = Attributes.of("a", "1", "b", "2");
    Attributes ba = Attributes.of("b", "2", "a", "1");
    assertThat(StreamKey.of(m, ab)).isEqualTo(StreamKey.of(m, ba));
    MetricFamily otherResource = new MetricFamily("s", "", "1",
        Resource.of(Attributes.of("service.name", "web")), SCOPE, base.data(), Attributes.EMPTY,
        null);
    MetricFamily otherVersion = new MetricFamily("s", "", "1", RESOURCE,
        new Scope("io.test", "2.0", Attributes.EMPTY, ""), base.data(), Attributes.EMPTY, null);
    MetricFamily otherDescription = new MetricFamily("s", "other words", "1", RESOURCE, SCOPE,
        base.data(), Attributes.EMPTY, null);
    MetricFamily otherUnit = new MetricFamily("s", "", "ms", RESOURCE, SCOPE, base.data(),
        Attributes.EMPTY, null);
    assertThat(StreamKey.Metric.of(otherResource)).isNotEqualTo(m);
    assertThat(StreamKey.Metric.of(otherVersion)).isNotEqualTo(m);
    assertThat(StreamKey.Metric.of(otherDescription)).isEqualTo(m);
    assertThat(StreamKey.Metric.of(otherUnit)).isNotEqualTo(m);
    Run run = cumulative(DEFAULTS, base, new MetricFamily("s", "other words", "1", RESOURCE,
        SCOPE, new Sum(AggregationTemporality.DELTA, true, List.of(n(10, 20, 2))),
        Attributes.EMPTY, null));
    assertThat(run.text()).isEqualTo("s SUM/2 {} (0,10] 1\ns SUM/2 {} (0,20] 3\n");
  }

  @Test
  void case19_explicitHistogramsWithTheSameBoundsAddUp() {
    double[] bounds = {0.01, 0.1, 1, 10, 100};
    HistogramPoint a = new HistogramPoint(Attributes.EMPTY, 0, 10, 15, OptionalDouble.of(10),
        bounds, new long[] {1, 2, 3, 4, 5, 0}, OptionalDouble.of(0.005), OptionalDouble.of(50),
        List.of(), 0);
    HistogramPoint b = new HistogramPoint(Attributes.EMPTY, 10, 20, 3, OptionalDouble.of(5),
        bounds, new long[] {1, 0, 1, 0, 1, 0}, OptionalDouble.of(0.001), OptionalDouble.of(20),
        List.of(), 0);
    Run run = cumulative(DEFAULTS, deltaHistogram("h", a, b));
    assertThat(run.text()).isEqualTo(
        "h HISTOGRAM/2 {} (0,10] count=15 sum=10.0 min=0.005 max=50.0 bounds=[0.01, 0.1, 1.0, "
            + "10.0, 100.0] counts=[1, 2, 3, 4, 5, 0]\n"
            + "h HISTOGRAM/2 {} (0,20] count=18 sum=15.0 min=0.001 max=50.0 bounds=[0.01, 0.1, "
            + "1.0, 10.0, 100.0] counts=[2, 2, 4, 4, 6, 0]\n");
  }

  @Test
  void case20_changedBoundsResetTheHistogramToTheNewPoint() {
    Run run = cumulative(DEFAULTS, deltaHistogram("h",
        h(0, 10, new double[] {1, 10}, new long[] {1, 2, 3}, 6.0),
        h(10, 20, new double[] {1, 10}, new long[] {1, 1, 1}, 3.0),
        h(20, 30, new double[] {10}, new long[] {4, 5}, 9.0)));
    assertThat(run.text()).isEqualTo(
        "h HISTOGRAM/2 {} (0,10] count=6 sum=6.0 bounds=[1.0, 10.0] counts=[1, 2, 3]\n"
            + "h HISTOGRAM/2 {} (0,20] count=9 sum=9.0 bounds=[1.0, 10.0] counts=[2, 3, 4]\n"
            + "h HISTOGRAM/2 {} (20,30] count=9 sum=9.0 bounds=[10.0] counts=[4, 5]\n");
    assertThat(run.report().count(DropReason.RESET_BOUNDS)).isEqualTo(1);
  }

  @Test
  void case21_aMissingSumStaysMissingFromThenOn() {
    double[] bounds = {1};
    Run run = cumulative(DEFAULTS, deltaHistogram("h", h(0, 10, bounds, new long[] {1, 1}, 2.0),
        h(10, 20, bounds, new long[] {1, 0}, null), h(20, 30, bounds, new long[] {0, 1}, 4.0)));
    assertThat(run.text()).isEqualTo(
        "h HISTOGRAM/2 {} (0,10] count=2 sum=2.0 bounds=[1.0] counts=[1, 1]\n"
            + "h HISTOGRAM/2 {} (0,20] count=3 bounds=[1.0] counts=[2, 1]\n"
            + "h HISTOGRAM/2 {} (0,30] count=4 bounds=[1.0] counts=[2, 2]\n");
  }

  @Test
  void case22_aHistogramWithoutBucketsAccumulatesCountAndSum() {
    HistogramPoint a = new HistogramPoint(Attributes.EMPTY, 0, 10, 3, OptionalDouble.of(1.5),
        new double[0], new long[0], OptionalDouble.empty(), OptionalDouble.empty(), List.of(), 0);
    HistogramPoint b = new HistogramPoint(Attributes.EMPTY, 10, 20, 2, OptionalDouble.of(1),
        new double[0], new long[0], OptionalDouble.empty(), OptionalDouble.empty(), List.of(), 0);
    assertThat(cumulative(DEFAULTS, deltaHistogram("h", a, b)).text()).isEqualTo(
        "h HISTOGRAM/2 {} (0,10] count=3 sum=1.5 bounds=[] counts=[]\n"
            + "h HISTOGRAM/2 {} (0,20] count=5 sum=2.5 bounds=[] counts=[]\n");
  }

  @Test
  void case23_bucketCountsThatDoNotMatchTheBoundsAreDroppedAsInvalid() throws IOException {
    String json = "{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"name\":\"h\","
        + "\"histogram\":{\"aggregationTemporality\":1,\"dataPoints\":["
        + "{\"startTimeUnixNano\":\"0\",\"timeUnixNano\":\"10\",\"count\":\"2\","
        + "\"bucketCounts\":[\"1\",\"1\"],\"explicitBounds\":[1]},"
        + "{\"startTimeUnixNano\":\"10\",\"timeUnixNano\":\"20\",\"count\":\"3\","
        + "\"bucketCounts\":[\"1\",\"1\",\"1\"],\"explicitBounds\":[1]},"
        + "{\"startTimeUnixNano\":\"20\",\"timeUnixNano\":\"30\",\"count\":\"1\","
        + "\"bucketCounts\":[\"0\",\"1\"],\"explicitBounds\":[1]}]}}]}]}]}";
    Diagnostics diagnostics = new Diagnostics();
    Run run = fromJson(json, DEFAULTS, diagnostics);
    assertThat(run.text()).isEqualTo(
        "h HISTOGRAM/2 {} (0,10] count=2 bounds=[1.0] counts=[1, 1]\n"
            + "h HISTOGRAM/2 {} (0,30] count=3 bounds=[1.0] counts=[1, 2]\n");
    assertThat(diagnostics.count("invalid-point")).isEqualTo(1);
  }

  @Test
  void case24_exponentialBucketsAtOneScaleMergeOverTheUnionOfTheirRanges() {
    Run run = cumulative(DEFAULTS, deltaExponential("e",
        e(0, 10, 4, 5, 0, 2, new long[] {4, 7, 9, 6, 25}, 6, new long[] {2, 13, 7, 12, 4}),
        e(10, 20, 4, 2, 0, 2, new long[] {1, 2, 1, 2, 1}, 6, new long[] {1, 2, 1, 2, 1}),
        e(20, 30, 4, 0, 0, 0, new long[] {1, 1}, 6, new long[0])));
    assertThat(run.text()).isEqualTo(
        "e EXPONENTIAL_HISTOGRAM/2 {} (0,10] count=94 scale=4 zc=5 zt=0.0 pos=2:[4, 7, 9, 6, 25]"
            + " neg=6:[2, 13, 7, 12, 4]\n"
            + "e EXPONENTIAL_HISTOGRAM/2 {} (0,20] count=110 scale=4 zc=7 zt=0.0"
            + " pos=2:[5, 9, 10, 8, 26] neg=6:[3, 15, 8, 14, 5]\n"
            + "e EXPONENTIAL_HISTOGRAM/2 {} (0,30] count=112 scale=4 zc=7 zt=0.0"
            + " pos=0:[1, 1, 5, 9, 10, 8, 26] neg=6:[3, 15, 8, 14, 5]\n");
  }

  @Test
  void case25_aLowerScaleDownscalesTheState() {
    Run run = cumulative(DEFAULTS, deltaExponential("e",
        e(0, 10, 2, 1, 0, 0, new long[] {1, 2, 3, 4, 5}, 0, new long[0]),
        e(10, 20, 1, 0, 0, 0, new long[] {0, 0, 0, 0, 0}, 0, new long[0])));
    assertThat(run.text()).endsWith(
        "e EXPONENTIAL_HISTOGRAM/2 {} (0,20] count=16 scale=1 zc=1 zt=0.0 pos=0:[3, 7, 5, 0, 0]"
            + " neg=0:[]\n");
  }

  @Test
  void case26_aUnionWiderThanTheBudgetIsDownscaledUntilItFits() {
    Run run = cumulative(DEFAULTS, deltaExponential("e",
        e(0, 10, 0, 0, 0, 0, new long[] {1}, 0, new long[0]),
        e(10, 20, 0, 0, 0, 200, new long[] {1}, 0, new long[0])));
    ExponentialHistogramPoint last =
        (ExponentialHistogramPoint) run.families().get(0).data().points().get(1);
    assertThat(last.scale()).isEqualTo(-1);
    assertThat(last.positive().offset()).isEqualTo(0);
    assertThat(last.positive().size()).isEqualTo(101);
    assertThat(last.positive().count(0)).isEqualTo(1);
    assertThat(last.positive().count(100)).isEqualTo(1);
    assertThat(last.positive().total()).isEqualTo(2);
    Run small = cumulative(opts().maxBuckets(10).build(), deltaExponential("e",
        e(0, 10, 3, 0, 0, 0, new long[] {1}, 0, new long[0]),
        e(10, 20, 3, 0, 0, 40, new long[] {1}, 0, new long[0])));
    ExponentialHistogramPoint p =
        (ExponentialHistogramPoint) small.families().get(0).data().points().get(1);
    // 41 buckets need two halvings to fit 10: 0..40 → 0..20 → 0..10 → 0..5.
    assertThat(p.scale()).isEqualTo(0);
    assertThat(p.positive().offset()).isEqualTo(0);
    assertThat(p.positive().counts()).containsExactly(1, 0, 0, 0, 0, 1);
  }

  @Test
  void case27_aWiderZeroThresholdFoldsLowerBucketsIntoTheZeroCount() {
    Run run = cumulative(DEFAULTS, deltaExponential("e",
        e(0, 10, 0, 0, 0, -3, new long[] {1, 1, 1, 1}, 0, new long[0]),
        e(10, 20, 0, 2, 0.5, 0, new long[] {1}, 0, new long[0])));
    assertThat(run.text()).endsWith(
        "e EXPONENTIAL_HISTOGRAM/2 {} (0,20] count=7 scale=0 zc=4 zt=0.5 pos=-1:[1, 2] neg=0:[]\n");
    Run rounded = cumulative(DEFAULTS, deltaExponential("e",
        e(0, 10, 0, 0, 0, -3, new long[] {1, 1, 1, 1}, 0, new long[0]),
        e(10, 20, 0, 1, 0.3, 0, new long[] {1}, 0, new long[0])));
    // 0.3 lies in (0.25, 0.5]: the threshold rises to that bucket's upper bound.
    assertThat(rounded.text()).endsWith(
        "count=6 scale=0 zc=3 zt=0.5 pos=-1:[1, 2] neg=0:[]\n");
  }

  @Test
  void case28_onlyNegativeBucketsOrOnlyAZeroCountAccumulate() {
    Run negative = cumulative(DEFAULTS, deltaExponential("e",
        e(0, 10, 1, 0, 0, 0, new long[0], 1, new long[] {2}),
        e(10, 20, 1, 0, 0, 0, new long[0], 1, new long[] {1})));
    assertThat(negative.text()).endsWith("(0,20] count=3 scale=1 zc=0 zt=0.0 pos=0:[] neg=1:[3]\n");
    Run zero = cumulative(DEFAULTS, deltaExponential("e",
        e(0, 10, 1, 3, 0, 0, new long[0], 0, new long[0]),
        e(10, 20, 1, 2, 0, 0, new long[0], 0, new long[0])));
    assertThat(zero.text()).endsWith("(0,20] count=5 scale=1 zc=5 zt=0.0 pos=0:[] neg=0:[]\n");
  }

  @Test
  void case29_theStreamLimitDropsTheEleventhStreamInEveryBatch() {
    List<NumberPoint> first = new ArrayList<>();
    List<NumberPoint> second = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      first.add(n(Attributes.of("series", "" + i), 0, 1, 1));
      second.add(n(Attributes.of("series", "" + i), 1, 2, 1));
    }
    second.add(n(Attributes.of("series", "x"), 1, 2, 1));
    Run run = Streams.run(Direction.CUMULATIVE, opts().maxStreams(10).build(), List.of(
        List.of(deltaSum("s", first.toArray(NumberPoint[]::new))),
        List.of(deltaSum("s", second.toArray(NumberPoint[]::new)))));
    assertThat(run.text()).contains("s SUM/2 {series=9} (0,1] 1\n", "s SUM/2 {series=9} (0,2] 2\n")
        .doesNotContain("series=x");
    assertThat(run.text().lines()).hasSize(20);
    assertThat(run.report().count(DropReason.LIMIT)).isEqualTo(1);
  }

  @Test
  void case30_aStreamSilentLongerThanMaxStaleStartsAfresh() {
    long min = 60_000_000_000L;
    MetricFamily in = deltaSum("s", n(0, min, 1), n(min, 2 * min, 2), n(12 * min, 13 * min, 3));
    Run run = cumulative(opts().maxStaleNanos(5 * min).build(), in);
    assertThat(run.text()).isEqualTo("s SUM/2 {} (0,60000000000] 1\n"
        + "s SUM/2 {} (0,120000000000] 3\ns SUM/2 {} (720000000000,780000000000] 3\n");
    assertThat(run.report().count(DropReason.STALE_RESET)).isEqualTo(1);
  }

  @Test
  void case31_oneRequestOrManyRequestsGiveTheSameResult() {
    NumberPoint[] points = {n(0, 10, 1), n(10, 20, 2), n(20, 30, 3), n(30, 40, 4)};
    Run one = cumulative(DEFAULTS, deltaSum("s", points));
    List<List<MetricFamily>> many = new ArrayList<>();
    for (NumberPoint p : points) many.add(List.of(deltaSum("s", p)));
    Run split = Streams.run(Direction.CUMULATIVE, DEFAULTS, many);
    assertThat(split.text()).isEqualTo(one.text()).isEqualTo("s SUM/2 {} (0,10] 1\n"
        + "s SUM/2 {} (0,20] 3\ns SUM/2 {} (0,30] 6\ns SUM/2 {} (0,40] 10\n");
  }

  @Test
  void case32_theOutputKeepsTheCurrentPointsExemplars() {
    NumberPoint a = new NumberPoint(Attributes.EMPTY, 0, 10, NumberValue.ofLong(1),
        List.of(exemplar(1)), 0);
    NumberPoint b = new NumberPoint(Attributes.EMPTY, 10, 20, NumberValue.ofLong(2),
        List.of(exemplar(2)), 0);
    assertThat(cumulative(DEFAULTS, deltaSum("s", a, b)).text())
        .isEqualTo("s SUM/2 {} (0,10] 1 ex=1\ns SUM/2 {} (0,20] 3 ex=2\n");
    assertThat(cumulative(opts().exemplars(Exemplars.FIRST).build(), deltaSum("s", a, b)).text())
        .isEqualTo("s SUM/2 {} (0,10] 1 ex=1\ns SUM/2 {} (0,20] 3 ex=1\n");
  }

  @Test
  void case33_aNoRecordedValueMarkerPassesThroughWithoutAddingAnything() {
    NumberPoint marker = new NumberPoint(Attributes.EMPTY, 10, 20, NumberValue.ofDouble(0),
        List.of(), Point.FLAG_NO_RECORDED_VALUE);
    Run run = cumulative(DEFAULTS, deltaSum("s", n(0, 10, 1), marker, n(20, 30, 2)));
    assertThat(run.text()).isEqualTo("s SUM/2 {} (0,10] 1\ns SUM/2 {} (0,20] 0.0 flags=1\n"
        + "s SUM/2 {} (0,30] 3\n");
  }

  @Test
  void case34_aFamilyWhosePointsAreAllDroppedIsPruned() {
    Run run = cumulative(DEFAULTS, gauge("g", n(0, 10, 1)),
        deltaSum("s", n(30, 10, 1), n(40, 20, 2)));
    assertThat(run.text()).isEqualTo("g GAUGE/0 {} (0,10] 1\n");
    assertThat(run.families()).hasSize(1);
  }

  @Test
  void case35_zeroInitAddsAZeroPointJustBeforeEachNewStream() {
    Run run = cumulative(opts().zeroInit(true).build(),
        deltaSum("s", n(1000, 1100, 42), n(1100, 1200, 10)));
    assertThat(run.text()).isEqualTo("s SUM/2 {} (999,999] 0\ns SUM/2 {} (1000,1100] 42\n"
        + "s SUM/2 {} (1000,1200] 52\n");
  }

  @Test
  void case36_accumulatedSummariesAddCountAndSumAndTakeTheNewestQuantiles() {
    SummaryPoint a = new SummaryPoint(Attributes.EMPTY, 0, 10, OptionalLong.of(10),
        OptionalDouble.of(100), List.of(new Quantile(0.5, 1)), 0);
    SummaryPoint b = new SummaryPoint(Attributes.EMPTY, 10, 20, OptionalLong.of(5),
        OptionalDouble.of(50), List.of(new Quantile(0.5, 7), new Quantile(0.9, 9)), 0);
    Run run = cumulative(opts().summaries(Summaries.ACCUMULATE).build(), summary("m", a, b));
    assertThat(run.text()).isEqualTo("m SUMMARY/0 {} (0,10] count=OptionalLong[10] sum=100.0 q=1\n"
        + "m SUMMARY/0 {} (0,20] count=OptionalLong[15] sum=150.0 q=2\n");
  }

  @Test
  void case37_reverseAResetIsDroppedAndTheNextDeltaIsAgainstTheResetValue() {
    Run run = delta(opts().initialValue(InitialValue.DROP).build(), cumulativeSum("s",
        n(1, 10, 100), n(1, 20, 150), n(1, 30, 120), n(1, 40, 130)));
    assertThat(run.text()).isEqualTo("s SUM/1 {} (10,20] 50\ns SUM/1 {} (30,40] 10\n");
    assertThat(run.report().count(DropReason.INITIAL)).isEqualTo(1);
    assertThat(run.report().count(DropReason.RESET)).isEqualTo(1);
  }

  @Test
  void case38_reverseAStartChangeIsANewStreamUnderTheFirstPointRules() {
    MetricFamily in = cumulativeSum("s", n(1000, 1100, 10), n(1000, 1200, 15), n(1150, 1300, 3));
    assertThat(delta(opts().initialValue(InitialValue.KEEP).build(), in).text())
        .isEqualTo("s SUM/1 {} (1000,1100] 10\ns SUM/1 {} (1100,1200] 5\n"
            + "s SUM/1 {} (1150,1300] 3\n");
    // auto: the first point started before the data's first time (1100): dropped; the
    // restarted stream started after it: kept.
    Run auto = delta(DEFAULTS, in);
    assertThat(auto.text()).isEqualTo("s SUM/1 {} (1100,1200] 5\ns SUM/1 {} (1150,1300] 3\n");
  }

  @Test
  void case39_deltaToCumulativeToDeltaReproducesTheDeltas() {
    MetricFamily in = deltaSum("s", n(0, 10, 5), n(10, 20, 3), n(20, 30, 2));
    Run cumulative = cumulative(DEFAULTS, in);
    Run back = delta(opts().initialValue(InitialValue.KEEP).build(),
        cumulative.families().toArray(MetricFamily[]::new));
    assertThat(back.text()).isEqualTo(
        "s SUM/1 {} (0,10] 5\ns SUM/1 {} (10,20] 3\ns SUM/1 {} (20,30] 2\n");
  }

  @Test
  void case40_jsonQuirksStringInt64sSnakeCaseEnumNamesAndTimestampsAbove2To53() throws IOException {
    String json = "{\"resource_metrics\":[{\"scope_metrics\":[{\"metrics\":[{\"name\":\"s\","
        + "\"sum\":{\"aggregation_temporality\":\"AGGREGATION_TEMPORALITY_DELTA\","
        + "\"is_monotonic\":true,\"data_points\":["
        + "{\"start_time_unix_nano\":\"1700000000000000001\",\"time_unix_nano\":"
        + "\"1700000000000000003\",\"as_int\":\"9007199254740993\"},"
        + "{\"start_time_unix_nano\":\"1700000000000000003\",\"time_unix_nano\":"
        + "\"1700000000000000005\",\"as_int\":\"1\"}]}}]}]}]}";
    Run run = fromJson(json, DEFAULTS, new Diagnostics());
    assertThat(run.text()).isEqualTo(
        "s SUM/2 {} (1700000000000000001,1700000000000000003] 9007199254740993\n"
            + "s SUM/2 {} (1700000000000000001,1700000000000000005] 9007199254740994\n");
  }

  private static Run fromJson(String json, TemporalityOptions options, Diagnostics diagnostics)
      throws IOException {
    List<MetricFamily> families = new ArrayList<>();
    try (MetricReader reader = Codecs.reader(Format.OTLP_JSON,
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "in.json",
        ReadOptions.DEFAULTS.withSkipInvalidPoints(true), diagnostics)) {
      for (Optional<MetricFamily> f = reader.read(); f.isPresent(); f = reader.read()) {
        families.add(f.get());
      }
    }
    return cumulative(options, families.toArray(MetricFamily[]::new));
  }
}
