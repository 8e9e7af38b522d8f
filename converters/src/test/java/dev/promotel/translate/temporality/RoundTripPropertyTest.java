package dev.promotel.translate.temporality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attributes;
import dev.promotel.model.Histogram;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.Sum;
import dev.promotel.translate.temporality.TemporalityConverter.Direction;
import dev.promotel.translate.temporality.TemporalityOptions.InitialValue;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Temporality spec §6.3 case 39 as a property: delta → cumulative → delta with {@code
 * --initial-value=keep} reproduces the deltas of contiguous streams (no gaps, no resets), for sums
 * and explicit histograms, with streams interleaved at random, in both orders.
 */
class RoundTripPropertyTest {
  private static final double[] BOUNDS = {1, 5, 25};

  @Property(tries = 200)
  void deltaToCumulativeToDeltaGivesTheDeltasBack(
      @ForAll @IntRange(min = 1, max = 6) int streams,
      @ForAll @IntRange(min = 1, max = 25) int pointsPerStream,
      @ForAll @LongRange(min = 0, max = 1L << 40) long seed,
      @ForAll boolean inputOrder,
      @ForAll boolean smallSortBuffer) {
    Random random = new Random(seed);
    List<MetricFamily> input = generate(random, streams, pointsPerStream);
    TemporalityOptions.Builder d2c = TemporalityOptions.builder();
    if (inputOrder) d2c.order(TemporalityOptions.Order.INPUT);
    if (smallSortBuffer) d2c.sortBufferBytes(512);
    Streams.Run cumulative = Streams.run(Direction.CUMULATIVE, d2c.build(), List.of(input));
    assertThat(cumulative.report().hasDrops()).isFalse();
    Streams.Run back = Streams.run(Direction.DELTA,
        TemporalityOptions.builder().initialValue(InitialValue.KEEP).build(),
        List.of(cumulative.families()));
    assertThat(back.report().hasDrops()).isFalse();
    assertThat(back.text()).isEqualTo(Streams.render(input));
  }

  /** A sum and a histogram family, each with {@code streams} interleaved contiguous streams. */
  private static List<MetricFamily> generate(Random random, int streams, int pointsPerStream) {
    List<NumberPoint> sums = new ArrayList<>();
    List<HistogramPoint> histograms = new ArrayList<>();
    long[] sumTime = new long[streams];
    long[] histTime = new long[streams];
    int[] sumLeft = new int[streams];
    int[] histLeft = new int[streams];
    for (int s = 0; s < streams; s++) {
      sumTime[s] = 1 + random.nextInt(1_000_000);
      histTime[s] = 1 + random.nextInt(1_000_000);
      sumLeft[s] = pointsPerStream;
      histLeft[s] = pointsPerStream;
    }
    int remaining = 2 * streams * pointsPerStream;
    while (remaining > 0) {
      int s = random.nextInt(streams);
      Attributes attrs = Attributes.of("stream", Integer.toString(s));
      if (random.nextBoolean() && sumLeft[s] > 0) {
        long end = sumTime[s] + 1 + random.nextInt(10_000);
        sums.add(Streams.n(attrs, sumTime[s], end, random.nextInt(1000)));
        sumTime[s] = end;
        sumLeft[s]--;
        remaining--;
      } else if (histLeft[s] > 0) {
        long end = histTime[s] + 1 + random.nextInt(10_000);
        long[] counts = new long[BOUNDS.length + 1];
        long count = 0;
        for (int i = 0; i < counts.length; i++) {
          counts[i] = random.nextInt(50);
          count += counts[i];
        }
        histograms.add(new HistogramPoint(attrs, histTime[s], end, count,
            OptionalDouble.of(random.nextInt(10_000)), BOUNDS, counts, OptionalDouble.empty(),
            OptionalDouble.empty(), List.of(), 0));
        histTime[s] = end;
        histLeft[s]--;
        remaining--;
      } else if (sumLeft[s] == 0 && histLeft[s] == 0) {
        continue;
      }
    }
    return List.of(
        Streams.family("requests", new Sum(AggregationTemporality.DELTA, true, sums)),
        Streams.family("latency", new Histogram(AggregationTemporality.DELTA, histograms)));
  }
}
