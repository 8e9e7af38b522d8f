package dev.promotel.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds the picocli command tree with the conventions every command shares: the exit code list in
 * its help, case-insensitive values, the error handlers. Building a command's model is most of
 * picocli's start-up cost, so {@link #forArgs} registers only the subcommand the arguments name
 * (all of them when none can be told, e.g. for {@code --help} or a misspelt command, so help and
 * "did you mean" stay complete).
 */
final class CommandTree {
  /** Subcommands in help order. */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("convert", ConvertCommand::new);
    SUBCOMMANDS.put("rename", RenameCommand::new);
    SUBCOMMANDS.put("temporality", TemporalityCommand::new);
    SUBCOMMANDS.put("filter", FilterCommand::new);
    SUBCOMMANDS.put("lint", LintCommand::new);
    SUBCOMMANDS.put("validate", ValidateCommand::new);
    SUBCOMMANDS.put("formats", FormatsCommand::new);
    SUBCOMMANDS.put("rules", RulesCommand::new);
    SUBCOMMANDS.put("completion", CompletionCommand::new);
  }

  private CommandTree() {}

  /** The whole tree: for help, completion scripts and man pages. */
  static CommandLine full(StandardStreams std) {
    CommandLine root = new CommandLine(new PromotelCommand(std));
    for (Map.Entry<String, Supplier<Object>> e : SUBCOMMANDS.entrySet()) {
      root.addSubcommand(e.getKey(), e.getValue().get());
    }
    return configure(root, std, ColorMode.NEVER);
  }

  /** The tree {@code args} need: the root plus the named subcommand, or everything. */
  static CommandLine forArgs(StandardStreams std, String... args) {
    String named = subcommandName(args);
    CommandLine root;
    if (named == null && asksOnlyForVersion(args)) {
      // --version needs no subcommand models.
      root = new CommandLine(new PromotelCommand(std));
    } else if (named == null) {
      root = full(std);
    } else {
      root = new CommandLine(new PromotelCommand(std));
      root.addSubcommand(named, SUBCOMMANDS.get(named).get());
    }
    return configure(root, std, ColorMode.fromArgs(args));
  }

  /** The first argument that is not a global option, if it names a subcommand. */
  static String subcommandName(String... args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--color")) {
        i++;
      } else if (!a.startsWith("-") || a.equals("-")) {
        return SUBCOMMANDS.containsKey(a) ? a : null;
      } else if (!isGlobalOption(a)) {
        return null;
      }
    }
    return null;
  }

  private static boolean asksOnlyForVersion(String... args) {
    boolean version = false;
    for (String a : args) {
      if (a.equals("--version") || a.equals("-V")) version = true;
      else if (a.equals("-h") || a.equals("--help")) return false;
    }
    return version;
  }

  private static boolean isGlobalOption(String a) {
    return a.startsWith("--color=") || a.equals("--debug") || a.equals("--quiet")
        || a.equals("--verbose") || a.matches("-[qv]+");
  }

  private static CommandLine configure(CommandLine root, StandardStreams std, ColorMode color) {
    ErrorReporter errors = new ErrorReporter();
    Help.Ansi ansi = color.enabled(std.env(), std.tty(), 1) ? Help.Ansi.ON : Help.Ansi.OFF;
    root.setCaseInsensitiveEnumValuesAllowed(true);
    root.setOut(std.outText());
    root.setErr(std.err());
    root.setColorScheme(Help.defaultColorScheme(ansi));
    root.setExecutionExceptionHandler(errors);
    root.setParameterExceptionHandler(errors);
    root.setExitCodeExceptionMapper(errors);
    applyHelpConventions(root.getCommandSpec());
    return root;
  }

  private static void applyHelpConventions(CommandSpec spec) {
    spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
    spec.usageMessage().exitCodeList(ExitCodes.list());
    spec.usageMessage().sortOptions(false);
    for (CommandLine sub : spec.subcommands().values()) applyHelpConventions(sub.getCommandSpec());
  }
}
