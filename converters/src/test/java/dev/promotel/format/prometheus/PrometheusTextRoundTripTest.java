package dev.promotel.format.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.Diagnostics;
import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attribute;
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
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * write∘read is the identity for everything 0.0.4 can hold: counters, gauges, untyped families,
 * histograms and summaries with arbitrary Unicode names, label values and HELP texts, any value
 * (NaN, ±Inf, -0, huge integers, subnormals) and millisecond timestamps.
 */
class PrometheusTextRoundTripTest {

  @Property(tries = 150)
  void writingThenReadingGivesTheSameFamilies(@ForAll("families") List<MetricFamily> families)
      throws IOException {
    Diagnostics diagnostics = new Diagnostics();
    String text = PromFixtures.write(families, diagnostics);
    assertThat(diagnostics.isEmpty()).as("losses writing %s", text).isTrue();
    List<MetricFamily> back = PromFixtures.read(text);
    assertThat(back).as(text).hasSameSizeAs(families);
    for (int i = 0; i < families.size(); i++) assertSame(families.get(i), back.get(i), text);
  }

  /** Equal, except that an integral double may come back as the same integer. */
  private static void assertSame(MetricFamily expected, MetricFamily actual, String text) {
    assertThat(actual.withData(expected.data())).as(text).isEqualTo(expected);
    MetricData e = expected.data();
    MetricData a = actual.data();
    assertThat(a.kind()).isEqualTo(e.kind());
    if (e instanceof Gauge || e instanceof Sum) {
      if (e instanceof Sum s) assertThat(((Sum) a).temporality()).isEqualTo(s.temporality());
      List<? extends dev.promotel.model.Point> ep = e.points();
      List<? extends dev.promotel.model.Point> ap = a.points();
      assertThat(ap).as(text).hasSameSizeAs(ep);
      for (int i = 0; i < ep.size(); i++) {
        NumberPoint x = (NumberPoint) ep.get(i);
        NumberPoint y = (NumberPoint) ap.get(i);
        assertThat(new NumberPoint(y.attributes(), y.startTimeUnixNano(), y.timeUnixNano(),
            x.value(), y.exemplars(), y.flags())).as(text).isEqualTo(x);
        boolean same = x.value().sameBits(y.value())
            || (!x.value().isLong() && y.value().isLong()
                && Double.doubleToRawLongBits(x.value().toDouble())
                    == Double.doubleToRawLongBits(y.value().toDouble()));
        assertThat(same).as("%s came back as %s in\n%s", x.value(), y.value(), text).isTrue();
      }
    } else {
      assertThat(a).as(text).isEqualTo(e);
    }
  }

  @Provide
  Arbitrary<List<MetricFamily>> families() {
    return family().list().ofMinSize(1).ofMaxSize(6).map(list -> {
      // Distinct names: a repeated name would continue (or be dropped as) an earlier family.
      List<MetricFamily> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        MetricFamily f = list.get(i);
        String name = f.name() + "_" + i;
        out.add(MetricFamily.ofProm(name, f.description(), "", f.data(), f.prom().type(), name));
      }
      return out;
    });
  }

  private Arbitrary<MetricFamily> family() {
    Arbitrary<String> help = text(0, 20).filter(s -> s.isEmpty() || (s.charAt(0) != ' '
        && s.charAt(0) != '\t'));
    return Combinators.combine(name(), help, Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(1, 4))
        .flatAs((name, description, kind, size) -> switch (kind) {
          case 0 -> numberPoints(size, "").map(p -> MetricFamily.ofProm(name, description, "",
              new Sum(AggregationTemporality.CUMULATIVE, true, p), PromType.COUNTER, name));
          case 1 -> numberPoints(size, "").map(p -> MetricFamily.ofProm(name, description, "",
              new Gauge(p), PromType.GAUGE, name));
          case 2 -> numberPoints(size, "").map(p -> MetricFamily.ofProm(name, description, "",
              new Gauge(p), PromType.UNKNOWN, name));
          case 3 -> histogramPoint().list().ofSize(size).map(p -> MetricFamily.ofProm(name,
              description, "", new Histogram(AggregationTemporality.CUMULATIVE, distinct(p)),
              PromType.HISTOGRAM, name));
          default -> summaryPoint().list().ofSize(size).map(p -> MetricFamily.ofProm(name,
              description, "", new Summary(distinct(p)), PromType.SUMMARY, name));
        });
  }

  /** Gives the points distinct label sets (a series per point) through an index label. */
  @SuppressWarnings("unchecked")
  private static <P extends dev.promotel.model.Point> List<P> distinct(List<P> points) {
    List<P> out = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      P p = points.get(i);
      Attributes labels = p.attributes().with("series_index", Integer.toString(i));
      if (p instanceof HistogramPoint h) {
        out.add((P) new HistogramPoint(labels, 0, h.timeUnixNano(), h.count(), h.sum(),
            h.explicitBounds(), h.bucketCounts(), h.min(), h.max(), List.of(), 0));
      } else {
        SummaryPoint s = (SummaryPoint) p;
        out.add((P) new SummaryPoint(labels, 0, s.timeUnixNano(), s.count(), s.sum(),
            s.quantiles(), 0));
      }
    }
    return out;
  }

  private Arbitrary<String> name() {
    Arbitrary<String> legacy = Arbitraries.strings().withChars("abcxyz_:ABC").ofMinLength(1)
        .ofMaxLength(8).map(s -> s.charAt(0) == ':' ? "m" + s : s);
    return Arbitraries.oneOf(legacy, text(1, 10));
  }

  /** Arbitrary Unicode (no lone surrogates), rich in the characters that need escaping. */
  private static Arbitrary<String> text(int min, int max) {
    Arbitrary<Integer> special = Arbitraries.of((int) '\\', (int) '"', (int) '\n', (int) ' ',
        (int) '\t', (int) '{', (int) '}', (int) '=', (int) ',', (int) '#', 0, 0x7F, 0xE9, 0x1F600);
    Arbitrary<Integer> any = Arbitraries.integers().between(0, 0x10FFFF)
        .filter(c -> c < 0xD800 || c > 0xDFFF);
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(2, special), net.jqwik.api.Tuple.of(1, any),
            net.jqwik.api.Tuple.of(3, Arbitraries.integers().between('a', 'z')))
        .list().ofMinSize(min).ofMaxSize(max)
        .map(cps -> {
          StringBuilder sb = new StringBuilder();
          for (int cp : cps) sb.appendCodePoint(cp);
          return sb.toString();
        });
  }

  private static Arbitrary<Attributes> labels(String reserved) {
    Arbitrary<String> legacyName = Arbitraries.strings().withChars("abz_XY09").ofMinLength(1)
        .ofMaxLength(6).map(s -> Character.isDigit(s.charAt(0)) ? "l" + s : s);
    Arbitrary<String> labelName = Arbitraries.oneOf(legacyName, text(1, 6))
        .filter(n -> !n.equals("__name__") && !n.equals(reserved) && !n.equals("series_index"));
    return Combinators.combine(labelName, text(0, 12)).as(Attribute::of).list().ofMaxSize(3)
        .uniqueElements(Attribute::key).map(Attributes::of);
  }

  private static Arbitrary<NumberValue> value() {
    Arbitrary<NumberValue> longs = Arbitraries.longs().map(NumberValue::ofLong);
    Arbitrary<NumberValue> specials = Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE, -Double.MIN_NORMAL / 3,
            Double.MAX_VALUE, 1e6, 123456.7, 1e-5, 5.0, 9.007199254740993e15, 1e21)
        .map(NumberValue::ofDouble);
    Arbitrary<NumberValue> bits = Arbitraries.longs().map(Double::longBitsToDouble)
        .filter(d -> !Double.isNaN(d)).map(NumberValue::ofDouble);
    Arbitrary<NumberValue> plain = Arbitraries.doubles().map(NumberValue::ofDouble);
    return Arbitraries.oneOf(longs, specials, bits, plain);
  }

  private static Arbitrary<Double> anyDouble() {
    return value().map(v -> v.isLong() ? (double) v.longValue() : v.doubleValue());
  }

  private static Arbitrary<Long> time() {
    return Arbitraries.oneOf(Arbitraries.just(0L),
        Arbitraries.longs().between(1, Long.MAX_VALUE / 1_000_000L).map(ms -> ms * 1_000_000L));
  }

  private static Arbitrary<List<NumberPoint>> numberPoints(int size, String reserved) {
    return Combinators.combine(labels(reserved), value(), time())
        .as((l, v, t) -> new NumberPoint(l, 0, t, v, List.of(), 0)).list().ofSize(size);
  }

  private static Arbitrary<HistogramPoint> histogramPoint() {
    Arbitrary<double[]> bounds = anyDouble()
        .filter(d -> !Double.isNaN(d) && d != Double.POSITIVE_INFINITY)
        .map(d -> d == 0 ? 0.0 : d) // one zero, so -0 and 0 never meet in a point
        .set().ofMaxSize(5)
        .map(set -> new TreeSet<>(set).stream().mapToDouble(Double::doubleValue).toArray());
    return Combinators.combine(labels("le"), time(), bounds,
            Arbitraries.longs().between(0, 1L << 40).list().ofSize(6),
            Arbitraries.longs().between(0, Long.MAX_VALUE), anyDouble().optional())
        .as((l, t, b, counts, count, sum) -> {
          long[] perBucket = new long[b.length + 1];
          for (int i = 0; i < perBucket.length; i++) perBucket[i] = counts.get(i);
          return new HistogramPoint(l, 0, t, count,
              sum.map(OptionalDouble::of).orElse(OptionalDouble.empty()), b, perBucket,
              OptionalDouble.empty(), OptionalDouble.empty(), List.of(), 0);
        });
  }

  private static Arbitrary<SummaryPoint> summaryPoint() {
    Arbitrary<List<Quantile>> quantiles = Combinators.combine(
            Arbitraries.doubles().between(0, 1), anyDouble())
        .as(Quantile::new).list().ofMaxSize(4)
        .uniqueElements(Quantile::quantile)
        .map(list -> list.stream().sorted((x, y) -> Double.compare(x.quantile(), y.quantile()))
            .toList());
    return Combinators.combine(labels("quantile"), time(), quantiles,
            Arbitraries.longs().between(0, Long.MAX_VALUE).optional(), anyDouble().optional())
        .as((l, t, q, count, sum) -> new SummaryPoint(l, 0, t,
            count.map(OptionalLong::of).orElse(OptionalLong.empty()),
            sum.map(OptionalDouble::of).orElse(OptionalDouble.empty()), q, 0))
        // A summary point with neither quantiles nor sum nor count has no line to be written on.
        .filter(p -> !p.quantiles().isEmpty() || p.count().isPresent() || p.sum().isPresent());
  }
}
