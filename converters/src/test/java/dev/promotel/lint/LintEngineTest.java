package dev.promotel.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promotel.format.ReadOptions;
import dev.promotel.io.DecompressionLimits;
import dev.promotel.io.InputSource;
import dev.promotel.yaml.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine: classification, config, suppressions and baseline over dumps and a fake config linter. */
class LintEngineTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

  @TempDir Path dir;
  final FakeConfigLinter fake = new FakeConfigLinter();
  final List<String> notes = new ArrayList<>();

  private LintResult run(LintConfig config, Optional<Baseline> baseline, Path... files) throws IOException {
    LintEngine.Options options = new LintEngine.Options(Optional.empty(), ReadOptions.DEFAULTS,
        DecompressionLimits.DEFAULTS, TODAY, baseline);
    List<LintEngine.Input> inputs = new ArrayList<>();
    for (Path f : files) inputs.add(new LintEngine.Input(InputSource.file(f), false, Optional.empty()));
    return new LintEngine(config, fake, options, notes::add).run(inputs);
  }

  private LintResult run(Path... files) throws IOException {
    return run(LintConfig.defaults(), Optional.empty(), files);
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private LintConfig config(String yaml) throws IOException {
    return LintConfig.parse(".promotel-lint.yaml", yaml, LintEngine.ruleIds(fake));
  }

  private static List<String> active(LintResult r) {
    return r.findings().stream().filter(LintResult.Reported::active).map(x -> x.finding().ruleId()).toList();
  }

  @Test
  void filesAreClassifiedByContentAndOthersSkippedWithANote() throws IOException {
    Path dump = write("app.txt", "# HELP x h\n# TYPE x gauge\nx{env=\"prod\"} 1\n");
    Path cfg = write("promtail.yaml", "fake: 1\nbad\n");
    Path readme = write("README.md", "# Title\n\nSome words: here.\n");
    LintResult r = run(dump, cfg, readme);
    assertThat(r.files()).isEqualTo(2);
    assertThat(active(r)).containsExactly("fake/rule");
    assertThat(notes).anyMatch(n -> n.contains("README.md: skipped"));
    assertThat(fake.dumpsSeen).singleElement().satisfies(d -> assertThat(d.labels()).containsKey("env"));
    assertThat(r.findings().get(0).finding().related()).singleElement()
        .satisfies(rel -> assertThat(rel.position().line()).isEqualTo(3));
  }

  @Test
  void aConfigThatDoesNotParseInAWalkIsAFindingAndTheWalkGoesOn() throws IOException {
    Path broken = write("broken.alloy", "loki.write \"default\" {\n  endpoint { url = }\n}\n");
    Path java = write("AlloyTest.java", "package a;\nclass AlloyTest {\n  String s = \"\"\"\n"
        + "loki.write \"default\" {\n  endpoint { url = \"x\" }\n}\n\"\"\";\n}\n");
    Path dump = write("app.prom", "# HELP x h\n# TYPE x gauge\nx 1\n");
    LintEngine.Options options = new LintEngine.Options(Optional.empty(), ReadOptions.DEFAULTS,
        DecompressionLimits.DEFAULTS, TODAY, Optional.empty());
    List<LintEngine.Input> walked = new ArrayList<>();
    for (Path f : List.of(broken, java, dump)) {
      walked.add(new LintEngine.Input(InputSource.file(f), false, Optional.empty()));
    }
    LintResult r = new LintEngine(LintConfig.defaults(), new dev.promotel.lint.source.SourceLinter(),
        options, notes::add).run(walked);
    assertThat(r.findings()).singleElement().satisfies(x -> {
      assertThat(x.finding().ruleId()).isEqualTo("cfg/parse-error");
      assertThat(x.finding().severity()).isEqualTo(Severity.ERROR);
      assertThat(x.finding().position().toString()).isEqualTo(broken + ":2:20");
      assertThat(x.finding().message()).contains("alloy config does not parse");
    });
    assertThat(notes).anyMatch(n -> n.contains("AlloyTest.java: skipped"));

    List<LintEngine.Input> named = List.of(new LintEngine.Input(InputSource.file(broken), true, Optional.empty()));
    assertThatThrownBy(() -> new LintEngine(LintConfig.defaults(), new dev.promotel.lint.source.SourceLinter(),
        options, notes::add).run(named)).isInstanceOf(ConfigException.class).hasMessageContaining(":2:");
  }

  @Test
  void aConfigSwitchesRulesOffChangesSeverityAndOverridesByPath() throws IOException {
    Path a = write("a.prom", "# TYPE x gauge\nx 1\n");
    Path b = write("legacy.prom", "# TYPE x gauge\nx 1\n");
    LintConfig config = config("rules:\n  dump/missing-help: {severity: error}\n"
        + "overrides:\n  - match: {path: \"**/legacy.prom\"}\n    rules: {dump/missing-help: {severity: off}}\n");
    LintResult r = run(config, Optional.empty(), a, b);
    assertThat(r.findings()).extracting(x -> x.finding().ruleId() + " " + x.finding().severity()
        + " " + x.finding().position().source().endsWith("a.prom"))
        .containsExactly("dump/missing-help ERROR true");
  }

  @Test
  void anUnknownRuleIdInTheConfigIsAPositionedConfigError() {
    assertThatThrownBy(() -> config("rules:\n  name/counter-totl: {severity: off}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(".promotel-lint.yaml:2:3")
        .hasMessageContaining("unknown rule id \"name/counter-totl\" (did you mean \"name/counter-total\"?)");
  }

  @Test
  void aBadSeverityAndAnUnknownKeyAreConfigErrors() {
    assertThatThrownBy(() -> config("rules:\n  dump/untyped: {severity: loud}\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("expected a severity");
    assertThatThrownBy(() -> config("rulez: {}\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key \"rulez\"");
  }

  @Test
  void aSuppressionWithAReasonHidesTheFindingOnItsLine() throws IOException {
    Path cfg = write("c.yaml", "fake: 1\nbad  # promotel-lint disable=fake/rule reason=\"known\"\n");
    LintResult r = run(cfg);
    assertThat(r.findings()).singleElement().satisfies(x -> {
      assertThat(x.active()).isFalse();
      assertThat(x.suppressed().get().justification()).isEqualTo("known");
    });
    assertThat(r.fails(Optional.of(Severity.INFO))).isFalse();
  }

  @Test
  void aStandaloneOrNextLineSuppressionCoversTheNextNonCommentLine() throws IOException {
    Path cfg = write("c.yaml", "fake: 1\n# promotel-lint disable-next-line=fake/rule reason=\"r\"\n# other\nbad\nbad\n");
    LintResult r = run(cfg);
    assertThat(r.findings()).extracting(x -> x.finding().position().line() + " " + x.active())
        .containsExactly("4 false", "5 true");
  }

  @Test
  void aFileSuppressionInADumpCoversTheWholeDump() throws IOException {
    Path dump = write("d.prom", "# promotel-lint disable-file=dump/untyped,dump/missing-help reason=\"legacy\"\nx 1\ny 1\n");
    LintResult r = run(dump);
    assertThat(r.findings()).hasSize(4).allMatch(x -> !x.active());
  }

  @Test
  void aNextLineSuppressionInADumpCoversTheFollowingSample() throws IOException {
    Path dump = write("d.prom", "# HELP x h\n# TYPE x gauge\n# promotel-lint disable-next-line=labels/empty-value reason=\"r\"\nx{a=\"\"} 1\n");
    LintResult r = run(dump);
    assertThat(r.findings()).singleElement().satisfies(x -> assertThat(x.active()).isFalse());
  }

  @Test
  void aNextLineSuppressionCoversACamelCaseLabelReportedWhenTheNextFamilyStarts() throws IOException {
    Path dump = write("l.prom", "# HELP a A.\n# TYPE a gauge\n"
        + "# promotel-lint disable-next-line=name/snake-case reason=\"legacy\"\n"
        + "a{fooBar=\"1\"} 1\na{fooBar=\"2\"} 1\n# HELP b B.\n# TYPE b gauge\nb 1\n");
    LintResult r = run(dump);
    assertThat(r.findings()).extracting(x -> x.finding().ruleId() + "@" + x.finding().position().line()
        + " " + x.active()).containsExactly("name/snake-case@4 false");
  }

  @Test
  void badSuppressionsAreFindingsAndDoNotSuppress() throws IOException {
    Path cfg = write("c.yaml", "fake: 1\n"
        + "bad  # promotel-lint disable=fake/rule\n"
        + "bad  # promotel-lint disable=fake/rul reason=\"typo\"\n"
        + "bad  # promotel-lint disable=fake/rule reason=\"old\" until=2026-01-31\n"
        + "good # promotel-lint disable=fake/rule reason=\"nothing here\" until=2027-01-01\n");
    LintResult r = run(cfg);
    assertThat(r.findings()).extracting(x -> x.finding().position().line() + " " + x.finding().ruleId()
        + " " + x.active()).containsExactly(
            "2 lint/bad-suppression true", "2 fake/rule true",
            "3 lint/bad-suppression true", "3 fake/rule true",
            "4 lint/bad-suppression true", "4 fake/rule true",
            "5 lint/bad-suppression true");
    assertThat(r.findings()).extracting(x -> x.finding().message()).filteredOn(m -> m.startsWith("suppression"))
        .satisfiesExactly(
            m -> assertThat(m).contains("has no reason"),
            m -> assertThat(m).contains("unknown rule id \"fake/rul\" (did you mean \"fake/rule\"?)"),
            m -> assertThat(m).contains("expired on 2026-01-31").contains("reported again"),
            m -> assertThat(m).contains("no such finding"));
  }

  @Test
  void aLockedRuleCannotBeSuppressedInline() throws IOException {
    Path cfg = write("c.yaml", "fake: 1\nbad  # promotel-lint disable=fake/rule reason=\"r\"\n");
    LintResult r = run(config("rules:\n  fake/rule: {locked: true}\n"), Optional.empty(), cfg);
    assertThat(active(r)).containsExactly("lint/bad-suppression", "fake/rule");
  }

  @Test
  void aBaselineAcceptsKnownFindingsByRulePathAndSubjectAndReportsStaleEntries() throws IOException {
    Path dump = write("d.prom", "# TYPE x gauge\nx 1\n");
    LintResult first = run(dump);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Baseline.write(first, out);
    // The finding moves down two lines: still the same baseline entry.
    Files.writeString(dump, "\n\n# TYPE x gauge\nx 1\n# HELP y h\n# TYPE y gauge\ny 1\n");
    Path file = write("baseline.json", out.toString().replace("]", ",{\"rule\":\"dump/untyped\","
        + "\"path\":\"gone.prom\",\"subject\":\"z\"}]"));
    LintResult second = run(LintConfig.defaults(), Optional.of(Baseline.read(file)), dump);
    assertThat(second.findings()).extracting(x -> x.finding().ruleId() + " " + x.active())
        .containsExactlyInAnyOrder("dump/missing-help false", "lint/stale-baseline true");
    assertThat(second.findings()).filteredOn(LintResult.Reported::active).singleElement()
        .satisfies(x -> assertThat(x.finding().message()).contains("gone.prom"));
  }

  @Test
  void anInvalidBaselineIsAPositionedConfigError() throws IOException {
    Path file = write("b.json", "{\"entries\": [ {\"rule\": \"x\"} ]}");
    assertThatThrownBy(() -> Baseline.read(file)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("\"path\" in every entry");
  }

  @Test
  void aBaselineThatIsNotJsonIsAPlainPositionedErrorWithoutParserInternals() throws IOException {
    Path truncated = write("t.json", "{\"version\": 1, \"entries\": [\n");
    assertThatThrownBy(() -> Baseline.read(truncated)).isInstanceOf(ConfigException.class)
        .hasMessage(truncated + ":1:27: expected a promotel lint baseline (JSON): unexpected end of"
            + " input: the array opened here is never closed")
        .hasMessageNotContaining("Source").hasMessageNotContaining("StreamReadFeature");
    Path garbage = write("g.json", "{\"version\": 1 x");
    assertThatThrownBy(() -> Baseline.read(garbage)).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(garbage + ":1:15: ").hasMessageNotContaining("Source");
  }

  @Test
  void failOnDecidesFromTheHighestActiveSeverity() throws IOException {
    LintResult r = run(write("d.prom", "# TYPE x gauge\nx 1\n"));
    assertThat(r.fails(Optional.of(Severity.ERROR))).isFalse();
    assertThat(r.fails(Optional.of(Severity.WARNING))).isTrue();
    assertThat(r.fails(Optional.empty())).isFalse();
  }

  @Test
  void discoveryWalksUpToTheRepositoryRoot() throws IOException {
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo.resolve(".git"));
    Files.createDirectories(repo.resolve("a/b"));
    assertThat(LintConfig.discover(repo.resolve("a/b"))).isEmpty();
    Files.writeString(repo.resolve(".promotel-lint.yaml"), "version: 1\n");
    assertThat(LintConfig.discover(repo.resolve("a/b"))).contains(repo.resolve(".promotel-lint.yaml").toAbsolutePath());
  }

  @Test
  void theConfigReadsIdentityThresholdsAndInputs() throws IOException {
    LintConfig c = config("version: 1\nidentity:\n  required: [namespace]\n  valueAliases: {env: {production: [prod]}}\n"
        + "thresholds: {familySeries: {warning: 5, error: 50}, expositionSeries: 7}\n"
        + "inputs:\n  metrics: [{path: \"dumps/*.prom\"}]\n  logs: [{path: \"promtail.yaml\", kind: promtail}]\n"
        + "failOn: warning\nbaseline: b.json\n");
    assertThat(c.context().identity().required()).containsExactly("namespace");
    assertThat(c.context().thresholds().familySeriesWarning()).isEqualTo(5);
    assertThat(c.context().thresholds().expositionSeries()).isEqualTo(7);
    assertThat(c.inputs()).extracting(LintConfig.Input::glob).containsExactly("dumps/*.prom", "promtail.yaml");
    assertThat(c.failOn()).contains("warning");
    assertThat(c.baseline()).contains("b.json");
    assertThat(LintEngine.ruleIds(fake)).contains("fake/rule", "dump/parse-error");
    assertThat(Set.copyOf(LintEngine.kinds(fake))).contains("prom", "fake");
  }

  @Test
  void alloyStyleSlashCommentsSuppressToo() throws IOException {
    Path cfg = write("c.alloy", "fake: 1\nbad  // promotel-lint disable=fake/rule reason=\"alloy\"\n");
    LintResult r = run(cfg);
    assertThat(r.findings()).singleElement().satisfies(x -> assertThat(x.active()).isFalse());
  }

  @Test
  void baselinePathsMatchWithOrWithoutALeadingDotSlash() throws IOException {
    Finding f = new Finding("dump/untyped", Severity.INFO,
        dev.promotel.format.SourcePosition.text("./dumps/a.prom", 3, 1), "x", "m");
    Path file = write("b.json", "{\"version\":1,\"entries\":[{\"rule\":\"dump/untyped\","
        + "\"path\":\"dumps/a.prom\",\"subject\":\"x\"}]}");
    Baseline baseline = Baseline.read(file);
    assertThat(baseline.absorb(f)).isTrue();
    assertThat(baseline.absorb(f)).isFalse();
    assertThat(baseline.stale()).isEmpty();
  }
}
