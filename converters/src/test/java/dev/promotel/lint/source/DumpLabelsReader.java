package dev.promotel.lint.source;

import dev.promotel.format.ReadOptions;
import dev.promotel.format.SourcePosition;
import dev.promotel.format.prometheus.PrometheusTextReader;
import dev.promotel.lint.DumpLabels;
import dev.promotel.model.Attribute;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.Point;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Builds {@link DumpLabels} from a Prometheus text dump for tests, the way the lint engine does:
 * the label names and values of every point (read with the project's reader) and where each name
 * first appears ({@code name="} on a sample line).
 */
final class DumpLabelsReader {
  private DumpLabelsReader() {}

  static DumpLabels read(String path, String text) throws IOException {
    Map<String, TreeSet<String>> values = new LinkedHashMap<>();
    try (PrometheusTextReader r = new PrometheusTextReader(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), path, ReadOptions.DEFAULTS)) {
      for (Optional<MetricFamily> f = r.read(); f.isPresent(); f = r.read()) {
        for (Point p : f.get().data().points()) {
          for (Attribute a : p.attributes()) {
            values.computeIfAbsent(a.key(), k -> new TreeSet<>()).add(a.value().asString());
          }
        }
      }
    }
    String[] lines = text.split("\n", -1);
    Map<String, DumpLabels.LabelValues> labels = new LinkedHashMap<>();
    for (Map.Entry<String, TreeSet<String>> e : values.entrySet()) {
      SourcePosition first = SourcePosition.text(path, 1, 1);
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].startsWith("#")) continue;
        int col = indexOfLabel(lines[i], e.getKey());
        if (col >= 0) {
          first = SourcePosition.text(path, i + 1, col + 1);
          break;
        }
      }
      labels.put(e.getKey(), new DumpLabels.LabelValues(e.getKey(), e.getValue(), false, first));
    }
    return new DumpLabels(path, labels);
  }

  private static int indexOfLabel(String line, String name) {
    for (int from = 0; ; ) {
      int i = line.indexOf(name + "=\"", from);
      if (i < 0) return -1;
      char before = i == 0 ? ' ' : line.charAt(i - 1);
      if (before == '{' || before == ',') return i;
      from = i + 1;
    }
  }
}
