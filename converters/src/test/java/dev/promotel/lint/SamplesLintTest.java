package dev.promotel.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.promotel.format.ReadOptions;
import dev.promotel.io.DecompressionLimits;
import dev.promotel.io.InputSource;
import dev.promotel.lint.report.ReportFormat;
import dev.promotel.lint.report.ReportInfo;
import dev.promotel.lint.source.SourceLinter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The sample repository {@code samples/lint/} through the whole engine with the real config
 * linter: the four deliberate mismatches, each once and with the other side's location, nothing
 * from the dump rules (its dumps are clean), and SARIF output that the SARIF 2.1.0 schema accepts.
 */
class SamplesLintTest {
  private static final Path SAMPLES = Path.of("../samples/lint");

  static LintResult lintSamples() throws Exception {
    List<LintEngine.Input> inputs = new ArrayList<>();
    for (InputSource s : InputSource.fromArguments(List.of(SAMPLES.toString()), System.in)) {
      inputs.add(new LintEngine.Input(s, false, Optional.empty()));
    }
    LintEngine.Options options = new LintEngine.Options(Optional.empty(), ReadOptions.DEFAULTS,
        DecompressionLimits.DEFAULTS, LocalDate.of(2026, 6, 1), Optional.empty());
    return new LintEngine(LintConfig.defaults(), new SourceLinter(), options, n -> {}).run(inputs);
  }

  @Test
  void theSampleRepositoryShowsEachDeliberateMismatchOnceWithBothLocations() throws Exception {
    LintResult result = lintSamples();
    assertThat(result.files()).isEqualTo((int) Files.list(SAMPLES).count());
    assertThat(result.findings()).allSatisfy(r -> {
      assertThat(r.active()).isTrue();
      assertThat(r.finding().ruleId()).matches("xsrc/.*|cfg/.*");
      assertThat(r.finding().related()).isNotEmpty();
      assertThat(r.finding().position().line()).isPositive();
    });
    assertThat(result.findings()).extracting(r -> r.finding().subject())
        .containsExactlyInAnyOrder("namespace", "environment", "job", "statusCode");
  }

  @Test
  void theSamplesSarifIsValidSarif210() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReportFormat.SARIF.reporter(new ReportInfo("test"), false, Optional.empty()).write(lintSamples(), out);
    String sarif = out.toString(StandardCharsets.UTF_8);
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(
        Files.readString(Path.of("src/test/resources/sarif/sarif-schema-2.1.0.json")), InputFormat.JSON);
    assertThat(schema.validate(sarif, InputFormat.JSON)).isEmpty();
    assertThat(sarif).contains("\"relatedLocations\"", "xsrc/missing-identity-label");
  }
}
