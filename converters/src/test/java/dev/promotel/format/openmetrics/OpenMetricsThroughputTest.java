package dev.promotel.format.openmetrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.ReadOptions;
import dev.promotel.format.WriteOptions;
import dev.promotel.format.prometheus.PrometheusTextReader;
import dev.promotel.model.MetricFamily;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * OpenMetrics write and read throughput on a big realistic input; not run by default. The input is
 * a Prometheus 0.0.4 file (make one with {@code scripts/gen-big-prom.sh 100 > /tmp/big100.prom}),
 * read once into families; then the families are written as OpenMetrics to a counting null stream
 * and the OpenMetrics text is read back from memory, {@code promotel.perf.runs} times each after
 * {@code promotel.perf.warmup} uncounted runs (to let the JIT compile the hot paths). The medians
 * are printed in MB/s of OpenMetrics text (10^6 bytes).
 *
 * <pre>
 * mvn -o -q -pl converters test -Dtest=OpenMetricsThroughputTest -Dpromotel.perf=true \
 *     [-Dpromotel.perf.input=/tmp/big100.prom] [-Dpromotel.perf.runs=7]
 * </pre>
 *
 * <p>For profiling, {@link #main} runs the same loop: {@code java -cp
 * converters/target/classes:converters/target/test-classes
 * dev.promotel.format.openmetrics.OpenMetricsThroughputTest /tmp/big100.prom 7 [write|read]}.
 */
@EnabledIfSystemProperty(named = "promotel.perf", matches = "true")
class OpenMetricsThroughputTest {

  @Test
  void writesAndReadsTheBigInputAndReportsMedianThroughput() throws IOException {
    Path input = Path.of(System.getProperty("promotel.perf.input", "/tmp/big100.prom"));
    int runs = Integer.getInteger("promotel.perf.runs", 7);
    int warmup = Integer.getInteger("promotel.perf.warmup", 2);
    Result r = run(input, warmup, runs, "both");
    // The generated input replicates a real scrape, which OpenMetrics holds without loss.
    assertThat(r.writerLosses).isFalse();
    assertThat(r.pointsReadBack).isEqualTo(r.pointsInModel);
    assertThat(r.omBytes).isPositive();
  }

  public static void main(String[] args) throws IOException {
    run(Path.of(args.length > 0 ? args[0] : "/tmp/big100.prom"), Integer.getInteger(
        "promotel.perf.warmup", 2), args.length > 1 ? Integer.parseInt(args[1]) : 7,
        args.length > 2 ? args[2] : "both");
  }

  private record Result(long omBytes, long pointsInModel, long pointsReadBack,
      boolean writerLosses) {}

  private static Result run(Path input, int warmup, int runs, String what) throws IOException {
    List<MetricFamily> families = new ArrayList<>();
    try (PrometheusTextReader reader = new PrometheusTextReader(
        Files.newInputStream(input), input.toString(), ReadOptions.DEFAULTS)) {
      Optional<MetricFamily> f;
      while ((f = reader.read()).isPresent()) families.add(f.get());
    }
    long points = 0;
    for (MetricFamily f : families) points += f.data().points().size();
    ByteArrayOutputStream text = new ByteArrayOutputStream(128 << 20);
    Diagnostics diagnostics = new Diagnostics();
    write(families, text, diagnostics);
    byte[] om = text.toByteArray();
    text = null;
    System.out.printf("input %s: %d families (chunks), %d points; OpenMetrics text %.1f MB%n",
        input, families.size(), points, om.length / 1e6);
    diagnostics.entries().forEach(e -> System.out.println("  " + e));

    if (!what.equals("read")) {
      double[] mbs = new double[runs];
      for (int i = -warmup; i < runs; i++) {
        CountingNull sink = new CountingNull();
        long t0 = System.nanoTime();
        write(families, sink, new Diagnostics());
        long t = System.nanoTime() - t0;
        double rate = sink.count / 1e6 / (t / 1e9);
        if (i >= 0) mbs[i] = rate;
        System.out.printf("  write %s %d: %.3f s, %.1f MB/s%n", i < 0 ? "warm-up" : "run",
            i < 0 ? i + warmup + 1 : i + 1, t / 1e9, rate);
      }
      System.out.printf("OpenMetrics write: median %.1f MB/s over %d runs%n", median(mbs), runs);
    }
    long readBack = countPoints(new ByteArrayInputStream(om));
    if (!what.equals("write")) {
      double[] mbs = new double[runs];
      for (int i = -warmup; i < runs; i++) {
        long t0 = System.nanoTime();
        readBack = countPoints(new ByteArrayInputStream(om));
        long t = System.nanoTime() - t0;
        double rate = om.length / 1e6 / (t / 1e9);
        if (i >= 0) mbs[i] = rate;
        System.out.printf("  read %s %d: %.3f s, %.1f MB/s%n", i < 0 ? "warm-up" : "run",
            i < 0 ? i + warmup + 1 : i + 1, t / 1e9, rate);
      }
      System.out.printf("OpenMetrics read: median %.1f MB/s over %d runs%n", median(mbs), runs);
    }
    return new Result(om.length, points, readBack, diagnostics.hasLosses());
  }

  private static void write(List<MetricFamily> families, OutputStream out, Diagnostics d)
      throws IOException {
    try (OpenMetricsWriter writer = new OpenMetricsWriter(out, WriteOptions.DEFAULTS, d)) {
      for (MetricFamily f : families) writer.write(f);
    }
  }

  private static long countPoints(InputStream in) throws IOException {
    long n = 0;
    try (OpenMetricsReader reader = new OpenMetricsReader(in, "om", ReadOptions.DEFAULTS)) {
      Optional<MetricFamily> f;
      while ((f = reader.read()).isPresent()) n += f.get().data().points().size();
    }
    return n;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Discards bytes, counting them. */
  private static final class CountingNull extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
