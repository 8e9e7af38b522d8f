package dev.promotel.format.otlp;

import com.github.luben.zstd.Zstd;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.promotel.format.MetricReader;
import dev.promotel.format.ReadOptions;
import dev.promotel.model.MetricFamily;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Encodes generated-class requests in every framing the readers accept, and reads them back. */
final class OtlpReaderFixtures {
  private OtlpReaderFixtures() {}

  enum Encoding {
    RAW,
    U32BE,
    U32BE_ZSTD,
    VARINT,
    JSON_PRETTY,
    JSON_LINES,
    JSON_ENUM_NAMES
  }

  static byte[] encode(List<ExportMetricsServiceRequest> requests, Encoding encoding) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      switch (encoding) {
        case RAW -> {
          // Repeated resource_metrics concatenate, so concatenated requests are one request.
          for (ExportMetricsServiceRequest r : requests) r.writeTo(out);
        }
        case U32BE, U32BE_ZSTD -> {
          for (ExportMetricsServiceRequest r : requests) {
            byte[] payload = r.toByteArray();
            if (encoding == Encoding.U32BE_ZSTD) payload = Zstd.compress(payload, 3);
            writeU32(out, payload.length);
            out.write(payload);
          }
        }
        case VARINT -> {
          for (ExportMetricsServiceRequest r : requests) r.writeDelimitedTo(out);
        }
        case JSON_PRETTY -> {
          for (ExportMetricsServiceRequest r : requests) {
            out.write(hexIds(JsonFormat.printer().printingEnumsAsInts().print(r))
                .getBytes(StandardCharsets.UTF_8));
            out.write('\n');
          }
        }
        case JSON_LINES, JSON_ENUM_NAMES -> {
          JsonFormat.Printer printer = JsonFormat.printer().omittingInsignificantWhitespace();
          if (encoding == Encoding.JSON_LINES) printer = printer.printingEnumsAsInts();
          for (ExportMetricsServiceRequest r : requests) {
            out.write(hexIds(printer.print(r)).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static boolean isJson(Encoding e) {
    return e == Encoding.JSON_PRETTY || e == Encoding.JSON_LINES || e == Encoding.JSON_ENUM_NAMES;
  }

  static void writeU32(ByteArrayOutputStream out, int length) {
    out.write(length >>> 24);
    out.write(length >>> 16);
    out.write(length >>> 8);
    out.write(length);
  }

  private static final Pattern ID = Pattern.compile("\"(traceId|spanId)\":\\s*\"([^\"]*)\"");

  /** JsonFormat writes bytes as base64; OTLP JSON writes trace and span ids as hex. */
  static String hexIds(String json) {
    Matcher m = ID.matcher(json);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String hex = HexFormat.of().formatHex(Base64.getDecoder().decode(m.group(2)));
      m.appendReplacement(out, "\"" + m.group(1) + "\": \"" + hex + "\"");
    }
    return m.appendTail(out).toString();
  }

  static MetricReader reader(byte[] bytes, Encoding encoding) {
    return isJson(encoding)
        ? new OtlpJsonReader(new ByteArrayInputStream(bytes), "in.json", ReadOptions.DEFAULTS)
        : new OtlpProtobufReader(new ByteArrayInputStream(bytes), "in.pb", ReadOptions.DEFAULTS);
  }

  static List<MetricFamily> readAll(MetricReader reader) throws IOException {
    List<MetricFamily> out = new ArrayList<>();
    try (reader) {
      for (Optional<MetricFamily> f = reader.read(); f.isPresent(); f = reader.read()) {
        out.add(f.get());
      }
    }
    return out;
  }

  static List<MetricFamily> read(byte[] bytes, Encoding encoding) throws IOException {
    return readAll(reader(bytes, encoding));
  }

  static ExportMetricsServiceRequest parseJson(String json) throws InvalidProtocolBufferException {
    ExportMetricsServiceRequest.Builder b = ExportMetricsServiceRequest.newBuilder();
    JsonFormat.parser().merge(json, b);
    return b.build();
  }
}
