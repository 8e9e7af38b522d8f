package dev.promotel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.Format;
import dev.promotel.format.MetricReader;
import dev.promotel.format.MetricWriter;
import dev.promotel.format.ReadOptions;
import dev.promotel.format.WriteOptions;
import dev.promotel.model.Attribute;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.Point;
import dev.promotel.translate.mapping.OtlpToPrometheusOptions;
import dev.promotel.translate.mapping.PrometheusToOtlpOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The round trips of specs/translation.md §8 through {@link Conversion}, as {@code convert} runs
 * them: OpenMetrics → OTLP → OpenMetrics is byte-identical for {@code samples/app.om} with {@code
 * --om-created-lines} (§8.5; the gauge histogram, which OTLP cannot hold, is the one exception and
 * is named in the loss report), and OTLP → OpenMetrics → OTLP keeps HELP, unit, legacy-valid
 * attributes, the scope and the identifying resource attributes (§8.1, §8.4) for {@code
 * samples/collector-export.jsonl}.
 */
class OtlpRoundTripTest {
  private static final Path SAMPLES = Path.of(System.getProperty("promotel.samples", "../samples"));
  private static final WriteOptions CREATED = WriteOptions.DEFAULTS.withCreatedLines(true);
  private static final PrometheusToOtlpOptions TO_OTLP =
      PrometheusToOtlpOptions.DEFAULTS.withDefaultTimestamp(1_710_237_600_000_000_000L);

  private static byte[] convert(byte[] input, Format from, Format to, WriteOptions options,
      PrometheusToOtlpOptions toOtlp, Diagnostics diagnostics) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MetricWriter writer = Codecs.writer(to, out, options, diagnostics);
    try (Conversion c = new Conversion(
            to, writer, OtlpToPrometheusOptions.DEFAULTS, toOtlp, diagnostics);
        MetricReader reader = Codecs.reader(
            from, new ByteArrayInputStream(input), "in", ReadOptions.DEFAULTS, diagnostics)) {
      Pipeline.run(reader, c.sinkFor(from));
    }
    return out.toByteArray();
  }

  private static List<MetricFamily> read(byte[] bytes, Format format) throws IOException {
    List<MetricFamily> out = new ArrayList<>();
    try (MetricReader reader =
        Codecs.reader(format, new ByteArrayInputStream(bytes), "in", ReadOptions.DEFAULTS)) {
      for (Optional<MetricFamily> f = reader.read(); f.isPresent(); f = reader.read()) {
        out.add(f.get());
      }
    }
    return out;
  }

  /** app.om through OTLP and back, and app.om converted straight to OpenMetrics. */
  private static String[] viaOtlpAndDirect(Format otlp, Diagnostics there, Diagnostics back)
      throws IOException {
    byte[] original = Files.readAllBytes(SAMPLES.resolve("app.om"));
    byte[] viaOtlp = convert(original, Format.OM, otlp, CREATED, TO_OTLP, there);
    byte[] again = convert(viaOtlp, otlp, Format.OM, CREATED, TO_OTLP, back);
    byte[] direct = convert(original, Format.OM, Format.OM, CREATED, TO_OTLP, new Diagnostics());
    String withoutGaugeHistogram = new String(direct, StandardCharsets.UTF_8).lines()
        .filter(l -> !l.contains("order_queue_message_age_seconds"))
        .collect(Collectors.joining("\n", "", "\n"));
    return new String[] {new String(again, StandardCharsets.UTF_8), withoutGaugeHistogram};
  }

  /**
   * specs/translation.md §8.5 in full: explicit sample timestamps survive because PrometheusToOtlp
   * marks their metrics {@code prometheus.timestamp=explicit}, and no conversion-time stamp comes
   * back.
   */
  @ParameterizedTest(name = "app.om → {0} → om is byte-identical but for the gauge histogram")
  @EnumSource(value = Format.class, names = {"OTLP_JSON", "OTLP_JSONL", "OTLP_PB"})
  void openMetricsThroughOtlpIsExact(Format otlp) throws IOException {
    Diagnostics there = new Diagnostics();
    Diagnostics back = new Diagnostics();
    String[] result = viaOtlpAndDirect(otlp, there, back);
    assertThat(result[0]).isEqualTo(result[1]);
    assertThat(there.entries()).filteredOn(e -> e.kind() == Diagnostics.Kind.LOSS)
        .extracting(Diagnostics.Entry::code).containsExactly("gaugehistogram-dropped");
    assertThat(back.hasLosses()).isFalse();
  }

  @ParameterizedTest(name = "collector-export.jsonl → {0} → otlp keeps what §8.1 says")
  @EnumSource(value = Format.class, names = {"OM", "PROM"})
  void otlpThroughTextKeepsHelpUnitScopeAttributesAndIdentity(Format text) throws IOException {
    byte[] original = Files.readAllBytes(SAMPLES.resolve("collector-export.jsonl"));
    List<MetricFamily> before = read(original, Format.OTLP_JSONL);
    byte[] viaText = convert(original, Format.OTLP_JSONL, text, CREATED, TO_OTLP,
        new Diagnostics());
    byte[] again = convert(viaText, text, Format.OTLP_PB, WriteOptions.DEFAULTS,
        TO_OTLP.withSplitJobNamespace(true), new Diagnostics());
    List<MetricFamily> after = read(again, Format.OTLP_PB);

    Map<String, MetricFamily> byHelp = new LinkedHashMap<>();
    for (MetricFamily f : before) byHelp.putIfAbsent(f.description(), f);
    // Dropped on the way to text: the non-monotonic delta sum and the exponential histogram.
    assertThat(after).extracting(MetricFamily::description).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(byHelp.keySet().stream()
            .filter(h -> !h.startsWith("Change in") && !h.contains("client requests")).toList());
    for (MetricFamily f : after) {
      MetricFamily was = byHelp.get(f.description());
      assertThat(f.scope().name()).as(f.name()).isEqualTo(was.scope().name());
      assertThat(f.scope().version()).as(f.name()).isEqualTo(was.scope().version());
      for (String key : List.of("service.name", "service.namespace", "service.instance.id")) {
        assertThat(f.resource().attributes().getString(key)).as(f.name() + " " + key)
            .isEqualTo(was.resource().attributes().getString(key));
      }
      // Units with a Prometheus word (s → seconds, By → bytes) come back through UNIT; "1" and
      // annotations such as {request} have none.
      if (text == Format.OM && (was.unit().equals("s") || was.unit().equals("By"))) {
        assertThat(f.unit()).as(f.name()).isEqualTo(was.unit());
      }
      if (f.name().equals(was.name())) {
        assertThat(was.name()).matches("[a-zA-Z_:][a-zA-Z0-9_:]*");
      }
      Point first = was.data().points().get(0);
      Point kept = f.data().points().get(0);
      for (Attribute a : first.attributes()) {
        if (a.key().matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
          assertThat(kept.attributes().get(a.key())).as(f.name() + " " + a.key())
              .isEqualTo(a.value());
        }
      }
    }
  }
}
