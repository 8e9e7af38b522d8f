package dev.promotel.translate.temporality;

import static dev.promotel.translate.temporality.Streams.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promotel.model.Attributes;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.Point;
import dev.promotel.translate.temporality.TemporalityOptions.Emit;
import dev.promotel.translate.temporality.TemporalityOptions.Layout;
import dev.promotel.translate.temporality.TemporalityOptions.OnBoundsChange;
import dev.promotel.translate.temporality.TemporalityOptions.OnDuplicate;
import dev.promotel.translate.temporality.TemporalityOptions.OnNan;
import dev.promotel.translate.temporality.TemporalityOptions.OnOlderStart;
import dev.promotel.translate.temporality.TemporalityOptions.OnTypeChange;
import dev.promotel.translate.temporality.TemporalityOptions.Order;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The §6.2 policies beyond their defaults, the layouts and the presets. */
class PoliciesTest {
  private static TemporalityOptions.Builder opts() {
    return TemporalityOptions.builder();
  }

  @Test
  void duplicatesCanBeSummedReplacedOrRejected() {
    MetricFamily in = deltaSum("s", n(0, 10, 1), n(10, 20, 5), n(10, 20, 7));
    assertThat(cumulative(opts().onDuplicate(OnDuplicate.SUM).build(), in).text())
        .isEqualTo("s SUM/2 {} (0,10] 1\ns SUM/2 {} (0,20] 6\ns SUM/2 {} (0,20] 13\n");
    assertThat(cumulative(opts().onDuplicate(OnDuplicate.LAST).build(), in).text())
        .isEqualTo("s SUM/2 {} (0,10] 1\ns SUM/2 {} (0,20] 8\n");
    assertThat(cumulative(opts().order(Order.INPUT).onDuplicate(OnDuplicate.LAST).build(), in)
        .text()).isEqualTo("s SUM/2 {} (0,10] 1\ns SUM/2 {} (0,20] 6\ns SUM/2 {} (0,20] 8\n");
    assertThatThrownBy(() -> cumulative(opts().onDuplicate(OnDuplicate.ERROR).build(), in))
        .isInstanceOf(TemporalityException.class).hasMessageContaining("duplicate window (10, 20]");
  }

  @Test
  void theLastOfTwoFirstWindowsWinsInEitherOrder() {
    MetricFamily in = deltaSum("s", n(0, 10, 1), n(0, 10, 7), n(10, 20, 2));
    // --order=time writes in a second pass, so the superseded result is never written; in one
    // streaming pass it is out already and the corrected total follows it.
    String[][] expected = {
      {"TIME", "s SUM/2 {} (0,10] 7\ns SUM/2 {} (0,20] 9\n"},
      {"INPUT", "s SUM/2 {} (0,10] 1\ns SUM/2 {} (0,10] 7\ns SUM/2 {} (0,20] 9\n"},
    };
    for (String[] e : expected) {
      Order order = Order.valueOf(e[0]);
      Run run = cumulative(opts().order(order).onDuplicate(OnDuplicate.LAST).build(), in);
      assertThat(run.text()).as("order %s", order).isEqualTo(e[1]);
      assertThat(run.report().count(DropReason.DUPLICATE)).isZero();
      assertThat(run.report().count(DropReason.DUPLICATE_REPLACED)).isEqualTo(1);
      assertThat(DropReason.DUPLICATE_REPLACED.dropsPoint()).isFalse();
    }
    // Spilled runs (one point per run) carry the tombstone too.
    assertThat(cumulative(opts().sortBufferBytes(1).onDuplicate(OnDuplicate.LAST).build(), in)
        .text()).isEqualTo("s SUM/2 {} (0,10] 7\ns SUM/2 {} (0,20] 9\n");
  }

  @Test
  void theCollectorPresetCountsARepeatedWindowAsOutOfOrder() {
    Run run = cumulative(TemporalityOptions.otelcol(),
        deltaSum("s", n(0, 10, 1), n(0, 10, 1), n(5, 8, 1)));
    assertThat(run.text()).isEqualTo("s SUM/2 {} (0,10] 1\n");
    assertThat(run.report().count(DropReason.OUT_OF_ORDER)).isEqualTo(2);
  }

  @Test
  void theSpecPresetResetsOnAnyGapAndDropsOverlaps() {
    Run run = cumulative(TemporalityOptions.spec(),
        deltaSum("s", n(0, 10, 1), n(10, 20, 2), n(21, 30, 3), n(25, 40, 4)));
    assertThat(run.text()).isEqualTo("s SUM/2 {} (0,10] 1\ns SUM/2 {} (0,20] 3\n"
        + "s SUM/2 {} (21,30] 3\n");
    assertThat(run.report().count(DropReason.OVERLAP)).isEqualTo(1);
  }

  @Test
  void anOlderStartCanRestartTheStream() {
    Run run = cumulative(opts().order(Order.INPUT).onOlderStart(OnOlderStart.RESET).build(),
        deltaSum("s", n(1000, 1100, 1), n(500, 1200, 2)));
    assertThat(run.text()).isEqualTo("s SUM/2 {} (1000,1100] 1\ns SUM/2 {} (500,1200] 2\n");
  }

  @Test
  void aTypeChangeCanRestartOrFail() {
    MetricFamily in = deltaSum("s", n(0, 10, 1), d(10, 20, 2.5));
    assertThat(cumulative(opts().onTypeChange(OnTypeChange.RESET).build(), in).text())
        .isEqualTo("s SUM/2 {} (0,10] 1\ns SUM/2 {} (10,20] 2.5\n");
    assertThatThrownBy(() -> cumulative(opts().onTypeChange(OnTypeChange.ERROR).build(), in))
        .isInstanceOf(TemporalityException.class);
  }

  @Test
  void aNanCanRestartTheStream() {
    Run run = cumulative(opts().onNan(OnNan.RESET).build(),
        deltaSum("s", d(0, 10, 1), d(10, 20, Double.NaN), d(20, 30, 2)));
    assertThat(run.text()).isEqualTo("s SUM/2 {} (0,10] 1.0\ns SUM/2 {} (20,30] 2.0\n");
  }

  @Test
  void changedBoundsCanBeDroppedOrFail() {
    MetricFamily in = deltaHistogram("h", h(0, 10, new double[] {1}, new long[] {1, 1}, null),
        h(10, 20, new double[] {2}, new long[] {1, 1}, null));
    Run drop = cumulative(opts().onBoundsChange(OnBoundsChange.DROP).build(), in);
    assertThat(drop.text().lines()).hasSize(1);
    assertThat(drop.report().count(DropReason.BOUNDS_CHANGE)).isEqualTo(1);
    assertThatThrownBy(() -> cumulative(opts().onBoundsChange(OnBoundsChange.ERROR).build(), in))
        .isInstanceOf(TemporalityException.class).hasMessageContaining("bounds changed");
  }

  @Test
  void aNoRecordedValueMarkerCanEndTheStream() {
    NumberPoint marker = new NumberPoint(Attributes.EMPTY, 10, 20, NumberValue.ofDouble(0),
        List.of(), Point.FLAG_NO_RECORDED_VALUE);
    Run run = cumulative(opts().flagEndsStream(true).build(),
        deltaSum("s", n(0, 10, 1), marker, n(20, 30, 2)));
    assertThat(run.text()).isEqualTo("s SUM/2 {} (0,10] 1\ns SUM/2 {} (0,20] 0.0 flags=1\n"
        + "s SUM/2 {} (20,30] 2\n");
  }

  @Test
  void emitLastGivesOneFinalPointPerStreamInFirstSeenOrder() {
    Attributes a = Attributes.of("k", "a");
    Attributes b = Attributes.of("k", "b");
    Run run = cumulative(opts().emit(Emit.LAST).build(), gauge("g", n(0, 5, 9)),
        deltaSum("s", n(b, 0, 10, 1), n(a, 0, 10, 2), n(b, 10, 20, 3), n(a, 10, 20, 4)));
    assertThat(run.text()).isEqualTo("g GAUGE/0 {} (0,5] 9\ns SUM/2 {k=b} (0,20] 4\n"
        + "s SUM/2 {k=a} (0,20] 6\n");
  }

  @Test
  void layoutByTimePutsEveryPointInTimeOrderAcrossMetrics() {
    Run run = cumulative(opts().layout(Layout.BY_TIME).build(),
        deltaSum("s", n(0, 10, 1), n(10, 30, 2)), gauge("g", n(0, 20, 7)),
        deltaSum("t", n(0, 25, 5)));
    assertThat(run.text()).isEqualTo("s SUM/2 {} (0,10] 1\ng GAUGE/0 {} (0,20] 7\n"
        + "t SUM/2 {} (0,25] 5\ns SUM/2 {} (0,30] 3\n");
  }
}
