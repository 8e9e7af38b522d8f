package dev.promotel.translate.mapping;

import static dev.promotel.translate.mapping.Families.T;
import static dev.promotel.translate.mapping.Families.counter;
import static dev.promotel.translate.mapping.Families.deltaCounter;
import static dev.promotel.translate.mapping.Families.gauge;
import static dev.promotel.translate.mapping.Families.histogram;
import static dev.promotel.translate.mapping.Families.otlp;
import static dev.promotel.translate.mapping.Families.point;
import static dev.promotel.translate.mapping.Families.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.WriteOptions;
import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attribute;
import dev.promotel.model.AttributeValue;
import dev.promotel.model.Attributes;
import dev.promotel.model.Exemplar;
import dev.promotel.model.ExponentialBuckets;
import dev.promotel.model.ExponentialHistogram;
import dev.promotel.model.ExponentialHistogramPoint;
import dev.promotel.model.Gauge;
import dev.promotel.model.Histogram;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.Point;
import dev.promotel.model.PromMetadata;
import dev.promotel.model.PromType;
import dev.promotel.model.Resource;
import dev.promotel.model.Scope;
import dev.promotel.model.Sum;
import dev.promotel.translate.mapping.OtlpToPrometheusOptions.Delta;
import dev.promotel.translate.mapping.OtlpToPrometheusOptions.ExpHistogramText;
import dev.promotel.translate.mapping.OtlpToPrometheusOptions.Stale;
import dev.promotel.translate.mapping.OtlpToPrometheusOptions.TargetInfo;
import dev.promotel.translate.naming.TranslationStrategy;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OtlpToPrometheusTest {
  private static final OtlpToPrometheusOptions DEFAULTS = OtlpToPrometheusOptions.DEFAULTS;
  private final Diagnostics diagnostics = new Diagnostics();

  private MetricFamily single(OtlpToPrometheusOptions options, MetricFamily input) {
    List<MetricFamily> out = Collecting.otlpToProm(options, diagnostics, input);
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  @ParameterizedTest(name = "{0} names counter system.network.io (By) {1}")
  @CsvSource({
      "UnderscoreEscapingWithSuffixes, system_network_io_bytes_total, bytes",
      "UnderscoreEscapingWithoutSuffixes, system_network_io, ''",
      "NoUTF8EscapingWithSuffixes, system.network.io_bytes_total, bytes",
      "NoTranslation, system.network.io, ''"})
  void eachStrategyNamesACounterAndKeepsTheUnitOnlyWhenTheNameEndsWithIt(
      String strategy, String name, String unit) {
    MetricFamily out = single(DEFAULTS.withStrategy(TranslationStrategy.fromId(strategy)),
        otlp("system.network.io", "By", counter(point(5))));
    assertThat(out.name()).isEqualTo(name);
    assertThat(out.unit()).isEqualTo(unit);
    assertThat(out.promType()).isEqualTo(PromType.COUNTER);
    assertThat(out.prom().originalName()).isEqualTo(name.replaceFirst("_total$", ""));
  }

  @Test
  void theNamespacePrefixesEveryNameIncludingTargetInfo() {
    List<MetricFamily> out = Collecting.otlpToProm(DEFAULTS.withNamespace("app"), diagnostics,
        otlp("requests", "", resource("service.name", "api", "env", "prod"), Scope.EMPTY,
            counter(point(1))));
    assertThat(out).extracting(MetricFamily::name)
        .containsExactly("app_target_info", "app_requests_total");
  }

  @Test
  void aGaugeWithAUnitWritesTheUnitWordAsOpenMetricsUnit() {
    String text = Collecting.openMetrics(DEFAULTS, diagnostics,
        otlp("process.memory.usage", "By", gauge(point(42))));
    assertThat(text).isEqualTo("""
        # TYPE process_memory_usage_bytes gauge
        # UNIT process_memory_usage_bytes bytes
        process_memory_usage_bytes 42
        # EOF
        """);
  }

  @Test
  void withoutSuffixesTheUnitIsLeftOutAndNoted() {
    MetricFamily out = single(DEFAULTS.withStrategy(
        TranslationStrategy.UNDERSCORE_ESCAPING_WITHOUT_SUFFIXES),
        otlp("process.memory.usage", "By", gauge(point(42))));
    assertThat(out.unit()).isEmpty();
    assertThat(diagnostics.count("unit-omitted")).isEqualTo(1);
  }

  @Test
  void collidingAttributeKeysJoinTheirValuesInOriginalKeyOrder() {
    Attributes attrs = Attributes.of("a_b", "3", "a.b", "2", "a-b", "1");
    MetricFamily out = single(DEFAULTS, otlp("g", "", gauge(point(attrs, 0, T, 1))));
    assertThat((Object) out.data().points().get(0).attributes())
        .isEqualTo(Attributes.of("a_b", "1;2;3"));
    assertThat(diagnostics.count("label-collision")).isEqualTo(2);
  }

  @Test
  void nonStringAttributesBecomeTheirStringFormAndEmptyValuesDisappear() {
    Attributes attrs = Families.attrs(new Attribute("ok", new AttributeValue.BoolValue(true)),
        new Attribute("n", new AttributeValue.LongValue(7)), Attribute.of("empty", ""));
    MetricFamily out = single(DEFAULTS, otlp("g", "", gauge(point(attrs, 0, T, 1))));
    assertThat((Object) out.data().points().get(0).attributes())
        .isEqualTo(Attributes.of("n", "7", "ok", "true"));
  }

  @Test
  void scopeLabelsNameVersionAndAttributesAndDropReservedCollisions() {
    Scope scope = new Scope("io.lib", "1.2", Attributes.of("library.mascot", "gopher",
        "name", "clash"), "https://schema");
    MetricFamily out = single(DEFAULTS, otlp("g", "", Resource.EMPTY, scope, gauge(point(1))));
    assertThat((Object) out.data().points().get(0).attributes()).isEqualTo(Attributes.of(
        "otel_scope_name", "io.lib", "otel_scope_version", "1.2",
        "otel_scope_schema_url", "https://schema", "otel_scope_library_mascot", "gopher"));
    assertThat(out.scope()).isEqualTo(Scope.EMPTY);
    assertThat(diagnostics.count("scope-attribute-dropped")).isEqualTo(1);
  }

  @Test
  void aScopeWithoutANameGivesNoScopeLabelsAndIsReported() {
    Scope scope = new Scope("", "1.2", Attributes.EMPTY, "");
    MetricFamily out = single(DEFAULTS, otlp("g", "", Resource.EMPTY, scope, gauge(point(1))));
    assertThat((Object) out.data().points().get(0).attributes()).isEqualTo(Attributes.EMPTY);
    assertThat(diagnostics.count("scope-dropped")).isEqualTo(1);
  }

  @Test
  void noScopeLabelsOptionDropsScopesWithALoss() {
    Scope scope = new Scope("io.lib", "", Attributes.EMPTY, "");
    MetricFamily out = single(DEFAULTS.withScopeLabels(false),
        otlp("g", "", Resource.EMPTY, scope, gauge(point(1))));
    assertThat((Object) out.data().points().get(0).attributes()).isEqualTo(Attributes.EMPTY);
    assertThat(diagnostics.count("scope-dropped")).isEqualTo(1);
  }

  @Test
  void resourceGivesJobInstanceAndOneTargetInfoWrittenFirst() {
    Resource r = resource("service.name", "api", "service.namespace", "shop",
        "service.instance.id", "i-1", "deployment.environment", "prod");
    String text = Collecting.openMetrics(DEFAULTS, diagnostics,
        otlp("http.requests", "", r, Scope.EMPTY, counter(point(
            Attributes.of("http.method", "GET"), 0, T, 5))),
        otlp("queue.size", "", r, Scope.EMPTY, gauge(point(3))));
    assertThat(text).isEqualTo("""
        # TYPE target info
        # HELP target Target metadata
        target_info{deployment_environment="prod",instance="i-1",job="shop/api"} 1
        # TYPE http_requests counter
        http_requests_total{http_method="GET",instance="i-1",job="shop/api"} 5
        # TYPE queue_size gauge
        queue_size{instance="i-1",job="shop/api"} 3
        # EOF
        """);
    assertThat(diagnostics.hasLosses()).isFalse();
  }

  @Test
  void onlyIdentifyingAttributesGiveNoTargetInfoByDefaultButOneWithAlways() {
    MetricFamily f = otlp("g", "", resource("service.name", "api", "service.instance.id", "h:9",
        "server.address", "h", "server.port", "9"), Scope.EMPTY, gauge(point(1)));
    assertThat(Collecting.otlpToProm(DEFAULTS, diagnostics, f)).extracting(MetricFamily::name)
        .containsExactly("g");
    List<MetricFamily> always =
        Collecting.otlpToProm(DEFAULTS.withTargetInfo(TargetInfo.ALWAYS), diagnostics, f);
    assertThat(always).extracting(MetricFamily::name).containsExactly("target_info", "g");
    assertThat((Object) always.get(0).data().points().get(0).attributes())
        .isEqualTo(Attributes.of("instance", "h:9", "job", "api"));
    assertThat(diagnostics.hasLosses()).isFalse();
  }

  @Test
  void targetInfoNeverDropsTheOtherResourceAttributesWithALoss() {
    MetricFamily f = otlp("g", "", resource("service.name", "api", "env", "prod"), Scope.EMPTY,
        gauge(point(1)));
    assertThat(Collecting.otlpToProm(DEFAULTS.withTargetInfo(TargetInfo.NEVER), diagnostics, f))
        .extracting(MetricFamily::name).containsExactly("g");
    assertThat(diagnostics.count("resource-attributes-dropped")).isEqualTo(1);
  }

  @Test
  void aResourceThatComesBackAfterAnotherReportsItsKeyCollisionsAgainAndItsLossesOnce() {
    Resource colliding = resource("service.name", "api", "a.b", "1", "a_b", "2");
    Resource other = resource("service.name", "web", "env", "prod");
    List<MetricFamily> out = Collecting.otlpToProm(DEFAULTS.withTargetInfo(TargetInfo.NEVER)
            .withPromoteResourceAttributes(List.of("a.b", "a_b")), diagnostics,
        otlp("g", "", colliding, Scope.EMPTY, gauge(point(1))),
        otlp("g", "", colliding, Scope.EMPTY, gauge(point(2))),
        otlp("g", "", other, Scope.EMPTY, gauge(point(3))),
        otlp("g", "", colliding, Scope.EMPTY, gauge(point(4))));
    assertThat(out.get(0).data().points()).extracting(p -> p.attributes().getString("a_b"))
        .containsExactly("1;2", null);
    // Worked out again at each change of resource: key reports repeat, losses do not.
    assertThat(diagnostics.count("label-collision")).isEqualTo(2);
    assertThat(diagnostics.count("resource-attributes-dropped")).isEqualTo(1);
  }

  @Test
  void promotedResourceAttributesLabelEverySeriesWithoutOverridingAttributes() {
    MetricFamily f = otlp("g", "", resource("service.name", "api", "env", "prod", "zone", "z1"),
        Scope.EMPTY, gauge(point(Attributes.of("zone", "own"), 0, T, 1)));
    List<MetricFamily> out = Collecting.otlpToProm(
        DEFAULTS.withPromoteResourceAttributes(List.of("env", "zone")), diagnostics, f);
    assertThat(out).extracting(MetricFamily::name).containsExactly("target_info", "g");
    assertThat((Object) out.get(1).data().points().get(0).attributes())
        .isEqualTo(Attributes.of("env", "prod", "job", "api", "zone", "own"));
  }

  @Test
  void deltaCountersAreAccumulatedPerSeriesInArrivalOrder() {
    Attributes a = Attributes.of("k", "a");
    Attributes b = Attributes.of("k", "b");
    MetricFamily in = otlp("c", "", deltaCounter(
        point(a, 10, 20, 3), point(b, 10, 20, 100), point(a, 20, 30, 4), point(a, 30, 40, 5)));
    assertThat(single(DEFAULTS.withTimestamps(true), in).data()).isEqualTo(counter(
        point(a, 10, 20, 3), point(a, 10, 30, 7), point(a, 10, 40, 12), point(b, 10, 20, 100)));
    // Without timestamps only the running total of each series is left.
    assertThat(single(DEFAULTS, in).data()).isEqualTo(counter(
        point(a, 10, 0, 12), point(b, 10, 0, 100)));
    assertThat(diagnostics.hasLosses()).isFalse();
  }

  @Test
  void aSingleDeltaPointBecomesTheSameCumulativePoint() {
    MetricFamily out = single(DEFAULTS.withTimestamps(true),
        otlp("c", "", deltaCounter(point(Attributes.EMPTY, 5, 9, 3))));
    assertThat(out.data()).isEqualTo(counter(point(Attributes.EMPTY, 5, 9, 3)));
  }

  @Test
  void deltaHistogramsAreAccumulatedBucketByBucket() {
    double[] bounds = {1, 2};
    MetricFamily in = otlp("h", "", new Histogram(AggregationTemporality.DELTA, List.of(
        histogram(10, 20, bounds, new long[] {1, 2, 3}, 4.5, List.of()),
        histogram(20, 30, bounds, new long[] {0, 1, 1}, 2.5, List.of()))));
    MetricFamily out = single(DEFAULTS.withTimestamps(true), in);
    assertThat(out.data()).isEqualTo(new Histogram(AggregationTemporality.CUMULATIVE, List.of(
        histogram(10, 20, bounds, new long[] {1, 2, 3}, 4.5, List.of()),
        histogram(10, 30, bounds, new long[] {1, 3, 4}, 7.0, List.of()))));
  }

  @Test
  void theDeltaStateIsBoundedAndReportsPointsOfFurtherSeries() {
    MetricFamily out = single(DEFAULTS.withMaxDeltaSeries(1).withTimestamps(true),
        otlp("c", "", deltaCounter(
        point(Attributes.of("k", "a"), 1, 2, 1), point(Attributes.of("k", "b"), 1, 2, 1),
        point(Attributes.of("k", "a"), 2, 3, 1))));
    assertThat(out.data().points()).hasSize(2);
    assertThat(diagnostics.count("delta-state-full")).isEqualTo(1);
  }

  @Test
  void nonMonotonicDeltaSumsAndUnspecifiedTemporalityAreDroppedAndCounted() {
    MetricFamily nonMonotonic = otlp("u", "", new Sum(AggregationTemporality.DELTA, false,
        List.of(point(1), point(2))));
    MetricFamily unspecified = otlp("v", "", new Sum(AggregationTemporality.UNSPECIFIED, true,
        List.of(point(1))));
    assertThat(Collecting.otlpToProm(DEFAULTS, diagnostics, nonMonotonic, unspecified)).isEmpty();
    assertThat(diagnostics.count("non-monotonic-delta-dropped")).isEqualTo(2);
    assertThat(diagnostics.count("unspecified-temporality-dropped")).isEqualTo(1);
  }

  @Test
  void deltaDropOptionDropsMonotonicDeltasToo() {
    assertThat(Collecting.otlpToProm(DEFAULTS.withDelta(Delta.DROP), diagnostics,
        otlp("c", "", deltaCounter(point(1))))).isEmpty();
    assertThat(diagnostics.count("delta-dropped")).isEqualTo(1);
  }

  @Test
  void nonMonotonicCumulativeSumsBecomeGaugesOrTheirDeclaredType() {
    MetricFamily plain = single(DEFAULTS, otlp("s", "", new Sum(
        AggregationTemporality.CUMULATIVE, false, List.of(point(3)))));
    assertThat(plain.data()).isInstanceOf(Gauge.class);
    assertThat(plain.promType()).isEqualTo(PromType.GAUGE);
    MetricFamily unknown = single(DEFAULTS, new MetricFamily("s", "", "", Resource.EMPTY,
        Scope.EMPTY, new Sum(AggregationTemporality.CUMULATIVE, false, List.of(point(3))),
        Attributes.EMPTY, new PromMetadata(PromType.UNKNOWN, "s")));
    assertThat(unknown.data()).isInstanceOf(Gauge.class);
    assertThat(unknown.promType()).isEqualTo(PromType.UNKNOWN);
  }

  private static ExponentialHistogramPoint exp(long start, long time, long count, long zero,
      ExponentialBuckets positive, ExponentialBuckets negative) {
    return new ExponentialHistogramPoint(Attributes.EMPTY, start, time, count,
        OptionalDouble.of(10), 0, zero, 0, positive, negative, OptionalDouble.empty(),
        OptionalDouble.empty(), List.of(), 0);
  }

  @Test
  void exponentialHistogramsAreDroppedFromTextByDefault() {
    MetricFamily in = otlp("e", "", new ExponentialHistogram(AggregationTemporality.CUMULATIVE,
        List.of(exp(0, T, 3, 1, new ExponentialBuckets(1, new long[] {0, 2}),
            ExponentialBuckets.EMPTY))));
    assertThat(Collecting.otlpToProm(DEFAULTS, diagnostics, in)).isEmpty();
    assertThat(diagnostics.count("exponential-histogram-dropped")).isEqualTo(1);
  }

  @Test
  void classicModeWritesPowersOfTheBaseWithTheZeroBucketFolded() {
    MetricFamily in = otlp("e", "", new ExponentialHistogram(AggregationTemporality.CUMULATIVE,
        List.of(exp(0, T, 6, 1, new ExponentialBuckets(1, new long[] {0, 2}),
            new ExponentialBuckets(0, new long[] {3})))));
    MetricFamily out = single(DEFAULTS.withExpHistogramText(ExpHistogramText.CLASSIC), in);
    assertThat(out.promType()).isEqualTo(PromType.HISTOGRAM);
    HistogramPoint p = (HistogramPoint) out.data().points().get(0);
    // negative bucket 0 is [-2, -1); zero bucket joins (-1, 4]; positive buckets 1, 2 end at 4, 8.
    assertThat(p.explicitBounds()).containsExactly(-1.0, 4.0, 8.0);
    assertThat(p.bucketCounts()).containsExactly(3, 1, 2, 0);
    assertThat(p.count()).isEqualTo(6);
    String text = Collecting.openMetrics(
        DEFAULTS.withExpHistogramText(ExpHistogramText.CLASSIC), diagnostics, in);
    assertThat(text).startsWith("""
        # TYPE e histogram
        e_bucket{le="-1.0"} 3
        e_bucket{le="4.0"} 4
        e_bucket{le="8.0"} 6
        e_bucket{le="+Inf"} 6
        """);
  }

  @Test
  void deltaExponentialHistogramsAccumulateAcrossScalesBeforeTheClassicConversion() {
    MetricFamily in = otlp("e", "", new ExponentialHistogram(AggregationTemporality.DELTA,
        List.of(exp(1, 2, 2, 0, new ExponentialBuckets(0, new long[] {1, 1}),
            ExponentialBuckets.EMPTY),
            new ExponentialHistogramPoint(Attributes.EMPTY, 2, 3, 1, OptionalDouble.of(1), -1, 0,
                0, new ExponentialBuckets(0, new long[] {1}), ExponentialBuckets.EMPTY,
                OptionalDouble.empty(), OptionalDouble.empty(), List.of(), 0))));
    MetricFamily out = single(
        DEFAULTS.withExpHistogramText(ExpHistogramText.CLASSIC).withTimestamps(true), in);
    HistogramPoint last = (HistogramPoint) out.data().points().get(1);
    // Scale -1 (base 4): buckets 0 and 1 of scale 0 merge into bucket 0, (1, 4].
    assertThat(last.explicitBounds()).containsExactly(4.0);
    assertThat(last.bucketCounts()).containsExactly(3, 0);
    assertThat(last.startTimeUnixNano()).isEqualTo(1);
  }

  private static Exemplar exemplar(double value, long time, Attributes attrs) {
    return new Exemplar(attrs, NumberValue.ofDouble(value), time,
        "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7");
  }

  @Test
  void countersKeepTheLatestExemplarAndGaugesNone() {
    Exemplar old = exemplar(1, 100, Attributes.EMPTY);
    Exemplar latest = exemplar(2, 200, Attributes.EMPTY);
    NumberPoint withExemplars = new NumberPoint(Attributes.EMPTY, 0, T, NumberValue.ONE,
        List.of(latest, old), 0);
    MetricFamily c = single(DEFAULTS, otlp("c", "", counter(withExemplars)));
    assertThat(c.data().points().get(0).exemplars()).containsExactly(latest);
    MetricFamily g = single(DEFAULTS, otlp("g", "", gauge(withExemplars)));
    assertThat(g.data().points().get(0).exemplars()).isEmpty();
    assertThat(diagnostics.count("exemplar-dropped")).isEqualTo(3);
  }

  @Test
  void histogramsKeepTheLatestExemplarPerBucket() {
    Exemplar a = exemplar(0.5, 100, Attributes.EMPTY);
    Exemplar b = exemplar(0.7, 300, Attributes.EMPTY);
    Exemplar c = exemplar(0.6, 200, Attributes.EMPTY);
    Exemplar d = exemplar(50, 100, Attributes.EMPTY);
    MetricFamily out = single(DEFAULTS, otlp("h", "", new Histogram(
        AggregationTemporality.CUMULATIVE, List.of(histogram(0, T, new double[] {1, 10},
            new long[] {3, 0, 1}, 52, List.of(d, a, b, c))))));
    assertThat(out.data().points().get(0).exemplars()).containsExactly(b, d);
    assertThat(diagnostics.count("exemplar-dropped")).isEqualTo(2);
  }

  @Test
  void exemplarAttributesOverTheCodePointLimitAreDroppedButTheIdsKept() {
    // ids: 8 + 32 + 7 + 16 = 63 code points; "user" + 62 more make 129 > 128.
    Attributes small = Attributes.of("user", "u1");
    Attributes big = Attributes.of("user", "x".repeat(62));
    NumberPoint p = new NumberPoint(Attributes.EMPTY, 0, T, NumberValue.ONE,
        List.of(exemplar(1, 1, small)), 0);
    NumberPoint q = new NumberPoint(Attributes.of("k", "q"), 0, T, NumberValue.ONE,
        List.of(exemplar(1, 1, big)), 0);
    MetricFamily out = single(DEFAULTS, otlp("c", "", counter(p, q)));
    assertThat((Object) out.data().points().get(0).exemplars().get(0).filteredAttributes())
        .isEqualTo(small);
    Exemplar trimmed = out.data().points().get(1).exemplars().get(0);
    assertThat((Object) trimmed.filteredAttributes()).isEqualTo(Attributes.EMPTY);
    assertThat(trimmed.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(diagnostics.count("exemplar-attributes-dropped")).isEqualTo(1);
  }

  @Test
  void stalePointsAreDroppedWithALossOrBecomeStaleNaN() {
    NumberPoint stale = new NumberPoint(Attributes.EMPTY, 0, T, NumberValue.ZERO, List.of(),
        Point.FLAG_NO_RECORDED_VALUE);
    assertThat(Collecting.otlpToProm(DEFAULTS, diagnostics, otlp("g", "", gauge(stale))))
        .isEmpty();
    assertThat(diagnostics.count("no-recorded-value-dropped")).isEqualTo(1);
    MetricFamily nan = single(DEFAULTS.withStale(Stale.NAN), otlp("g", "", gauge(stale)));
    NumberPoint p = (NumberPoint) nan.data().points().get(0);
    assertThat(Double.doubleToRawLongBits(p.value().doubleValue()))
        .isEqualTo(0x7ff0000000000002L);
    assertThat(p.hasNoRecordedValue()).isFalse();
  }

  @Test
  void sampleTimestampsAreOmittedByDefaultWhileStartTimesStay() {
    MetricFamily in = otlp("c", "", counter(point(Attributes.EMPTY, 1_000_000_000L, T, 1)));
    assertThat(single(DEFAULTS, in).data().points().get(0).timeUnixNano()).isZero();
    MetricFamily kept = single(DEFAULTS.withTimestamps(true), in);
    assertThat(kept.data().points().get(0).timeUnixNano()).isEqualTo(T);
    String text = Collecting.openMetrics(WriteOptions.DEFAULTS.withCreatedLines(true), DEFAULTS,
        diagnostics, in);
    assertThat(text).contains("c_created 1\n").doesNotContain(" 1700000000");
  }

  @Test
  void otlpMetadataIsDroppedWithALoss() {
    MetricFamily in = new MetricFamily("g", "", "", Resource.EMPTY, Scope.EMPTY, gauge(point(1)),
        Attributes.of("k", "v"), null);
    assertThat((Object) single(DEFAULTS, in).metadata()).isEqualTo(Attributes.EMPTY);
    assertThat(diagnostics.count("metadata-dropped")).isEqualTo(1);
  }
}
