package dev.promotel.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root command: global options every subcommand inherits ({@code --color}, {@code -q}, {@code
 * -v}, {@code --debug}) and {@code --version}. Subcommands are registered by {@link CommandTree},
 * only the invoked one when that can be told from the arguments, to keep start-up short.
 *
 * <p>{@code -q} and {@code -v} exclude each other. picocli 4.7 cannot inherit an {@code @ArgGroup}
 * into subcommands, so the exclusion is checked in {@link #settings()} instead.
 */
@Command(
    name = "promotel",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    synopsisSubcommandLabel = "COMMAND",
    description = "Convert, rename, filter, lint and validate Prometheus and OpenTelemetry metrics.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  curl -s localhost:9100/metrics | promotel convert --to om > scrape.om",
      "  promotel validate scrape.om",
      "  promotel formats",
      "  source <(promotel completion bash)"
    })
public final class PromotelCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  final StandardStreams std;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      defaultValue = "auto",
      scope = ScopeType.INHERIT,
      completionCandidates = ColorMode.Candidates.class,
      description = "Colour diagnostics: auto (only on a terminal, not with NO_COLOR or TERM=dumb), always, never.")
  ColorMode color = ColorMode.AUTO;

  @Option(
      names = {"-q", "--quiet"},
      scope = ScopeType.INHERIT,
      description = "Print nothing on stderr but errors (no loss summary, no progress).")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Print more detail on stderr; repeat (-vv) for more.")
  boolean[] verbose = new boolean[0];

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces with errors.")
  boolean debug;

  PromotelCommand(StandardStreams std) {
    this.std = std;
  }

  /** For tools that instantiate commands reflectively (man page and completion generators). */
  PromotelCommand() {
    this(StandardStreams.system());
  }

  /** The global settings after parsing; a usage error when {@code -q} and {@code -v} are both given. */
  GlobalSettings settings() {
    if (quiet && verbose.length > 0) {
      throw new ParameterException(
          spec.commandLine(), "Error: --quiet and --verbose are mutually exclusive");
    }
    return new GlobalSettings(
        quiet ? -1 : verbose.length,
        debug,
        color.enabled(std.env(), std.tty(), 2),
        std);
  }

  @Override
  public Integer call() {
    // "promotel" alone: show what there is to do, as a usage error (no command was given).
    spec.commandLine().usage(std.err());
    return ExitCodes.USAGE;
  }
}
