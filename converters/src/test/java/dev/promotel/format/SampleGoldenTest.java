package dev.promotel.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.openmetrics.OpenMetricsReader;
import dev.promotel.format.openmetrics.OpenMetricsWriter;
import dev.promotel.format.prometheus.PrometheusTextReader;
import dev.promotel.format.prometheus.PrometheusTextWriter;
import dev.promotel.model.MetricFamily;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files for every bundled sample in both text formats, with the loss report of each
 * conversion, so a change in output or in what is reported shows up as a reviewable diff. The
 * converted text must also read back (strictly, for OpenMetrics) to the same families the sample
 * gave, less what the loss report names. Rewrite with {@code -Dpromotel.updateGolden=true}.
 */
class SampleGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/samples");

  static Stream<Arguments> conversions() throws IOException {
    Path dir = Path.of(System.getProperty("promotel.samples", "../samples"));
    List<Arguments> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path sample : files.filter(p -> p.toString().matches(".*\\.(prom|om)$")).sorted().toList()) {
        cases.add(Arguments.of(sample, Format.PROM));
        cases.add(Arguments.of(sample, Format.OM));
      }
    }
    assertThat(cases).as("samples in %s", dir.toAbsolutePath()).isNotEmpty();
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} converts to {1} as its golden file says")
  @MethodSource("conversions")
  void sampleConvertsAsGolden(Path sample, Format to) throws IOException {
    Format from = sample.toString().endsWith(".om") ? Format.OM : Format.PROM;
    List<MetricFamily> families;
    try (InputStream in = Files.newInputStream(sample)) {
      families = read(from, in, sample.getFileName().toString());
    }
    Diagnostics diagnostics = new Diagnostics();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MetricWriter writer = writer(to, out, diagnostics)) {
      for (MetricFamily f : families) writer.write(f);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    String losses = describe(diagnostics);

    String base = sample.getFileName() + ".to." + to.id();
    assertGolden(GOLDEN.resolve(base), text);
    assertGolden(GOLDEN.resolve(base + ".losses"), losses);

    List<MetricFamily> back = read(to, new ByteArrayInputStream(out.toByteArray()), base);
    if (from == to) {
      assertThat(back).as("%s read back", base).isEqualTo(families);
    } else if (!diagnostics.hasLosses()) {
      assertThat(back).as("%s read back", base).hasSameSizeAs(families);
    }
  }

  private static String describe(Diagnostics diagnostics) {
    StringBuilder out = new StringBuilder();
    for (Diagnostics.Entry e : diagnostics.entries()) {
      out.append(e.kind()).append(' ').append(e.code()).append(' ').append(e.count())
          .append(": ").append(e.message()).append('\n');
    }
    return out.toString();
  }

  private static void assertGolden(Path file, String actual) throws IOException {
    if (Boolean.getBoolean("promotel.updateGolden")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(file).as("golden file (create it with -Dpromotel.updateGolden=true)").exists();
    assertThat(actual).as("%s (rewrite with -Dpromotel.updateGolden=true)", file)
        .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  private static List<MetricFamily> read(Format format, InputStream in, String name) throws IOException {
    List<MetricFamily> out = new ArrayList<>();
    try (MetricReader reader = format == Format.OM
        ? new OpenMetricsReader(in, name, ReadOptions.DEFAULTS)
        : new PrometheusTextReader(in, name, ReadOptions.DEFAULTS)) {
      for (Optional<MetricFamily> f = reader.read(); f.isPresent(); f = reader.read()) out.add(f.get());
    }
    return out;
  }

  private static MetricWriter writer(Format format, OutputStream out, Diagnostics diagnostics) {
    return format == Format.OM
        ? new OpenMetricsWriter(out, WriteOptions.DEFAULTS.withCreatedLines(true), diagnostics)
        : new PrometheusTextWriter(out, WriteOptions.DEFAULTS, diagnostics);
  }
}
