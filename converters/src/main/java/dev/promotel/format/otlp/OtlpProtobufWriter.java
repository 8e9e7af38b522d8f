package dev.promotel.format.otlp;

import com.github.luben.zstd.Zstd;
import com.google.protobuf.CodedOutputStream;
import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricWriter;
import dev.promotel.format.ProtoFraming;
import dev.promotel.format.WriteOptions;
import dev.promotel.model.MetricFamily;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes OTLP protobuf: {@code ExportMetricsServiceRequest} messages (opentelemetry-proto {@code
 * collector/metrics/v1/metrics_service.proto}), streamed one {@code ResourceMetrics} at a time.
 * Consecutive families with an equal resource share a ResourceMetrics, and consecutive families
 * with an equal scope within it a ScopeMetrics; each ResourceMetrics is bounded ({@link
 * ResourceBatch}) and written as soon as it is complete, so the request is never held whole.
 *
 * <p>Framing ({@link WriteOptions#framing()}):
 *
 * <ul>
 *   <li>{@code none}: one request, the OTLP/HTTP body; the ResourceMetrics are its field-1
 *       elements, written one after the other;
 *   <li>{@code u32be}: one request per ResourceMetrics, each preceded by its length as 4
 *       big-endian bytes, as the Collector file exporter's {@code proto} format writes; with
 *       {@link WriteOptions#zstdRecords()} each request is zstd-compressed on its own first and the
 *       prefix gives the compressed length (the exporter's legacy compression);
 *   <li>{@code varint}: one request per ResourceMetrics, each preceded by its length as a varint
 *       ({@code writeDelimitedTo}).
 * </ul>
 *
 * <p>Gauge histograms are dropped with a {@code gaugehistogram-dropped} loss; every other family
 * is carried, its Prometheus type in the metadata entry {@code prometheus.type}.
 *
 * <p>Example: a gauge {@code up} with one point 1 at time 5 ns, unframed, is the bytes {@code 0a
 * 22 0a 00 12 1e 0a 00 12 1a 0a 02 75 70 2a 14 0a 12 19 05 00 00 00 00 00 00 00 31 01 00 00 00 00
 * 00 00 00}.
 */
public final class OtlpProtobufWriter implements MetricWriter {
  private static final int BUFFER = 64 * 1024;

  private final OutputStream out;
  private final CodedOutputStream coded;
  private final ProtoFraming framing;
  private final boolean zstdRecords;
  private final OtlpBatcher batcher;
  private final EncodedAttributes encodedAttributes = new EncodedAttributes();
  private final ProtoSizer sizer = new ProtoSizer(encodedAttributes);
  private final ProtoEncoder encoder;
  private boolean closed;

  public OtlpProtobufWriter(OutputStream out, WriteOptions options, Diagnostics diagnostics) {
    this(out, options, diagnostics, new ResourceBatch());
  }

  OtlpProtobufWriter(
      OutputStream out, WriteOptions options, Diagnostics diagnostics, ResourceBatch batch) {
    this.out = out;
    this.coded = CodedOutputStream.newInstance(out, BUFFER);
    this.encoder = new ProtoEncoder(coded, encodedAttributes);
    this.framing = options.framing();
    this.zstdRecords = options.zstdRecords();
    this.batcher = new OtlpBatcher(diagnostics, batch, this::writeBatch);
  }

  @Override
  public void write(MetricFamily family) throws IOException {
    batcher.add(family);
  }

  /** How many families wait for the next flush; bounded by {@link ResourceBatch}. */
  int pendingFamilies() {
    return batcher.pendingFamilies();
  }

  private void writeBatch(ResourceBatch batch) throws IOException {
    sizer.reset();
    OtlpMessages.resourceMetricsElement(sizer, batch);
    long size = sizer.total();
    if (size > 0xFFFF_FFFFL) {
      throw new IllegalStateException("a request exceeds 4 GiB; batches are bounded below that");
    }
    switch (framing) {
      case NONE -> encode(encoder, batch);
      case VARINT -> {
        coded.writeUInt32NoTag((int) size);
        encode(encoder, batch);
      }
      case U32BE -> {
        if (zstdRecords) {
          byte[] record = new byte[(int) size];
          CodedOutputStream recordOut = CodedOutputStream.newInstance(record);
          encode(new ProtoEncoder(recordOut, encodedAttributes), batch);
          recordOut.checkNoSpaceLeft();
          byte[] compressed = Zstd.compress(record);
          writeU32be(compressed.length);
          coded.writeRawBytes(compressed);
        } else {
          writeU32be(size);
          encode(encoder, batch);
        }
      }
      default -> throw new AssertionError(framing);
    }
    coded.flush();
  }

  private void encode(ProtoEncoder target, ResourceBatch batch) throws IOException {
    target.useSizes(sizer);
    OtlpMessages.resourceMetricsElement(target, batch);
  }

  private void writeU32be(long value) throws IOException {
    coded.write((byte) (value >>> 24));
    coded.write((byte) (value >>> 16));
    coded.write((byte) (value >>> 8));
    coded.write((byte) value);
  }

  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    try {
      batcher.flush();
      coded.flush();
      out.flush();
    } finally {
      out.close();
    }
  }
}
