package dev.promotel.translate.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.ReadOptions;
import dev.promotel.format.WriteOptions;
import dev.promotel.format.openmetrics.OpenMetricsReader;
import dev.promotel.format.openmetrics.OpenMetricsWriter;
import dev.promotel.pipeline.Pipeline;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** §8.5 through real text: OpenMetrics → OTLP-shaped families → OpenMetrics gives the same text. */
class TextRoundTripTest {
  // target_info first: it becomes resource attributes in OTLP, and OtlpToPrometheus writes it
  // ahead of the other families, as OpenTelemetry's Prometheus exporters do.
  private static final String INPUT = """
      # TYPE target info
      # HELP target Target metadata
      target_info{env="prod",instance="h:9090",job="api"} 1
      # TYPE http_requests counter
      # HELP http_requests Requests served.
      http_requests_total{code="200",instance="h:9090",job="api"} 1027 # {trace_id="4bf92f3577b34da6a3ce929d0e0e4736"} 1.0 1520879607.789
      http_requests_created{code="200",instance="h:9090",job="api"} 1500000000
      # TYPE request_latency_seconds histogram
      # UNIT request_latency_seconds seconds
      request_latency_seconds_bucket{instance="h:9090",job="api",le="0.1"} 3
      request_latency_seconds_bucket{instance="h:9090",job="api",le="1.0"} 5
      request_latency_seconds_bucket{instance="h:9090",job="api",le="+Inf"} 6
      request_latency_seconds_count{instance="h:9090",job="api"} 6
      request_latency_seconds_sum{instance="h:9090",job="api"} 4.5
      # TYPE build info
      build_info{instance="h:9090",job="api",version="1.2"} 1
      # TYPE temperature unknown
      temperature{instance="h:9090",job="api",room="a"} 21.5
      # EOF
      """;

  @Test
  void openMetricsThroughBothTransformsIsUnchanged() throws IOException {
    Diagnostics diagnostics = new Diagnostics();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WriteOptions write = WriteOptions.DEFAULTS.withCreatedLines(true);
    try (OpenMetricsReader reader = new OpenMetricsReader(
            new ByteArrayInputStream(INPUT.getBytes(StandardCharsets.UTF_8)), "in.om",
            ReadOptions.DEFAULTS, diagnostics);
        PrometheusToOtlp toOtlp = new PrometheusToOtlp(
            new OtlpToPrometheus(new OpenMetricsWriter(out, write, diagnostics),
                OtlpToPrometheusOptions.DEFAULTS, diagnostics),
            PrometheusToOtlpOptions.DEFAULTS, diagnostics, () -> 1L)) {
      Pipeline.run(reader, toOtlp);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(INPUT);
    assertThat(diagnostics.hasLosses()).isFalse();
  }
}
