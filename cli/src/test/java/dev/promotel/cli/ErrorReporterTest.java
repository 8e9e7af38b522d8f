package dev.promotel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.MetricParseException;
import dev.promotel.format.SourcePosition;
import dev.promotel.io.PromotelIOException;
import dev.promotel.yaml.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The mapping of exceptions to messages and exit codes, one documented code per test. */
class ErrorReporterTest {
  private final StringWriter err = new StringWriter();

  private CommandLine parsed(String... args) {
    StandardStreams std = StandardStreams.of(
        InputStream.nullInputStream(), new ByteArrayOutputStream(), new PrintWriter(err, true), Map.of());
    CommandLine cl = CommandTree.full(std);
    cl.parseArgs(args);
    return cl;
  }

  private static MetricParseException parseError() {
    return new MetricParseException(
        SourcePosition.text("scrape.om", 3, 9), "expected a value, got '}'", "http{a=\"b\"} }");
  }

  @Test
  void invalidInputExits3InCompilerStyleWithTheLineAndACaretButNoStackTrace() {
    CommandLine cl = parsed("convert");

    int code = new ErrorReporter().handleExecutionException(parseError(), cl, null);

    assertThat(code).isEqualTo(3);
    assertThat(err.toString())
        .isEqualTo("scrape.om:3:9: error: expected a value, got '}'\n  http{a=\"b\"} }\n          ^\n")
        .doesNotContain("\tat ");
  }

  @Test
  void aBadConfigOrRulesFileExits2InTheSameCompilerStyle() {
    CommandLine cl = parsed("convert");
    ConfigException bad = new ConfigException(
        SourcePosition.text("relabel.yml", 2, 11), "unknown action \"repalce\"", "  action: repalce");

    int code = new ErrorReporter().handleExecutionException(bad, cl, null);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).isEqualTo(
        "relabel.yml:2:11: error: unknown action \"repalce\"\n    action: repalce\n            ^\n");
  }

  @Test
  void invalidInputUnderDebugAlsoPrintsTheStackTrace() {
    CommandLine cl = parsed("--debug", "convert");

    new ErrorReporter().handleExecutionException(parseError(), cl, null);

    assertThat(err.toString())
        .startsWith("scrape.om:3:9: error: expected a value")
        .contains("MetricParseException", "\tat ");
  }

  @Test
  void anIoErrorExits4() {
    int code = new ErrorReporter()
        .handleExecutionException(new NoSuchFileException("a.prom"), parsed("convert"), null);

    assertThat(code).isEqualTo(4);
    assertThat(err.toString()).isEqualTo("promotel: error: a.prom: no such file\n");
  }

  @Test
  void anIoLayerErrorExitsWithTheCodeItCarries() {
    int corrupt = new ErrorReporter().handleExecutionException(
        new PromotelIOException("dump.gz: corrupt gzip data: invalid block type",
            PromotelIOException.EXIT_INVALID_INPUT),
        parsed("convert"), null);
    int missing = new ErrorReporter().handleExecutionException(
        new PromotelIOException("a.prom: no such file", PromotelIOException.EXIT_IO),
        parsed("convert"), null);

    assertThat(corrupt).isEqualTo(3);
    assertThat(missing).isEqualTo(4);
    assertThat(err.toString())
        .isEqualTo("promotel: error: dump.gz: corrupt gzip data: invalid block type\n"
            + "promotel: error: a.prom: no such file\n");
  }

  @Test
  void aBrokenPipeReportedByTheOutputLayerIsAlsoSilent() {
    int code = new ErrorReporter().handleExecutionException(
        new PromotelIOException("<stdout>: Broken pipe", PromotelIOException.EXIT_IO,
            new IOException("Broken pipe")),
        parsed("convert"), null);

    assertThat(code).isEqualTo(4);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void anExitExceptionCarriesItsOwnCode() {
    int code = new ErrorReporter().handleExecutionException(
        new ExitException(ExitCodes.USAGE, "--framing needs --to otlp-pb"), parsed("convert"), null);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("promotel: error: --framing needs --to otlp-pb\n");
  }

  @Test
  void anythingElseIsAnInternalError70WithAHintToRerunWithDebug() {
    int code = new ErrorReporter()
        .handleExecutionException(new IllegalStateException("boom"), parsed("formats"), null);

    assertThat(code).isEqualTo(70);
    assertThat(err.toString())
        .isEqualTo("promotel: internal error: java.lang.IllegalStateException: boom"
            + " (rerun with --debug for the stack trace)\n");
  }

  @Test
  void anInternalErrorUnderDebugPrintsTheStackTrace() {
    new ErrorReporter()
        .handleExecutionException(new IllegalStateException("boom"), parsed("--debug", "formats"), null);

    assertThat(err.toString()).contains("IllegalStateException: boom", "\tat ");
  }

  @Test
  void aBrokenPipeOnStdoutExits4Silently() {
    int code = new ErrorReporter()
        .handleExecutionException(new IOException("Broken pipe"), parsed("convert"), null);

    assertThat(code).isEqualTo(4);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void colourWrapsTheErrorLabelOnlyWhenAskedFor() {
    new ErrorReporter()
        .handleExecutionException(new NoSuchFileException("a"), parsed("--color=always", "convert"), null);

    assertThat(err.toString()).startsWith("promotel: \u001b[1;31merror\u001b[0m: a: no such file");
  }
}
