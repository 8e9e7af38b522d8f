package dev.promotel.format.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.ProtoFraming;
import dev.promotel.format.WriteOptions;
import dev.promotel.model.Attributes;
import dev.promotel.model.Gauge;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.Resource;
import dev.promotel.model.Scope;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our protobuf bytes, parsed by opentelemetry-proto's generated classes, are the message we meant. */
class OtlpWriterProtobufOracleTest {
  private final List<MetricFamily> families = OtlpWriterFixtures.everyField();
  private final ExportMetricsServiceRequest expected = OtlpWriterExpected.request(families);

  @Test
  void unframedOutputIsOneRequestEqualToTheGeneratedMessageByteForByte() throws Exception {
    byte[] bytes = OtlpWriterOutputs.protobuf(families, ProtoFraming.NONE);

    ExportMetricsServiceRequest parsed = ExportMetricsServiceRequest.parseFrom(bytes);
    assertThat(parsed).isEqualTo(expected);
    assertThat(parsed.getUnknownFields().asMap()).isEmpty();
    assertThat(bytes).hasSize(expected.getSerializedSize());
    assertThat(bytes).isEqualTo(expected.toByteArray());
  }

  @Test
  void theFixtureGroupsIntoResourcesAndScopesAsDocumented() {
    assertThat(expected.getResourceMetricsCount()).isEqualTo(3);
    assertThat(expected.getResourceMetrics(0).getScopeMetricsCount()).isEqualTo(2);
    assertThat(expected.getResourceMetrics(0).getScopeMetrics(0).getMetricsCount()).isEqualTo(5);
    assertThat(expected.getResourceMetrics(0).getScopeMetrics(1).getMetricsList())
        .extracting(Metric::getName)
        .containsExactly("build_info", "mystery", "no_points");
  }

  @Test
  void u32beRecordsAreOneRequestPerResourceMetricsWithABigEndianLength() throws Exception {
    byte[] bytes = OtlpWriterOutputs.protobuf(families, ProtoFraming.U32BE);

    List<ExportMetricsServiceRequest> parsed = new ArrayList<>();
    for (byte[] r : OtlpWriterOutputs.u32beRecords(bytes, false)) {
      parsed.add(ExportMetricsServiceRequest.parseFrom(r));
    }
    assertThat(parsed).isEqualTo(OtlpWriterExpected.records(families));
    assertThat(bytes[0]).isZero();
  }

  @Test
  void zstdRecordsAreEachCompressedOnTheirOwnBeforeFraming() throws Exception {
    WriteOptions options = WriteOptions.DEFAULTS.withZstdRecords(true);
    byte[] bytes = OtlpWriterOutputs.protobuf(families, options, new Diagnostics());

    List<byte[]> records = OtlpWriterOutputs.u32beRecords(bytes, true);
    List<ExportMetricsServiceRequest> parsed = new ArrayList<>();
    for (byte[] r : records) parsed.add(ExportMetricsServiceRequest.parseFrom(r));
    assertThat(parsed).isEqualTo(OtlpWriterExpected.records(families));
    assertThat(HexFormat.of().formatHex(bytes, 4, 8)).isEqualTo("28b52ffd");
  }

  @Test
  void varintRecordsReadBackWithParseDelimitedFrom() throws Exception {
    byte[] bytes = OtlpWriterOutputs.protobuf(families, ProtoFraming.VARINT);

    assertThat(OtlpWriterOutputs.varintRecords(bytes))
        .isEqualTo(OtlpWriterExpected.records(families));
  }

  @Test
  void gaugeHistogramsAreDroppedWithALossAndAbsentSummaryCountsAreNoted() {
    Diagnostics diagnostics = new Diagnostics();
    OtlpWriterOutputs.protobuf(families, WriteOptions.DEFAULTS, diagnostics);

    assertThat(diagnostics.count("gaugehistogram-dropped")).isEqualTo(1);
    assertThat(diagnostics.count("summary-count-sum-zero")).isEqualTo(1);
    assertThat(diagnostics.entries()).hasSize(2);
  }

  @Test
  void aSingleGaugeIsTheBytesTheJavadocShows() {
    MetricFamily up = new MetricFamily("up", "", "", Resource.EMPTY, Scope.EMPTY,
        new Gauge(List.of(new NumberPoint(Attributes.EMPTY, 0, 5, NumberValue.ofLong(1),
            List.of(), 0))), Attributes.EMPTY, null);

    byte[] bytes = OtlpWriterOutputs.protobuf(List.of(up), ProtoFraming.NONE);

    assertThat(HexFormat.ofDelimiter(" ").formatHex(bytes)).isEqualTo(
        "0a 22 0a 00 12 1e 0a 00 12 1a 0a 02 75 70 2a 14 0a 12 19 05 00 00 00 00 00 00 00"
            + " 31 01 00 00 00 00 00 00 00");
  }

  @Test
  void noFamiliesIsAnEmptyRequestInEveryFraming() {
    for (ProtoFraming framing : ProtoFraming.values()) {
      assertThat(OtlpWriterOutputs.protobuf(List.of(), framing)).as(framing.id()).isEmpty();
    }
  }

  @Test
  void aFullBatchIsFlushedAsItsOwnRecordAndTheMetricsKeepTheirOrder() throws Exception {
    List<MetricFamily> many = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      many.add(new MetricFamily("m" + i, "", "", OtlpWriterFixtures.RESOURCE,
          OtlpWriterFixtures.SCOPE, new Gauge(List.of(NumberPoint.of(Attributes.EMPTY,
              NumberValue.ofLong(i)))), Attributes.EMPTY, null));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OtlpProtobufWriter writer = new OtlpProtobufWriter(out,
        WriteOptions.DEFAULTS.withFraming(ProtoFraming.U32BE), new Diagnostics(),
        new ResourceBatch(/* maxFamilies= */ 2, ResourceBatch.MAX_WEIGHT))) {
      for (MetricFamily f : many) {
        writer.write(f);
        assertThat(writer.pendingFamilies()).isBetween(1, 2);
      }
    }

    List<byte[]> records = OtlpWriterOutputs.u32beRecords(out.toByteArray(), false);
    assertThat(records).hasSize(3);
    List<Metric> metrics = new ArrayList<>();
    for (byte[] r : records) {
      ResourceMetrics rm = ExportMetricsServiceRequest.parseFrom(r).getResourceMetrics(0);
      for (ScopeMetrics sm : rm.getScopeMetricsList()) metrics.addAll(sm.getMetricsList());
    }
    assertThat(metrics)
        .isEqualTo(OtlpWriterExpected.request(many).getResourceMetrics(0).getScopeMetrics(0)
            .getMetricsList());
  }
}
