package dev.promotel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden cases of {@code promotel temporality}: each directory under {@code golden/temporality}
 * holds {@code args} (the command line after {@code temporality}), {@code input.jsonl} (one OTLP
 * request per line, fed in order like the Collector's numbered test files against one state),
 * {@code expected.jsonl} (stdout) and {@code expected.stderr} (the drop report). The
 * {@code --compat=otelcol} cases reproduce the scenarios of the Collector's deltatocumulative
 * testdata (temporality spec §1.8): timestamps, histograms, exponential, limit,
 * notemporality-ignored, tracking. Refresh with {@code -Dpromotel.updateGolden=true}.
 */
class TemporalityGoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/temporality");

  @TestFactory
  Stream<DynamicTest> everyGoldenCaseProducesItsExpectedOutputAndReport() throws IOException {
    List<Path> cases = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      dirs.filter(Files::isDirectory).sorted().forEach(cases::add);
    }
    assertThat(cases).isNotEmpty();
    return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(),
        () -> check(dir)));
  }

  private static void check(Path dir) throws IOException {
    List<String> args = new ArrayList<>();
    args.add("temporality");
    args.addAll(Arrays.asList(Files.readString(dir.resolve("args")).trim().split("\\s+")));
    args.add("--to");
    args.add("otlp-jsonl");
    args.add(dir.resolve("input.jsonl").toString());
    Cli cli = Cli.run(args.toArray(String[]::new));
    assertThat(cli.exitCode).as(cli.err).isIn(0, 1);
    compare(dir.resolve("expected.jsonl"), cli.out);
    compare(dir.resolve("expected.stderr"), cli.err);
  }

  private static void compare(Path golden, String actual) throws IOException {
    if (Boolean.getBoolean("promotel.updateGolden")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(actual).as("%s (refresh with -Dpromotel.updateGolden=true)", golden)
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
