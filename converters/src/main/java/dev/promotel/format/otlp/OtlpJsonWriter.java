package dev.promotel.format.otlp;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricWriter;
import dev.promotel.format.WriteOptions;
import dev.promotel.format.otlp.OtlpFields.Request;
import dev.promotel.model.MetricFamily;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes OTLP JSON (opentelemetry-proto {@code docs/specification.md}, "JSON Protobuf Encoding"):
 * lowerCamelCase keys, 64-bit integers as strings, integer enums, hex trace and span ids, {@code
 * "NaN"}/{@code "Infinity"} strings. Families are grouped and bounded as in {@link
 * OtlpProtobufWriter}, one {@code ResourceMetrics} at a time.
 *
 * <ul>
 *   <li>{@link Layout#LINES} ({@code otlp-jsonl}): one compact {@code ExportMetricsServiceRequest}
 *       per line and per ResourceMetrics, as the Collector file exporter's {@code json} format
 *       writes and its {@code otlpjsonfilereceiver} reads;
 *   <li>{@link Layout#DOCUMENT} ({@code otlp-json}): one request {@code {"resourceMetrics":[...]}}
 *       streamed element by element, indented when {@link WriteOptions#pretty()}.
 * </ul>
 *
 * <p>Example line: {@code
 * {"resourceMetrics":[{"resource":{},"scopeMetrics":[{"scope":{},"metrics":[{"name":"up","gauge":{"dataPoints":[{"timeUnixNano":"5","asInt":"1"}]}}]}]}]}}
 */
public final class OtlpJsonWriter implements MetricWriter {
  /** One document or JSON Lines. */
  public enum Layout {
    DOCUMENT,
    LINES
  }

  private static final JsonFactory FACTORY = new JsonFactory();

  private final JsonGenerator json;
  private final JsonEncoder encoder;
  private final Layout layout;
  private final OtlpBatcher batcher;
  private boolean documentStarted;
  private boolean closed;

  public OtlpJsonWriter(
      OutputStream out, Layout layout, WriteOptions options, Diagnostics diagnostics) {
    this(out, layout, options, diagnostics, new ResourceBatch());
  }

  OtlpJsonWriter(
      OutputStream out,
      Layout layout,
      WriteOptions options,
      Diagnostics diagnostics,
      ResourceBatch batch) {
    this.json = generator(out);
    // Lines are separated by our own '\n'; Jackson's default root separator is a space.
    json.setRootValueSeparator(null);
    if (layout == Layout.DOCUMENT && options.pretty()) json.useDefaultPrettyPrinter();
    this.encoder = new JsonEncoder(json);
    this.layout = layout;
    this.batcher = new OtlpBatcher(diagnostics, batch, this::writeBatch);
  }

  private static JsonGenerator generator(OutputStream out) {
    try {
      return FACTORY.createGenerator(out, JsonEncoding.UTF8);
    } catch (IOException e) {
      // Creating a generator over a stream writes nothing; Jackson declares the exception anyway.
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void write(MetricFamily family) throws IOException {
    batcher.add(family);
  }

  int pendingFamilies() {
    return batcher.pendingFamilies();
  }

  private void writeBatch(ResourceBatch batch) throws IOException {
    switch (layout) {
      case LINES -> {
        json.writeStartObject();
        encoder.startRepeated(Request.RESOURCE_METRICS);
        OtlpMessages.resourceMetricsElement(encoder, batch);
        encoder.endRepeated();
        json.writeEndObject();
        json.writeRaw('\n');
      }
      case DOCUMENT -> {
        startDocument();
        OtlpMessages.resourceMetricsElement(encoder, batch);
      }
      default -> throw new AssertionError(layout);
    }
    json.flush();
  }

  private void startDocument() throws IOException {
    if (documentStarted) return;
    documentStarted = true;
    json.writeStartObject();
    encoder.startRepeated(Request.RESOURCE_METRICS);
  }

  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    try {
      batcher.flush();
      if (layout == Layout.DOCUMENT) {
        startDocument();
        encoder.endRepeated();
        json.writeEndObject();
        json.writeRaw('\n');
      }
      json.flush();
    } finally {
      json.close();
    }
  }
}
