package dev.promotel.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.openmetrics.OpenMetricsReader;
import dev.promotel.format.openmetrics.OpenMetricsWriter;
import dev.promotel.format.prometheus.PrometheusTextReader;
import dev.promotel.format.prometheus.PrometheusTextWriter;
import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attributes;
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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The round-trip contract between the two text formats: 0.0.4 → OpenMetrics → 0.0.4 gives back
 * the same text, and OpenMetrics → 0.0.4 → OpenMetrics the same families, so every value (bit for
 * bit), label, HELP and TYPE survives, for every family both formats can hold.
 */
class TextRoundTripTest {

  @Property(tries = 300)
  void promToOpenMetricsAndBackIsTheIdentity(@ForAll("dumps") List<MetricFamily> dump)
      throws IOException {
    String prom = writeProm(dump);
    String om = writeOm(readProm(prom));
    String back = writeProm(readOm(om));
    assertThat(back).isEqualTo(prom);
    assertSameValues(readProm(back), readProm(prom));
  }

  @Property(tries = 300)
  void openMetricsToPromAndBackIsTheIdentity(@ForAll("dumps") List<MetricFamily> dump)
      throws IOException {
    List<MetricFamily> fromOm = readOm(writeOm(dump));
    List<MetricFamily> back = readOm(writeOm(readProm(writeProm(fromOm))));
    // 0.0.4 spells an integral float as an integer (Go %g), so compare values, not text.
    assertSameValues(back, fromOm);
  }

  @Property(tries = 200)
  void valuesSurviveBitForBit(@ForAll("dumps") List<MetricFamily> dump) throws IOException {
    List<MetricFamily> viaOm = readOm(writeOm(readProm(writeProm(dump))));
    assertSameValues(viaOm, dump);
  }

  private static void assertSameValues(List<MetricFamily> actual, List<MetricFamily> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int f = 0; f < expected.size(); f++) {
      MetricData a = actual.get(f).data();
      MetricData e = expected.get(f).data();
      assertThat(actual.get(f).name()).isEqualTo(expected.get(f).name());
      assertThat(actual.get(f).description()).isEqualTo(expected.get(f).description());
      assertThat(actual.get(f).promType()).isEqualTo(expected.get(f).promType());
      assertThat(a.points()).hasSameSizeAs(e.points());
      for (int p = 0; p < e.points().size(); p++) {
        assertThat((Object) a.points().get(p).attributes()).isEqualTo(e.points().get(p).attributes());
        assertThat(a.points().get(p).timeUnixNano()).isEqualTo(e.points().get(p).timeUnixNano());
        if (e.points().get(p) instanceof NumberPoint en) {
          NumberPoint an = (NumberPoint) a.points().get(p);
          // Bits, not ==: -0.0 must stay -0.0 (NaN payloads collapse; text cannot spell them).
          assertThat(Double.doubleToLongBits(an.value().toDouble()))
              .as("value of %s", en)
              .isEqualTo(Double.doubleToLongBits(en.value().toDouble()));
        } else {
          assertThat((Object) a.points().get(p)).isEqualTo(e.points().get(p));
        }
      }
    }
  }

  // --- generators: families that both 0.0.4 and OpenMetrics can hold -------------------------

  @Provide
  Arbitrary<List<MetricFamily>> dumps() {
    return family().list().ofMinSize(1).ofMaxSize(6).filter(TextRoundTripTest::uniqueNames);
  }

  private static boolean uniqueNames(List<MetricFamily> families) {
    Set<String> stems = new HashSet<>();
    for (MetricFamily f : families) {
      // Families whose names could clash in OpenMetrics (a vs a_total, a_bucket) are avoided.
      String stem = f.name().replaceAll("_(total|info|bucket|count|sum|created)$", "");
      if (!stems.add(stem)) return false;
    }
    return true;
  }

  private Arbitrary<MetricFamily> family() {
    Arbitrary<String> stem = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
        .map(s -> "m_" + s);
    // 0.0.4 readers skip blanks before HELP text, so such texts are a reported loss, not a round trip.
    Arbitrary<String> help = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.strings().ofMaxLength(20)
        .filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c)))
        .filter(s -> !s.startsWith(" ") && !s.startsWith("\t")));
    return Combinators.combine(stem, help, Arbitraries.of(PromType.COUNTER, PromType.GAUGE,
            PromType.UNKNOWN, PromType.HISTOGRAM, PromType.SUMMARY), labelSets())
        .flatAs((name, h, type, labels) -> data(type, labels).map(data -> {
          String familyName = type == PromType.COUNTER ? name + "_total" : name;
          return MetricFamily.ofProm(familyName, h, "", data, type, familyName);
        }));
  }

  private Arbitrary<List<Attributes>> labelSets() {
    Arbitrary<String> labelName = Arbitraries.of("a", "b", "env", "job", "instance", "le_x", "path");
    Arbitrary<String> labelValue = Arbitraries.strings().ofMaxLength(12)
        .filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c)));
    Arbitrary<Attributes> labels = Combinators.combine(
            labelName.list().ofMaxSize(3).uniqueElements(), labelValue.list().ofSize(3))
        .as((names, values) -> {
          List<String> kv = new ArrayList<>();
          for (int i = 0; i < names.size(); i++) {
            kv.add(names.get(i));
            kv.add(values.get(i));
          }
          return Attributes.of(kv.toArray(new String[0]));
        });
    return labels.list().ofMinSize(1).ofMaxSize(4).uniqueElements();
  }

  private static Arbitrary<NumberValue> anyValue() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(NumberValue::ofLong),
        Arbitraries.doubles().map(NumberValue::ofDouble),
        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
                Double.MIN_VALUE, 1e6, 1.5e-7, 9.223372036854775807e18)
            .map(NumberValue::ofDouble));
  }

  private static Arbitrary<NumberValue> counterValue() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, Long.MAX_VALUE).map(NumberValue::ofLong),
        Arbitraries.doubles().between(0, 1e300).map(NumberValue::ofDouble));
  }

  /** Millisecond timestamps (0 = none), which both formats can carry exactly. */
  private static Arbitrary<Long> time() {
    return Arbitraries.oneOf(Arbitraries.just(0L),
        Arbitraries.longs().between(1, 4_000_000_000_000L).map(ms -> ms * 1_000_000L));
  }

  private Arbitrary<MetricData> data(PromType type, List<Attributes> labels) {
    int n = labels.size();
    return switch (type) {
      case COUNTER -> Combinators.combine(counterValue().list().ofSize(n), time().list().ofSize(n))
          .as((values, times) -> new Sum(AggregationTemporality.CUMULATIVE, true, numbers(labels, values, times)));
      case GAUGE, UNKNOWN -> Combinators.combine(anyValue().list().ofSize(n), time().list().ofSize(n))
          .as((values, times) -> new Gauge(numbers(labels, values, times)));
      case HISTOGRAM -> histogramPoint().list().ofSize(n).map(points -> {
        List<HistogramPoint> withLabels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          HistogramPoint p = points.get(i);
          withLabels.add(new HistogramPoint(labels.get(i), 0, p.timeUnixNano(), p.count(), p.sum(),
              p.explicitBounds(), p.bucketCounts(), OptionalDouble.empty(), OptionalDouble.empty(),
              List.of(), 0));
        }
        return new Histogram(AggregationTemporality.CUMULATIVE, withLabels);
      });
      case SUMMARY -> summaryPoint().list().ofSize(n).map(points -> {
        List<SummaryPoint> withLabels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          SummaryPoint p = points.get(i);
          withLabels.add(new SummaryPoint(labels.get(i), 0, p.timeUnixNano(), p.count(), p.sum(),
              p.quantiles(), 0));
        }
        return new Summary(withLabels);
      });
      default -> throw new AssertionError(type);
    };
  }

  private static List<NumberPoint> numbers(List<Attributes> labels, List<NumberValue> values, List<Long> times) {
    List<NumberPoint> points = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      points.add(new NumberPoint(labels.get(i), 0, times.get(i), values.get(i), List.of(), 0));
    }
    return points;
  }

  private static Arbitrary<HistogramPoint> histogramPoint() {
    Arbitrary<double[]> bounds = Arbitraries.doubles().between(-1e6, 1e6).list().ofMaxSize(5)
        .map(list -> list.stream().mapToDouble(Double::doubleValue).distinct().sorted().toArray());
    return Combinators.combine(bounds, Arbitraries.longs().between(0, 1_000_000).list().ofSize(6),
            Arbitraries.doubles().between(0, 1e9), time())
        .as((b, counts, sum, t) -> {
          long[] perBucket = new long[b.length + 1];
          long total = 0;
          for (int i = 0; i < perBucket.length; i++) {
            perBucket[i] = counts.get(i);
            total += perBucket[i];
          }
          // A sum with negative buckets is not valid OpenMetrics, so only non-negative bounds get one.
          OptionalDouble s = b.length == 0 || b[0] >= 0 ? OptionalDouble.of(sum) : OptionalDouble.empty();
          return new HistogramPoint(Attributes.EMPTY, 0, t, total, s, b, perBucket,
              OptionalDouble.empty(), OptionalDouble.empty(), List.of(), 0);
        });
  }

  private static Arbitrary<SummaryPoint> summaryPoint() {
    Arbitrary<List<Quantile>> quantiles = Arbitraries.of(0.0, 0.5, 0.9, 0.99, 0.999, 1.0).set().ofMaxSize(4)
        .flatMap(qs -> Arbitraries.doubles().between(0, 1e6).list().ofSize(qs.size()).map(values -> {
          List<Double> sorted = qs.stream().sorted().toList();
          List<Quantile> out = new ArrayList<>();
          for (int i = 0; i < sorted.size(); i++) out.add(new Quantile(sorted.get(i), values.get(i)));
          return out;
        }));
    return Combinators.combine(quantiles, Arbitraries.longs().between(0, 1L << 40),
            Arbitraries.doubles().between(0, 1e9), time())
        .as((q, count, sum, t) -> new SummaryPoint(Attributes.EMPTY, 0, t, OptionalLong.of(count),
            OptionalDouble.of(sum), q, 0));
  }

  // --- plumbing -----------------------------------------------------------------------------

  private static String writeProm(List<MetricFamily> families) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Diagnostics diagnostics = new Diagnostics();
    write(new PrometheusTextWriter(out, WriteOptions.DEFAULTS, diagnostics), families);
    assertThat(diagnostics.hasLosses()).as("losses %s", diagnostics.entries()).isFalse();
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String writeOm(List<MetricFamily> families) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Diagnostics diagnostics = new Diagnostics();
    write(new OpenMetricsWriter(out, WriteOptions.DEFAULTS, diagnostics), families);
    assertThat(diagnostics.hasLosses()).as("losses %s", diagnostics.entries()).isFalse();
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void write(MetricWriter writer, List<MetricFamily> families) throws IOException {
    try (writer) {
      for (MetricFamily f : families) writer.write(f);
    }
  }

  private static List<MetricFamily> readProm(String text) throws IOException {
    return readAll(new PrometheusTextReader(in(text), "prom", ReadOptions.DEFAULTS));
  }

  private static List<MetricFamily> readOm(String text) throws IOException {
    return readAll(new OpenMetricsReader(in(text), "om", ReadOptions.DEFAULTS));
  }

  private static InputStream in(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<MetricFamily> readAll(MetricReader reader) throws IOException {
    List<MetricFamily> out = new ArrayList<>();
    try (reader) {
      for (Optional<MetricFamily> f = reader.read(); f.isPresent(); f = reader.read()) out.add(f.get());
    }
    return out;
  }

}
