package dev.promotel.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark inputs built in memory the way scripts/gen-big-prom.sh builds files: the bundled
 * node_exporter scrape replicated over hosts, each with its own {@code instance} label, families
 * kept contiguous. Run the benchmarks from the repository root (or set {@code -Dpromotel.samples}).
 */
final class Scrapes {
  /** Length of {@code instance="host-000000:9100",}. */
  private static final int INSTANCE_LENGTH = 33;

  private Scrapes() {}

  /** About {@code megabytes} MB of Prometheus text 0.0.4. */
  static byte[] nodeExporterText(int megabytes) {
    List<String> lines = readSample("node_exporter.prom");
    List<List<String>> families = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("# HELP") || families.isEmpty() && line.startsWith("#")) {
        families.add(new ArrayList<>());
      }
      if (families.isEmpty()) families.add(new ArrayList<>());
      families.get(families.size() - 1).add(line);
    }
    // Per host: the sample lines plus the instance label each of them gets.
    long hostBytes = 0;
    for (String line : lines) {
      if (!line.startsWith("#") && !line.isBlank()) hostBytes += line.length() + 1 + INSTANCE_LENGTH;
    }
    int hosts = Math.max(1, (int) ((long) megabytes * 1_000_000 / hostBytes) + 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream(megabytes * 1_100_000);
    StringBuilder b = new StringBuilder();
    for (List<String> family : families) {
      for (String line : family) if (line.startsWith("#")) b.append(line).append('\n');
      for (int h = 0; h < hosts; h++) {
        String instance = "instance=\"host-" + String.format("%06d", h) + ":9100\"";
        for (String line : family) {
          if (line.startsWith("#") || line.isBlank()) continue;
          b.append(withLabel(line, instance)).append('\n');
        }
        if (b.length() > 1 << 16) flush(b, out);
      }
    }
    flush(b, out);
    return out.toByteArray();
  }

  private static String withLabel(String sample, String label) {
    int brace = sample.indexOf('{');
    int space = sample.indexOf(' ');
    if (brace >= 0 && brace < space) {
      return sample.substring(0, brace + 1) + label + (sample.charAt(brace + 1) == '}' ? "" : ",")
          + sample.substring(brace + 1);
    }
    return sample.substring(0, space) + "{" + label + "}" + sample.substring(space);
  }

  private static void flush(StringBuilder b, ByteArrayOutputStream out) {
    out.writeBytes(b.toString().getBytes(StandardCharsets.UTF_8));
    b.setLength(0);
  }

  private static List<String> readSample(String name) {
    String dir = System.getProperty("promotel.samples");
    List<Path> candidates = dir != null
        ? List.of(Path.of(dir, name))
        : List.of(Path.of("samples", name), Path.of("..", "samples", name));
    for (Path p : candidates) {
      if (Files.isReadable(p)) {
        try {
          return Files.readAllLines(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new IllegalStateException("cannot find samples/" + name
        + ": run from the repository root or set -Dpromotel.samples=DIR");
  }
}
