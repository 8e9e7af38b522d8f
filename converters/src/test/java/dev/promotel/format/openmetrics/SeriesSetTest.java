package dev.promotel.format.openmetrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.model.Attributes;
import org.junit.jupiter.api.Test;

class SeriesSetTest {

  private static Attributes series(int i) {
    return Attributes.of("instance", "host-" + i + ":9100", "job", "node");
  }

  @Test
  void twoHundredThousandDistinctSeriesAreAllNewAndAllKnownAfterwards() {
    SeriesSet set = new SeriesSet();
    int n = 200_000;
    int added = 0;
    for (int i = 0; i < n; i++) {
      if (set.add(series(i))) added++;
    }
    assertThat(added).isEqualTo(n);
    assertThat(set.size()).isEqualTo(n);
    int repeated = 0;
    for (int i = 0; i < n; i++) {
      if (!set.add(series(i))) repeated++;
    }
    assertThat(repeated).isEqualTo(n);
    // 8-byte slots at a load factor of at least 0.35: at most 23 bytes a series.
    assertThat((long) set.capacity() * 8).isLessThanOrEqualTo(23L * n);
  }

  @Test
  void labelSetsThatConcatenateAlikeHashDifferently() {
    assertThat(SeriesSet.hash(Attributes.of("a", "bc")))
        .isNotEqualTo(SeriesSet.hash(Attributes.of("ab", "c")));
    assertThat(SeriesSet.hash(Attributes.of("a", "", "b", "")))
        .isNotEqualTo(SeriesSet.hash(Attributes.of("a", "b")));
    assertThat(SeriesSet.hash(Attributes.EMPTY)).isNotEqualTo(SeriesSet.hash(Attributes.of("", "")));
    char[] text = "x=\"1\"x=\"2\"x=\"1\"".toCharArray();
    assertThat(SeriesSet.hash(text, 0, 5)).isNotEqualTo(SeriesSet.hash(text, 5, 10));
    assertThat(SeriesSet.hash(text, 0, 5)).isEqualTo(SeriesSet.hash(text, 10, 15));
  }

  @Test
  void clearForgetsEverythingAndGivesBackTheMemoryOfABigFamilyWhenSmallOnesFollow() {
    SeriesSet set = new SeriesSet();
    for (int i = 0; i < 10_000; i++) set.add(series(i));
    set.clear();
    assertThat(set.size()).isZero();
    assertThat(set.add(series(1))).isTrue();
    assertThat(set.add(series(1))).isFalse();
    set.clear();
    assertThat(set.capacity()).isLessThan(64);
    assertThat(set.add(series(1))).isTrue();
  }
}
