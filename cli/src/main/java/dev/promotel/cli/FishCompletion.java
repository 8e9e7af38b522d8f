package dev.promotel.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Generates a fish completion script from a {@link CommandSpec}: one {@code complete} line per
 * subcommand and per option, conditioned on the subcommand seen so far. Options with completion
 * candidates complete those; options and positionals of type {@code Path} or {@code String}
 * complete file names; flags take no argument.
 *
 * <p>Example line: {@code complete -c promotel -n '__fish_seen_subcommand_from convert' -s t -l
 * to -d 'Output format ...' -x -a 'prom om'}.
 */
final class FishCompletion {
  private FishCompletion() {}

  static String generate(CommandSpec root) {
    String name = root.name();
    StringBuilder out = new StringBuilder();
    out.append("# fish completion for ").append(name).append(", generated from its command model\n");
    out.append("complete -c ").append(name).append(" -e\n");
    List<String> subcommands = new ArrayList<>(root.subcommands().keySet());
    String noSubcommand =
        "not __fish_seen_subcommand_from " + String.join(" ", subcommands);
    // Files are completed only where a subcommand takes them (INPUT), not before a subcommand.
    out.append("complete -c ").append(name).append(" -n '").append(noSubcommand).append("' -f\n");
    for (OptionSpec option : root.options()) {
      out.append(optionLine(name, noSubcommand, option));
    }
    for (String sub : subcommands) {
      CommandSpec spec = root.subcommands().get(sub).getCommandSpec();
      if (spec.usageMessage().hidden()) continue;
      out.append("complete -c ").append(name).append(" -n '").append(noSubcommand)
          .append("' -a ").append(sub)
          .append(" -d ").append(quote(firstLine(spec.usageMessage().description()))).append('\n');
      String seen = "__fish_seen_subcommand_from " + sub;
      List<String> positionalCandidates = new ArrayList<>();
      boolean files = false;
      for (PositionalParamSpec p : spec.positionalParameters()) {
        if (p.completionCandidates() != null) p.completionCandidates().forEach(positionalCandidates::add);
        else files = true;
      }
      if (!positionalCandidates.isEmpty()) {
        out.append("complete -c ").append(name).append(" -n '").append(seen).append("' -f -a ")
            .append(quote(String.join(" ", positionalCandidates))).append('\n');
      } else if (!files) {
        out.append("complete -c ").append(name).append(" -n '").append(seen).append("' -f\n");
      }
      for (OptionSpec option : spec.options()) {
        if (option.inherited()) continue;
        out.append(optionLine(name, seen, option));
      }
    }
    return out.toString();
  }

  private static String optionLine(String command, String condition, OptionSpec option) {
    StringBuilder line = new StringBuilder("complete -c ").append(command)
        .append(" -n '").append(condition).append("'");
    for (String n : option.names()) {
      if (n.startsWith("--")) line.append(" -l ").append(n.substring(2));
      else if (n.startsWith("-") && n.length() == 2) line.append(" -s ").append(n.charAt(1));
      else line.append(" -o ").append(n.substring(1));
    }
    String description = firstLine(option.description());
    if (!description.isEmpty()) line.append(" -d ").append(quote(description));
    if (option.arity().max() > 0) {
      if (option.completionCandidates() != null) {
        List<String> values = new ArrayList<>();
        option.completionCandidates().forEach(values::add);
        line.append(" -x -a ").append(quote(String.join(" ", values)));
      } else {
        line.append(" -r -F");
      }
    }
    return line.append('\n').toString();
  }

  private static String firstLine(String[] description) {
    if (description.length == 0) return "";
    // ${COMPLETION-CANDIDATES} and ${DEFAULT-VALUE} are help-time variables; fish shows the values anyway.
    return description[0].replaceAll("\\s*\\(?\\$\\{[A-Z-]+\\}\\)?", "").trim();
  }

  private static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
