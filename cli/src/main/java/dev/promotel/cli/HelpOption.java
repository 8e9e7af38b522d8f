package dev.promotel.cli;

import picocli.CommandLine.Option;

/** {@code -h/--help} for subcommands ({@code --version} stays on the root). */
final class HelpOption {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;
}
