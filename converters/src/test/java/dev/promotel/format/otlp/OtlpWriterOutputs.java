package dev.promotel.format.otlp;

import com.github.luben.zstd.Zstd;
import com.google.protobuf.util.JsonFormat;
import dev.promotel.format.Diagnostics;
import dev.promotel.format.ProtoFraming;
import dev.promotel.format.WriteOptions;
import dev.promotel.model.MetricFamily;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test helpers: run the writers over families, and split and parse what they wrote. */
final class OtlpWriterOutputs {
  private static final Pattern HEX_ID =
      Pattern.compile("(\"(?:traceId|spanId)\"\\s*:\\s*)\"([0-9a-fA-F]*)\"");

  private OtlpWriterOutputs() {}

  static byte[] protobuf(List<MetricFamily> families, WriteOptions options, Diagnostics d) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OtlpProtobufWriter writer = new OtlpProtobufWriter(out, options, d)) {
      for (MetricFamily f : families) writer.write(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] protobuf(List<MetricFamily> families, ProtoFraming framing) {
    return protobuf(families, WriteOptions.DEFAULTS.withFraming(framing), new Diagnostics());
  }

  static String json(
      List<MetricFamily> families, OtlpJsonWriter.Layout layout, WriteOptions options) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OtlpJsonWriter writer = new OtlpJsonWriter(out, layout, options, new Diagnostics())) {
      for (MetricFamily f : families) writer.write(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The records of u32be-framed bytes, each decompressed with zstd when asked. */
  static List<byte[]> u32beRecords(byte[] bytes, boolean zstd) {
    List<byte[]> records = new ArrayList<>();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    while (in.hasRemaining()) {
      int length = in.getInt();
      byte[] record = new byte[length];
      in.get(record);
      records.add(zstd ? Zstd.decompress(record, (int) Zstd.getFrameContentSize(record)) : record);
    }
    return records;
  }

  static List<ExportMetricsServiceRequest> varintRecords(byte[] bytes) throws IOException {
    List<ExportMetricsServiceRequest> records = new ArrayList<>();
    InputStream in = new ByteArrayInputStream(bytes);
    ExportMetricsServiceRequest r;
    while ((r = ExportMetricsServiceRequest.parseDelimitedFrom(in)) != null) records.add(r);
    return records;
  }

  /**
   * Parses OTLP JSON with protobuf-java-util, after turning the hex trace and span ids into the
   * base64 that proto3 JSON expects for bytes (the one place OTLP JSON departs from it).
   */
  static ExportMetricsServiceRequest parseJson(String json) throws IOException {
    Matcher m = HEX_ID.matcher(json);
    StringBuilder rewritten = new StringBuilder();
    while (m.find()) {
      String base64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(m.group(2)));
      m.appendReplacement(rewritten, Matcher.quoteReplacement(m.group(1) + "\"" + base64 + "\""));
    }
    m.appendTail(rewritten);
    ExportMetricsServiceRequest.Builder b = ExportMetricsServiceRequest.newBuilder();
    JsonFormat.parser().merge(rewritten.toString(), b);
    return b.build();
  }
}
