package dev.promotel.format.openmetrics;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.ReadOptions;
import dev.promotel.format.WriteOptions;
import dev.promotel.model.MetricFamily;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Read/write helpers shared by the OpenMetrics tests. */
final class OpenMetricsTestSupport {
  private OpenMetricsTestSupport() {}

  static List<MetricFamily> readAll(InputStream in, ReadOptions options, Diagnostics diagnostics)
      throws IOException {
    List<MetricFamily> out = new ArrayList<>();
    try (OpenMetricsReader reader = new OpenMetricsReader(in, "in.om", options, diagnostics)) {
      Optional<MetricFamily> f;
      while ((f = reader.read()).isPresent()) out.add(f.get());
    }
    return out;
  }

  static List<MetricFamily> read(String text) throws IOException {
    return readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        ReadOptions.DEFAULTS, new Diagnostics());
  }

  static String write(List<MetricFamily> families, WriteOptions options, Diagnostics diagnostics)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OpenMetricsWriter writer = new OpenMetricsWriter(out, options, diagnostics)) {
      for (MetricFamily f : families) writer.write(f);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static String write(List<MetricFamily> families) throws IOException {
    return write(families, WriteOptions.DEFAULTS, new Diagnostics());
  }
}
