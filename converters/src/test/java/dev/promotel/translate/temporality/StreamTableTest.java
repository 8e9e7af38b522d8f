package dev.promotel.translate.temporality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.model.Attributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamTableTest {
  private static final class State extends StreamTable.Entry {
    final int id;

    State(int id, long time) {
      this.id = id;
      this.time = time;
    }
  }

  private static final StreamKey.Metric METRIC = StreamKey.Metric.of(Streams.deltaSum("s"));
  private static final StreamKey.Metric OTHER = StreamKey.Metric.of(Streams.deltaSum("t"));

  private static StreamKey key(int i) {
    return StreamKey.of(i % 2 == 0 ? METRIC : OTHER, Attributes.of("i", Integer.toString(i / 2)));
  }

  @Test
  void insertsReplacementsAndRemovalsAgreeWithAHashMapAcrossResizes() {
    StreamTable<State> table = new StreamTable<>(TemporalityOptions.defaults(),
        new TemporalityReport());
    Map<Integer, Integer> model = new HashMap<>();
    Random random = new Random(11);
    for (int step = 0; step < 200_000; step++) {
      int k = random.nextInt(5_000);
      int op = random.nextInt(10);
      if (op < 6) {
        table.put(key(k), new State(step, 0));
        model.put(k, step);
      } else if (op < 9) {
        table.remove(key(k));
        model.remove(k);
      } else {
        State s = table.get(key(k));
        Integer expected = model.get(k);
        assertThat(s == null ? null : s.id).as("key %d at step %d", k, step).isEqualTo(expected);
      }
      assertThat(table.size()).isEqualTo(model.size());
    }
    for (int k = 0; k < 5_000; k++) {
      State s = table.get(key(k));
      assertThat(s == null ? null : s.id).isEqualTo(model.get(k));
    }
  }

  @Test
  void aFullTableForgetsStaleStreamsBeforeRefusingANewOne() {
    TemporalityReport report = new TemporalityReport();
    StreamTable<State> table = new StreamTable<>(
        TemporalityOptions.builder().maxStreams(3).maxStaleNanos(100).build(), report);
    table.put(key(0), new State(0, 100));
    table.put(key(1), new State(1, 150));
    table.put(key(2), new State(2, 160));
    assertThat(table.admit(170)).isFalse();
    assertThat(table.admit(201)).isTrue();
    assertThat(table.get(key(0))).isNull();
    assertThat(table.get(key(1)).id).isEqualTo(1);
    assertThat(table.get(key(2)).id).isEqualTo(2);
    assertThat(report.peakStreams()).isEqualTo(3);
  }
}
