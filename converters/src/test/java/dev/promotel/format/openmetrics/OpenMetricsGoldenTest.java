package dev.promotel.format.openmetrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.ReadOptions;
import dev.promotel.format.WriteOptions;
import dev.promotel.model.MetricFamily;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files: {@code src/test/resources/golden/om/<case>/input.om} read and written (with
 * {@code _created} lines) must equal {@code expected.om}, and the expected text must read back to
 * the same model. Run with {@code -Dpromotel.updateGolden=true} to rewrite the expected files,
 * then review the diff.
 */
class OpenMetricsGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/om");
  private static final boolean UPDATE = Boolean.getBoolean("promotel.updateGolden");

  @TestFactory
  Stream<DynamicTest> everyGoldenCaseIsWrittenAsExpected() throws IOException {
    List<Path> cases;
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      cases = dirs.filter(d -> Files.exists(d.resolve("input.om"))).sorted().toList();
    }
    assertThat(cases).isNotEmpty();
    return cases.stream().map(dir -> DynamicTest.dynamicTest(
        dir.getFileName() + " is written as expected.om", () -> check(dir)));
  }

  private static void check(Path dir) throws IOException {
    List<MetricFamily> families;
    try (InputStream in = Files.newInputStream(dir.resolve("input.om"))) {
      families = OpenMetricsTestSupport.readAll(in, ReadOptions.DEFAULTS, new Diagnostics());
    }
    String written = OpenMetricsTestSupport.write(families,
        WriteOptions.DEFAULTS.withCreatedLines(true), new Diagnostics());
    Path expected = dir.resolve("expected.om");
    if (UPDATE) Files.writeString(expected, written, StandardCharsets.UTF_8);
    assertThat(written).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    assertThat(OpenMetricsTestSupport.read(written)).isEqualTo(families);
  }
}
