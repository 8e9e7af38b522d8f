package dev.promotel.format.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricWriter;
import dev.promotel.format.ProtoFraming;
import dev.promotel.format.WriteOptions;
import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attributes;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.Sum;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * A million points go through the writers with bounded memory: families are generated one at a
 * time, the writer keeps at most one bounded batch, and bytes reach the output batch by batch
 * instead of at {@code close()}.
 */
class OtlpWriterStreamingTest {
  private static final int FAMILIES = 1000;
  private static final int POINTS = 1000;

  @Test
  void aMillionPointsAsU32beRecordsAreFlushedBatchByBatch() throws IOException {
    FrameCountingStream out = new FrameCountingStream();
    OtlpProtobufWriter writer = new OtlpProtobufWriter(out,
        WriteOptions.DEFAULTS.withFraming(ProtoFraming.U32BE), new Diagnostics());

    long lagging = writeAll(writer, writer::pendingFamilies, out);
    writer.close();

    // 1000 points weigh about 1000: a batch of 32 Ki holds some 32 families.
    int perBatch = (int) (ResourceBatch.MAX_WEIGHT / (POINTS + 1));
    assertThat(out.frames).isBetween(FAMILIES / perBatch, FAMILIES / perBatch + 2);
    assertThat(lagging).isLessThanOrEqualTo(perBatch);
    assertThat(out.lastFrame.getResourceMetrics(0).getScopeMetrics(0).getMetrics(0).getSum()
        .getDataPointsCount()).isEqualTo(POINTS);
  }

  @Test
  void aMillionPointsAsJsonLinesAreFlushedLineByLine() throws IOException {
    FrameCountingStream out = new FrameCountingStream();
    OtlpJsonWriter writer = new OtlpJsonWriter(out, OtlpJsonWriter.Layout.LINES,
        WriteOptions.DEFAULTS, new Diagnostics());

    long lagging = writeAll(writer, writer::pendingFamilies, out);
    writer.close();

    int perBatch = (int) (ResourceBatch.MAX_WEIGHT / (POINTS + 1));
    assertThat(out.newlines).isBetween((long) FAMILIES / perBatch, (long) FAMILIES / perBatch + 2);
    assertThat(lagging).isLessThanOrEqualTo(perBatch);
  }

  /**
   * Writes the families one by one, checking after each that the writer holds no more than one
   * batch; returns the largest number of families it held.
   */
  private static long writeAll(MetricWriter writer, IntSupplier pending, FrameCountingStream out)
      throws IOException {
    int most = 0;
    long bytesBefore = 0;
    int flushes = 0;
    for (int f = 0; f < FAMILIES; f++) {
      writer.write(family(f));
      most = Math.max(most, pending.getAsInt());
      if (out.bytes > bytesBefore) {
        flushes++;
        bytesBefore = out.bytes;
      }
    }
    assertThat(flushes).as("flushes before close").isGreaterThan(FAMILIES / 64);
    return most;
  }

  private static MetricFamily family(int index) {
    List<NumberPoint> points = new ArrayList<>(POINTS);
    for (int p = 0; p < POINTS; p++) {
      points.add(new NumberPoint(Attributes.of("series", Integer.toString(p)), 1, 2 + index,
          NumberValue.ofLong(p), List.of(), 0));
    }
    return new MetricFamily("family_" + index, "", "", OtlpWriterFixtures.RESOURCE,
        OtlpWriterFixtures.SCOPE, new Sum(AggregationTemporality.CUMULATIVE, true, points),
        Attributes.EMPTY, null);
  }

  /** Discards what it is given, counting bytes, newlines and u32be frames (parsing the last). */
  private static final class FrameCountingStream extends OutputStream {
    long bytes;
    long newlines;
    int frames;
    ExportMetricsServiceRequest lastFrame;
    private final byte[] header = new byte[4];
    private int headerFill;
    private byte[] frame;
    private int frameFill;

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
      for (int i = off; i < off + len; i++) {
        if (b[i] == '\n') newlines++;
        if (frame == null) {
          header[headerFill++] = b[i];
          if (headerFill == 4) {
            int size = (header[0] & 0xff) << 24 | (header[1] & 0xff) << 16
                | (header[2] & 0xff) << 8 | (header[3] & 0xff);
            // JSON text makes absurd sizes; only protobuf frames are followed.
            frame = size < (64 << 20) ? new byte[size] : new byte[0];
            frameFill = 0;
            headerFill = 0;
          }
        } else {
          frame[frameFill++] = b[i];
        }
        if (frame != null && frameFill == frame.length) {
          frames++;
          try {
            if (frame.length > 0) lastFrame = ExportMetricsServiceRequest.parseFrom(frame);
          } catch (IOException e) {
            throw new AssertionError("frame " + frames + " does not parse", e);
          }
          frame = null;
        }
      }
    }
  }
}
