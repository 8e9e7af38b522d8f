package dev.promotel.format.prometheus;

import static dev.promotel.format.prometheus.PromFixtures.counter;
import static dev.promotel.format.prometheus.PromFixtures.gauge;
import static dev.promotel.format.prometheus.PromFixtures.histogram;
import static dev.promotel.format.prometheus.PromFixtures.histogramPoint;
import static dev.promotel.format.prometheus.PromFixtures.labels;
import static dev.promotel.format.prometheus.PromFixtures.point;
import static dev.promotel.format.prometheus.PromFixtures.read;
import static dev.promotel.format.prometheus.PromFixtures.summary;
import static dev.promotel.format.prometheus.PromFixtures.summaryPoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.promotel.format.MetricParseException;
import dev.promotel.format.ReadOptions;
import dev.promotel.model.Attributes;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberValue;
import dev.promotel.model.PromType;
import dev.promotel.model.Quantile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrometheusTextReaderTest {
  private static final Attributes NONE = Attributes.EMPTY;

  @Test
  void typedCountersAndGaugesKeepHelpLabelsAndMillisecondTimestamps() throws IOException {
    String text = """
        # HELP http_requests_total The total number of HTTP requests.
        # TYPE http_requests_total counter
        http_requests_total{method="post",code="200"} 1027 1395066363000
        http_requests_total{method="post",code="400"}    3 1395066363000
        # TYPE temperature gauge
        temperature -3.5
        """;
    assertThat(read(text)).containsExactly(
        counter("http_requests_total", "The total number of HTTP requests.",
            point(labels("code", "200", "method", "post"), NumberValue.ofLong(1027),
                1395066363000_000_000L),
            point(labels("code", "400", "method", "post"), NumberValue.ofLong(3),
                1395066363000_000_000L)),
        gauge("temperature", "", PromType.GAUGE, point(NONE, -3.5)));
  }

  @Test
  void untypedAndTypelessFamiliesAreUnknownGaugesAndSuffixesStaySeparate() throws IOException {
    String text = """
        # TYPE a untyped
        a 1
        rpc_bucket{le="0.5"} 3
        rpc_bucket{le="+Inf"} 4
        rpc_sum 2.5
        rpc_count 4
        """;
    assertThat(read(text)).containsExactly(
        gauge("a", "", PromType.UNKNOWN, point(NONE, 1L)),
        gauge("rpc_bucket", "", PromType.UNKNOWN,
            point(labels("le", "0.5"), 3L), point(labels("le", "+Inf"), 4L)),
        gauge("rpc_sum", "", PromType.UNKNOWN, point(NONE, 2.5)),
        gauge("rpc_count", "", PromType.UNKNOWN, point(NONE, 4L)));
  }

  @Test
  void histogramBucketsBecomePerBucketCountsInBoundOrder() throws IOException {
    String text = """
        # HELP rpc_seconds RPC latency.
        # TYPE rpc_seconds histogram
        rpc_seconds_bucket{svc="a",le="0.1"} 2
        rpc_seconds_bucket{svc="a",le="1"} 5
        rpc_seconds_bucket{svc="a",le="0.5"} 4
        rpc_seconds_bucket{svc="a",le="+Inf"} 6
        rpc_seconds_sum{svc="a"} 3.25
        rpc_seconds_count{svc="a"} 6
        rpc_seconds_bucket{svc="b",le="1e-05"} 1.0 1000
        rpc_seconds_count{svc="b"} 3 1000
        """;
    assertThat(read(text)).containsExactly(histogram("rpc_seconds", "RPC latency.",
        histogramPoint(labels("svc", "a"), 6, 3.25, new double[] {0.1, 0.5, 1},
            new long[] {2, 2, 1, 1}, 0),
        histogramPoint(labels("svc", "b"), 3, null, new double[] {1e-5}, new long[] {1, 2},
            1_000_000_000L)));
  }

  @Test
  void aHistogramWithOnlyACountGetsItsInfBucketFromTheCount() throws IOException {
    assertThat(read("# TYPE h histogram\nh_count 7\nh_sum 1\n")).containsExactly(
        histogram("h", "", histogramPoint(NONE, 7, 1.0, new double[0], new long[] {7}, 0)));
  }

  @Test
  void summariesSortQuantilesAndKeepOptionalSumAndCount() throws IOException {
    String text = """
        # TYPE rpc summary
        rpc{quantile="0.99"} 0.25
        rpc{quantile="0.5"} 0.125
        rpc_sum 17
        rpc_count 2
        rpc{quantile="0.5",svc="x"} NaN
        """;
    assertThat(read(text)).containsExactly(summary("rpc", "",
        summaryPoint(NONE, 2L, 17.0, 0, new Quantile(0.5, 0.125), new Quantile(0.99, 0.25)),
        summaryPoint(labels("svc", "x"), null, null, 0, new Quantile(0.5, Double.NaN))));
  }

  @Test
  void quotedUtf8NamesWorkInBracesAndInMetadata() throws IOException {
    String text = """
        # HELP "my.metric" Dotted name.
        # TYPE "my.metric" gauge
        {"my.metric","a.b"="c",d="e"} 1
        {  "my.metric"  } 2
        {"ünïcödé"} 3
        "quoted\\"name" 4
        """;
    assertThat(read(text)).containsExactly(
        gauge("my.metric", "Dotted name.", PromType.GAUGE,
            point(labels("a.b", "c", "d", "e"), 1L), point(NONE, 2L)),
        gauge("ünïcödé", "", PromType.UNKNOWN, point(NONE, 3L)),
        gauge("quoted\"name", "", PromType.UNKNOWN, point(NONE, 4L)));
  }

  @Test
  void escapesInLabelValuesAndHelpAreDecoded() throws IOException {
    String text = "# HELP e Back\\\\slash, new\\nline and \\\"quote\\\".\n"
        + "e{v=\"a\\\\b\\\"c\\nd\",w=\"tab\tand ünïcode\"} 1\n";
    assertThat(read(text)).containsExactly(gauge("e", "Back\\slash, new\nline and \"quote\".",
        PromType.UNKNOWN, point(labels("v", "a\\b\"c\nd", "w", "tab\tand ünïcode"), 1L)));
  }

  @Test
  void blanksCommentsTrailingCommasAndAnUnterminatedLastLineAreAccepted() throws IOException {
    String text = "\n  \t\n# a plain comment\n#HELP x   leading blanks go\n"
        + "\t x { a = \"1\" , b=\"2\", } \t 5\n# TYPE y\n#\nx{}7";
    assertThat(read(text)).containsExactly(gauge("x", "leading blanks go", PromType.UNKNOWN,
        point(labels("a", "1", "b", "2"), 5L), point(NONE, 7L)));
  }

  @Test
  void specialValuesNegativeZeroAndHugeIntegersKeepTheirExactValue() throws IOException {
    List<MetricFamily> families = read(
        "v{k=\"a\"} NaN\nv{k=\"b\"} +Inf\nv{k=\"c\"} -inf\nv{k=\"d\"} -0\n"
            + "v{k=\"e\"} 9223372036854775807\nv{k=\"f\"} 9223372036854775808\nv{k=\"g\"} 4.9e-324\n");
    assertThat(families).containsExactly(gauge("v", "", PromType.UNKNOWN,
        point(labels("k", "a"), Double.NaN),
        point(labels("k", "b"), Double.POSITIVE_INFINITY),
        point(labels("k", "c"), Double.NEGATIVE_INFINITY),
        point(labels("k", "d"), -0.0),
        point(labels("k", "e"), Long.MAX_VALUE),
        point(labels("k", "f"), 9223372036854775808.0),
        point(labels("k", "g"), Double.MIN_VALUE)));
  }

  @Test
  void emptyInputAndMetadataWithoutSamplesYieldNoFamilies() throws IOException {
    assertThat(read("")).isEmpty();
    assertThat(read("# HELP a x\n# TYPE a counter\n# TYPE b gauge\n")).isEmpty();
  }

  @Test
  void aNameThatComesBackLaterStartsAnotherFamily() throws IOException {
    assertThat(read("a 1\nb 2\na 3\n")).containsExactly(
        gauge("a", "", PromType.UNKNOWN, point(NONE, 1L)),
        gauge("b", "", PromType.UNKNOWN, point(NONE, 2L)),
        gauge("a", "", PromType.UNKNOWN, point(NONE, 3L)));
  }

  @Test
  void largeFamiliesAreChunkedWithoutSplittingASeries() throws IOException {
    ReadOptions twoPerChunk = new ReadOptions(1 << 20, 64, 1024, 2);
    String text = "# HELP g G.\n# TYPE g gauge\ng{i=\"1\"} 1\ng{i=\"2\"} 2\ng{i=\"3\"} 3\n"
        + "# TYPE h histogram\n"
        + "h_bucket{i=\"1\",le=\"+Inf\"} 1\nh_count{i=\"1\"} 1\n"
        + "h_bucket{i=\"2\",le=\"+Inf\"} 2\nh_count{i=\"2\"} 2\n"
        + "h_bucket{i=\"3\",le=\"+Inf\"} 3\nh_count{i=\"3\"} 3\n";
    List<MetricFamily> chunks = read(text.getBytes(StandardCharsets.UTF_8), twoPerChunk);
    assertThat(chunks).extracting(MetricFamily::name).containsExactly("g", "g", "h", "h");
    assertThat(chunks).extracting(f -> f.data().points().size()).containsExactly(2, 1, 2, 1);
    assertThat(chunks).extracting(MetricFamily::description).containsExactly("G.", "G.", "", "");
    assertThat(chunks.get(3)).isEqualTo(histogram("h",
        "", histogramPoint(labels("i", "3"), 3, null, new double[0], new long[] {3}, 0)));
  }

  @Test
  void counterNamesStayAsWrittenWithOrWithoutTotal() throws IOException {
    assertThat(read("# TYPE a_total counter\na_total 1\n# TYPE b counter\nb 2\n"))
        .extracting(f -> f.name() + "/" + f.prom().originalName())
        .containsExactly("a_total/a_total", "b/b");
  }

  static Stream<Arguments> malformedInputs() {
    return Stream.of(
        argumentSet("missing value", "foo\n", "1:4: expected value, got end of line"),
        argumentSet("bad metric name", "1foo 1\n", "1:1: expected metric name, got '1'"),
        argumentSet("bad value", "foo abc\n", "1:5: expected float as value, got \"abc\""),
        argumentSet("hex float as expfmt rejects it", "foo 0x1p-2\n",
            "1:5: expected float as value, got \"0x1p-2\""),
        argumentSet("signed NaN, which Go rejects", "foo -NaN\n",
            "1:5: expected float as value, got \"-NaN\""),
        // A raw CR in the message would send the terminal's cursor back over it; spell it out.
        argumentSet("carriage return", "foo 1\r\n", "1:5: expected float as value, got \"1\\r\""),
        argumentSet("carriage return after TYPE", "# TYPE foo gauge\r\nfoo 1\r\n",
            "1:12: expected counter, gauge, histogram, summary or untyped, got \"gauge\\r\""),
        argumentSet("control characters in a value", "foo 1\u001b[2J\u0000\n",
            "1:5: expected float as value, got \"1\\x1b[2J\\x00\""),
        argumentSet("float timestamp", "foo 1 1.5\n",
            "1:7: expected integer milliseconds as timestamp, got \"1.5\""),
        argumentSet("negative timestamp", "foo 1 -1\n",
            "1:7: expected a timestamp at or after 1970 (milliseconds >= 0), got -1"),
        argumentSet("overflowing timestamp", "foo 1 9223372036854775808\n",
            "1:7: expected integer milliseconds as timestamp, got \"9223372036854775808\""),
        argumentSet("text after timestamp", "foo 1 2 3\n",
            "1:8: expected end of line after timestamp, got ' '"),
        argumentSet("trailing blank after value", "foo 1 \n",
            "1:7: expected integer timestamp after blank, got end of line"),
        argumentSet("truncated label set", "foo{a=\"b\"\n",
            "1:10: expected ',' or '}' after label value, got end of line"),
        argumentSet("truncated after brace", "foo{",
            "1:5: expected label name or '}', got end of line"),
        argumentSet("unterminated quote", "foo{a=\"b} 1\n",
            "1:12: expected '\"' at end of label value, got end of line"),
        argumentSet("tab escape", "foo{a=\"x\\ty\"} 1\n",
            "1:9: expected \\\\, \\\" or \\n after backslash in label value, got 't'"),
        argumentSet("duplicate label", "foo{a=\"1\",a=\"2\"} 1\n",
            "1:11: expected unique label names, got \"a\" twice"),
        argumentSet("bad label name", "foo{1a=\"b\"} 1\n",
            "1:5: expected label name or '}', got '1'"),
        argumentSet("missing equals", "foo{a:\"b\"} 1\n",
            "1:6: expected '=' after label name, got ':'"),
        argumentSet("unquoted value", "foo{a=b} 1\n",
            "1:7: expected '\"' at start of label value, got 'b'"),
        argumentSet("missing comma", "foo{a=\"b\" c=\"d\"} 1\n",
            "1:11: expected ',' or '}' after label value, got 'c'"),
        argumentSet("lone comma", "foo{,} 1\n", "1:5: expected label name or '}', got ','"),
        argumentSet("reserved __name__", "foo{__name__=\"x\"} 1\n",
            "1:5: expected a label name other than the reserved \"__name__\"; put the metric name "
                + "before the braces or quoted inside them"),
        argumentSet("no name in braces", "{a=\"b\"} 1\n",
            "1:7: expected a metric name in braces, got none before '}'"),
        argumentSet("two names in braces", "{\"a\",\"b\"} 1\n",
            "1:6: expected one metric name in braces, got a second one"),
        argumentSet("name before and in braces", "foo{\"a.b\"} 1\n",
            "1:10: expected '=' after label name, got '}'"),
        argumentSet("empty quoted name", "{\"\"} 1\n",
            "1:2: expected a name inside the quotes, got \"\""),
        argumentSet("unknown type", "# TYPE foo info\n",
            "1:12: expected counter, gauge, histogram, summary or untyped, got \"info\""),
        argumentSet("type with trailing blank", "# TYPE foo gauge \n",
            "1:12: expected counter, gauge, histogram, summary or untyped, got \"gauge \""),
        argumentSet("second TYPE", "# TYPE foo counter\n# TYPE foo gauge\n",
            "2:3: expected one TYPE line for foo, got a second one"),
        argumentSet("TYPE after samples", "foo 1\n# TYPE foo counter\n",
            "2:3: expected the TYPE line for foo before its samples, got it after"),
        argumentSet("second HELP", "# HELP foo a\n# HELP foo b\n",
            "2:3: expected one HELP line for foo, got a second one"),
        argumentSet("HELP after samples", "foo 1\n# HELP foo x\n",
            "2:3: expected the HELP line for foo before its samples, got it after"),
        argumentSet("bad HELP escape", "# HELP foo a\\tb\n",
            "1:13: expected \\\\, \\n or \\\" after backslash in HELP, got 't'"),
        argumentSet("bad name in HELP", "# HELP 1foo x\n",
            "1:8: expected metric name after HELP, got '1'"),
        argumentSet("name glued to text in TYPE", "# TYPE foo{ counter\n",
            "1:11: expected blank after metric name, got '{'"),
        argumentSet("decreasing buckets", "# TYPE h histogram\nh_bucket{le=\"1\"} 5\nh_bucket{le=\"2\"} 3\n",
            "3:18: expected cumulative bucket counts not to decrease, got 3 for le=\"2\" after 5 "
                + "for le=\"1\""),
        argumentSet("decreasing buckets out of order",
            "# TYPE h histogram\nh_bucket{le=\"2\"} 3\nh_bucket{le=\"1\"} 5\n",
            "3:18: expected cumulative bucket counts not to decrease, got 5 for le=\"1\" but 3 "
                + "for le=\"2\""),
        argumentSet("duplicate le", "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"1.0\"} 1\n",
            "3:20: expected each 'le' once per series, got le=\"1\" twice"),
        argumentSet("NaN le", "# TYPE h histogram\nh_bucket{le=\"NaN\"} 1\n",
            "2:13: expected a float other than NaN as value of 'le', got \"NaN\""),
        argumentSet("non-numeric le", "# TYPE h histogram\nh_bucket{le=\"x\"} 1\n",
            "2:13: expected a float other than NaN as value of 'le', got \"x\""),
        argumentSet("fractional bucket count", "# TYPE h histogram\nh_bucket{le=\"1\"} 1.5\n",
            "2:18: expected a non-negative integer as bucket count, got \"1.5\""),
        argumentSet("negative count", "# TYPE h histogram\nh_count -1\n",
            "2:9: expected a non-negative integer as count, got \"-1\""),
        argumentSet("NaN count", "# TYPE h histogram\nh_count NaN\n",
            "2:9: expected a non-negative integer as count, got \"NaN\""),
        argumentSet("no +Inf bucket and no count", "# TYPE h histogram\nh_bucket{le=\"1\"} 1\n",
            "2:1: expected a +Inf bucket or a h_count line for histogram series h{}, got neither"),
        argumentSet("count below the largest bucket",
            "# TYPE h histogram\nh_bucket{le=\"1\"} 4\nh_count 3\n",
            "3:1: expected h_count at least the largest bucket count 4, got 3"),
        argumentSet("bare histogram name", "# TYPE h histogram\nh 1\n",
            "2:1: expected h_bucket, h_sum or h_count in histogram \"h\", got h"),
        argumentSet("bucket without le", "# TYPE h histogram\nh_bucket 1\n",
            "2:1: expected an 'le' label on h_bucket, got none"),
        argumentSet("le on sum", "# TYPE h histogram\nh_sum{le=\"1\"} 1\n",
            "2:7: expected no 'le' label on h_sum, got one"),
        argumentSet("second count", "# TYPE h histogram\nh_count 1\nh_count 1\n",
            "3:1: expected one h_count line per series, got a second one"),
        argumentSet("summary without quantile", "# TYPE s summary\ns 1\n",
            "2:1: expected a 'quantile' label on summary sample s, got none"),
        argumentSet("quantile out of range", "# TYPE s summary\ns{quantile=\"1.5\"} 1\n",
            "2:12: expected a float between 0 and 1 as value of 'quantile', got \"1.5\""),
        argumentSet("duplicate quantile",
            "# TYPE s summary\ns{quantile=\"0.5\"} 1\ns{quantile=\"0.50\"} 2\n",
            "3:12: expected each quantile once per series, got quantile=\"0.50\" twice"),
        argumentSet("quantile on count", "# TYPE s summary\ns_count{quantile=\"0.5\"} 1\n",
            "2:9: expected no 'quantile' label on s_count, got one"));
  }

  @ParameterizedTest
  @MethodSource("malformedInputs")
  void malformedInputFailsWithAPositionedReason(String input, String expected) {
    assertThatThrownBy(() -> read(input))
        .isInstanceOf(MetricParseException.class)
        .hasMessage("in.prom:" + expected);
  }

  @Test
  void invalidUtf8IsRejectedWhereverItIs() throws IOException {
    for (String prefix : List.of("# just a comment ", "foo{a=\"", "# HELP foo ")) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      bytes.write("ok 1\n".getBytes(StandardCharsets.UTF_8));
      bytes.write(prefix.getBytes(StandardCharsets.UTF_8));
      bytes.write(new byte[] {(byte) 0xC3, (byte) 0x28});
      bytes.write("\"} 1\n".getBytes(StandardCharsets.UTF_8));
      assertThatThrownBy(() -> read(bytes.toByteArray(), ReadOptions.DEFAULTS))
          .isInstanceOf(MetricParseException.class)
          .hasMessage("in.prom:2:" + (prefix.length() + 1) + ": expected valid UTF-8, got byte 0xc3");
    }
  }

  @Test
  void labelLimitsAreEnforcedWithTheFlagToRaiseThem() {
    ReadOptions tight = new ReadOptions(1 << 20, 2, 4, 100);
    assertThatThrownBy(() -> read("a{x=\"1\",y=\"2\",z=\"3\"} 1\n".getBytes(StandardCharsets.UTF_8),
        tight))
        .hasMessage("in.prom:1:15: expected at most 2 labels on a series, got more (raise the "
            + "limit with --max-labels)");
    assertThatThrownBy(() -> read("a{x=\"12345\"} 1\n".getBytes(StandardCharsets.UTF_8), tight))
        .hasMessage("in.prom:1:5: expected a label value of at most 4 bytes, got 5 (raise the "
            + "limit with --max-label-value-bytes)");
  }

  @Test
  void errorsCarryTheOffendingLineForTheCaret() {
    assertThatThrownBy(() -> read("ok 1\nfoo{a=b} 1\n"))
        .isInstanceOfSatisfying(MetricParseException.class, e -> {
          assertThat(e.sourceLine()).isEqualTo("foo{a=b} 1");
          assertThat(e.render()).endsWith("foo{a=b} 1\n        ^");
        });
  }

  @Test
  void theEchoedLineShowsControlCharactersAsSymbolsSoTheyCannotDriveTheTerminal() {
    // An escape sequence in a scraped dump must not clear the screen of whoever reads the error.
    assertThatThrownBy(() -> read("foo{a=\"\u001b[2J\"}\u0007 1\r\n"))
        .isInstanceOfSatisfying(MetricParseException.class, e ->
            assertThat(e.render()).endsWith("foo{a=\"\u241b[2J\"}\u2407 1\u240d\n               ^"));
  }
}
