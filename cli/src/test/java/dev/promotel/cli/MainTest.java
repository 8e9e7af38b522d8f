package dev.promotel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box tests of the command line: exit codes, stdout, stderr. */
class MainTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/help");

  @Test
  void helpOfEveryCommandMatchesItsGoldenFile() throws IOException {
    for (String command : new String[] {"", "convert", "validate", "formats", "completion"}) {
      Cli cli = command.isEmpty() ? Cli.run("--help") : Cli.run(command, "--help");
      Path golden = GOLDEN.resolve((command.isEmpty() ? "promotel" : command) + ".txt");
      if (Boolean.getBoolean("promotel.updateGolden")) {
        Files.createDirectories(GOLDEN);
        Files.writeString(golden, cli.out, StandardCharsets.UTF_8);
      }
      assertThat(cli.exitCode).isZero();
      assertThat(cli.out)
          .as("%s (refresh with -Dpromotel.updateGolden=true)", golden)
          .isEqualTo(Files.readString(golden));
    }
  }

  @Test
  void everyHelpListsTheExitCodesAndExamples() {
    for (String command : new String[] {"convert", "validate", "formats", "completion"}) {
      Cli cli = Cli.run(command, "--help");
      assertThat(cli.out).contains("Exit codes:", "  3    Invalid input data.", "  70   Internal", "Examples:");
    }
  }

  @Test
  void versionPrintsVersionCommitBuildDateAndJava() {
    Cli cli = Cli.run("--version");

    assertThat(cli.exitCode).isZero();
    assertThat(cli.out.lines())
        .hasSize(4)
        .satisfies(lines -> {
          assertThat(lines.get(0)).isEqualTo("promotel " + VersionProvider.version());
          assertThat(lines.get(1)).startsWith("commit:  ");
          assertThat(lines.get(2)).startsWith("built:   ");
          assertThat(lines.get(3)).startsWith("java:    " + System.getProperty("java.version"));
        });
    assertThat(VersionProvider.version()).isNotEqualTo("unknown");
  }

  @Test
  void formatsListsEachFormatWithAliasesExtensionsMediaTypesAndCapabilities() {
    Cli cli = Cli.run("formats");

    assertThat(cli.exitCode).isZero();
    assertThat(cli.err).isEmpty();
    assertThat(cli.out.lines().findFirst()).hasValueSatisfying(h -> assertThat(h).startsWith("ID"));
    assertThat(cli.out)
        .containsPattern("(?m)^prom +prometheus,text +\\.prom,\\.txt,\\.metrics +text/plain; version=0\\.0\\.4")
        .containsPattern("(?m)^om +openmetrics +\\.om,\\.openmetrics +application/openmetrics-text.* exemplars, units");
  }

  @Test
  void noCommandPrintsUsageOnStderrAndExits2() {
    Cli cli = Cli.run();

    assertThat(cli.exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.out).isEmpty();
    assertThat(cli.err).contains("Usage: promotel");
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithAHint() {
    Cli cli = Cli.run("convert", "--frobnicate");

    assertThat(cli.exitCode).isEqualTo(2);
    assertThat(cli.err)
        .contains("promotel: Unknown option: '--frobnicate'")
        .contains("Try 'promotel convert --help' for more information.");
  }

  @Test
  void anUnknownFormatIsAUsageErrorListingTheFormats() {
    Cli cli = Cli.run("convert", "--to", "xml");

    assertThat(cli.exitCode).isEqualTo(2);
    assertThat(cli.err).contains("unknown format 'xml'; expected one of prom, om");
  }

  @Test
  void aMisspeltCommandSuggestsTheRightOne() {
    Cli cli = Cli.run("convrt");

    assertThat(cli.exitCode).isEqualTo(2);
    assertThat(cli.err).contains("convert");
  }

  @Test
  void quietAndVerboseTogetherAreAUsageError() {
    assertThat(Cli.run("-q", "formats", "-v").exitCode).isEqualTo(2);
    assertThat(Cli.run("formats", "-qv").err).contains("--quiet and --verbose are mutually exclusive");
  }

  @Test
  void globalOptionsAreAcceptedBeforeAndAfterTheCommand() {
    assertThat(Cli.run("--color=never", "-v", "formats").exitCode).isZero();
    assertThat(Cli.run("formats", "--color", "always", "--debug").exitCode).isZero();
  }

  @Test
  void aMissingInputIsAnIoErrorWithoutStackTrace(@TempDir Path dir) {
    Cli cli = Cli.run("convert", dir.resolve("missing.prom").toString());

    assertThat(cli.exitCode).isEqualTo(4);
    assertThat(cli.err.strip()).isEqualTo("promotel: error: " + dir.resolve("missing.prom") + ": no such file");
  }

  @Test
  void aDirectoryWithoutFilesAsTheOnlyInputIsAnIoError(@TempDir Path dir) {
    Cli cli = Cli.run("validate", dir.toString());

    assertThat(cli.exitCode).isEqualTo(4);
    assertThat(cli.err.strip()).isEqualTo("promotel: error: " + dir + ": no files to read");
  }

  @Test
  void standardInputNamedTwiceIsAUsageError() {
    Cli cli = Cli.run("convert", "-", "-");

    assertThat(cli.exitCode).isEqualTo(2);
    assertThat(cli.err).contains("standard input ('-') can be read only once");
  }

  @Test
  void anOutputInAMissingDirectoryIsAnIoError(@TempDir Path dir) throws IOException {
    Path input = Files.writeString(dir.resolve("in.prom"), "up 1\n");

    Cli cli = Cli.run("convert", input.toString(), "-o", dir.resolve("no/such/dir/out.prom").toString());

    assertThat(cli.exitCode).isEqualTo(4);
    assertThat(cli.err).startsWith("promotel: error: ");
  }

  @Test
  void aFailedConversionLeavesNoOutputFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("out.prom");

    Cli cli = Cli.run("convert", dir.resolve("missing.prom").toString(), "-o", out.toString());

    assertThat(cli.exitCode).isEqualTo(4);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aFailedConversionKeepsAnExistingOutputFileUntouched(@TempDir Path dir) throws IOException {
    Path out = Files.writeString(dir.resolve("out.prom"), "old\n");

    Cli.run("convert", dir.resolve("missing.prom").toString(), "-o", out.toString());

    assertThat(Files.readString(out)).isEqualTo("old\n");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
  }

  @Test
  void completionPrintsAScriptForEachShell() {
    Cli bash = Cli.run("completion", "bash");
    Cli zsh = Cli.run("completion", "zsh");
    Cli fish = Cli.run("completion", "fish");

    assertThat(bash.exitCode).isZero();
    assertThat(bash.out).contains("complete -F _complete_promotel", "convert", "--om-created-lines");
    assertThat(zsh.exitCode).isZero();
    assertThat(zsh.out).startsWith("#compdef promotel\n").contains("bashcompinit", "_complete_promotel");
    assertThat(fish.exitCode).isZero();
    assertThat(fish.out)
        .contains("complete -c promotel -n '__fish_seen_subcommand_from convert' -s t -l to")
        .contains("-x -a 'prom om otlp-json otlp-jsonl otlp-pb prometheus text openmetrics jsonl otlp"
            + " otlp-proto'")
        .contains("-a validate -d 'Check that inputs conform");
  }

  @Test
  void completionOfAnUnknownShellIsAUsageError() {
    Cli cli = Cli.run("completion", "powershell");

    assertThat(cli.exitCode).isEqualTo(2);
    assertThat(cli.err).contains("unknown shell 'powershell'; expected bash, zsh or fish");
  }

  @Test
  void thePrintWriterEntryPointCapturesOutputAndExitCode() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code = Main.run(new PrintWriter(out), new PrintWriter(err), "formats");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("openmetrics");
    assertThat(err.toString()).isEmpty();
  }
}
