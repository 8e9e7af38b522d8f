package dev.promotel.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.model.MetricFamily;
import dev.promotel.pipeline.Codecs;
import dev.promotel.pipeline.Conversion;
import dev.promotel.pipeline.Pipeline;
import dev.promotel.translate.mapping.OtlpToPrometheusOptions;
import dev.promotel.translate.mapping.OtlpToPrometheusOptions.ExpHistogramText;
import dev.promotel.translate.mapping.PrometheusToOtlpOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * Golden files for every conversion that involves OTLP, the way {@code convert} does it ({@link
 * Conversion}: the mapping chosen by the kinds of source and target, default options): every
 * bundled sample to each OTLP format, the OTLP samples and the OTLP conformance example ({@code
 * conformance/otlp/metrics.json}) to every format, and that example once more to OpenMetrics with
 * {@code --exp-histogram-text classic}. Each has its loss report next to it, and the output must
 * read back with the target format's reader. Text → OTLP stamps samples without a timestamp with
 * a fixed time ({@code --default-timestamp}), so the output is reproducible. Rewrite with {@code
 * -Dpromotel.updateGolden=true}. (Text → text conversions are {@link SampleGoldenTest}'s.)
 */
class OtlpSampleGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/samples-otlp");
  private static final Path CONFORMANCE = Path.of("src/test/resources/conformance/otlp/metrics.json");
  /** 2024-03-12T10:00:00Z. */
  private static final long DEFAULT_TIMESTAMP = 1_710_237_600_000_000_000L;
  private static final List<Format> OTLP = List.of(Format.OTLP_JSON, Format.OTLP_JSONL, Format.OTLP_PB);

  static Stream<Arguments> conversions() throws IOException {
    Path dir = Path.of(System.getProperty("promotel.samples", "../samples"));
    List<Arguments> cases = new ArrayList<>();
    List<Path> inputs = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      // Metric dumps only: samples/ also holds configs for other commands (relabel.yml) and
      // lint's sample repository (samples/lint/).
      files.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().matches("README\\.md|.*\\.ya?ml")).sorted()
          .forEach(inputs::add);
    }
    inputs.add(CONFORMANCE);
    for (Path input : inputs) {
      Format from = detect(input);
      boolean otlpSource = Conversion.Kind.of(from) == Conversion.Kind.OTLP;
      for (Format to : Format.values()) {
        if (otlpSource || OTLP.contains(to)) cases.add(Arguments.of(input, to, false));
      }
    }
    cases.add(Arguments.of(CONFORMANCE, Format.OM, true));
    assertThat(inputs).as("samples in %s", dir.toAbsolutePath()).hasSizeGreaterThan(4);
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} converts to {1} (classic exponential histograms: {2}) as its golden file says")
  @MethodSource("conversions")
  void sampleConvertsAsGolden(Path input, Format to, boolean classic) throws IOException {
    Format from = detect(input);
    OtlpToPrometheusOptions toPrometheus = classic
        ? OtlpToPrometheusOptions.DEFAULTS.withExpHistogramText(ExpHistogramText.CLASSIC)
        : OtlpToPrometheusOptions.DEFAULTS;
    Diagnostics diagnostics = new Diagnostics();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MetricWriter writer = Codecs.writer(to, out, WriteOptions.DEFAULTS, diagnostics);
    try (Conversion conversion = new Conversion(to, writer, toPrometheus,
            PrometheusToOtlpOptions.DEFAULTS.withDefaultTimestamp(DEFAULT_TIMESTAMP), diagnostics);
        InputStream in = Files.newInputStream(input);
        MetricReader reader = Codecs.reader(
            from, in, input.getFileName().toString(), ReadOptions.DEFAULTS, diagnostics)) {
      Pipeline.run(reader, conversion.sinkFor(from));
    }

    String base = input.getFileName() + ".to." + to.id() + (classic ? ".classic" : "");
    assertGolden(GOLDEN.resolve(base), out.toByteArray());
    assertGolden(GOLDEN.resolve(base + ".losses"),
        describe(diagnostics).getBytes(StandardCharsets.UTF_8));
    assertThat(readBack(to, out.toByteArray(), base)).as("%s read back", base).isNotNull();
  }

  /** The sample's format as {@code convert} detects it from its content and name. */
  static Format detect(Path input) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(input)) {
      head = in.readNBytes(64 << 10);
    }
    return Format.sniff(head, head.length, input.getFileName().toString());
  }

  private static List<MetricFamily> readBack(Format format, byte[] bytes, String name)
      throws IOException {
    List<MetricFamily> out = new ArrayList<>();
    try (MetricReader reader = Codecs.reader(
        format, new ByteArrayInputStream(bytes), name, ReadOptions.DEFAULTS)) {
      for (Optional<MetricFamily> f = reader.read(); f.isPresent(); f = reader.read()) {
        out.add(f.get());
      }
    }
    return out;
  }

  private static String describe(Diagnostics diagnostics) {
    StringBuilder out = new StringBuilder();
    for (Diagnostics.Entry e : diagnostics.entries()) {
      out.append(e.kind()).append(' ').append(e.code()).append(' ').append(e.count())
          .append(": ").append(e.message()).append('\n');
    }
    return out.toString();
  }

  private static void assertGolden(Path file, byte[] actual) throws IOException {
    if (Boolean.getBoolean("promotel.updateGolden")) {
      Files.createDirectories(file.getParent());
      Files.write(file, actual);
      return;
    }
    assertThat(file).as("golden file (create it with -Dpromotel.updateGolden=true)").exists();
    if (file.toString().endsWith(".otlp-pb")) {
      assertThat(actual).as("%s (rewrite with -Dpromotel.updateGolden=true)", file)
          .isEqualTo(Files.readAllBytes(file));
    } else {
      assertThat(new String(actual, StandardCharsets.UTF_8))
          .as("%s (rewrite with -Dpromotel.updateGolden=true)", file)
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
  }
}
