package dev.promotel.format;

import java.util.Locale;

/**
 * How protobuf messages are delimited in a file ({@code --framing}).
 *
 * <ul>
 *   <li>{@link #NONE}: one raw message, as an OTLP/HTTP body; a reader takes the whole input.
 *   <li>{@link #U32BE}: each message preceded by its length as 4 big-endian bytes, as the
 *       OpenTelemetry Collector file exporter's {@code proto} format writes it.
 *   <li>{@link #VARINT}: each message preceded by its length as a varint, as protobuf-java's
 *       {@code writeDelimitedTo} writes it.
 * </ul>
 *
 * <p>Example: {@code ProtoFraming.fromId("u32be")} is {@link #U32BE}.
 */
public enum ProtoFraming {
  NONE("none"),
  U32BE("u32be"),
  VARINT("varint");

  private final String id;

  ProtoFraming(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** The framing for an id, case-insensitive. */
  public static ProtoFraming fromId(String id) {
    String wanted = id.toLowerCase(Locale.ROOT);
    for (ProtoFraming f : values()) {
      if (f.id.equals(wanted)) return f;
    }
    throw new IllegalArgumentException(
        "unknown framing '" + id + "'; expected one of none, u32be, varint");
  }
}
