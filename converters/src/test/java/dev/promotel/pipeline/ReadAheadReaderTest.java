package dev.promotel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promotel.format.MetricParseException;
import dev.promotel.format.MetricReader;
import dev.promotel.format.SourcePosition;
import dev.promotel.model.Attributes;
import dev.promotel.model.Gauge;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.PromType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadAheadReaderTest {

  @Test
  void deliversEveryFamilyInOrderThenTheEnd() throws IOException {
    try (MetricReader reader = new ReadAheadReader(new Counting(1000, -1), 4)) {
      List<String> names = new ArrayList<>();
      for (Optional<MetricFamily> f = reader.read(); f.isPresent(); f = reader.read()) {
        names.add(f.get().name());
      }
      assertThat(names).hasSize(1000).startsWith("m0", "m1").endsWith("m999");
      assertThat(reader.read()).isEmpty();
    }
  }

  @Test
  void anErrorArrivesWhereTheFailedFamilyWouldHaveComeAndEndsTheStream() throws IOException {
    try (MetricReader reader = new ReadAheadReader(new Counting(10, 3), 2)) {
      assertThat(reader.read()).map(MetricFamily::name).contains("m0");
      assertThat(reader.read()).map(MetricFamily::name).contains("m1");
      assertThat(reader.read()).map(MetricFamily::name).contains("m2");
      assertThatThrownBy(reader::read)
          .isInstanceOf(MetricParseException.class)
          .hasMessage("in.prom:4:1: expected a sample, got garbage");
      assertThat(reader.read()).isEmpty();
    }
  }

  @Test
  void closingEarlyStopsTheProducerAndClosesTheSource() throws IOException {
    Counting source = new Counting(1_000_000, -1);
    try (MetricReader reader = new ReadAheadReader(source, 2)) {
      assertThat(reader.read()).isPresent();
    }
    assertThat(source.closed).isTrue();
    assertThat(source.produced.get()).isLessThan(1_000_000);
  }

  @Test
  void theProducerRunsAheadByAtMostTwoBatchesOfSmallFamilies() throws Exception {
    assertRunsAheadByAtMostTwoBatches(new Counting(1_000_000, -1));
  }

  @Test
  void familiesWithoutPointsAreBoundedToo() throws Exception {
    // A dump of TYPE lines without samples gives families of no points: they must still count.
    assertRunsAheadByAtMostTwoBatches(new Counting(1_000_000, -1, false));
  }

  /** Reads one family, waits until the producer stops, and checks how far ahead it got. */
  private static void assertRunsAheadByAtMostTwoBatches(Counting source) throws Exception {
    try (MetricReader reader = new ReadAheadReader(source, 2)) {
      assertThat(reader.read()).isPresent();
      int before;
      do {
        before = source.produced.get();
        Thread.sleep(50);
      } while (source.produced.get() != before);
      // One batch waiting (2 slots of 256 one-point families), one taken, one being handed over.
      int batch = 2 * ReadAheadReader.POINTS_PER_SLOT;
      assertThat(source.produced.get()).isGreaterThan(1).isLessThanOrEqualTo(2 * batch + 1);
    }
  }

  /**
   * Produces {@code count} gauges of one point (or none), failing at index {@code failAt} (-1:
   * never).
   */
  private static final class Counting implements MetricReader {
    final int count;
    final int failAt;
    final boolean withPoint;
    final AtomicInteger produced = new AtomicInteger();
    volatile boolean closed;

    Counting(int count, int failAt) {
      this(count, failAt, true);
    }

    Counting(int count, int failAt, boolean withPoint) {
      this.count = count;
      this.failAt = failAt;
      this.withPoint = withPoint;
    }

    @Override
    public Optional<MetricFamily> read() throws IOException {
      int i = produced.get();
      if (i == failAt) {
        throw new MetricParseException(SourcePosition.text("in.prom", i + 1, 1), "expected a sample, got garbage");
      }
      if (i >= count) return Optional.empty();
      produced.incrementAndGet();
      Gauge data = new Gauge(withPoint
          ? List.of(NumberPoint.of(Attributes.EMPTY, NumberValue.ofLong(i))) : List.of());
      return Optional.of(MetricFamily.ofProm("m" + i, "", "", data, PromType.GAUGE, "m" + i));
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
