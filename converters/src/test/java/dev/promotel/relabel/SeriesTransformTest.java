package dev.promotel.relabel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricWriter;
import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.AttributeValue;
import dev.promotel.model.Attributes;
import dev.promotel.model.Gauge;
import dev.promotel.model.Histogram;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.Quantile;
import dev.promotel.model.Summary;
import dev.promotel.model.SummaryPoint;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.PromType;
import dev.promotel.model.Sum;
import dev.promotel.select.Selector;
import dev.promotel.select.SeriesFilter;
import dev.promotel.yaml.YamlLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Selector → relabel → label operations over whole families, and what reaches the writer. */
class SeriesTransformTest {
  private final List<MetricFamily> written = new ArrayList<>();
  private final Diagnostics diagnostics = new Diagnostics();
  private final MetricWriter sink = new MetricWriter() {
    @Override
    public void write(MetricFamily family) {
      written.add(family);
    }

    @Override
    public void close() {}
  };

  private static MetricFamily counter(String name, Attributes... series) {
    List<NumberPoint> points = new ArrayList<>();
    for (int i = 0; i < series.length; i++) points.add(NumberPoint.of(series[i], NumberValue.ofLong(i)));
    return MetricFamily.ofProm(name, "help", "",
        new Sum(AggregationTemporality.CUMULATIVE, true, points), PromType.COUNTER,
        name.replace("_total", ""));
  }

  private static Relabeler rules(String yaml) throws IOException {
    return new Relabeler(RelabelConfigs.parse(YamlLoader.load("r.yml", yaml), null));
  }

  private static List<String> series(MetricFamily f) {
    List<String> out = new ArrayList<>();
    for (var p : f.data().points()) out.add(f.name() + p.attributes());
    return out;
  }

  @Test
  void seriesWhoseNameChangesMoveToAFamilyOfThatName() throws IOException {
    SeriesTransform t = new SeriesTransform(null, rules(
        "- {source_labels: [__name__, code], regex: 'http_requests_total;5..',"
            + " target_label: __name__, replacement: http_errors_total}"),
        LabelOps.NONE, null, diagnostics, sink);

    t.write(counter("http_requests_total", Attributes.of("code", "200"),
        Attributes.of("code", "500"), Attributes.of("code", "503")));
    // The moved series wait for a family http_errors_total that may still come.
    assertThat(written).extracting(MetricFamily::name).containsExactly("http_requests_total");
    t.close();

    assertThat(written).extracting(MetricFamily::name)
        .containsExactly("http_requests_total", "http_errors_total");
    assertThat(series(written.get(1))).containsExactly(
        "http_errors_total{code=\"500\"}", "http_errors_total{code=\"503\"}");
    assertThat(written.get(1).prom().originalName()).isEqualTo("http_errors");
    assertThat(written.get(1).promType()).isEqualTo(PromType.COUNTER);
  }

  @Test
  void seriesThatEndWithEqualLabelsKeepTheFirstAndReportTheRest() throws IOException {
    SeriesTransform t = new SeriesTransform(null, new Relabeler(List.of()),
        new LabelOps(Set.of("instance"), Set.of(), Map.of(), Map.of()), null, diagnostics, sink);

    t.write(counter("up_total", Attributes.of("instance", "a", "job", "x"),
        Attributes.of("instance", "b", "job", "x")));

    assertThat(series(written.get(0))).containsExactly("up_total{job=\"x\"}");
    assertThat((Object) written.get(0).data().points().get(0).attributes()).isEqualTo(
        Attributes.of("job", "x"));
    assertThat(diagnostics.count("relabel-duplicate-series")).isEqualTo(1);
    assertThat(diagnostics.hasLosses()).isTrue();
  }

  @Test
  void aSeriesLeftWithoutANameIsDroppedWithANote() throws IOException {
    SeriesTransform t = new SeriesTransform(null, rules("- {target_label: __name__, replacement: ''}"),
        LabelOps.NONE, null, diagnostics, sink);

    t.write(counter("a_total", Attributes.of("x", "1")));

    assertThat(written).isEmpty();
    assertThat(diagnostics.count("relabel-nameless-dropped")).isEqualTo(1);
    assertThat(diagnostics.hasLosses()).isFalse();
  }

  @Test
  void labelOperationsRunInOrderAfterTheRules() throws IOException {
    LabelOps ops = new LabelOps(Set.of("drop_me"), Set.of("keep", "old", "drop_me"),
        Map.of("old", "new"), Map.of("env", "prod"));
    SeriesTransform t = new SeriesTransform(null, rules("- {target_label: old, replacement: r}"),
        ops, null, diagnostics, sink);

    t.write(counter("m_total", Attributes.of("keep", "k", "drop_me", "d", "other", "o")));

    assertThat(series(written.get(0))).containsExactly(
        "m_total{env=\"prod\", keep=\"k\", new=\"r\"}");
  }

  @Test
  void unchangedOtlpAttributesKeepTheirType() throws IOException {
    Attributes typed = Attributes.EMPTY.with("port", new AttributeValue.LongValue(8080))
        .with("host", "a");
    MetricFamily gauge = MetricFamily.ofProm("g", "", "",
        new Gauge(List.of(NumberPoint.of(typed, NumberValue.ofLong(1)))), PromType.GAUGE, "g");
    SeriesTransform t = new SeriesTransform(null, rules("- {target_label: host, replacement: b}"),
        LabelOps.NONE, null, diagnostics, sink);

    t.write(gauge);

    Attributes out = written.get(0).data().points().get(0).attributes();
    assertThat((Object) out.get("port")).isEqualTo(new AttributeValue.LongValue(8080));
    assertThat((Object) out.get("host")).isEqualTo(AttributeValue.of("b"));
  }

  @Test
  void selectorsRunBeforeTheRules() throws IOException {
    SeriesTransform t = new SeriesTransform(
        new SeriesFilter(List.of(Selector.parse("{code=\"500\"}")), false, diagnostics),
        rules("- {target_label: seen, replacement: yes}"), LabelOps.NONE, null, diagnostics, sink);

    t.write(counter("r_total", Attributes.of("code", "200"), Attributes.of("code", "500")));

    assertThat(series(written.get(0))).containsExactly("r_total{code=\"500\", seen=\"yes\"}");
  }

  @Test
  void explainsEachSeriesAndListsRulesThatNeverMatched() throws IOException {
    StringWriter text = new StringWriter();
    SeriesTransform t = new SeriesTransform(null, rules(
        "- {source_labels: [code], regex: '5..', action: drop}\n"
            + "- {source_labels: [code], target_label: class, regex: '(.).*', replacement: '${1}xx'}\n"
            + "- {source_labels: [code], regex: '404', action: drop}\n"),
        LabelOps.NONE, new PrintWriter(text), diagnostics, sink);

    t.write(counter("r_total", Attributes.of("code", "200"), Attributes.of("code", "500")));
    t.close();

    assertThat(text.toString()).isEqualTo(
        "r_total{code=\"200\"}\n"
            + "  #2 r.yml:2:3 replace: set class=\"2xx\"\n"
            + "  → kept as r_total{class=\"2xx\",code=\"200\"}\n"
            + "r_total{code=\"500\"}\n"
            + "  #1 r.yml:1:3 drop: regex matched \"500\": dropped\n"
            + "  → dropped\n"
            + "explain: 2 series relabelled, 1 kept, 1 dropped\n"
            + "  #1 r.yml:1:3 drop dropped 1\n"
            + "explain: rules that never matched:\n"
            + "  #3 r.yml:3:3 drop\n");
  }

  private static HistogramPoint histogramPoint(Attributes labels, long inf) {
    return new HistogramPoint(labels, 0, 0, 3 + inf, OptionalDouble.of(1.5),
        new double[] {0.1, 1}, new long[] {1, 2, inf}, OptionalDouble.empty(),
        OptionalDouble.empty(), List.of(), 0);
  }

  private static List<MetricFamily> histogramsAndSummaries() {
    MetricFamily histogram = MetricFamily.ofProm("h", "", "", new Histogram(
        AggregationTemporality.CUMULATIVE, List.of(
            histogramPoint(Attributes.of("job", "a", "instance", "i1"), 0),
            histogramPoint(Attributes.of("job", "b", "instance", "i2"), 4),
            // An attribute named le is shadowed in the buckets only: its samples differ.
            histogramPoint(Attributes.of("job", "c", "le", "odd"), 1))),
        PromType.HISTOGRAM, "h");
    MetricFamily summary = MetricFamily.ofProm("s", "", "", new Summary(List.of(
        new SummaryPoint(Attributes.of("job", "a"), 0, 0, OptionalLong.of(4),
            OptionalDouble.of(2), List.of(new Quantile(0.5, 1), new Quantile(0.9, 2)), 0),
        new SummaryPoint(Attributes.of("job", "b"), 0, 0, OptionalLong.of(1),
            OptionalDouble.empty(), List.of(), 0))), PromType.SUMMARY, "s");
    return List.of(histogram, summary);
  }

  /** What reaches the writer, and the diagnostics, for {@code yaml} with or without explain. */
  private String transformed(String yaml, boolean explain) throws IOException {
    written.clear();
    Diagnostics d = new Diagnostics();
    StringWriter out = new StringWriter();
    SeriesTransform t = new SeriesTransform(null, rules(yaml), LabelOps.NONE,
        explain ? new PrintWriter(out) : null, d, sink);
    for (MetricFamily f : histogramsAndSummaries()) t.write(f);
    t.close();
    StringBuilder text = new StringBuilder();
    for (MetricFamily f : written) text.append(f).append('\n');
    for (String code : List.of("relabel-sample-inexpressible", "relabel-type-changed",
        "relabel-duplicate-series", "relabel-nameless-dropped")) {
      text.append(code).append('=').append(d.count(code)).append('\n');
    }
    return text.toString();
  }

  @Test
  void rulesBlindToNameAndLeGiveEverySampleTheOutcomeOfItsBuckets() throws IOException {
    // With --explain every sample is evaluated on its own; without, one evaluation serves the
    // samples of a point when no rule reads __name__ or le/quantile. Both must write the same.
    for (String yaml : List.of(
        "- {source_labels: [job], regex: a, action: drop}",
        "- {source_labels: [job], regex: '(.)', target_label: team, replacement: t-$1}",
        "- {regex: 'inst.*', action: labeldrop}",
        "- {regex: '__name__|le|quantile|job', action: labelkeep}",
        "- {source_labels: [job], modulus: 3, target_label: shard, action: hashmod}",
        "- {source_labels: [__name__], modulus: 3, target_label: shard, action: hashmod}",
        "- {source_labels: [job], regex: c, target_label: __name__, replacement: other}")) {
      String plain = transformed(yaml, false);

      assertThat(plain).as(yaml).isEqualTo(transformed(yaml, true));
      assertThat(plain).as(yaml).contains("HistogramPoint");
    }
  }
}
