package dev.promotel.cli;

import dev.promotel.format.Format;
import dev.promotel.format.NameEscaping;
import dev.promotel.format.ProtoFraming;
import dev.promotel.format.WriteOptions;
import dev.promotel.io.Compression;
import dev.promotel.io.OutputTarget;
import dev.promotel.io.PromotelIOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Output of a data command: {@code --to}, {@code -o}, {@code --compress} and writer choices. */
final class OutputOptions {
  @Option(
      names = {"-t", "--to"},
      paramLabel = "FORMAT",
      converter = OptionTypes.FormatConverter.class,
      completionCandidates = OptionTypes.FormatConverter.class,
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
      completionCandidates = OptionTypes.CompressionConverter.class,
      description =
          "Compress the output: ${COMPLETION-CANDIDATES}; default: from the -o file's"
              + " extension, else none.")
  Compression compress;

  @Option(
      names = "--escaping",
      paramLabel = "SCHEME",
      converter = OptionTypes.EscapingConverter.class,
      completionCandidates = OptionTypes.EscapingConverter.class,
      description = "How text formats spell names outside [a-zA-Z_:][a-zA-Z0-9_:]*: ${COMPLETION-CANDIDATES} (default: allow-utf-8).")
  NameEscaping escaping = NameEscaping.ALLOW_UTF8;

  @Option(
      names = "--om-created-lines",
      description = "OpenMetrics: write _created lines for points with a start time.")
  boolean omCreatedLines;

  @Option(
      names = "--pretty",
      description = "otlp-json: indent the document (otlp-jsonl stays one compact request per line).")
  boolean pretty;

  @Option(
      names = "--framing",
      paramLabel = "FRAMING",
      defaultValue = "none",
      converter = OptionTypes.FramingConverter.class,
      completionCandidates = OptionTypes.FramingConverter.class,
      description = "otlp-pb: how requests are delimited: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, one request, the OTLP/HTTP body; u32be is the Collector file exporter's).")
  ProtoFraming framing;

  @Option(
      names = "--zstd-records",
      description = "otlp-pb: compress each record with zstd, the Collector's legacy layout (implies --framing u32be).")
  boolean zstdRecords;

  /** The writer choices; a usage error (exit 2) for --zstd-records with another framing. */
  WriteOptions writeOptions() {
    if (zstdRecords && framing != ProtoFraming.NONE && framing != ProtoFraming.U32BE) {
      throw new ExitException(ExitCodes.USAGE, "--zstd-records needs --framing u32be, got "
          + framing.id());
    }
    return WriteOptions.DEFAULTS.withCreatedLines(omCreatedLines).withEscaping(escaping)
        .withPretty(pretty).withFraming(framing).withZstdRecords(zstdRecords);
  }

  /**
   * Opens the output: stdout (never closed; text printed so far is flushed first), or {@code -o}
   * written atomically, compressed as {@code --compress} or the file's extension says.
   */
  OutputTarget open(StandardStreams std) throws PromotelIOException {
    String argument = output == null ? null : output.toString();
    std.outText().flush();
    return OutputTarget.open(argument, Compression.forOutput(compress, argument), std.out());
  }
}
