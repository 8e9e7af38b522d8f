package dev.promotel.lint.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.lint.DumpLabels;
import dev.promotel.lint.Finding;
import dev.promotel.lint.LintContext;
import dev.promotel.lint.RelatedLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The acceptance test of samples/lint/ at the converters level: every file goes to {@link
 * SourceLinter} (configs by content detection, dumps as {@link DumpLabels}), and the findings are
 * exactly the four deliberate mismatches of the sample repository, each once, with both locations.
 */
class SamplesLintTest {
  private static final Path SAMPLES = Path.of("..", "samples", "lint");

  static List<Finding> lintSamples() throws IOException {
    SourceLinter linter = new SourceLinter();
    List<DumpLabels> dumps = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(SAMPLES)) {
      files = s.sorted().toList();
    }
    for (Path f : files) {
      String text = Files.readString(f);
      String shown = "samples/lint/" + f.getFileName();
      Optional<String> kind = linter.detect(shown, text);
      if (kind.isPresent()) {
        linter.add(kind.get(), Path.of(shown), text);
      } else {
        assertThat(shown).as("a file that is no config must be a dump").endsWith(".prom");
        dumps.add(DumpLabelsReader.read(shown, text));
      }
    }
    List<Finding> out = new ArrayList<>();
    linter.check(dumps, LintContext.defaults(), out::add);
    return out;
  }

  private static String render(Finding f) {
    StringBuilder s = new StringBuilder(f.ruleId() + " " + f.position() + " " + f.subject());
    for (RelatedLocation r : f.related()) s.append(" -> ").append(r.position());
    return s.toString();
  }

  @Test
  void samplesReportEachDeliberateMismatchOnceWithBothLocationsAndNothingElse() throws IOException {
    List<Finding> findings = lintSamples();
    assertThat(findings).extracting(SamplesLintTest::render).containsExactlyInAnyOrder(
        // namespace dropped on the log side
        "xsrc/missing-identity-label samples/lint/promtail.yaml:50:13 namespace -> samples/lint/prometheus.yml:21:23",
        // env=prod (metrics) vs environment=production (logs): one finding saying both
        "xsrc/name-mismatch samples/lint/promtail.yaml:47:24 environment -> samples/lint/prometheus.yml:29:23",
        // job ns/app (metrics) vs app (logs)
        "xsrc/value-format-mismatch samples/lint/promtail.yaml:26:23 job -> samples/lint/prometheus.yml:28:23",
        // statusCode (logs) vs status_code (metrics)
        "xsrc/name-mismatch samples/lint/promtail.yaml:45:11 statusCode -> samples/lint/checkout.prom:3:48");
  }
}
