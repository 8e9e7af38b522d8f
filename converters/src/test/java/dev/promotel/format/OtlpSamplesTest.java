package dev.promotel.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import com.google.protobuf.util.JsonFormat;
import dev.promotel.format.otlp.OtlpJsonReader;
import dev.promotel.format.otlp.OtlpProtobufReader;
import dev.promotel.model.MetricFamily;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The two OTLP samples hold the same data: {@code samples/collector-export.jsonl} (the Collector
 * file exporter's {@code json} format) and {@code samples/collector-export.pb} (its {@code proto}
 * format with the legacy per-record zstd compression: a 4-byte big-endian length, then one
 * zstd-compressed {@code ExportMetricsServiceRequest}, per line of the JSONL).
 *
 * <p>The protobuf file is made here, from the JSONL, by the generated opentelemetry-proto classes
 * and protobuf-java-util's {@link JsonFormat} (not by promotel's writer), so it is an independent
 * oracle for our readers. Rewrite it with {@code -Dpromotel.updateGolden=true}.
 */
class OtlpSamplesTest {
  private static final Path SAMPLES = Path.of(System.getProperty("promotel.samples", "../samples"));
  private static final Path JSONL = SAMPLES.resolve("collector-export.jsonl");
  private static final Path PB = SAMPLES.resolve("collector-export.pb");
  /** Deterministic for one zstd-jni version; any zstd decoder reads it. */
  private static final int ZSTD_LEVEL = 3;

  private static final Pattern ID = Pattern.compile("\"(traceId|spanId)\":\"([0-9a-f]*)\"");

  @Test
  void theProtobufSampleIsTheJsonLinesSampleSerialisedByTheGeneratedClassesWithU32beFramingAndZstdRecords()
      throws IOException {
    byte[] expected = collectorProto(Files.readAllLines(JSONL, StandardCharsets.UTF_8));
    if (Boolean.getBoolean("promotel.updateGolden")) Files.write(PB, expected);
    assertThat(PB).as("%s (rewrite with -Dpromotel.updateGolden=true)", PB).exists();
    assertThat(Files.readAllBytes(PB)).isEqualTo(expected);
  }

  @Test
  void ourReadersGiveTheSameFamiliesFromTheJsonLinesAndTheProtobufSample() throws IOException {
    List<MetricFamily> fromJson;
    try (InputStream in = Files.newInputStream(JSONL)) {
      fromJson = readAll(new OtlpJsonReader(in, JSONL.toString(), ReadOptions.DEFAULTS));
    }
    List<MetricFamily> fromPb;
    try (InputStream in = Files.newInputStream(PB)) {
      fromPb = readAll(new OtlpProtobufReader(in, PB.toString(), ReadOptions.DEFAULTS));
    }
    assertThat(fromJson).hasSize(13);
    assertThat(fromPb).isEqualTo(fromJson);
  }

  @Test
  void theSamplesStaySmall() throws IOException {
    assertThat(Files.size(JSONL)).isLessThan(50_000);
    assertThat(Files.size(PB)).isLessThan(50_000);
  }

  @Test
  void theJsonLinesSampleIsCompactOneRequestPerLineAsTheCollectorWritesIt() throws IOException {
    List<String> lines = Files.readAllLines(JSONL, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(3);
    for (String line : lines) {
      assertThat(line).startsWith("{\"resourceMetrics\":[").doesNotContain(": ", "\n");
      ExportMetricsServiceRequest request = parse(line);
      assertThat(request.getResourceMetricsCount()).isPositive();
    }
  }

  /** The Collector file exporter's {@code proto} output with legacy compression, for these lines. */
  static byte[] collectorProto(List<String> jsonLines) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String line : jsonLines) {
      if (line.isBlank()) continue;
      byte[] record = Zstd.compress(parse(line).toByteArray(), ZSTD_LEVEL);
      out.write(ByteBuffer.allocate(4).putInt(record.length).array());
      out.write(record);
    }
    return out.toByteArray();
  }

  /** OTLP JSON writes ids in hex; the proto3 JSON mapping that JsonFormat follows wants base64. */
  static ExportMetricsServiceRequest parse(String otlpJson) throws IOException {
    Matcher m = ID.matcher(otlpJson);
    StringBuilder proto3 = new StringBuilder();
    while (m.find()) {
      String base64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(m.group(2)));
      m.appendReplacement(proto3, "\"" + m.group(1) + "\":\"" + base64 + "\"");
    }
    m.appendTail(proto3);
    ExportMetricsServiceRequest.Builder builder = ExportMetricsServiceRequest.newBuilder();
    JsonFormat.parser().merge(proto3.toString(), builder);
    return builder.build();
  }

  private static List<MetricFamily> readAll(MetricReader reader) throws IOException {
    List<MetricFamily> out = new ArrayList<>();
    try (reader) {
      for (Optional<MetricFamily> f = reader.read(); f.isPresent(); f = reader.read()) {
        out.add(f.get());
      }
    }
    return out;
  }
}
