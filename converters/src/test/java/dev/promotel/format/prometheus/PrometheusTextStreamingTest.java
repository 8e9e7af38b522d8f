package dev.promotel.format.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promotel.format.MetricParseException;
import dev.promotel.format.ReadOptions;
import dev.promotel.model.MetricFamily;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile and huge inputs: limits fail fast, and memory is bounded by a chunk, not the input. */
class PrometheusTextStreamingTest {

  /** Repeats a line generator up to a byte budget without ever holding the whole input. */
  private static final class GeneratedInput extends InputStream {
    interface Lines {
      byte[] line(long index);
    }

    private final Lines lines;
    private final long budget;
    private final int linesPerRecord;
    private long produced;
    private long index;
    private byte[] current = new byte[0];
    private int pos;

    /** Stops after {@code budget} bytes, at a multiple of {@code linesPerRecord} lines (+1). */
    GeneratedInput(Lines lines, long budget, int linesPerRecord) {
      this.lines = lines;
      this.budget = budget;
      this.linesPerRecord = linesPerRecord;
    }

    long produced() {
      return produced;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      int n = 0;
      while (n < len) {
        if (pos == current.length) {
          if (produced >= budget && (index - 1) % linesPerRecord == 0) break;
          current = lines.line(index++);
          pos = 0;
          produced += current.length;
        }
        int take = Math.min(len - n, current.length - pos);
        System.arraycopy(current, pos, b, off + n, take);
        pos += take;
        n += take;
      }
      return n == 0 && len > 0 ? -1 : n;
    }
  }

  @Test
  @Timeout(10)
  void aTenMegabyteLineFailsFastWithAPosition() {
    long[] served = new long[1];
    InputStream oneHugeLine = new InputStream() {
      @Override
      public int read() {
        served[0]++;
        return 'a';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        int n = (int) Math.min(len, 10_000_000L - served[0]);
        if (n <= 0) return -1;
        java.util.Arrays.fill(b, off, off + n, (byte) 'a');
        served[0] += n;
        return n;
      }
    };
    ReadOptions options = ReadOptions.DEFAULTS;
    assertThatThrownBy(() -> PromFixtures.readAll(oneHugeLine, options))
        .isInstanceOf(MetricParseException.class)
        .hasMessage("in.prom:1:1: line longer than " + options.maxLineBytes()
            + " bytes (raise the limit with --max-line-bytes)");
    // It stopped reading just past the limit instead of buffering all 10 MB.
    assertThat(served[0]).isLessThan(options.maxLineBytes() * 3L);
  }

  @Test
  void aLineWithHugeNumbersOfLabelsHitsTheLabelLimit() {
    StringBuilder line = new StringBuilder("many{");
    for (int i = 0; i < 100_000; i++) line.append("l").append(i).append("=\"v\",");
    line.append("} 1\n");
    ReadOptions options = new ReadOptions(8 << 20, 512, 1024, 100);
    assertThatThrownBy(() -> PromFixtures.read(line.toString().getBytes(StandardCharsets.UTF_8),
        options))
        .isInstanceOf(MetricParseException.class)
        .hasMessageStartingWith("in.prom:1:")
        .hasMessageEndingWith("expected at most 512 labels on a series, got more (raise the limit "
            + "with --max-labels)");
  }

  private static void setDigits(byte[] line, int at, int width, long value) {
    for (int k = at + width - 1; k >= at; k--) {
      line[k] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  @Test
  @Timeout(60)
  void aMultiHundredMegabyteFamilyStreamsInChunksWithinTheLimit() throws IOException {
    byte[] header = "# HELP big A very big family.\n# TYPE big histogram\n"
        .getBytes(StandardCharsets.UTF_8);
    // One histogram family with millions of series: the worst case for memory if not chunked.
    // Three line templates whose fixed-width series id is overwritten in place: generating the
    // input must cost far less than parsing it.
    byte[][] templates = {
        "big_bucket{instance=\"host-0000:9100\",job=\"node\",id=\"00000000\",le=\"0.5\"} 1\n"
            .getBytes(StandardCharsets.UTF_8),
        "big_bucket{instance=\"host-0000:9100\",job=\"node\",id=\"00000000\",le=\"+Inf\"} 3\n"
            .getBytes(StandardCharsets.UTF_8),
        "big_count{instance=\"host-0000:9100\",job=\"node\",id=\"00000000\"} 3\n"
            .getBytes(StandardCharsets.UTF_8)};
    int[] hostAt = new int[3];
    int[] idAt = new int[3];
    for (int t = 0; t < 3; t++) {
      String text = new String(templates[t], StandardCharsets.UTF_8);
      hostAt[t] = text.indexOf("0000:");
      idAt[t] = text.indexOf("00000000");
    }
    GeneratedInput input = new GeneratedInput(i -> {
      if (i == 0) return header;
      long series = (i - 1) / 3;
      int t = (int) ((i - 1) % 3);
      byte[] line = templates[t];
      setDigits(line, hostAt[t], 4, series % 1000);
      setDigits(line, idAt[t], 8, series);
      return line;
    }, 200L << 20, 3);
    int chunkLimit = 5_000;
    ReadOptions options = new ReadOptions(1 << 20, 64, 1024, chunkLimit);
    long points = 0;
    long chunks = 0;
    long maxUsed = 0;
    try (PrometheusTextReader reader = new PrometheusTextReader(input, "gen", options)) {
      for (Optional<MetricFamily> f = reader.read(); f.isPresent(); f = reader.read()) {
        MetricFamily family = f.get();
        assertThat(family.name()).isEqualTo("big");
        assertThat(family.description()).isEqualTo("A very big family.");
        assertThat(family.data().points().size()).isBetween(1, chunkLimit);
        points += family.data().points().size();
        chunks++;
        if (chunks % 100 == 0 && chunks <= 300) {
          // Live data only: what the reader retains while a chunk is out.
          System.gc();
          Runtime rt = Runtime.getRuntime();
          maxUsed = Math.max(maxUsed, rt.totalMemory() - rt.freeMemory());
        }
      }
    }
    assertThat(input.produced()).isGreaterThanOrEqualTo(200L << 20);
    assertThat(chunks).isEqualTo((points + chunkLimit - 1) / chunkLimit);
    assertThat(points).isGreaterThan(900_000);
    // Without chunking the family alone would take well over a gigabyte of records; the reader
    // holds one chunk (a few MB) plus fixed buffers.
    assertThat(maxUsed).isLessThan(128L << 20);
  }
}
