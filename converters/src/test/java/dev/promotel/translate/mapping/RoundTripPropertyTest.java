package dev.promotel.translate.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.Diagnostics;
import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attributes;
import dev.promotel.model.Exemplar;
import dev.promotel.model.Gauge;
import dev.promotel.model.Histogram;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricData;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.PromType;
import dev.promotel.model.Quantile;
import dev.promotel.model.Sum;
import dev.promotel.model.Summary;
import dev.promotel.model.SummaryPoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * specs/translation.md §8.5: Prometheus-shaped families → {@link PrometheusToOtlp} → {@link
 * OtlpToPrometheus} gives the input back, with default options (plus {@code withTimestamps} when
 * the input carries sample timestamps): no scope labels, no target_info and no timestamps invented.
 */
class RoundTripPropertyTest {
  private static final long DEFAULT_TIME = 1_600_000_000_000_000_000L;
  private static final String[][] TARGETS = {
      {"", ""}, {"api", ""}, {"api", "h:9090"}, {"shop/api", "10.0.0.1:80"}, {"", "box"}};
  private static final String[] WORDS = {"alpha", "beta", "http", "disk", "queue", "io", "rpc"};

  @Property(tries = 300)
  void prometheusToOtlpAndBackGivesTheSameFamilies(
      @ForAll long seed, @ForAll boolean timestamps, @ForAll boolean withTargetInfo)
      throws IOException {
    List<MetricFamily> input = generate(new Random(seed), timestamps, withTargetInfo);
    Diagnostics diagnostics = new Diagnostics();
    Collecting sink = new Collecting();
    OtlpToPrometheus toProm = new OtlpToPrometheus(sink,
        OtlpToPrometheusOptions.DEFAULTS.withTimestamps(timestamps), diagnostics);
    try (PrometheusToOtlp toOtlp = new PrometheusToOtlp(toProm,
        PrometheusToOtlpOptions.DEFAULTS.withDefaultTimestamp(DEFAULT_TIME), diagnostics)) {
      for (MetricFamily f : input) toOtlp.write(f);
    }
    assertThat(sink.families).isEqualTo(input);
    assertThat(diagnostics.hasLosses()).isFalse();
  }

  private static List<MetricFamily> generate(Random random, boolean timestamps, boolean info) {
    List<MetricFamily> families = new ArrayList<>();
    Map<String, long[]> targetTimes = new LinkedHashMap<>();
    int n = 1 + random.nextInt(6);
    for (int i = 0; i < n; i++) {
      String[] target = TARGETS[random.nextInt(TARGETS.length)];
      String base = "m" + i + "_" + WORDS[random.nextInt(WORDS.length)];
      List<Attributes> series = new ArrayList<>();
      int count = 1 + random.nextInt(3);
      for (int s = 0; s < count; s++) {
        Attributes labels = Attributes.of("series", Integer.toString(s));
        if (random.nextBoolean()) labels = labels.with("code", Integer.toString(random.nextInt(500)));
        if (!target[0].isEmpty()) labels = labels.with("job", target[0]);
        if (!target[1].isEmpty()) labels = labels.with("instance", target[1]);
        series.add(labels);
      }
      long time = timestamps ? (1_700_000_000_000L + random.nextInt(1_000_000)) * 1_000_000L : 0;
      if (!target[0].isEmpty() || !target[1].isEmpty()) {
        long[] latest = targetTimes.computeIfAbsent(target[0] + "\u0000" + target[1],
            k -> new long[1]);
        latest[0] = Math.max(latest[0], time);
      }
      families.add(switch (random.nextInt(6)) {
        case 0 -> counter(random, base, series, time);
        case 1 -> gauge(random, base, series, time, PromType.GAUGE);
        case 2 -> gauge(random, base, series, time, PromType.UNKNOWN);
        case 3 -> histogram(random, base, series, time);
        case 4 -> summary(random, base, series, time);
        default -> infoFamily(base, series, time);
      });
    }
    if (info && !targetTimes.isEmpty()) {
      List<NumberPoint> points = new ArrayList<>();
      for (Map.Entry<String, long[]> e : targetTimes.entrySet()) {
        String[] jobInstance = e.getKey().split("\u0000", -1);
        Attributes labels = Attributes.of("env", "prod");
        if (!jobInstance[0].isEmpty()) labels = labels.with("job", jobInstance[0]);
        if (!jobInstance[1].isEmpty()) labels = labels.with("instance", jobInstance[1]);
        points.add(new NumberPoint(labels, 0, e.getValue()[0], NumberValue.ONE, List.of(), 0));
      }
      // First: OtlpToPrometheus writes target_info ahead of the other families.
      families.add(0, MetricFamily.ofProm("target_info", "Target metadata", "",
          new Sum(AggregationTemporality.CUMULATIVE, false, points), PromType.INFO, "target"));
    }
    return families;
  }

  private static MetricFamily counter(Random random, String base, List<Attributes> series,
      long time) {
    boolean seconds = random.nextBoolean();
    String family = seconds ? base + "_seconds" : base;
    List<NumberPoint> points = new ArrayList<>();
    for (Attributes labels : series) {
      NumberValue value = random.nextBoolean() ? NumberValue.ofLong(random.nextInt(1000))
          : NumberValue.ofDouble(random.nextInt(100000) / 8.0);
      long start = random.nextBoolean() ? 1_500_000_000_000_000_000L : 0;
      List<Exemplar> exemplars = random.nextBoolean() ? List.of()
          : List.of(new Exemplar(Attributes.of("user", "u" + random.nextInt(9)),
              NumberValue.ofDouble(0.5), 1_650_000_000_000_000_000L,
              "4bf92f3577b34da6a3ce929d0e0e4736", ""));
      points.add(new NumberPoint(labels, start, time, value, exemplars, 0));
    }
    return MetricFamily.ofProm(family + "_total", "A counter.", seconds ? "seconds" : "",
        new Sum(AggregationTemporality.CUMULATIVE, true, points), PromType.COUNTER, family);
  }

  private static MetricFamily gauge(Random random, String base, List<Attributes> series,
      long time, PromType type) {
    boolean bytes = random.nextBoolean() && type == PromType.GAUGE;
    String name = bytes ? base + "_bytes" : base;
    List<NumberPoint> points = new ArrayList<>();
    for (Attributes labels : series) {
      NumberValue value = random.nextBoolean() ? NumberValue.ofLong(random.nextInt() )
          : NumberValue.ofDouble(random.nextGaussian());
      points.add(new NumberPoint(labels, 0, time, value, List.of(), 0));
    }
    return MetricFamily.ofProm(name, "", bytes ? "bytes" : "", new Gauge(points), type, name);
  }

  private static MetricFamily histogram(Random random, String base, List<Attributes> series,
      long time) {
    double[] bounds = {0.1, 1, 10};
    List<HistogramPoint> points = new ArrayList<>();
    for (Attributes labels : series) {
      long[] counts = new long[4];
      long total = 0;
      for (int i = 0; i < 4; i++) {
        counts[i] = random.nextInt(50);
        total += counts[i];
      }
      List<Exemplar> exemplars = counts[1] > 0 && random.nextBoolean()
          ? List.of(Exemplar.of(Attributes.of("trace", "t"), NumberValue.ofDouble(0.5), 0))
          : List.of();
      OptionalDouble sum = random.nextBoolean() ? OptionalDouble.of(total * 0.75)
          : OptionalDouble.empty();
      points.add(new HistogramPoint(labels, 0, time, total, sum, bounds, counts,
          OptionalDouble.empty(), OptionalDouble.empty(), exemplars, 0));
    }
    return MetricFamily.ofProm(base, "Latency.", "",
        new Histogram(AggregationTemporality.CUMULATIVE, points), PromType.HISTOGRAM, base);
  }

  private static MetricFamily summary(Random random, String base, List<Attributes> series,
      long time) {
    List<SummaryPoint> points = new ArrayList<>();
    for (Attributes labels : series) {
      points.add(new SummaryPoint(labels, 0, time, OptionalLong.of(random.nextInt(100)),
          OptionalDouble.of(random.nextInt(1000) / 4.0),
          List.of(new Quantile(0.5, 1.5), new Quantile(0.99, random.nextInt(10))), 0));
    }
    return MetricFamily.ofProm(base, "", "", new Summary(points), PromType.SUMMARY, base);
  }

  private static MetricFamily infoFamily(String base, List<Attributes> series, long time) {
    List<NumberPoint> points = new ArrayList<>();
    for (Attributes labels : series) {
      points.add(new NumberPoint(labels.with("version", "1.2"), 0, time, NumberValue.ONE,
          List.of(), 0));
    }
    return MetricFamily.ofProm(base + "_info", "Build facts.", "",
        new Sum(AggregationTemporality.CUMULATIVE, false, points), PromType.INFO, base);
  }

  /** The generator itself must produce what the contract is about. */
  @Property(tries = 50)
  void generatedInputsAreValidPrometheusShapedFamilies(@ForAll long seed) {
    for (MetricFamily f : generate(new Random(seed), true, true)) {
      assertThat(f.prom()).isNotNull();
      assertThat(f.resource().attributes().isEmpty()).isTrue();
      MetricData d = f.data();
      assertThat(d.points()).isNotEmpty();
    }
  }
}
