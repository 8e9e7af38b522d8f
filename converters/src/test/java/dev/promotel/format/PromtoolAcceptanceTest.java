package dev.promotel.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.promotel.format.openmetrics.OpenMetricsReader;
import dev.promotel.format.prometheus.PrometheusTextReader;
import dev.promotel.format.prometheus.PrometheusTextWriter;
import dev.promotel.model.MetricFamily;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real tool as oracle: our 0.0.4 output of every bundled sample must parse with {@code promtool
 * check metrics} (prometheus/common's parser). promtool's lint findings (exit 3) are about naming
 * style and are allowed; a parse error (exit 1, "error while linting") is not. CI installs promtool
 * (Debian package prometheus); elsewhere the test is skipped when promtool is absent. promtool
 * 2.x predates quoted UTF-8 names, so against it names are escaped with {@code underscores}.
 */
class PromtoolAcceptanceTest {

  static Stream<Path> samples() throws IOException {
    Path dir = Path.of(System.getProperty("promotel.samples", "../samples"));
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> list = files
          .filter(p -> p.getFileName().toString().matches(".*\\.(prom|om)$"))
          .sorted()
          .toList();
      assertThat(list).as("samples in %s", dir.toAbsolutePath()).isNotEmpty();
      return list.stream();
    }
  }

  @ParameterizedTest(name = "promtool parses our 0.0.4 output of {0}")
  @MethodSource("samples")
  void promtoolParsesOurPrometheusTextOutput(Path sample) throws Exception {
    Optional<Path> promtool = findPromtool();
    if (System.getenv("CI") == null) {
      assumeThat(promtool).as("promtool on PATH (apt-get install prometheus)").isPresent();
    }
    assertThat(promtool).as("promtool must be installed in CI (.ci/run installs prometheus)").isPresent();

    // promtool before 3.0 cannot parse quoted UTF-8 names; old Prometheus users pick underscores.
    NameEscaping escaping = majorVersion(promtool.get()) < 3 ? NameEscaping.UNDERSCORES : NameEscaping.ALLOW_UTF8;
    byte[] converted = toPrometheusText(sample, escaping);
    Process process = new ProcessBuilder(promtool.get().toString(), "check", "metrics")
        .redirectErrorStream(true)
        .start();
    process.getOutputStream().write(converted);
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(output).doesNotContain("error while linting").doesNotContain("parsing error");
    assertThat(process.exitValue()).as("promtool exit code; output:%n%s", output).isIn(0, 3);
  }

  private static int majorVersion(Path promtool) throws Exception {
    Process p = new ProcessBuilder(promtool.toString(), "--version").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("version (\\d+)\\.").matcher(out);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static byte[] toPrometheusText(Path sample, NameEscaping escaping) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String name = sample.getFileName().toString();
    try (InputStream in = Files.newInputStream(sample);
        MetricReader reader = name.endsWith(".om")
            ? new OpenMetricsReader(in, name, ReadOptions.DEFAULTS)
            : new PrometheusTextReader(in, name, ReadOptions.DEFAULTS);
        MetricWriter writer = new PrometheusTextWriter(out, WriteOptions.DEFAULTS.withEscaping(escaping), new Diagnostics())) {
      for (Optional<MetricFamily> f = reader.read(); f.isPresent(); f = reader.read()) {
        writer.write(f.get());
      }
    }
    return out.toByteArray();
  }

  private static Optional<Path> findPromtool() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, "promtool");
      if (Files.isExecutable(candidate)) return Optional.of(candidate);
    }
    return Optional.empty();
  }
}
