package dev.promotel.cli;

import dev.promotel.format.Format;
import dev.promotel.format.NameEscaping;
import dev.promotel.format.WriteOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Output of a data command: {@code --to}, {@code -o}, {@code --compress} and writer choices. */
final class OutputOptions {
  @Option(
      names = {"-t", "--to"},
      paramLabel = "FORMAT",
      converter = OptionTypes.FormatConverter.class,
      completionCandidates = OptionTypes.FormatIds.class,
      description = "Output format (${COMPLETION-CANDIDATES}); default: the input's format.")
  Format to;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE atomically (temporary file, renamed on success); - is stdout (the default).")
  Path output;

  @Option(
      names = "--compress",
      paramLabel = "ALGO",
      converter = OptionTypes.CompressionConverter.class,
      completionCandidates = OptionTypes.CompressionIds.class,
      description = "Compress the output: ${COMPLETION-CANDIDATES}; default: from the -o extension (.gz, .zst), else none.")
  Compression compress;

  @Option(
      names = "--escaping",
      paramLabel = "SCHEME",
      converter = OptionTypes.EscapingConverter.class,
      completionCandidates = OptionTypes.EscapingIds.class,
      description = "How text formats spell names outside [a-zA-Z_:][a-zA-Z0-9_:]*: ${COMPLETION-CANDIDATES} (default: allow-utf-8).")
  NameEscaping escaping = NameEscaping.ALLOW_UTF8;

  @Option(
      names = "--om-created-lines",
      description = "OpenMetrics: write _created lines for points with a start time.")
  boolean omCreatedLines;

  boolean toStdout() {
    return output == null || output.toString().equals("-");
  }

  WriteOptions writeOptions() {
    return WriteOptions.DEFAULTS.withCreatedLines(omCreatedLines).withEscaping(escaping);
  }

  Compression compression() {
    if (compress != null) return compress;
    return toStdout() ? Compression.NONE : Compression.fromFileName(output.getFileName().toString());
  }
}
