package dev.promotel.translate.mapping;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricWriter;
import dev.promotel.format.WriteOptions;
import dev.promotel.format.openmetrics.OpenMetricsWriter;
import dev.promotel.model.MetricFamily;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test sink: keeps what it is given; plus a helper that renders families as OpenMetrics text. */
final class Collecting implements MetricWriter {
  final List<MetricFamily> families = new ArrayList<>();
  boolean closed;

  @Override
  public void write(MetricFamily family) {
    families.add(family);
  }

  @Override
  public void close() {
    closed = true;
  }

  static List<MetricFamily> otlpToProm(
      OtlpToPrometheusOptions options, Diagnostics diagnostics, MetricFamily... input) {
    Collecting sink = new Collecting();
    try (OtlpToPrometheus t = new OtlpToPrometheus(sink, options, diagnostics)) {
      for (MetricFamily f : input) t.write(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sink.families;
  }

  static String openMetrics(
      OtlpToPrometheusOptions options, Diagnostics diagnostics, MetricFamily... input) {
    return openMetrics(WriteOptions.DEFAULTS, options, diagnostics, input);
  }

  static String openMetrics(WriteOptions writeOptions, OtlpToPrometheusOptions options,
      Diagnostics diagnostics, MetricFamily... input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OtlpToPrometheus t = new OtlpToPrometheus(
        new OpenMetricsWriter(out, writeOptions, diagnostics), options, diagnostics)) {
      for (MetricFamily f : input) t.write(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
