package dev.promotel.cli;

import dev.promotel.format.Format;
import dev.promotel.io.InputSource;
import dev.promotel.io.PromotelIOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Inputs of a data command: {@code INPUT...} ({@code -} or none is stdin, a directory its files)
 * and {@code --from}.
 */
final class InputOptions {
  @Parameters(
      paramLabel = "INPUT",
      arity = "0..*",
      description =
          "Input file, directory (its files, recursively) or - for stdin (the default);"
              + " gzip, zstd, xz and bzip2 are detected from content.")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = {"-f", "--from"},
      paramLabel = "FORMAT",
      converter = OptionTypes.FormatConverter.class,
      completionCandidates = OptionTypes.FormatConverter.class,
      description = "Input format (${COMPLETION-CANDIDATES}); detected from content when omitted.")
  Format from;

  /**
   * The inputs to read, in order; never empty.
   *
   * @throws PromotelIOException exit 4 for a missing file, exit 2 for {@code -} given twice
   * @throws ExitException exit 4 when the only inputs named are directories without files
   */
  List<InputSource> sources(InputStream stdin) throws PromotelIOException {
    List<InputSource> sources = InputSource.fromArguments(inputs, stdin);
    if (sources.isEmpty()) {
      throw new ExitException(ExitCodes.IO_ERROR, String.join(", ", inputs) + ": no files to read");
    }
    return sources;
  }
}
