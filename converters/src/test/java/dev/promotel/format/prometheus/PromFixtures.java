package dev.promotel.format.prometheus;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.ReadOptions;
import dev.promotel.format.WriteOptions;
import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attributes;
import dev.promotel.model.Gauge;
import dev.promotel.model.Histogram;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.PromType;
import dev.promotel.model.Quantile;
import dev.promotel.model.Sum;
import dev.promotel.model.Summary;
import dev.promotel.model.SummaryPoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Builders of expected families and read/write shortcuts shared by the 0.0.4 tests. */
final class PromFixtures {
  private PromFixtures() {}

  static List<MetricFamily> read(String text) throws IOException {
    return read(text.getBytes(StandardCharsets.UTF_8), ReadOptions.DEFAULTS);
  }

  static List<MetricFamily> read(byte[] bytes, ReadOptions options) throws IOException {
    return readAll(new ByteArrayInputStream(bytes), options);
  }

  static List<MetricFamily> readAll(InputStream in, ReadOptions options) throws IOException {
    List<MetricFamily> out = new ArrayList<>();
    try (PrometheusTextReader reader = new PrometheusTextReader(in, "in.prom", options)) {
      for (Optional<MetricFamily> f = reader.read(); f.isPresent(); f = reader.read()) {
        out.add(f.get());
      }
    }
    return out;
  }

  static String write(List<MetricFamily> families, Diagnostics diagnostics) {
    return write(families, WriteOptions.DEFAULTS, diagnostics);
  }

  static String write(List<MetricFamily> families, WriteOptions options, Diagnostics diagnostics) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrometheusTextWriter writer = new PrometheusTextWriter(bytes, options, diagnostics)) {
      for (MetricFamily f : families) writer.write(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  static Attributes labels(String... namesAndValues) {
    return Attributes.of(namesAndValues);
  }

  static NumberPoint point(Attributes labels, long value) {
    return NumberPoint.of(labels, NumberValue.ofLong(value));
  }

  static NumberPoint point(Attributes labels, double value) {
    return NumberPoint.of(labels, NumberValue.ofDouble(value));
  }

  static NumberPoint point(Attributes labels, NumberValue value, long timeUnixNano) {
    return new NumberPoint(labels, 0, timeUnixNano, value, List.of(), 0);
  }

  static MetricFamily gauge(String name, String help, PromType type, NumberPoint... points) {
    return MetricFamily.ofProm(name, help, "", new Gauge(List.of(points)), type, name);
  }

  static MetricFamily counter(String name, String help, NumberPoint... points) {
    return MetricFamily.ofProm(name, help, "",
        new Sum(AggregationTemporality.CUMULATIVE, true, List.of(points)), PromType.COUNTER, name);
  }

  static HistogramPoint histogramPoint(Attributes labels, long count, Double sum, double[] bounds,
      long[] perBucket, long timeUnixNano) {
    return new HistogramPoint(labels, 0, timeUnixNano, count,
        sum == null ? OptionalDouble.empty() : OptionalDouble.of(sum), bounds, perBucket,
        OptionalDouble.empty(), OptionalDouble.empty(), List.of(), 0);
  }

  static MetricFamily histogram(String name, String help, HistogramPoint... points) {
    return MetricFamily.ofProm(name, help, "",
        new Histogram(AggregationTemporality.CUMULATIVE, List.of(points)), PromType.HISTOGRAM, name);
  }

  static SummaryPoint summaryPoint(Attributes labels, Long count, Double sum, long timeUnixNano,
      Quantile... quantiles) {
    return new SummaryPoint(labels, 0, timeUnixNano,
        count == null ? OptionalLong.empty() : OptionalLong.of(count),
        sum == null ? OptionalDouble.empty() : OptionalDouble.of(sum), List.of(quantiles), 0);
  }

  static MetricFamily summary(String name, String help, SummaryPoint... points) {
    return MetricFamily.ofProm(name, help, "", new Summary(List.of(points)), PromType.SUMMARY, name);
  }
}
