package dev.promotel.cli;

import dev.promotel.format.Format;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Inputs of a data command: {@code INPUT...} ({@code -} or none is stdin) and {@code --from}. */
final class InputOptions {
  @Parameters(
      paramLabel = "INPUT",
      arity = "0..*",
      description = "Input file, or - for stdin (the default); gzip and zstd are detected from content.")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = {"-f", "--from"},
      paramLabel = "FORMAT",
      converter = OptionTypes.FormatConverter.class,
      completionCandidates = OptionTypes.FormatIds.class,
      description = "Input format (${COMPLETION-CANDIDATES}); detected from content when omitted.")
  Format from;

  List<String> inputsOrStdin() {
    return inputs.isEmpty() ? List.of("-") : inputs;
  }
}
