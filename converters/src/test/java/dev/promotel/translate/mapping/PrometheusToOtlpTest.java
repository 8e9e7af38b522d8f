package dev.promotel.translate.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricWriter;
import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attribute;
import dev.promotel.model.AttributeValue;
import dev.promotel.model.Attributes;
import dev.promotel.model.Gauge;
import dev.promotel.model.Histogram;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.PromType;
import dev.promotel.model.Resource;
import dev.promotel.model.Scope;
import dev.promotel.model.Sum;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusToOtlpTest {
  private static final long NOW = 1_700_000_000_123_000_000L;
  private final Diagnostics diagnostics = new Diagnostics();

  private List<MetricFamily> convert(PrometheusToOtlpOptions options, MetricFamily... input)
      throws IOException {
    Collecting sink = new Collecting();
    try (PrometheusToOtlp t = new PrometheusToOtlp(sink, options, diagnostics, () -> NOW)) {
      for (MetricFamily f : input) t.write(f);
    }
    assertThat(sink.closed).isTrue();
    return sink.families;
  }

  private static NumberPoint sample(Attributes labels, long value) {
    return new NumberPoint(labels, 0, 0, NumberValue.ofLong(value), List.of(), 0);
  }

  private static MetricFamily promCounter(String name, NumberPoint... points) {
    return MetricFamily.ofProm(name + "_total", "", "",
        new Sum(AggregationTemporality.CUMULATIVE, true, List.of(points)), PromType.COUNTER, name);
  }

  private static MetricFamily targetInfo(NumberPoint... points) {
    return MetricFamily.ofProm("target_info", "Target metadata", "",
        new Sum(AggregationTemporality.CUMULATIVE, false, List.of(points)), PromType.INFO,
        "target");
  }

  private static Resource resource(Attribute... attributes) {
    return Resource.of(Attributes.of(List.of(attributes)));
  }

  @Test
  void jobAndInstanceBecomeTheResourceAndLeaveThePointAttributes() throws IOException {
    List<MetricFamily> out = convert(PrometheusToOtlpOptions.DEFAULTS,
        promCounter("http_requests", sample(Attributes.of("job", "api", "instance",
            "host:8080", "code", "200"), 5)));
    assertThat(out).hasSize(1);
    MetricFamily f = out.get(0);
    assertThat(f.name()).isEqualTo("http_requests_total");
    assertThat(f.resource()).isEqualTo(resource(Attribute.of("service.name", "api"),
        Attribute.of("service.instance.id", "host:8080"), Attribute.of("server.address", "host"),
        new Attribute("server.port", new AttributeValue.LongValue(8080))));
    assertThat((Object) f.data().points().get(0).attributes())
        .isEqualTo(Attributes.of("code", "200"));
    assertThat(f.scope()).isEqualTo(Scope.EMPTY);
    assertThat(f.prom().type()).isEqualTo(PromType.COUNTER);
  }

  @Test
  void seriesOfDifferentTargetsBecomeFamiliesOfDifferentResources() throws IOException {
    List<MetricFamily> out = convert(PrometheusToOtlpOptions.DEFAULTS, promCounter("up",
        sample(Attributes.of("job", "a"), 1), sample(Attributes.of("job", "b"), 2),
        sample(Attributes.of("job", "a", "k", "v"), 3)));
    assertThat(out).extracting(f -> f.resource().attributes().getString("service.name"))
        .containsExactly("a", "b");
    assertThat(out.get(0).data().points()).hasSize(2);
  }

  @Test
  void aLaterTargetInfoIsMergedIntoTheResourceAndNotEmitted() throws IOException {
    List<MetricFamily> out = convert(PrometheusToOtlpOptions.DEFAULTS,
        promCounter("c", sample(Attributes.of("job", "api", "instance", "i1"), 1)),
        targetInfo(sample(Attributes.of("job", "api", "instance", "i1", "deployment.env",
            "prod", "empty", ""), 1)));
    assertThat(out).extracting(MetricFamily::name).containsExactly("c_total");
    assertThat(out.get(0).resource().attributes().getString("deployment.env")).isEqualTo("prod");
    assertThat(out.get(0).resource().attributes().containsKey("empty")).isFalse();
    assertThat(diagnostics.hasLosses()).isFalse();
  }

  @Test
  void whenTheBufferOverflowsTheUnattachedTargetInfoIsReported() throws IOException {
    List<MetricFamily> out = convert(PrometheusToOtlpOptions.DEFAULTS.withBuffer(1, 100),
        promCounter("a", sample(Attributes.of("job", "api"), 1)),
        promCounter("b", sample(Attributes.of("job", "api"), 1)),
        targetInfo(sample(Attributes.of("job", "api", "env", "prod"), 1)));
    assertThat(out).extracting(f -> f.resource().attributes().getString("env"))
        .containsExactly(null, "prod");
    assertThat(diagnostics.count("target-info-unattached")).isEqualTo(1);
  }

  @Test
  void otelScopeLabelsBecomeTheScope() throws IOException {
    List<MetricFamily> out = convert(PrometheusToOtlpOptions.DEFAULTS, promCounter("c",
        sample(Attributes.of("otel_scope_name", "io.lib", "otel_scope_version", "1.0",
            "otel_scope_schema_url", "https://s", "otel_scope_library_mascot", "gopher",
            "k", "v"), 1)));
    MetricFamily f = out.get(0);
    assertThat(f.scope()).isEqualTo(new Scope("io.lib", "1.0",
        Attributes.of("library_mascot", "gopher"), "https://s"));
    assertThat((Object) f.data().points().get(0).attributes()).isEqualTo(Attributes.of("k", "v"));
  }

  @Test
  void theScopeNameOptionNamesSeriesWithoutScopeLabels() throws IOException {
    List<MetricFamily> out = convert(PrometheusToOtlpOptions.DEFAULTS.withScope("promotel", "1"),
        promCounter("c", sample(Attributes.EMPTY, 1)));
    assertThat(out.get(0).scope()).isEqualTo(new Scope("promotel", "1", Attributes.EMPTY, ""));
  }

  @Test
  void splitJobNamespaceGivesServiceNamespace() throws IOException {
    List<MetricFamily> out = convert(
        PrometheusToOtlpOptions.DEFAULTS.withSplitJobNamespace(true),
        promCounter("c", sample(Attributes.of("job", "shop/api"), 1)));
    assertThat(out.get(0).resource()).isEqualTo(resource(Attribute.of("service.name", "api"),
        Attribute.of("service.namespace", "shop")));
  }

  @Test
  void missingTimestampsGetTheInjectedClockOrTheDefaultTimestamp() throws IOException {
    NumberPoint stamped = new NumberPoint(Attributes.EMPTY, 0, 42, NumberValue.ONE, List.of(), 0);
    List<MetricFamily> out = convert(PrometheusToOtlpOptions.DEFAULTS,
        MetricFamily.ofProm("g", "", "", new Gauge(List.of(sample(Attributes.of("a", "1"), 1),
            stamped)), PromType.GAUGE, "g"));
    assertThat(out.get(0).data().points()).extracting(p -> p.timeUnixNano())
        .containsExactly(NOW, 42L);
    List<MetricFamily> fixed = convert(PrometheusToOtlpOptions.DEFAULTS.withDefaultTimestamp(7),
        promCounter("c", sample(Attributes.EMPTY, 1)));
    assertThat(fixed.get(0).data().points().get(0).timeUnixNano()).isEqualTo(7);
  }

  @Test
  void unitWordsBecomeUcumAndEmptyLabelsAreDropped() throws IOException {
    List<MetricFamily> out = convert(PrometheusToOtlpOptions.DEFAULTS,
        MetricFamily.ofProm("latency_seconds", "", "seconds",
            new Gauge(List.of(sample(Attributes.of("a", "", "b", "x"), 1))), PromType.GAUGE,
            "latency_seconds"));
    assertThat(out.get(0).unit()).isEqualTo("s");
    assertThat((Object) out.get(0).data().points().get(0).attributes())
        .isEqualTo(Attributes.of("b", "x"));
  }

  @Test
  void gaugeHistogramsAreDroppedWithALoss() throws IOException {
    MetricFamily gh = MetricFamily.ofProm("q", "", "",
        new Histogram(AggregationTemporality.UNSPECIFIED, List.of()), PromType.GAUGEHISTOGRAM,
        "q");
    assertThat(convert(PrometheusToOtlpOptions.DEFAULTS, gh)).isEmpty();
    assertThat(diagnostics.count("gaugehistogram-dropped")).isEqualTo(1);
  }

  @Test
  void trimSuffixesRemovesTotalAndTheUnit() throws IOException {
    MetricFamily c = MetricFamily.ofProm("io_bytes_total", "", "bytes",
        new Sum(AggregationTemporality.CUMULATIVE, true, List.of(sample(Attributes.EMPTY, 1))),
        PromType.COUNTER, "io_bytes");
    assertThat(convert(PrometheusToOtlpOptions.DEFAULTS.withTrimSuffixes(true), c).get(0).name())
        .isEqualTo("io");
  }

  @Test
  void pointsAreNotKeptOnceTheirFamilyIsWritten() throws Exception {
    // A writer that keeps only a weak reference to the first point it is given.
    List<WeakReference<Object>> written = new java.util.ArrayList<>();
    MetricWriter discarding = new MetricWriter() {
      @Override
      public void write(MetricFamily family) {
        written.add(new WeakReference<>(family.data().points().get(0)));
      }

      @Override
      public void close() {}
    };
    PrometheusToOtlp t = new PrometheusToOtlp(discarding,
        PrometheusToOtlpOptions.DEFAULTS.withBuffer(0, 0), diagnostics, () -> NOW);
    t.write(promCounter("a", sample(Attributes.of("job", "api", "instance", "h:1", "x", "y"), 1)));
    // Another family, of another target: nothing may pin the first family's points.
    t.write(promCounter("b", sample(Attributes.of("job", "api", "instance", "h:2"), 2)));

    assertThat(written).hasSize(2);
    for (int i = 0; i < 50 && written.get(0).get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertThat(written.get(0).get()).as("the first point, after it was written").isNull();
    t.close();
  }
}
