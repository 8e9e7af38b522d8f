package dev.promotel.format.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.Format;
import dev.promotel.format.MetricWriter;
import dev.promotel.format.NameEscaping;
import dev.promotel.format.ProtoFraming;
import dev.promotel.format.WriteOptions;
import dev.promotel.model.MetricFamily;
import dev.promotel.pipeline.Codecs;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OTLP format ids, options, sniffing of what the writers produce, and the Codecs wiring. */
class OtlpWriterFormatTest {
  private final List<MetricFamily> families = OtlpWriterFixtures.everyField();

  @Test
  void idsAndAliasesNameTheOtlpFormats() {
    assertThat(Format.fromId("otlp-json")).isEqualTo(Format.OTLP_JSON);
    assertThat(Format.fromId("otlp-jsonl")).isEqualTo(Format.OTLP_JSONL);
    assertThat(Format.fromId("JSONL")).isEqualTo(Format.OTLP_JSONL);
    assertThat(Format.fromId("otlp-pb")).isEqualTo(Format.OTLP_PB);
    assertThat(Format.fromId("otlp")).isEqualTo(Format.OTLP_PB);
    assertThat(Format.fromId("otlp-proto")).isEqualTo(Format.OTLP_PB);
    assertThat(Format.fromFileName("metrics.jsonl.zst")).contains(Format.OTLP_JSONL);
    assertThat(Format.fromFileName("metrics.json")).contains(Format.OTLP_JSON);
    assertThat(Format.fromFileName("metrics.binpb")).contains(Format.OTLP_PB);
  }

  @Test
  void otlpCarriesEverythingButGaugeHistogramsAndTheInfoStatesetTypes() {
    for (Format f : List.of(Format.OTLP_JSON, Format.OTLP_JSONL, Format.OTLP_PB)) {
      assertThat(f.capabilities()).as(f.id())
          .doesNotContain(Format.Capability.GAUGE_HISTOGRAMS, Format.Capability.INFO_STATESET)
          .contains(Format.Capability.EXPONENTIAL_HISTOGRAMS, Format.Capability.RESOURCES,
              Format.Capability.DELTA, Format.Capability.EXEMPLARS);
    }
  }

  @Test
  void sniffingTellsOurJsonLinesFromOurDocuments() {
    String lines = OtlpWriterOutputs.json(families, OtlpJsonWriter.Layout.LINES,
        WriteOptions.DEFAULTS);
    String pretty = OtlpWriterOutputs.json(families, OtlpJsonWriter.Layout.DOCUMENT,
        WriteOptions.DEFAULTS.withPretty(true));
    String compact = OtlpWriterOutputs.json(families, OtlpJsonWriter.Layout.DOCUMENT,
        WriteOptions.DEFAULTS);

    assertThat(sniff(lines, "-")).isEqualTo(Format.OTLP_JSONL);
    assertThat(sniff("\n  " + lines, "x.json")).isEqualTo(Format.OTLP_JSONL);
    assertThat(sniff(pretty, "-")).isEqualTo(Format.OTLP_JSON);
    assertThat(sniff(compact, "out.json")).isEqualTo(Format.OTLP_JSON);
    assertThat(sniff(compact, "-")).isEqualTo(Format.OTLP_JSONL);
    assertThat(sniff("{\"resourceMetrics\":[{\"resource\":{", "-")).isEqualTo(Format.OTLP_JSONL);
  }

  @Test
  void sniffingTakesEveryProtobufFramingForOtlpProtobuf() {
    for (ProtoFraming framing : ProtoFraming.values()) {
      byte[] bytes = OtlpWriterOutputs.protobuf(families, framing);
      assertThat(Format.sniff(bytes, Math.min(bytes.length, 64 * 1024), "-")).as(framing.id())
          .isEqualTo(Format.OTLP_PB);
    }
    byte[] zstd = OtlpWriterOutputs.protobuf(families, WriteOptions.DEFAULTS.withZstdRecords(true),
        new Diagnostics());
    assertThat(Format.sniff(zstd, zstd.length, "-")).isEqualTo(Format.OTLP_PB);
  }

  @Test
  void sniffingStillTakesTextForText() {
    assertThat(sniff("# TYPE up gauge\nup 1\n", "-")).isEqualTo(Format.PROM);
    assertThat(sniff("# TYPE up gauge\nup 1\n# EOF\n", "-")).isEqualTo(Format.OM);
    assertThat(sniff("up{job=\"a\"} 1\n", "scrape.json")).isEqualTo(Format.PROM);
    assertThat(sniff("", "metrics.pb")).isEqualTo(Format.PROM);
    // Binary that opens no request in any framing is left to the text reader's errors.
    assertThat(Format.sniff(new byte[64], 64, "bomb.prom")).isEqualTo(Format.PROM);
    assertThat(Format.sniff(new byte[] {0x12, 0x00, 0x01}, 3, "-")).isEqualTo(Format.PROM);
  }

  @Test
  void writeOptionsKeepTheirDefaultsAndCheckZstdFraming() {
    assertThat(WriteOptions.DEFAULTS.framing()).isEqualTo(ProtoFraming.NONE);
    assertThat(WriteOptions.DEFAULTS.pretty()).isFalse();
    assertThat(WriteOptions.DEFAULTS.zstdRecords()).isFalse();
    assertThat(new WriteOptions(true, NameEscaping.ALLOW_UTF8))
        .isEqualTo(WriteOptions.DEFAULTS.withCreatedLines(true));
    WriteOptions zstd = WriteOptions.DEFAULTS.withZstdRecords(true);
    assertThat(zstd.framing()).isEqualTo(ProtoFraming.U32BE);
    assertThat(zstd.withFraming(ProtoFraming.VARINT).zstdRecords()).isFalse();
    assertThatThrownBy(() -> new WriteOptions(false, NameEscaping.ALLOW_UTF8, false,
        ProtoFraming.VARINT, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("u32be");
    assertThat(ProtoFraming.fromId("U32BE")).isEqualTo(ProtoFraming.U32BE);
    assertThatThrownBy(() -> ProtoFraming.fromId("lines"))
        .hasMessage("unknown framing 'lines'; expected one of none, u32be, varint");
  }

  @Test
  void codecsOpenTheOtlpWriters() throws Exception {
    ExportMetricsServiceRequest expected = OtlpWriterExpected.request(families);

    byte[] pb = viaCodecs(Format.OTLP_PB, families);
    assertThat(ExportMetricsServiceRequest.parseFrom(pb)).isEqualTo(expected);

    List<MetricFamily> jsonFamilies = OtlpWriterFixtures.everyFieldForJsonFormat();
    String json = new String(viaCodecs(Format.OTLP_JSON, jsonFamilies), StandardCharsets.UTF_8);
    assertThat(OtlpWriterOutputs.parseJson(json))
        .isEqualTo(OtlpWriterExpected.request(jsonFamilies));
    String jsonl = new String(viaCodecs(Format.OTLP_JSONL, jsonFamilies), StandardCharsets.UTF_8);
    assertThat(jsonl.split("\n")).hasSize(3);
  }

  private static byte[] viaCodecs(Format format, List<MetricFamily> families) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MetricWriter w = Codecs.writer(format, out, WriteOptions.DEFAULTS, new Diagnostics())) {
      for (MetricFamily f : families) w.write(f);
    }
    return out.toByteArray();
  }

  private static Format sniff(String text, String name) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return Format.sniff(bytes, Math.min(bytes.length, 64 * 1024), name);
  }
}
