package dev.promotel.format.otlp;

import com.github.luben.zstd.Zstd;
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
  /** Encoded batches are collected up to this many bytes before they go to the output. */
  private static final int DRAIN_AT = 64 * 1024;

  private final OutputStream out;
  private final ProtoFraming framing;
  private final boolean zstdRecords;
  private final OtlpBatcher batcher;
  private final ProtoEncoder encoder = new ProtoEncoder(2 * DRAIN_AT, new EncodedAttributes());
  private boolean closed;

  public OtlpProtobufWriter(OutputStream out, WriteOptions options, Diagnostics diagnostics) {
    this(out, options, diagnostics, new ResourceBatch());
  }

  OtlpProtobufWriter(
      OutputStream out, WriteOptions options, Diagnostics diagnostics, ResourceBatch batch) {
    this.out = out;
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

  /**
   * Appends the batch as one {@code resource_metrics} element, which is also the whole of a
   * request holding just it: unframed output is one request of many such elements, framed output
   * one request per element.
   */
  private void writeBatch(ResourceBatch batch) throws IOException {
    switch (framing) {
      case NONE -> OtlpMessages.resourceMetricsElement(encoder, batch);
      case VARINT -> {
        encoder.startLength();
        OtlpMessages.resourceMetricsElement(encoder, batch);
        encoder.endLength();
      }
      case U32BE -> {
        int prefix = encoder.size();
        encoder.u32be(0);
        OtlpMessages.resourceMetricsElement(encoder, batch);
        if (zstdRecords) {
          byte[] compressed = Zstd.compress(encoder.copy(prefix + 4));
          encoder.truncate(prefix);
          encoder.u32be(compressed.length);
          encoder.raw(compressed);
        } else {
          encoder.putU32be(prefix, encoder.size() - prefix - 4L);
        }
      }
      default -> throw new AssertionError(framing);
    }
    if (encoder.size() >= DRAIN_AT) encoder.drainTo(out);
  }

  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    try {
      batcher.flush();
      encoder.drainTo(out);
      out.flush();
    } finally {
      out.close();
    }
  }
}
