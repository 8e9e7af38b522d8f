package dev.promotel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code promotel lint} end to end: outputs, exit codes 0/1/2 with --fail-on, config, baseline. */
class LintEndToEndTest {
  private static final String CLEAN = "# HELP http_requests_total Requests.\n"
      + "# TYPE http_requests_total counter\nhttp_requests_total{code=\"200\"} 1\n";
  private static final String WARNS = "# HELP http_requests Requests.\n# TYPE http_requests counter\n"
      + "http_requests{code=\"200\"} 1\n";

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void aCleanDumpExits0AndSaysSo() throws IOException {
    Cli cli = Cli.run("lint", write("ok.prom", CLEAN).toString());
    assertThat(cli.exitCode).isZero();
    assertThat(cli.out).isEqualTo("no findings: 0 errors, 0 warnings, 0 info in 1 file\n");
  }

  @Test
  void failOnDecidesTheExitCode() throws IOException {
    String in = write("w.prom", WARNS).toString();
    Cli byDefault = Cli.run("lint", in);
    assertThat(byDefault.exitCode).isZero();
    assertThat(byDefault.out).contains("w.prom:1:1: warning: counter http_requests should have the"
        + " \"_total\" suffix", "[name/counter-total]", "1 finding: 0 errors, 1 warning, 0 info");
    assertThat(Cli.run("lint", "--fail-on", "warning", in).exitCode).isEqualTo(1);
    assertThat(Cli.run("lint", "--fail-on", "info", in).exitCode).isEqualTo(1);
    assertThat(Cli.run("lint", "--fail-on", "none", in).exitCode).isZero();
    Cli bad = Cli.run("lint", "--fail-on", "loud", in);
    assertThat(bad.exitCode).isEqualTo(2);
    assertThat(bad.err).contains("--fail-on expects error, warning, info or none");
  }

  @Test
  void aDumpThatDoesNotParseIsAnErrorFindingAndExits1() throws IOException {
    Cli cli = Cli.run("lint", write("bad.prom", "x{a=\"1\" 1\n").toString());
    assertThat(cli.exitCode).isEqualTo(1);
    assertThat(cli.out).contains("bad.prom:1:9: error:", "[dump/parse-error]");
  }

  @Test
  void aLintConfigWithAnUnknownRuleExits2WithItsPosition() throws IOException {
    Path config = write("lint.yaml", "rules:\n  name/nope: {severity: off}\n");
    Cli cli = Cli.run("lint", "--config", config.toString(), write("ok.prom", CLEAN).toString());
    assertThat(cli.exitCode).isEqualTo(2);
    assertThat(cli.err).contains("lint.yaml:2:3: error: unknown rule id \"name/nope\"");
  }

  @Test
  void unparseableYamlInTheLintConfigExits2WithItsPosition() throws IOException {
    Path config = write("lint.yaml", "rules: [a\n");
    Cli cli = Cli.run("lint", "--config", config.toString(), write("ok.prom", CLEAN).toString());
    assertThat(cli.exitCode).isEqualTo(2);
    assertThat(cli.err).containsPattern("lint.yaml:\\d+:\\d+: error:");
  }

  @Test
  void theConfigCanTurnARuleOffAndSetFailOn() throws IOException {
    Path config = write("lint.yaml", "failOn: warning\nrules:\n  name/counter-total: {severity: off}\n");
    String in = write("w.prom", WARNS).toString();
    Cli off = Cli.run("lint", "--config", config.toString(), in);
    assertThat(off.exitCode).isZero();
    assertThat(off.out).startsWith("no findings");
    Path config2 = write("lint2.yaml", "failOn: warning\n");
    assertThat(Cli.run("lint", "--config", config2.toString(), in).exitCode).isEqualTo(1);
  }

  @Test
  void listRulesShowsTheDumpAndConfigRules() {
    Cli cli = Cli.run("lint", "--list-rules");
    assertThat(cli.exitCode).isZero();
    assertThat(cli.out).containsPattern("(?m)^dump/parse-error +error +D +The dump does not parse");
    assertThat(cli.out).contains("name/counter-total", "card/dominant-label", "lint/bad-suppression",
        "xsrc/missing-identity-label");
  }

  @Test
  void formatAndOutputWriteSeveralReports() throws IOException {
    Path sarif = dir.resolve("out/lint.sarif");
    Files.createDirectories(sarif.getParent());
    Path checkstyle = dir.resolve("out/cs.xml");
    Cli cli = Cli.run("lint", "--format", "json", "--output", "sarif=" + sarif,
        "--output", "checkstyle=" + checkstyle, write("w.prom", WARNS).toString());
    assertThat(cli.exitCode).isZero();
    assertThat(cli.out).contains("\"ruleId\" : \"name/counter-total\"", "\"warning\" : 1");
    assertThat(Files.readString(sarif)).contains("\"version\" : \"2.1.0\"", "promotelSubject/v1");
    assertThat(Files.readString(checkstyle)).contains("source=\"name/counter-total\"");
    Cli bad = Cli.run("lint", "--output", "sarif", write("x.prom", CLEAN).toString());
    assertThat(bad.exitCode).isEqualTo(2);
    assertThat(Cli.run("lint", "--format", "html", write("y.prom", CLEAN).toString()).exitCode).isEqualTo(2);
  }

  @Test
  void aBaselineAcceptsTodaysFindingsSoOnlyNewOnesFail() throws IOException {
    String in = write("w.prom", WARNS).toString();
    Path baseline = dir.resolve("baseline.json");
    Cli update = Cli.run("lint", "--baseline", baseline.toString(), "--update-baseline", in);
    assertThat(update.exitCode).isZero();
    assertThat(update.err).contains("wrote 1 entries to " + baseline);
    Cli again = Cli.run("lint", "--fail-on", "warning", "--baseline", baseline.toString(), in);
    assertThat(again.exitCode).isZero();
    assertThat(again.out).contains("no findings", "(1 suppressed)");
    Files.writeString(Path.of(in), WARNS + "# TYPE y gauge\ny 1\n");
    assertThat(Cli.run("lint", "--fail-on", "warning", "--baseline", baseline.toString(), in).exitCode)
        .isEqualTo(1);
    Cli missing = Cli.run("lint", "--baseline", dir.resolve("nope.json").toString(), in);
    assertThat(missing.exitCode).isEqualTo(2);
    assertThat(missing.err).contains("no such baseline");
  }

  @Test
  void directoriesAreWalkedAndFilesThatAreNeitherDumpsNorConfigsSkipped() throws IOException {
    write("repo/dumps/app.prom", WARNS);
    write("repo/README.md", "# Notes\n\nnothing: here\n");
    write("repo/.hidden/x.prom", WARNS);
    Cli cli = Cli.run("-v", "lint", dir.resolve("repo").toString());
    assertThat(cli.exitCode).isZero();
    assertThat(cli.out).contains("app.prom:1:1: warning", "in 1 file");
    assertThat(cli.err).contains("README.md: skipped");
  }

  @Test
  void aSourceTreeIsLintedWithoutAUsageErrorAndAConfigThatDoesNotParseIsAFinding() throws IOException {
    String alloy = "loki.write \"default\" {\n  endpoint { url = \"x\" }\n}\n";
    write("repo/src/AlloyTest.java", "package a;\nclass AlloyTest {\n  String s = \"\"\"\n" + alloy
        + "\"\"\";\n}\n");
    write("repo/main.go", "package main\n\n" + alloy);
    write("repo/docs/alloy.md", "# Alloy\n\n" + alloy);
    write("repo/help.txt", "Usage: promotel lint [INPUT...]\n");
    Files.write(dir.resolve("repo/app.jar"), new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 8, 0});
    write("repo/broken.alloy", "loki.write \"default\" {\n  endpoint { url = }\n}\n");
    write("repo/dumps/app.prom", CLEAN);
    Cli cli = Cli.run("-v", "lint", dir.resolve("repo").toString());
    assertThat(cli.exitCode).as(cli.err).isEqualTo(1);
    assertThat(cli.out).contains("broken.alloy:2:20: error: this alloy config does not parse",
        "[cfg/parse-error]", "in 2 files");
    assertThat(cli.err).contains("AlloyTest.java: skipped", "main.go: skipped", "alloy.md: skipped",
        "help.txt: skipped", "app.jar: skipped");

    Cli named = Cli.run("lint", dir.resolve("repo/broken.alloy").toString());
    assertThat(named.exitCode).isEqualTo(2);
    assertThat(named.err).contains("broken.alloy:2:20: error:");
  }

  @Test
  void theRepositorysOwnLintSourcesAreLintedWithoutAUsageError() {
    // The test sources quote Alloy, Prometheus and Promtail configs in text blocks.
    Cli cli = Cli.run("lint", "--fail-on", "none", "../converters/src/test/java/dev/promotel/lint");
    assertThat(cli.exitCode).as(cli.err).isZero();
    assertThat(cli.err).isEmpty();
  }

  @Test
  void twoReportsOnStdoutAreRefused() throws IOException {
    String in = write("w.prom", WARNS).toString();
    Cli cli = Cli.run("lint", "--format", "sarif", "--output", "github=-", in);
    assertThat(cli.exitCode).isEqualTo(2);
    assertThat(cli.out).isEmpty();
    assertThat(cli.err).contains("--output github=- would write a second report to stdout");
    Cli same = Cli.run("lint", "--output", "sarif=" + dir.resolve("a"), "--output", "json=" + dir.resolve("a"), in);
    assertThat(same.exitCode).isEqualTo(2);
    assertThat(same.err).contains("two reports to");
  }

  @Test
  void theReadmeSarifCommandWritesValidSarifAndGithubAnnotations() throws IOException {
    Path sarif = dir.resolve("lint.sarif");
    Cli cli = Cli.run("lint", "--format", "github", "--output", "sarif=" + sarif, "../samples/lint/");
    assertThat(cli.exitCode).as(cli.err).isEqualTo(1);
    assertThat(cli.out).startsWith("::");
    int results = 0;
    try (var parser = new com.fasterxml.jackson.core.JsonFactory().createParser(sarif.toFile())) {
      // Reading to the end proves it is one JSON document; count the results' rule ids.
      for (var t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME && parser.currentName().equals("ruleId")) {
          results++;
        }
      }
    }
    assertThat(results).isEqualTo(4);
    assertThat(Files.readString(sarif)).contains("\"version\" : \"2.1.0\"");
  }

  @Test
  void kindPrometheusIsThePrometheusConfigNotTheTextFormat() throws IOException {
    String in = write("conf.txt", "global:\n  scrape_interval: 15s\nscrape_configs:\n"
        + "  - job_name: app\n    static_configs:\n      - targets: [\"a:9100\"]\n").toString();
    Cli cli = Cli.run("-v", "lint", "--kind", "prometheus", in);
    assertThat(cli.out).doesNotContain("dump/parse-error");
    assertThat(cli.exitCode).as(cli.out + cli.err).isZero();
    Cli asProm = Cli.run("lint", "--kind", "prom", in);
    assertThat(asProm.out).contains("[dump/parse-error]");
  }

  @Test
  void aDumpOnStdinIsLintedWithDash() {
    Cli cli = Cli.runWithStdin(WARNS, "lint", "--fail-on", "warning", "-");
    assertThat(cli.exitCode).isEqualTo(1);
    assertThat(cli.out).contains("<stdin>:1:1: warning");
  }

  @Test
  void theGithubFormatWritesTheStepSummaryNamedInTheEnvironment() throws IOException {
    Path summary = dir.resolve("summary.md");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    StandardStreams std = StandardStreams.of(new ByteArrayInputStream(new byte[0]), out,
        new PrintWriter(err, true), Map.of("GITHUB_STEP_SUMMARY", summary.toString()));
    int code = Main.run(std, "lint", "--format", "github", write("w.prom", WARNS).toString());
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("::warning file=");
    assertThat(Files.readString(summary)).contains("### promotel lint", "| warning | 1 |");
  }

  @Test
  void kindForcesHowAnInputIsRead() throws IOException {
    String in = write("scrape.txt", "# HELP up Up.\n# TYPE up gauge\nup 1\n").toString();
    assertThat(Cli.run("lint", in).exitCode).isZero();
    Cli asOm = Cli.run("lint", "--kind", "om", in);
    assertThat(asOm.exitCode).isEqualTo(1);
    assertThat(asOm.out).contains("expected '# EOF' as the last line", "[dump/parse-error]");
    Cli unknown = Cli.run("lint", "--kind", "nagios", in);
    assertThat(unknown.exitCode).isEqualTo(2);
    assertThat(unknown.err).contains("unknown kind \"nagios\"", "promtail");
  }
}
