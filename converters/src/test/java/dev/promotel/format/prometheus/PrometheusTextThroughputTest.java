package dev.promotel.format.prometheus;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.ReadOptions;
import dev.promotel.format.WriteOptions;
import dev.promotel.format.internal.FloatFormat;
import dev.promotel.model.MetricFamily;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Throughput of 0.0.4 → 0.0.4 (read + write) on ~100 MB of generated node_exporter-like text:
 * a real scrape's families replicated over distinct {@code instance} labels, families contiguous,
 * as in specs/performance.md. Not a correctness test, so it runs only with {@code
 * -Dpromotel.perf=true}: {@code mvn -o -pl converters test -Dtest=PrometheusTextThroughputTest
 * -Dpromotel.perf=true}. Prints MB/s of input.
 */
@EnabledIfSystemProperty(named = "promotel.perf", matches = "true")
class PrometheusTextThroughputTest {

  @Test
  void readAndWriteHundredMegabytesOfNodeExporterText() throws IOException {
    byte[] input = generate(100L << 20);
    System.out.printf("input: %.1f MB%n", input.length / 1e6);
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      long points = readOnly(input);
      long t1 = System.nanoTime();
      long written = readAndWrite(input);
      long t2 = System.nanoTime();
      System.out.printf("round %d: read %.0f MB/s (%d points), read+write %.0f MB/s (%d bytes out)%n",
          round, input.length / 1e6 / ((t1 - t0) / 1e9), points,
          input.length / 1e6 / ((t2 - t1) / 1e9), written);
    }
  }

  private static long readOnly(byte[] input) throws IOException {
    long points = 0;
    try (PrometheusTextReader reader = new PrometheusTextReader(
        new ByteArrayInputStream(input), "perf", ReadOptions.DEFAULTS)) {
      for (Optional<MetricFamily> f = reader.read(); f.isPresent(); f = reader.read()) {
        points += f.get().data().points().size();
      }
    }
    return points;
  }

  private static long readAndWrite(byte[] input) throws IOException {
    CountingSink sink = new CountingSink();
    try (PrometheusTextReader reader = new PrometheusTextReader(
            new ByteArrayInputStream(input), "perf", ReadOptions.DEFAULTS);
        PrometheusTextWriter writer = new PrometheusTextWriter(sink, WriteOptions.DEFAULTS,
            new Diagnostics())) {
      for (Optional<MetricFamily> f = reader.read(); f.isPresent(); f = reader.read()) {
        writer.write(f.get());
      }
    }
    return sink.count;
  }

  private static final class CountingSink extends OutputStream {
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

  /** node_exporter-like families, each replicated over instances until about {@code size} bytes. */
  static byte[] generate(long size) {
    String[] modes = {"idle", "iowait", "irq", "nice", "softirq", "steal", "system", "user"};
    String[] devices = {"nvme0n1", "sda", "sdb"};
    String[] mounts = {"/", "/boot", "/run", "/var", "/home"};
    double[] bounds = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    String[] quantiles = {"0", "0.25", "0.5", "0.75", "1"};
    int perInstance = 0;
    StringBuilder probe = new StringBuilder();
    appendScrape(probe, 1, modes, devices, mounts, bounds, quantiles, true);
    perInstance = probe.length();
    int instances = (int) Math.max(1, size / perInstance);
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) (size + size / 10));
    StringBuilder sb = new StringBuilder(1 << 20);
    appendScrape(sb, instances, modes, devices, mounts, bounds, quantiles, false);
    out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static void appendScrape(StringBuilder sb, int instances, String[] modes,
      String[] devices, String[] mounts, double[] bounds, String[] quantiles, boolean probe) {
    header(sb, "node_cpu_seconds_total", "Seconds the CPUs spent in each mode.", "counter");
    for (int i = 0; i < instances; i++) {
      for (int cpu = 0; cpu < 8; cpu++) {
        for (int m = 0; m < modes.length; m++) {
          sb.append("node_cpu_seconds_total{cpu=\"").append(cpu).append("\",instance=\"")
              .append(instance(i)).append("\",job=\"node\",mode=\"").append(modes[m])
              .append("\"} ").append(FloatFormat.formatGo(1234.56 * (m + 1) + i * 0.01 + cpu))
              .append('\n');
        }
      }
    }
    for (String metric : new String[] {"node_disk_io_time_seconds_total",
        "node_disk_read_bytes_total", "node_disk_written_bytes_total",
        "node_disk_reads_completed_total"}) {
      header(sb, metric, "Disk statistic " + metric + ".", "counter");
      for (int i = 0; i < instances; i++) {
        for (int d = 0; d < devices.length; d++) {
          sb.append(metric).append("{device=\"").append(devices[d]).append("\",instance=\"")
              .append(instance(i)).append("\",job=\"node\"} ")
              .append(d == 0 ? Long.toString(987654321L + i) : FloatFormat.formatGo(4.5e9 + i * 3.7))
              .append('\n');
        }
      }
    }
    header(sb, "node_filesystem_avail_bytes", "Filesystem space available in bytes.", "gauge");
    for (int i = 0; i < instances; i++) {
      for (String mount : mounts) {
        sb.append("node_filesystem_avail_bytes{device=\"/dev/nvme0n1p2\",fstype=\"ext4\",instance=\"")
            .append(instance(i)).append("\",job=\"node\",mountpoint=\"").append(mount).append("\"} ")
            .append(FloatFormat.formatGo(1.93469263872e11 - i * 4096.0)).append('\n');
      }
    }
    for (String metric : new String[] {"node_load1", "node_load5", "node_memory_MemFree_bytes",
        "process_start_time_seconds", "go_goroutines"}) {
      header(sb, metric, "Gauge " + metric + ".", "gauge");
      for (int i = 0; i < instances; i++) {
        sb.append(metric).append("{instance=\"").append(instance(i)).append("\",job=\"node\"} ")
            .append(FloatFormat.formatGo(0.52 + i * 1e-3)).append('\n');
      }
    }
    header(sb, "go_gc_duration_seconds", "GC pause durations.", "summary");
    for (int i = 0; i < instances; i++) {
      String labels = "instance=\"" + instance(i) + "\",job=\"node\"";
      for (int q = 0; q < quantiles.length; q++) {
        sb.append("go_gc_duration_seconds{").append(labels).append(",quantile=\"")
            .append(quantiles[q]).append("\"} ").append(FloatFormat.formatGo(2.6061e-05 * (q + 1)))
            .append('\n');
      }
      sb.append("go_gc_duration_seconds_sum{").append(labels).append("} 0.132806613\n");
      sb.append("go_gc_duration_seconds_count{").append(labels).append("} ").append(2519 + i)
          .append('\n');
    }
    header(sb, "prometheus_http_request_duration_seconds", "HTTP request latencies.", "histogram");
    for (int i = 0; i < instances; i++) {
      for (String handler : new String[] {"/metrics", "/api/v1/query"}) {
        String labels = "handler=\"" + handler + "\",instance=\"" + instance(i) + "\",job=\"node\"";
        long cumulative = 0;
        for (double bound : bounds) {
          cumulative += 3 + (i % 5);
          sb.append("prometheus_http_request_duration_seconds_bucket{").append(labels)
              .append(",le=\"").append(FloatFormat.formatGo(bound)).append("\"} ").append(cumulative)
              .append('\n');
        }
        sb.append("prometheus_http_request_duration_seconds_bucket{").append(labels)
            .append(",le=\"+Inf\"} ").append(cumulative + 1).append('\n');
        sb.append("prometheus_http_request_duration_seconds_sum{").append(labels).append("} ")
            .append(FloatFormat.formatGo(18.735619488 + i)).append('\n');
        sb.append("prometheus_http_request_duration_seconds_count{").append(labels).append("} ")
            .append(cumulative + 1).append('\n');
      }
    }
  }

  private static String instance(int i) {
    return "host-" + i + ".example.org:9100";
  }

  private static void header(StringBuilder sb, String name, String help, String type) {
    sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
    sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }
}
