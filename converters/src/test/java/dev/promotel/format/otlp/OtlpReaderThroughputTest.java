package dev.promotel.format.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import dev.promotel.format.MetricReader;
import dev.promotel.format.ReadOptions;
import dev.promotel.model.MetricFamily;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read throughput on ~100 MB of Collector-style OTLP (u32be protobuf and JSON Lines) built with the
 * generated classes. Enabled with {@code -Dpromotel.perf=true}; prints MB/s, asserts only that
 * every family was read.
 */
@EnabledIfSystemProperty(named = "promotel.perf", matches = "true")
class OtlpReaderThroughputTest {
  private static final long TARGET_BYTES = 100L << 20;
  private static final long T0 = 1_700_000_000_000_000_000L;

  @TempDir Path dir;

  /** One export batch: a resource, a scope and 50 metrics of 10 series each. */
  private static ExportMetricsServiceRequest batch(int n) {
    ScopeMetrics.Builder sm = ScopeMetrics.newBuilder()
        .setScope(InstrumentationScope.newBuilder().setName("io.opentelemetry.runtime").setVersion("2.1"));
    for (int m = 0; m < 50; m++) {
      Metric.Builder metric = Metric.newBuilder().setName("app.metric." + m).setUnit("ms")
          .setDescription("Metric number " + m + " of the benchmark");
      int kind = m % 3;
      Sum.Builder sum = Sum.newBuilder().setIsMonotonic(true)
          .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
      Gauge.Builder gauge = Gauge.newBuilder();
      Histogram.Builder histogram = Histogram.newBuilder()
          .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
      for (int s = 0; s < 10; s++) {
        KeyValue a1 = kv("http.route", "/api/v1/items/" + s);
        KeyValue a2 = kv("http.method", s % 2 == 0 ? "GET" : "POST");
        long t = T0 + n * 10_000_000_000L;
        switch (kind) {
          case 0 -> sum.addDataPoints(NumberDataPoint.newBuilder().addAttributes(a1)
              .addAttributes(a2).setStartTimeUnixNano(T0).setTimeUnixNano(t).setAsInt(n * 7L + s));
          case 1 -> gauge.addDataPoints(NumberDataPoint.newBuilder().addAttributes(a1)
              .addAttributes(a2).setTimeUnixNano(t).setAsDouble(n * 0.25 + s));
          default -> {
            HistogramDataPoint.Builder h = HistogramDataPoint.newBuilder().addAttributes(a1)
                .addAttributes(a2).setStartTimeUnixNano(T0).setTimeUnixNano(t)
                .setCount(120).setSum(543.5);
            for (double b : new double[] {5, 10, 25, 50, 100, 250, 500, 1000}) h.addExplicitBounds(b);
            for (int i = 0; i < 9; i++) h.addBucketCounts(i * 3L + s);
            histogram.addDataPoints(h);
          }
        }
      }
      switch (kind) {
        case 0 -> metric.setSum(sum);
        case 1 -> metric.setGauge(gauge);
        default -> metric.setHistogram(histogram);
      }
      sm.addMetrics(metric);
    }
    return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
        .setResource(Resource.newBuilder().addAttributes(kv("service.name", "checkout"))
            .addAttributes(kv("service.instance.id", "pod-" + (n % 20))))
        .addScopeMetrics(sm)).build();
  }

  private static KeyValue kv(String key, String value) {
    return KeyValue.newBuilder().setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }

  private interface Encoder {
    void write(ExportMetricsServiceRequest r, OutputStream out) throws IOException;
  }

  private long generate(Path file, Encoder encoder) throws IOException {
    long batches = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      while (Files.size(file) < TARGET_BYTES) {
        for (int i = 0; i < 100; i++) encoder.write(batch((int) batches++), out);
        out.flush();
      }
    }
    return batches * 50;
  }

  private void measure(String label, Path file, long families, boolean json) throws IOException {
    double best = 0;
    for (int run = 0; run < 3; run++) {
      long start = System.nanoTime();
      long read = 0;
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
          MetricReader reader = json
              ? new OtlpJsonReader(in, file.toString(), ReadOptions.DEFAULTS)
              : new OtlpProtobufReader(in, file.toString(), ReadOptions.DEFAULTS)) {
        for (Optional<MetricFamily> f = reader.read(); f.isPresent(); f = reader.read()) read++;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(read).isEqualTo(families);
      best = Math.max(best, Files.size(file) / 1e6 / seconds);
      System.out.printf("%s: %.1f MB in %.2f s = %.1f MB/s%n",
          label, Files.size(file) / 1e6, seconds, Files.size(file) / 1e6 / seconds);
    }
    System.out.printf("%s best: %.1f MB/s%n", label, best);
  }

  @Test
  void u32beProtobuf() throws IOException {
    Path file = dir.resolve("metrics.pb");
    long families = generate(file, (r, out) -> {
      byte[] bytes = r.toByteArray();
      out.write(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
          (byte) (bytes.length >>> 8), (byte) bytes.length});
      out.write(bytes);
    });
    measure("otlp-pb u32be", file, families, false);
  }

  @Test
  void rawProtobuf() throws IOException {
    Path file = dir.resolve("metrics-raw.pb");
    long families = generate(file, (r, out) -> r.writeTo(out));
    measure("otlp-pb raw", file, families, false);
  }

  @Test
  void jsonLines() throws IOException {
    Path file = dir.resolve("metrics.jsonl");
    JsonFormat.Printer printer =
        JsonFormat.printer().omittingInsignificantWhitespace().printingEnumsAsInts();
    long families = generate(file, (r, out) -> {
      out.write(printer.print(r).getBytes(StandardCharsets.UTF_8));
      out.write('\n');
    });
    measure("otlp-jsonl", file, families, true);
  }
}
