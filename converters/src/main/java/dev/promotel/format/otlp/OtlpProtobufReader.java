package dev.promotel.format.otlp;

import com.github.luben.zstd.ZstdInputStream;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricParseException;
import dev.promotel.format.MetricReader;
import dev.promotel.format.ReadOptions;
import dev.promotel.format.SourcePosition;
import dev.promotel.format.otlp.PbFramingDetector.Framing;
import dev.promotel.model.MetricFamily;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads OTLP protobuf metrics: one raw {@code ExportMetricsServiceRequest} (an OTLP/HTTP body),
 * u32be-framed requests (the Collector file exporter's {@code proto} format, each record optionally
 * zstd-compressed on its own) or varint-delimited requests ({@code writeDelimitedTo}). The framing
 * is detected from a bounded look-ahead, see {@link PbFramingDetector}. {@code MetricsData} has the
 * same wire shape and reads the same.
 *
 * <p>Streaming: the outer message is walked field by field with {@link CodedInputStream}; each
 * {@code resource_metrics} field (at most {@link #maxMessageBytes()} bytes) is parsed on its own
 * with the generated {@link ResourceMetrics} parser and yields one family per {@code Metric}. A
 * framed record (at most the same size, after decompression) is held whole while its resource
 * metrics are read. Unknown fields are skipped.
 *
 * <p>Errors are {@link MetricParseException}s at {@code SourcePosition.binary(source, byteOffset)}:
 * the offset of the frame or field at fault, e.g. {@code in.pb:byte 4: u32be frame declares 900
 * bytes, but the input ends after 12}.
 *
 * <p>Example input: the Collector file exporter's {@code proto} output, {@code 00 00 01 2c 0a ..},
 * a 4-byte big-endian length (300) and a request whose first field is {@code resource_metrics}
 * (tag {@code 0a}), repeated once per export.
 */
public final class OtlpProtobufReader implements MetricReader {
  /** The default limit on one frame, one decompressed record and one {@code resource_metrics}. */
  public static final long DEFAULT_MAX_MESSAGE_BYTES = 64L << 20;

  /** How far ahead the framing detection looks: bounded, so stdin needs no whole-file buffer. */
  static final int DETECT_WINDOW_BYTES = 1 << 20;

  private static final int BUFFER_BYTES = 64 << 10;

  private final InputStream raw;
  private final String source;
  private final Diagnostics diagnostics;
  private final long maxMessageBytes;
  private final PbResourceConverter converter;
  private final ArrayDeque<MetricFamily> pending = new ArrayDeque<>();

  private Framing framing;
  private CodedInputStream input;
  /** Bytes consumed before {@code input}'s size counter was last reset. */
  private long consumedBefore;

  /** The current framed record: its decoder, where its payload starts, and whether it was zstd. */
  private CodedInputStream record;
  private long recordAt;
  private boolean recordCompressed;

  private boolean done;

  public OtlpProtobufReader(InputStream in, String sourceName, ReadOptions options) {
    this(in, sourceName, options, new Diagnostics(), DEFAULT_MAX_MESSAGE_BYTES);
  }

  public OtlpProtobufReader(
      InputStream in, String sourceName, ReadOptions options, Diagnostics diagnostics) {
    this(in, sourceName, options, diagnostics, DEFAULT_MAX_MESSAGE_BYTES);
  }

  /**
   * @param maxMessageBytes the largest frame, decompressed record or {@code resource_metrics}
   *     accepted (1 KiB .. 2 GiB - 64); larger ones are invalid input
   */
  public OtlpProtobufReader(
      InputStream in,
      String sourceName,
      ReadOptions options,
      Diagnostics diagnostics,
      long maxMessageBytes) {
    if (maxMessageBytes < 1024 || maxMessageBytes > Integer.MAX_VALUE - 64) {
      throw new IllegalArgumentException(
          "maxMessageBytes must be within 1 KiB .. 2 GiB, got " + maxMessageBytes);
    }
    this.raw = in;
    this.source = sourceName;
    this.diagnostics = diagnostics;
    this.maxMessageBytes = maxMessageBytes;
    this.converter = new PbResourceConverter(sourceName, diagnostics, options.skipInvalidPoints());
  }

  public long maxMessageBytes() {
    return maxMessageBytes;
  }

  /**
   * The detected framing, {@code none}, {@code u32be} or {@code varint} (as {@code
   * --proto-framing} spells it); detection happens on the first {@link #read()}.
   */
  public String framing() throws IOException {
    start();
    return framing.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public Optional<MetricFamily> read() throws IOException {
    start();
    while (pending.isEmpty()) {
      if (done || !nextResourceMetrics()) {
        done = true;
        return Optional.empty();
      }
    }
    return Optional.of(pending.poll());
  }

  @Override
  public void close() throws IOException {
    raw.close();
  }

  private void start() throws IOException {
    if (framing != null) return;
    BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER_BYTES);
    buffered.mark(DETECT_WINDOW_BYTES + 1);
    byte[] window = new byte[DETECT_WINDOW_BYTES + 1];
    int n = buffered.readNBytes(window, 0, window.length);
    boolean endOfInput = n <= DETECT_WINDOW_BYTES;
    buffered.reset();
    framing = PbFramingDetector.detect(
        window, Math.min(n, DETECT_WINDOW_BYTES), endOfInput, maxMessageBytes);
    input = CodedInputStream.newInstance(buffered, BUFFER_BYTES);
  }

  private long position() {
    return consumedBefore + input.getTotalBytesRead();
  }

  /**
   * CodedInputStream counts bytes in an int and enforces a 2 GiB limit on it; resetting at every
   * top-level boundary lets inputs of any size through.
   */
  private void resetCounter() {
    consumedBefore += input.getTotalBytesRead();
    input.resetSizeCounter();
  }

  /** Decodes the next {@code resource_metrics} into {@link #pending}; false at the end. */
  private boolean nextResourceMetrics() throws IOException {
    if (framing == Framing.NONE) return nextInStream();
    while (true) {
      if (record != null && nextInRecord()) return true;
      record = null;
      if (!nextRecord()) return false;
    }
  }

  /** Raw framing: the whole input is the outer message. */
  private boolean nextInStream() throws IOException {
    while (true) {
      resetCounter();
      long tagAt = position();
      try {
        if (input.isAtEnd()) return false;
        int tag = readTag(input, tagAt, "");
        if (WireFormat.getTagFieldNumber(tag) != 1) {
          input.skipField(tag);
          continue;
        }
        long lengthAt = position();
        int length = length(input.readRawVarint32(), lengthAt, "resource_metrics", "");
        long at = position();
        byte[] bytes = readBytes(input, length, lengthAt, "resource_metrics", "");
        decode(bytes, 0, length, at, "");
        return true;
      } catch (InvalidProtocolBufferException e) {
        throw invalid(tagAt, e, "");
      }
    }
  }

  /** Framed input: reads the next frame header and payload (decompressing zstd); false at EOF. */
  private boolean nextRecord() throws IOException {
    resetCounter();
    long frameAt = position();
    if (input.isAtEnd()) return false;
    long length;
    try {
      if (framing == Framing.U32BE) {
        length = 0;
        for (int i = 0; i < 4; i++) {
          if (input.isAtEnd()) {
            throw error(frameAt, "truncated u32be frame header: the input ends after " + i
                + " of its 4 bytes");
          }
          length = (length << 8) | (input.readRawByte() & 0xFF);
        }
      } else {
        length = input.readRawVarint64();
      }
    } catch (InvalidProtocolBufferException e) {
      throw error(frameAt, "truncated or malformed varint frame length");
    }
    String kind = framing == Framing.U32BE ? "u32be frame" : "varint-delimited frame";
    if (length < 0 || length > maxMessageBytes) {
      throw error(frameAt, kind + " declares " + Long.toUnsignedString(length)
          + " bytes, more than the limit of " + maxMessageBytes + " bytes");
    }
    long payloadAt = position();
    byte[] payload = readBytes(input, (int) length, frameAt, kind, "");
    recordAt = payloadAt;
    recordCompressed =
        framing == Framing.U32BE && payload.length >= 4
            && PbFramingDetector.isZstdMagic(payload, 0, payload.length);
    if (recordCompressed) payload = decompress(payload, payloadAt);
    record = CodedInputStream.newInstance(payload);
    record.enableAliasing(true);
    return true;
  }

  /** The next {@code resource_metrics} of the current record; false when the record is done. */
  private boolean nextInRecord() throws IOException {
    while (true) {
      long tagAt = recordPosition();
      String note = recordNote();
      try {
        if (record.isAtEnd()) return false;
        int tag = readTag(record, tagAt, note);
        if (WireFormat.getTagFieldNumber(tag) != 1) {
          record.skipField(tag);
          continue;
        }
        long lengthAt = recordPosition();
        int length = length(record.readRawVarint32(), lengthAt, "resource_metrics", recordNote());
        long at = recordPosition();
        byte[] bytes = readBytes(record, length, lengthAt, "resource_metrics", recordNote());
        decode(bytes, 0, bytes.length, at, recordNote());
        return true;
      } catch (InvalidProtocolBufferException e) {
        throw invalid(tagAt, e, note);
      }
    }
  }

  /** Offsets inside a decompressed record cannot point into the file; they count from its start. */
  private long recordPosition() {
    return recordCompressed ? record.getTotalBytesRead() : recordAt + record.getTotalBytesRead();
  }

  private String recordNote() {
    return recordCompressed
        ? " (offset within the zstd-compressed record whose payload starts at byte " + recordAt + ")"
        : "";
  }

  private SourcePosition at(long offset) {
    return SourcePosition.binary(source, offset);
  }

  private MetricParseException error(long offset, String reason) {
    return new MetricParseException(at(offset), reason);
  }

  private int readTag(CodedInputStream in, long tagAt, String note) throws IOException {
    int tag = in.readTag();
    int field = WireFormat.getTagFieldNumber(tag);
    int wireType = WireFormat.getTagWireType(tag);
    if (field == 0) throw error(tagAt, "invalid protobuf tag: field number 0" + note);
    if (wireType > WireFormat.WIRETYPE_FIXED32) {
      throw error(tagAt, "invalid protobuf wire type " + wireType + " for field " + field + note);
    }
    if (field == 1 && wireType != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
      throw error(tagAt, "resource_metrics (field 1) must be length-delimited (wire type 2), got"
          + " wire type " + wireType + note);
    }
    return tag;
  }

  private int length(int length, long lengthAt, String what, String note)
      throws MetricParseException {
    if (length < 0 || length > maxMessageBytes) {
      throw error(lengthAt, what + " declares " + Integer.toUnsignedString(length)
          + " bytes, more than the limit of " + maxMessageBytes + " bytes" + note);
    }
    return length;
  }

  private byte[] readBytes(CodedInputStream in, int length, long declaredAt, String what,
      String note) throws IOException {
    long start = in == input ? position() : recordPosition();
    try {
      return in.readRawBytes(length);
    } catch (InvalidProtocolBufferException e) {
      throw error(declaredAt, what + " declares " + length + " bytes, but the input ends before"
          + " byte " + (start + length) + " (truncated?)" + note);
    }
  }

  private void decode(byte[] bytes, int offset, int length, long at, String note)
      throws MetricParseException {
    ResourceMetrics rm;
    try {
      rm = ResourceMetrics.parser().parseFrom(bytes, offset, length);
    } catch (InvalidProtocolBufferException e) {
      throw error(at, "invalid resource_metrics message: " + e.getMessage() + note);
    }
    pending.addAll(converter.convert(rm, at, note));
  }

  private MetricParseException invalid(long offset, InvalidProtocolBufferException e,
      String note) {
    return error(offset, "invalid protobuf: " + e.getMessage() + note);
  }

  private byte[] decompress(byte[] compressed, long payloadAt) throws MetricParseException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(compressed.length * 8, 1 << 20));
    byte[] buffer = new byte[BUFFER_BYTES];
    try (ZstdInputStream z = new ZstdInputStream(new ByteArrayInputStream(compressed))) {
      int n;
      while ((n = z.read(buffer)) > 0) {
        if (out.size() + (long) n > maxMessageBytes) {
          throw error(payloadAt, "zstd-compressed record decompresses to more than the limit of "
              + maxMessageBytes + " bytes");
        }
        out.write(buffer, 0, n);
      }
    } catch (MetricParseException e) {
      throw e;
    } catch (IOException e) {
      throw error(payloadAt, "invalid zstd-compressed record: " + e.getMessage());
    }
    return out.toByteArray();
  }
}
