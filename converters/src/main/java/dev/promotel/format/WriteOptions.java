package dev.promotel.format;

import java.util.Objects;

/**
 * Choices a writer makes that change its output. Each writer reads only the choices that concern
 * its format and ignores the rest.
 *
 * @param createdLines OpenMetrics: write {@code _created} lines for points with a start time
 *     ({@code --om-created-lines}); off by default as in prometheus/common
 * @param escaping how text writers spell names outside the legacy character set
 * @param pretty OTLP JSON document ({@code otlp-json}): indent the output ({@code --pretty});
 *     JSON Lines stay compact whatever this says, one request per line
 * @param framing OTLP protobuf: how requests are delimited ({@code --framing}); {@link
 *     ProtoFraming#NONE} writes one raw request, the OTLP/HTTP body
 * @param zstdRecords OTLP protobuf with {@link ProtoFraming#U32BE}: compress each record on its
 *     own with zstd before framing it, the Collector file exporter's legacy compression
 */
public record WriteOptions(
    boolean createdLines,
    NameEscaping escaping,
    boolean pretty,
    ProtoFraming framing,
    boolean zstdRecords) {
  public static final WriteOptions DEFAULTS =
      new WriteOptions(
          /* createdLines= */ false,
          NameEscaping.ALLOW_UTF8,
          /* pretty= */ false,
          ProtoFraming.NONE,
          /* zstdRecords= */ false);

  public WriteOptions {
    Objects.requireNonNull(escaping, "escaping");
    Objects.requireNonNull(framing, "framing (use ProtoFraming.NONE)");
    if (zstdRecords && framing != ProtoFraming.U32BE) {
      throw new IllegalArgumentException(
          "per-record zstd needs u32be framing (the Collector's legacy layout); got framing "
              + framing.id());
    }
  }

  /** The text-format choices with the OTLP choices at their defaults. */
  public WriteOptions(boolean createdLines, NameEscaping escaping) {
    this(createdLines, escaping, /* pretty= */ false, ProtoFraming.NONE, /* zstdRecords= */ false);
  }

  public WriteOptions withCreatedLines(boolean value) {
    return new WriteOptions(value, escaping, pretty, framing, zstdRecords);
  }

  public WriteOptions withEscaping(NameEscaping value) {
    return new WriteOptions(createdLines, value, pretty, framing, zstdRecords);
  }

  public WriteOptions withPretty(boolean value) {
    return new WriteOptions(createdLines, escaping, value, framing, zstdRecords);
  }

  /** Sets the framing; per-record zstd is switched off unless the new framing is u32be. */
  public WriteOptions withFraming(ProtoFraming value) {
    return new WriteOptions(
        createdLines, escaping, pretty, value, zstdRecords && value == ProtoFraming.U32BE);
  }

  /** Compresses each record with zstd; needs {@link ProtoFraming#U32BE}, which it sets. */
  public WriteOptions withZstdRecords(boolean value) {
    return new WriteOptions(
        createdLines, escaping, pretty, value ? ProtoFraming.U32BE : framing, value);
  }
}
