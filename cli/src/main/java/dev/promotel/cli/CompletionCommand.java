package dev.promotel.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code promotel completion bash|zsh|fish}: prints the completion script for a shell. */
@Command(
    name = "completion",
    description = "Print a shell completion script (bash, zsh or fish).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  source <(promotel completion bash)",
      "  promotel completion zsh > ~/.zfunc/_promotel",
      "  promotel completion fish > ~/.config/fish/completions/promotel.fish"
    })
final class CompletionCommand implements Callable<Integer> {
  @ParentCommand PromotelCommand root;
  @Mixin HelpOption help;

  @Parameters(
      paramLabel = "SHELL",
      converter = CompletionScripts.ShellConverter.class,
      completionCandidates = CompletionScripts.ShellNames.class,
      description = "The shell: ${COMPLETION-CANDIDATES}.")
  CompletionScripts.Shell shell;

  @Override
  public Integer call() {
    root.settings();
    root.std.outText().print(CompletionScripts.script(shell));
    root.std.outText().flush();
    return ExitCodes.OK;
  }
}
