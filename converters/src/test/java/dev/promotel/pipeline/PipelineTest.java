package dev.promotel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.MetricReader;
import dev.promotel.format.MetricWriter;
import dev.promotel.model.Attributes;
import dev.promotel.model.Gauge;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.PromType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PipelineTest {
  private static MetricFamily gauge(String name, long value) {
    return MetricFamily.ofProm(
        name, "", "",
        new Gauge(List.of(NumberPoint.of(Attributes.EMPTY, NumberValue.ofLong(value)))),
        PromType.GAUGE, name);
  }

  private static final class ListReader implements MetricReader {
    final Deque<MetricFamily> left;
    boolean closed;

    ListReader(MetricFamily... families) {
      left = new ArrayDeque<>(List.of(families));
    }

    @Override
    public Optional<MetricFamily> read() {
      return Optional.ofNullable(left.poll());
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private static final class ListWriter implements MetricWriter {
    final List<MetricFamily> written = new ArrayList<>();
    int closes;

    @Override
    public void write(MetricFamily family) {
      written.add(family);
    }

    @Override
    public void close() {
      closes++;
    }
  }

  @Test
  void runCopiesEveryFamilyInOrderAndReturnsTheCount() throws Exception {
    ListReader reader = new ListReader(gauge("a", 1), gauge("b", 2), gauge("c", 3));
    ListWriter writer = new ListWriter();

    long copied = Pipeline.run(reader, writer);

    assertThat(copied).isEqualTo(3);
    assertThat(writer.written).extracting(MetricFamily::name).containsExactly("a", "b", "c");
  }

  @Test
  void runClosesNeitherSideSoSeveralInputsCanShareOneWriter() throws Exception {
    ListReader first = new ListReader(gauge("a", 1));
    ListReader second = new ListReader(gauge("b", 2));
    ListWriter writer = new ListWriter();

    Pipeline.run(first, writer);
    Pipeline.run(second, writer);

    assertThat(first.closed).isFalse();
    assertThat(writer.closes).isZero();
    assertThat(writer.written).extracting(MetricFamily::name).containsExactly("a", "b");
  }

  @Test
  void drainReadsToTheEndAndCountsFamilies() throws Exception {
    ListReader reader = new ListReader(gauge("a", 1), gauge("b", 2));

    assertThat(Pipeline.drain(reader)).isEqualTo(2);
    assertThat(reader.left).isEmpty();
  }
}
