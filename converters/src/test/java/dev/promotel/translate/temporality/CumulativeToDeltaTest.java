package dev.promotel.translate.temporality;

import static dev.promotel.translate.temporality.Streams.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attributes;
import dev.promotel.model.ExponentialHistogram;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.Sum;
import dev.promotel.translate.temporality.TemporalityOptions.InitialValue;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** cumulative → delta beyond the §6.3 cases: histograms, exponential histograms, selection. */
class CumulativeToDeltaTest {
  private static final TemporalityOptions KEEP =
      TemporalityOptions.builder().initialValue(InitialValue.KEEP).build();

  @Test
  void histogramsSubtractBucketsAndDropMinAndMax() {
    double[] bounds = {1};
    HistogramPoint a = new HistogramPoint(Attributes.EMPTY, 0, 10, 3, OptionalDouble.of(3),
        bounds, new long[] {1, 2}, OptionalDouble.of(0.5), OptionalDouble.of(2), List.of(), 0);
    Run run = delta(KEEP, cumulativeHistogram("h", a,
        h(0, 20, bounds, new long[] {4, 2}, 6.0)));
    assertThat(run.text()).isEqualTo(
        "h HISTOGRAM/1 {} (0,10] count=3 sum=3.0 bounds=[1.0] counts=[1, 2]\n"
            + "h HISTOGRAM/1 {} (10,20] count=3 sum=3.0 bounds=[1.0] counts=[3, 0]\n");
  }

  @Test
  void aHistogramResetPassesTheFullValueThroughAndABoundsChangeIsDropped() {
    double[] bounds = {1};
    Run run = delta(KEEP, cumulativeHistogram("h",
        h(0, 10, bounds, new long[] {5, 5}, null), h(0, 20, bounds, new long[] {1, 1}, null),
        h(0, 30, new double[] {2}, new long[] {2, 2}, null),
        h(0, 40, new double[] {2}, new long[] {3, 2}, null)));
    assertThat(run.text()).isEqualTo(
        "h HISTOGRAM/1 {} (0,10] count=10 bounds=[1.0] counts=[5, 5]\n"
            // Start 0 is unset: the full value covers the window since the previous point.
            + "h HISTOGRAM/1 {} (10,20] count=2 bounds=[1.0] counts=[1, 1]\n"
            + "h HISTOGRAM/1 {} (30,40] count=1 bounds=[2.0] counts=[1, 0]\n");
    assertThat(run.report().count(DropReason.RESET_PASSED)).isEqualTo(1);
    assertThat(run.report().count(DropReason.BUCKET_MISMATCH)).isEqualTo(1);
  }

  @Test
  void exponentialHistogramsCoarsenThePreviousPointBeforeSubtracting() {
    MetricFamily in = family("e", new ExponentialHistogram(AggregationTemporality.CUMULATIVE,
        List.of(e(0, 10, 2, 1, 0, 0, new long[] {1, 2, 3, 4}, 0, new long[0]),
            e(0, 20, 1, 2, 0, 0, new long[] {5, 9}, 0, new long[0]),
            e(0, 30, 2, 0, 0, 0, new long[] {1}, 0, new long[0]),
            e(0, 40, 2, 0, 0, 0, new long[] {3}, 0, new long[0]))));
    Run run = delta(KEEP, in);
    // Scale 2 [1,2,3,4] is scale 1 [3,7]: the delta is [2,2], zero count 1. Then the count
    // falls and the scale rises: a reset, dropped, and the state moves to it.
    assertThat(run.text()).isEqualTo(
        "e EXPONENTIAL_HISTOGRAM/1 {} (0,10] count=11 scale=2 zc=1 zt=0.0 pos=0:[1, 2, 3, 4]"
            + " neg=0:[]\n"
            + "e EXPONENTIAL_HISTOGRAM/1 {} (10,20] count=5 scale=1 zc=1 zt=0.0 pos=0:[2, 2]"
            + " neg=0:[]\n"
            + "e EXPONENTIAL_HISTOGRAM/1 {} (30,40] count=2 scale=2 zc=0 zt=0.0 pos=0:[2]"
            + " neg=0:[]\n");
    assertThat(run.report().count(DropReason.RESET)).isEqualTo(1);
  }

  @Test
  void nonMonotonicSumsStayUnlessIncludedAndNanIsSkipped() {
    MetricFamily upDown = family("u", new Sum(AggregationTemporality.CUMULATIVE, false,
        List.of(n(0, 10, 5), n(0, 20, 3))));
    assertThat(delta(KEEP, upDown).text()).isEqualTo(
        "u SUM/2 nonmono {} (0,10] 5\nu SUM/2 nonmono {} (0,20] 3\n");
    Run included = delta(KEEP.toBuilder().includeNonMonotonic(true).build(), upDown);
    assertThat(included.text()).isEqualTo("u SUM/1 nonmono {} (0,10] 5\n");
    assertThat(included.report().count(DropReason.RESET)).isEqualTo(1);
    Run nan = delta(KEEP, cumulativeSum("s", d(0, 10, 1), d(0, 20, Double.NaN), d(0, 30, 4)));
    assertThat(nan.text()).isEqualTo("s SUM/1 {} (0,10] 1.0\ns SUM/1 {} (10,30] 3.0\n");
    assertThat(nan.report().count(DropReason.NAN)).isEqualTo(1);
  }
}
