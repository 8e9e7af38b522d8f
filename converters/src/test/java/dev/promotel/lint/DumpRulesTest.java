package dev.promotel.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.Format;
import dev.promotel.yaml.YamlLoader;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every dump rule with one dump that breaks it and one that does not (the negative differs from
 * the positive only in what the rule is about).
 */
class DumpRulesTest {
  private static final String H = "# HELP x help\n# TYPE x gauge\n";

  record Case(String rule, Format format, String positive, String negative, LintContext context) {
    Case(String rule, Format format, String positive, String negative) {
      this(rule, format, positive, negative, LintContext.defaults());
    }

    @Override
    public String toString() {
      return rule + " (" + format.id() + ")";
    }
  }

  static Stream<Arguments> cases() throws Exception {
    String uuid = "8f3a1c2e-1234-4abc-9def-0123456789ab";
    return Stream.of(
        new Case("dump/parse-error", Format.PROM, H + "x{a=\"1\" 1\n", H + "x{a=\"1\"} 1\n"),
        new Case("dump/duplicate-series", Format.PROM, H + "x{a=\"1\"} 1\nx{a=\"1\"} 2\n",
            H + "x{a=\"1\"} 1\nx{a=\"2\"} 2\n"),
        new Case("dump/duplicate-series", Format.OM, "# TYPE x gauge\nx{a=\"1\"} 1\nx{a=\"2\"} 1\nx{a=\"1\"} 2\n# EOF\n",
            "# TYPE x gauge\nx{a=\"1\"} 1\nx{a=\"2\"} 1\n# EOF\n"),
        new Case("dump/duplicate-label", Format.PROM, H + "x{a=\"1\",a=\"2\"} 1\n", H + "x{a=\"1\",b=\"2\"} 1\n"),
        new Case("dump/metadata-conflict", Format.PROM, "# TYPE x gauge\n# TYPE x gauge\nx 1\n", "# TYPE x gauge\nx 1\n"),
        new Case("dump/metadata-conflict", Format.PROM, "x 1\ny 1\nx 2\n", "x 1\nx 2\ny 1\n"),
        new Case("dump/missing-help", Format.PROM, "# TYPE x gauge\nx 1\n", H + "x 1\n"),
        new Case("dump/untyped", Format.PROM, "# HELP x help\nx 1\n", H + "x 1\n"),
        new Case("dump/unit-suffix", Format.OM, "# TYPE foo_ms gauge\n# UNIT foo_ms seconds\nfoo_ms 1\n# EOF\n",
            "# TYPE foo_seconds gauge\n# UNIT foo_seconds seconds\nfoo_seconds 1\n# EOF\n"),
        new Case("dump/invalid-values", Format.PROM, "# TYPE x_total counter\nx_total -1\n",
            "# TYPE x_total counter\nx_total 1\n"),
        new Case("dump/invalid-values", Format.PROM,
            "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_count 3\nh_sum 1\n",
            "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 3\nh_count 3\nh_sum 1\n"),
        new Case("dump/invalid-values", Format.OM, "# TYPE s stateset\ns{s=\"a\"} 2\n# EOF\n",
            "# TYPE s stateset\ns{s=\"a\"} 1\n# EOF\n"),
        new Case("dump/reserved-suffix", Format.PROM, "# TYPE queue_total gauge\nqueue_total 1\n",
            "# TYPE queue_total counter\nqueue_total 1\n"),
        new Case("dump/reserved-suffix", Format.PROM, "# TYPE q gauge\nq{quantile=\"0.5\"} 1\n",
            "# TYPE q summary\nq{quantile=\"0.5\"} 1\nq_sum 1\nq_count 1\n"),
        new Case("dump/exemplar-too-long", Format.OM,
            "# TYPE foo counter\nfoo_total 1 # {trace_id=\"" + "a".repeat(130) + "\"} 1\n# EOF\n",
            "# TYPE foo counter\nfoo_total 1 # {trace_id=\"abc\"} 1\n# EOF\n"),
        new Case("dump/target-label-in-exposition", Format.PROM,
            "# TYPE a gauge\na{env=\"prod\",x=\"1\"} 1\n# TYPE b gauge\nb{env=\"prod\"} 1\n",
            "# TYPE a gauge\na{env=\"prod\",x=\"1\"} 1\n# TYPE b gauge\nb{env=\"dev\"} 1\n"),
        new Case("dump/target-label-in-exposition", Format.PROM,
            "# TYPE a gauge\na{env=\"prod\"} 1\n# TYPE b gauge\nb{env=\"prod\"} 1\n",
            "# TYPE a gauge\na{env=\"prod\",job=\"j\",instance=\"i\"} 1\n# TYPE b gauge\nb{env=\"prod\",job=\"j\",instance=\"i\"} 1\n"),
        new Case("name/counter-total", Format.PROM, "# TYPE http_requests counter\nhttp_requests 1\n",
            "# TYPE http_requests_total counter\nhttp_requests_total 1\n"),
        new Case("name/base-unit", Format.PROM, "# TYPE latency_milliseconds gauge\nlatency_milliseconds 1\n",
            "# TYPE latency_seconds gauge\nlatency_seconds 1\n"),
        new Case("name/unit-abbrev", Format.PROM, "# TYPE uptime_ms gauge\nuptime_ms 1\n",
            "# TYPE uptime_seconds gauge\nuptime_seconds 1\n"),
        new Case("name/type-in-name", Format.PROM, "# TYPE jobs_gauge gauge\njobs_gauge 1\n",
            "# TYPE jobs gauge\njobs 1\n"),
        new Case("name/colon", Format.PROM, "# TYPE app:requests_total counter\napp:requests_total 1\n",
            "# TYPE app_requests_total counter\napp_requests_total 1\n"),
        new Case("name/snake-case", Format.PROM, H + "x{statusCode=\"1\"} 1\n", H + "x{status_code=\"1\"} 1\n"),
        new Case("name/snake-case", Format.PROM, "# TYPE fooBar gauge\nfooBar 1\n", "# TYPE foo_bar gauge\nfoo_bar 1\n"),
        new Case("name/charset", Format.PROM, "# TYPE \"my.metric\" gauge\n{\"my.metric\"} 1\n",
            "# TYPE my_metric gauge\nmy_metric 1\n"),
        new Case("name/reserved-prefix", Format.PROM, H + "x{exported_job=\"a\"} 1\n", H + "x{job=\"a\"} 1\n"),
        new Case("name/otel-deprecated-attr", Format.OTLP_JSON,
            otlp("deployment.environment", "http.server.request.duration"),
            otlp("deployment.environment.name", "http.server.request.duration")),
        new Case("name/otel-unit-in-name", Format.OTLP_JSON,
            otlp("service.name", "http.server.duration_ms"), otlp("service.name", "http.server.duration")),
        new Case("labels/inconsistent-set", Format.PROM, H + "x{a=\"1\"} 1\nx 2\n", H + "x{a=\"1\"} 1\nx{a=\"2\"} 2\n"),
        new Case("labels/case-variant", Format.PROM,
            "# TYPE a gauge\na{statusCode=\"1\"} 1\n# TYPE b gauge\nb{status_code=\"1\"} 1\n",
            "# TYPE a gauge\na{status_code=\"1\"} 1\n# TYPE b gauge\nb{status_code=\"1\"} 1\n"),
        new Case("labels/synonym", Format.PROM,
            "# TYPE a gauge\na{env=\"x\"} 1\n# TYPE b gauge\nb{environment=\"x\"} 1\n",
            "# TYPE a gauge\na{env=\"x\"} 1\n# TYPE b gauge\nb{env=\"x\"} 1\n"),
        new Case("labels/value-variant", Format.PROM,
            "# TYPE a gauge\na{method=\"GET\"} 1\n# TYPE b gauge\nb{method=\"get\"} 1\n",
            "# TYPE a gauge\na{method=\"GET\"} 1\n# TYPE b gauge\nb{method=\"POST\"} 1\n"),
        new Case("labels/value-variant", Format.PROM,
            "# TYPE a gauge\na{env=\"prod\"} 1\n# TYPE b gauge\nb{env=\"production\"} 1\n",
            "# TYPE a gauge\na{env=\"prod\"} 1\n# TYPE b gauge\nb{env=\"staging\"} 1\n"),
        new Case("labels/empty-value", Format.PROM, H + "x{a=\"\"} 1\n", H + "x{a=\"b\"} 1\n"),
        new Case("card/family-series", Format.PROM, H + series("x", "i", 101), H + series("x", "i", 100)),
        new Case("card/exposition-series", Format.PROM, H + series("x", "i", 6), H + series("x", "i", 5),
            new LintContext(IdentityConfig.defaults(), new Thresholds(100, 1000, 5, 15), Map.of(), Set.of())),
        new Case("card/unbounded-value", Format.PROM, H + "x{id=\"" + uuid + "\"} 1\n", H + "x{id=\"checkout\"} 1\n"),
        new Case("card/unbounded-value", Format.PROM, H + "x{trace_id=\"a\"} 1\n", H + "x{route=\"a\"} 1\n"),
        new Case("card/dominant-label", Format.PROM, H + series("x", "client", 100), H + grid("x", 10, 10)),
        new Case("card/long-value", Format.PROM, H + "x{a=\"" + "v".repeat(2049) + "\"} 1\n",
            H + "x{a=\"" + "v".repeat(2048) + "\"} 1\n"),
        new Case("lint/counting-stopped", Format.PROM, H + series("x", "client", 10), H + series("x", "client", 5),
            new LintContext(IdentityConfig.defaults(), Thresholds.defaults(),
                Map.of("card/dominant-label", YamlLoader.load("o.yaml", "maxDistinct: 5").asMapping()), Set.of())))
        .map(c -> Arguments.of(c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachRuleFindsItsProblemAndNothingWhenItIsFixed(Case c) throws Exception {
    assertThat(Lints.ids(Lints.dump(c.positive(), c.format(), c.context()))).contains(c.rule());
    assertThat(Lints.ids(Lints.dump(c.negative(), c.format(), c.context()))).doesNotContain(c.rule());
  }

  @Test
  void everyDumpRuleOfTheCatalogHasACase() throws Exception {
    Set<String> tested = cases().map(a -> ((Case) a.get()[0]).rule()).collect(Collectors.toSet());
    Set<String> dumpRules = new HashSet<>(DumpLinter.ruleIds());
    // Engine rules: tested in LintEngineTest.
    dumpRules.removeAll(List.of("lint/bad-suppression", "lint/stale-baseline", "cfg/parse-error"));
    assertThat(tested).containsAll(dumpRules);
  }

  @Test
  void aCleanDumpHasNoFindings() throws Exception {
    String clean = "# HELP http_requests_total Requests served.\n# TYPE http_requests_total counter\n"
        + "http_requests_total{code=\"200\",method=\"get\"} 10\nhttp_requests_total{code=\"500\",method=\"get\"} 1\n"
        + "# HELP process_resident_memory_bytes Resident memory.\n# TYPE process_resident_memory_bytes gauge\n"
        + "process_resident_memory_bytes 1.2e+07\n";
    assertThat(Lints.dump(clean, Format.PROM)).isEmpty();
  }

  @Test
  void findingsCarryTheLineOfTheFamilyOrSeries() throws Exception {
    List<Finding> findings = Lints.dump("# HELP x help\n# TYPE x gauge\nx{a=\"1\"} 1\nx{b=\"1\"} 2\n"
        + "# TYPE y_total gauge\ny_total 1\n", Format.PROM);
    assertThat(findings).extracting(f -> f.ruleId() + "@" + f.position())
        .contains("labels/inconsistent-set@in.prom:4:1", "dump/reserved-suffix@in.prom:5:1");
  }

  /** A family whose series break a per-series rule, followed by a clean family "z" (line 7+). */
  static Stream<Arguments> seriesFindings() {
    String next = "# HELP z Z.\n# TYPE z gauge\nz 1\n";
    return Stream.of(
        Arguments.of("name/snake-case", "# HELP a A.\n# TYPE a gauge\na 1\na{fooBar=\"1\"} 1\na{fooBar=\"2\"} 1\n" + next),
        Arguments.of("dump/reserved-suffix", "# HELP a A.\n# TYPE a gauge\na 1\na{le=\"1\"} 1\na{le=\"2\"} 1\n" + next),
        Arguments.of("name/reserved-prefix", "# HELP a A.\n# TYPE a gauge\na 1\na{__x=\"1\"} 1\na{__x=\"2\"} 1\n" + next),
        Arguments.of("labels/empty-value", "# HELP a A.\n# TYPE a gauge\na{b=\"1\"} 1\na{b=\"\"} 1\na{b=\"2\"} 1\n" + next),
        Arguments.of("labels/inconsistent-set", "# HELP a A.\n# TYPE a gauge\na{b=\"1\"} 1\na{c=\"1\"} 1\na{b=\"2\"} 1\n" + next),
        Arguments.of("card/unbounded-value", "# HELP a A.\n# TYPE a gauge\na{b=\"x\"} 1\na{b=\"10.1.2.3\"} 1\na{b=\"y\"} 1\n" + next),
        Arguments.of("card/long-value", "# HELP a A.\n# TYPE a gauge\na{b=\"x\"} 1\na{b=\"" + "v".repeat(3000) + "\"} 1\na{b=\"y\"} 1\n" + next),
        Arguments.of("dump/invalid-values", "# HELP a_total A.\n# TYPE a_total counter\na_total{b=\"1\"} 1\na_total{b=\"2\"} -1\na_total{b=\"3\"} 1\n" + next));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seriesFindings")
  void aSeriesFindingPointsAtTheFirstOffendingSeriesNotTheNextFamily(String rule, String dump)
      throws Exception {
    List<Finding> findings = Lints.dump(dump, Format.PROM);
    assertThat(findings).filteredOn(f -> f.ruleId().equals(rule)).isNotEmpty()
        .allSatisfy(f -> assertThat(f.position().line()).as(f.toString()).isEqualTo(4));
  }

  @Test
  void familyFindingsReportedAtTheFamilyEndPointAtTheFamilysFirstLine() throws Exception {
    LintContext context = new LintContext(IdentityConfig.defaults(), new Thresholds(2, 100, 5000, 15),
        Map.of(), Set.of());
    List<Finding> findings = Lints.dump("# HELP a A.\n# TYPE a gauge\na{b=\"1\"} 1\na{b=\"2\"} 1\n"
        + "a{b=\"3\"} 1\n# HELP z Z.\n# TYPE z gauge\nz 1\n", Format.PROM, context);
    assertThat(findings).filteredOn(f -> f.ruleId().equals("card/family-series")).singleElement()
        .satisfies(f -> assertThat(f.position().line()).isEqualTo(1));
  }

  @Test
  void anExplicitlyUntypedFamilyIsNotSaidToLackATypeLine() throws Exception {
    List<Finding> findings = Lints.dump("# HELP x help\n# TYPE x untyped\nx 1\n", Format.PROM);
    assertThat(findings).filteredOn(f -> f.ruleId().equals("dump/untyped")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("x is untyped").doesNotContain("add a # TYPE line"));
  }

  @Test
  void aMacAddressIsNamedAsOneNotAsAnIpAddress() {
    assertThat(CardinalityRules.unboundedKind("00:00:00:00:00:00")).isEqualTo("a MAC address");
    assertThat(CardinalityRules.unboundedKind("02-42-ac-11-00-02")).isEqualTo("a MAC address");
    assertThat(CardinalityRules.unboundedKind("fe80::1:2:3")).isEqualTo("an IP address");
    assertThat(CardinalityRules.unboundedKind("10.1.2.3")).isEqualTo("an IP address");
  }

  static Stream<Arguments> invalidValueDumps() {
    String rest = "# HELP x X.\n# HELP x Y.\n# TYPE x gauge\nx 1\n";
    return Stream.of(
        Arguments.of("quantile outside [0, 1]", "# HELP s S.\n# TYPE s summary\ns{quantile=\"1.5\"} 1\n"
            + "s{quantile=\"0.5\"} 1\ns_sum 1\ns_count 1\n" + rest, 3),
        Arguments.of("decreasing buckets", "# HELP h H.\n# TYPE h histogram\nh_bucket{le=\"1\"} 5\n"
            + "h_bucket{le=\"2\"} 3\nh_bucket{le=\"+Inf\"} 5\nh_sum 1\nh_count 5\n" + rest, 4),
        Arguments.of("count below the buckets", "# HELP h H.\n# TYPE h histogram\nh_bucket{le=\"1\"} 5\n"
            + "h_sum 1\nh_count 3\n" + rest, 5),
        Arguments.of("fractional summary count", "# HELP s S.\n# TYPE s summary\ns{quantile=\"0.5\"} 1\n"
            + "s_sum 1\ns_count 1.5\n" + rest, 5));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidValueDumps")
  void anInvalidValueIsAnInvalidValuesFindingAndTheRestOfTheDumpIsStillChecked(String what,
      String dump, int line) throws Exception {
    List<Finding> findings = Lints.dump(dump, Format.PROM);
    assertThat(findings).filteredOn(f -> f.ruleId().equals("dump/invalid-values")).singleElement()
        .satisfies(f -> assertThat(f.position().line()).isEqualTo(line));
    assertThat(Lints.ids(findings)).doesNotContain("dump/parse-error").contains("dump/metadata-conflict");
  }

  static Stream<Arguments> invalidOpenMetricsValues() {
    String rest = "# TYPE x gauge\n# HELP x X.\n# HELP x Y.\nx 1\n# EOF\n";
    return Stream.of(
        Arguments.of("quantile outside [0, 1]", "# TYPE s summary\ns{quantile=\"1.5\"} 1\n"
            + "s{quantile=\"0.5\"} 1\ns_sum 1\ns_count 1\n" + rest, 2),
        Arguments.of("negative counter", "# TYPE c counter\nc_total{a=\"1\"} -1\nc_total{a=\"2\"} 1\n" + rest, 2),
        Arguments.of("stateset value 2", "# TYPE t stateset\nt{t=\"a\"} 2\nt{t=\"b\"} 1\n" + rest, 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidOpenMetricsValues")
  void anInvalidOpenMetricsValueIsAFindingAndTheRestIsStillChecked(String what, String dump, int line)
      throws Exception {
    List<Finding> findings = Lints.dump(dump, Format.OM);
    assertThat(findings).filteredOn(f -> f.ruleId().equals("dump/invalid-values")).singleElement()
        .satisfies(f -> assertThat(f.position().line()).isEqualTo(line));
    assertThat(Lints.ids(findings)).doesNotContain("dump/parse-error").contains("dump/metadata-conflict");
  }

  @Test
  void readingStaysStrictWithoutALintCallback() throws Exception {
    String dump = "# TYPE s summary\ns{quantile=\"1.5\"} 1\n";
    try (var reader = dev.promotel.pipeline.Codecs.reader(Format.PROM,
        new java.io.ByteArrayInputStream(dump.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        "in.prom", dev.promotel.format.ReadOptions.DEFAULTS)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(reader::read)
          .isInstanceOf(dev.promotel.format.MetricParseException.class)
          .hasMessageContaining("between 0 and 1");
    }
  }

  @Test
  void aCamelCaseLabelIsReportedOncePerFamilyWithItsSeriesCount() throws Exception {
    List<Finding> findings = Lints.dump(H + "x{fooBar=\"1\"} 1\nx{fooBar=\"2\"} 1\nx{fooBar=\"3\"} 1\n", Format.PROM);
    assertThat(findings).filteredOn(f -> f.ruleId().equals("name/snake-case")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("(3 series)").contains("foo_bar"));
  }

  @Test
  void crossFamilyFindingsPointAtTheFirstUseAsARelatedLocation() throws Exception {
    List<Finding> findings = Lints.dump(
        "# TYPE a gauge\na{statusCode=\"1\"} 1\n# TYPE b gauge\nb{status_code=\"1\"} 1\n", Format.PROM);
    Finding f = findings.stream().filter(x -> x.ruleId().equals("labels/case-variant")).findFirst().orElseThrow();
    assertThat(f.position().line()).isEqualTo(4);
    assertThat(f.related()).singleElement().satisfies(r -> assertThat(r.position().line()).isEqualTo(2));
  }

  @Test
  void dumpLabelsKeepBoundedValuesAndTheFirstPosition() throws Exception {
    DumpLinter linter = new DumpLinter("in.prom", Format.PROM, LintContext.defaults(), f -> {});
    String text = H + series("x", "i", 100) + "# TYPE y gauge\ny{env=\"prod\"} 1\n";
    try (var reader = dev.promotel.pipeline.Codecs.reader(Format.PROM,
        new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        "in.prom", dev.promotel.format.ReadOptions.DEFAULTS)) {
      linter.lint(reader);
    }
    DumpLabels labels = linter.labels();
    assertThat(labels.labels().get("env").values()).containsExactly("prod");
    assertThat(labels.labels().get("env").firstSeen().line()).isEqualTo(104);
    assertThat(labels.labels().get("i").values()).hasSize(DumpLinter.MAX_LABEL_VALUES);
    assertThat(labels.labels().get("i").truncated()).isTrue();
  }

  static String series(String name, String label, int n) {
    return IntStream.range(0, n).mapToObj(i -> name + "{" + label + "=\"v" + i + "\"} 1\n")
        .collect(Collectors.joining());
  }

  static String grid(String name, int a, int b) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < a; i++) {
      for (int j = 0; j < b; j++) out.append(name).append("{a=\"").append(i).append("\",b=\"").append(j).append("\"} 1\n");
    }
    return out.toString();
  }

  static String otlp(String resourceKey, String metric) {
    return "{\"resourceMetrics\":[{\"resource\":{\"attributes\":[{\"key\":\"" + resourceKey
        + "\",\"value\":{\"stringValue\":\"x\"}}]},\"scopeMetrics\":[{\"metrics\":[{\"name\":\""
        + metric + "\",\"description\":\"d\",\"unit\":\"ms\",\"gauge\":{\"dataPoints\":[{\"asDouble\":1,"
        + "\"timeUnixNano\":\"1\"}]}}]}]}]}\n";
  }
}
