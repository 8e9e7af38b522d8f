package dev.promotel.translate.temporality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalSorterTest {
  @TempDir Path dir;

  @Test
  void recordsBeyondTheBufferAreSpilledToSortedRunsAndMergedInKeyOrder() throws IOException {
    Random random = new Random(7);
    List<long[]> expected = new ArrayList<>();
    try (ExternalSorter sorter = new ExternalSorter(1_000, dir)) {
      for (int i = 0; i < 5_000; i++) {
        long k1 = random.nextInt(100);
        long k2 = random.nextInt(10);
        sorter.add(k1, k2, i, new byte[] {(byte) i});
        expected.add(new long[] {k1, k2, i});
      }
      assertThat(sorter.spilledRuns()).isGreaterThan(10);
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.count()).isEqualTo(sorter.spilledRuns());
      }
      expected.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
          : a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]));
      List<long[]> actual = new ArrayList<>();
      sorter.sorted(item -> {
        assertThat(item.payload()[0]).isEqualTo((byte) item.k3());
        actual.add(new long[] {item.k1(), item.k2(), item.k3()});
      });
      assertThat(actual).usingElementComparator((a, b) -> java.util.Arrays.equals(a, b) ? 0 : 1)
          .containsExactlyElementsOf(expected);
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.count()).as("runs are deleted on close").isZero();
    }
  }

  @Test
  void aConversionWithATinySortBufferSpillsAndGivesTheSameResultAsInMemory() {
    List<dev.promotel.model.NumberPoint> points = new ArrayList<>();
    Random random = new Random(3);
    for (int s = 0; s < 50; s++) {
      long t = 0;
      List<dev.promotel.model.NumberPoint> stream = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        long end = t + 10;
        stream.add(Streams.n(dev.promotel.model.Attributes.of("s", "" + s), t, end, i));
        t = end;
      }
      points.addAll(stream);
    }
    java.util.Collections.shuffle(points, random);
    var family = Streams.deltaSum("x", points.toArray(dev.promotel.model.NumberPoint[]::new));
    Streams.Run memory = Streams.cumulative(TemporalityOptions.defaults(), family);
    Streams.Run spilled = Streams.cumulative(
        TemporalityOptions.builder().sortBufferBytes(2_000).tempDir(dir).build(), family);
    assertThat(spilled.text()).isEqualTo(memory.text());
    assertThat(memory.report().hasDrops()).isFalse();
    assertThat(memory.text().lines()).hasSize(2_000);
  }
}
