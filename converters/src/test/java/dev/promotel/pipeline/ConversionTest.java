package dev.promotel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.Format;
import dev.promotel.format.MetricReader;
import dev.promotel.format.MetricWriter;
import dev.promotel.format.ReadOptions;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.PromType;
import dev.promotel.model.Resource;
import dev.promotel.model.Sum;
import dev.promotel.translate.mapping.OtlpToPrometheusOptions;
import dev.promotel.translate.mapping.PrometheusToOtlpOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which mapping each input of {@code convert} goes through, and how the mappings end. */
class ConversionTest {
  private static final long T = 1_710_237_600_000_000_000L;
  private static final PrometheusToOtlpOptions TO_OTLP = PrometheusToOtlpOptions.DEFAULTS
      .withDefaultTimestamp(T);

  /** A sink that keeps what it gets and whether (and when) it was closed. */
  static final class Recorder implements MetricWriter {
    final List<Object> events = new ArrayList<>();

    @Override
    public void write(MetricFamily family) {
      events.add(family);
    }

    @Override
    public void close() {
      events.add("closed");
    }

    List<MetricFamily> families() {
      List<MetricFamily> out = new ArrayList<>();
      for (Object e : events) if (e instanceof MetricFamily f) out.add(f);
      return out;
    }
  }

  private static Conversion conversion(Format target, Recorder out, Diagnostics diagnostics) {
    return new Conversion(target, out, OtlpToPrometheusOptions.DEFAULTS, TO_OTLP, diagnostics);
  }

  private static void feed(Conversion c, Format from, String input) throws IOException {
    byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
    try (MetricReader reader =
        Codecs.reader(from, new ByteArrayInputStream(bytes), "in", ReadOptions.DEFAULTS)) {
      Pipeline.run(reader, c.sinkFor(from));
    }
  }

  private static String deltaJson(String service, double value, int start, int end) {
    return "{\"resourceMetrics\":[{\"resource\":{\"attributes\":["
        + "{\"key\":\"service.name\",\"value\":{\"stringValue\":\"" + service + "\"}},"
        + "{\"key\":\"host.name\",\"value\":{\"stringValue\":\"h1\"}}]},"
        + "\"scopeMetrics\":[{\"metrics\":[{\"name\":\"jobs.done\",\"unit\":\"1\",\"sum\":{"
        + "\"aggregationTemporality\":1,\"isMonotonic\":true,\"dataPoints\":[{\"asDouble\":" + value
        + ",\"startTimeUnixNano\":\"" + (T + start * 1_000_000_000L) + "\",\"timeUnixNano\":\""
        + (T + end * 1_000_000_000L) + "\"}]}}]}]}]}\n";
  }

  @ParameterizedTest(name = "{0} into {0}''s kind goes to the writer unmapped")
  @EnumSource(Format.class)
  void anInputOfTheTargetsKindGoesStraightToTheWriter(Format format) {
    Recorder out = new Recorder();
    try (Conversion c = conversion(format, out, new Diagnostics())) {
      assertThat(c.sinkFor(format)).isSameAs(out);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThat(out.events).containsExactly("closed");
  }

  @Test
  void formatKindsAreTheTwoDataModels() {
    assertThat(Conversion.Kind.of(Format.PROM)).isEqualTo(Conversion.Kind.PROMETHEUS);
    assertThat(Conversion.Kind.of(Format.OM)).isEqualTo(Conversion.Kind.PROMETHEUS);
    assertThat(Conversion.Kind.of(Format.OTLP_JSON)).isEqualTo(Conversion.Kind.OTLP);
    assertThat(Conversion.Kind.of(Format.OTLP_JSONL)).isEqualTo(Conversion.Kind.OTLP);
    assertThat(Conversion.Kind.of(Format.OTLP_PB)).isEqualTo(Conversion.Kind.OTLP);
  }

  @Test
  void otlpIntoTextIsMappedAndTwoOtlpInputsShareOneMapping() throws IOException {
    Recorder out = new Recorder();
    Diagnostics diagnostics = new Diagnostics();
    try (Conversion c = conversion(Format.OM, out, diagnostics)) {
      MetricWriter first = c.sinkFor(Format.OTLP_JSONL);
      assertThat(c.sinkFor(Format.OTLP_PB)).isSameAs(first).isNotSameAs(out);
      feed(c, Format.OTLP_JSONL, deltaJson("api", 3, 0, 10));
      feed(c, Format.OTLP_JSONL, deltaJson("api", 4, 10, 20));
    }
    List<MetricFamily> families = out.families();
    // The delta of the second input continues the first: 3, then 3 + 4, from the first start;
    // the mapping writes the series once, with its latest value, when it ends.
    assertThat(families).extracting(MetricFamily::name)
        .containsExactly("target_info", "jobs_done_total");
    assertThat(((Sum) families.get(1).data()).points()).hasSize(1);
    NumberPoint latest = ((Sum) families.get(1).data()).points().get(0);
    assertThat(latest.value().doubleValue()).isEqualTo(7.0);
    assertThat(latest.startTimeUnixNano()).isEqualTo(T);
    assertThat(families.get(1).resource()).isEqualTo(Resource.EMPTY);
    // One target_info for the one resource, written when the mapping ends, before the trailer.
    assertThat(out.events).last().isEqualTo("closed");
    assertThat(out.events).filteredOn(e -> e.equals("closed")).hasSize(1);
    assertThat(families.get(0).promType()).isEqualTo(PromType.INFO);
  }

  @Test
  void textIntoOtlpIsMappedWithTargetInfoFromAnyTextInput() throws IOException {
    Recorder out = new Recorder();
    try (Conversion c = conversion(Format.OTLP_PB, out, new Diagnostics())) {
      feed(c, Format.PROM, "# TYPE up gauge\nup{job=\"api\",instance=\"h1:9090\"} 1\n");
      feed(c, Format.OM, "# TYPE target info\n"
          + "target_info{job=\"api\",instance=\"h1:9090\",region=\"eu\"} 1\n# EOF\n");
    }
    List<MetricFamily> families = out.families();
    assertThat(families).extracting(MetricFamily::name).containsExactly("up");
    assertThat(families.get(0).resource().attributes().getString("region")).isEqualTo("eu");
    assertThat(families.get(0).resource().attributes().getString("service.name")).isEqualTo("api");
  }

  @Test
  void mixedInputsEachTakeTheChainOfTheirKindIntoOneOutput() throws IOException {
    Recorder out = new Recorder();
    try (Conversion c = conversion(Format.PROM, out, new Diagnostics())) {
      assertThat(c.sinkFor(Format.PROM)).isSameAs(out);
      feed(c, Format.PROM, "# TYPE up gauge\nup 1\n");
      feed(c, Format.OTLP_JSONL, deltaJson("api", 3, 0, 10));
      feed(c, Format.OM, "# TYPE queue_depth gauge\nqueue_depth 5\n# EOF\n");
    }
    // The OTLP input's families are held by the mapping until it ends (they merge with those of
    // any later OTLP input), so they follow the text inputs' families.
    assertThat(out.families()).extracting(MetricFamily::name)
        .containsExactly("up", "queue_depth", "target_info", "jobs_done_total");
    assertThat(out.families().get(3).data().points().get(0).attributes().getString("job"))
        .isEqualTo("api");
    assertThat(out.events).last().isEqualTo("closed");
  }

  @Test
  void aClosedConversionHandsOutNoMoreSinks() throws IOException {
    Conversion c = conversion(Format.OM, new Recorder(), new Diagnostics());
    c.close();
    c.close();
    assertThatThrownBy(() -> c.sinkFor(Format.PROM)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theWriterIsClosedEvenWhenTheMappingFailsToEnd() {
    List<Object> events = new ArrayList<>();
    MetricWriter failing = new MetricWriter() {
      @Override
      public void write(MetricFamily family) throws IOException {
        throw new IOException("disk full");
      }

      @Override
      public void close() {
        events.add("closed");
      }
    };
    Conversion c = new Conversion(
        Format.OM, failing, OtlpToPrometheusOptions.DEFAULTS, TO_OTLP, new Diagnostics());
    assertThatThrownBy(() -> {
      try (c) {
        feed(c, Format.OTLP_JSONL, deltaJson("api", 3, 0, 10));
      }
    }).hasMessageContaining("disk full");
    assertThat(events).containsExactly("closed");
  }
}
