package dev.promotel.format.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.ReadOptions;
import dev.promotel.model.MetricFamily;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: each directory under {@code src/test/resources/golden/prom/} holds {@code
 * input.prom}, read and written back as {@code expected.prom}. Run with {@code
 * -Dpromotel.updateGolden=true} to rewrite the expectations, then review the diff.
 */
class PrometheusTextGoldenTest {
  private static final Path ROOT = Paths.get("src/test/resources/golden/prom");

  static Stream<Path> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readingAndWritingGivesTheExpectedText(Path dir) throws IOException {
    byte[] input = Files.readAllBytes(dir.resolve("input.prom"));
    List<MetricFamily> families = PromFixtures.read(input, ReadOptions.DEFAULTS);
    Diagnostics diagnostics = new Diagnostics();
    String written = PromFixtures.write(families, diagnostics);
    Path expectedFile = dir.resolve("expected.prom");
    if (Boolean.getBoolean("promotel.updateGolden")) {
      Files.writeString(expectedFile, written, StandardCharsets.UTF_8);
    }
    assertThat(written).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
    assertThat(diagnostics.isEmpty()).as("0.0.4 → 0.0.4 loses nothing").isTrue();
    // The output is a fixed point of read then write.
    assertThat(PromFixtures.write(PromFixtures.read(written), new Diagnostics())).isEqualTo(written);
  }
}
