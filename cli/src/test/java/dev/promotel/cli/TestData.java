package dev.promotel.cli;

import dev.promotel.io.Compression;
import dev.promotel.io.InputSource;
import dev.promotel.io.OpenedInput;
import dev.promotel.io.OutputTarget;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Small inputs of the end-to-end tests, and (de)compression through the library's own codecs. */
final class TestData {
  /** A counter with HELP and a gauge, as a Go client writes them. */
  static final String PROM =
      "# HELP http_requests_total Requests served.\n"
          + "# TYPE http_requests_total counter\n"
          + "http_requests_total{code=\"200\"} 1027\n"
          + "http_requests_total{code=\"500\"} 3\n"
          + "# TYPE temperature_celsius gauge\n"
          + "temperature_celsius 21.5\n";

  /** {@link #PROM} in OpenMetrics: the counter's family name loses {@code _total}. */
  static final String OM =
      "# TYPE http_requests counter\n"
          + "# HELP http_requests Requests served.\n"
          + "http_requests_total{code=\"200\"} 1027\n"
          + "http_requests_total{code=\"500\"} 3\n"
          + "# TYPE temperature_celsius gauge\n"
          + "temperature_celsius 21.5\n"
          + "# EOF\n";

  /** {@link #OM} with an exemplar on each counter sample. */
  static final String OM_WITH_EXEMPLARS =
      "# TYPE http_requests counter\n"
          + "# HELP http_requests Requests served.\n"
          + "http_requests_total{code=\"200\"} 1027 # {trace_id=\"4bf92f3577b34da6\"} 1 1.5\n"
          + "http_requests_total{code=\"500\"} 3 # {trace_id=\"00f067aa0ba902b7\"} 1\n"
          + "# TYPE temperature_celsius gauge\n"
          + "temperature_celsius 21.5\n"
          + "# EOF\n";

  private TestData() {}

  static Path write(Path dir, String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  static byte[] compress(Compression compression, byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputTarget target = OutputTarget.toStream("test", out, compression)) {
      target.stream().write(bytes);
      target.commit();
    }
    return out.toByteArray();
  }

  /** The bytes decompressed as promotel would read them, with the compression it detected. */
  static String decompress(byte[] bytes, Compression expected) throws IOException {
    try (OpenedInput in =
        InputSource.stream("test", new ByteArrayInputStream(bytes)).open()) {
      if (in.compression() != expected) {
        throw new AssertionError("expected " + expected + ", found " + in.compression());
      }
      return new String(in.stream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The names in {@code dir}, hidden ones (temporary files) included. */
  static List<String> filesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }
}
