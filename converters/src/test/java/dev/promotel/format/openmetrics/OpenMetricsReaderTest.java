package dev.promotel.format.openmetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricParseException;
import dev.promotel.format.ReadOptions;
import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attributes;
import dev.promotel.model.Exemplar;
import dev.promotel.model.Gauge;
import dev.promotel.model.Histogram;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.PromMetadata;
import dev.promotel.model.PromType;
import dev.promotel.model.Quantile;
import dev.promotel.model.Sum;
import dev.promotel.model.Summary;
import dev.promotel.model.SummaryPoint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OpenMetricsReaderTest {

  static Stream<Arguments> errors() {
    return Stream.of(
        argumentSet("missing EOF", "a 1\n", "2:1: expected '# EOF' as the last line, got end of input"),
        argumentSet("empty input", "", "1:1: expected '# EOF' as the last line, got end of input"),
        argumentSet("CRLF line ending", "a 1\r\n# EOF\n",
            "1:4: expected the line to end with '\\n' only, got '\\r' before it (OpenMetrics "
                + "forbids carriage returns in line endings)"),
        argumentSet("NUL in a label value is fine, a tab after the value is not",
            "a{x=\"\u0000\"} 1\t\n# EOF\n",
            "1:10: expected a value (like 1, -2.5, 1e-3, +Inf or NaN), got '1\\t'"),
        argumentSet("BOM", "\uFEFFa 1\n# EOF\n",
            "1:1: expected no byte order mark (OpenMetrics forbids BOMs), got U+FEFF"),
        argumentSet("comment line", "# a comment\n# EOF\n",
            "1:3: expected TYPE, HELP, UNIT or EOF after '# ', got 'a'"),
        argumentSet("trailing comma", "a{b=\"1\",} 1\n# EOF\n",
            "1:9: expected a label name, got '}'"),
        argumentSet("unclosed label value", "a{b=\"1} 1\n# EOF\n",
            "1:10: expected '\"' to close the value of label 'b' opened at column 5, got end of line"),
        argumentSet("quoted name twice", "a{\"b\"} 1\n# EOF\n",
            "1:6: expected '=' after quoted label name \"b\", got '}'"),
        argumentSet("signed NaN", "a -NaN\n# EOF\n",
            "1:3: expected a value (like 1, -2.5, 1e-3, +Inf or NaN), got '-NaN'"),
        argumentSet("float overflow", "a 1e999\n# EOF\n",
            "1:3: expected a value within the float64 range, got '1e999'"),
        argumentSet("counter without total", "# TYPE a counter\na_created 1\n# EOF\n",
            "2:1: expected sample a_total in this MetricPoint of counter 'a' (a counter point "
                + "needs its total), got only a_created"),
        argumentSet("created is NaN", "# TYPE a counter\na_total 1\na_created NaN\n# EOF\n",
            "3:11: expected a timestamp in seconds as the value of a_created, got 'NaN'"),
        argumentSet("bucket count not an integer",
            "# TYPE a histogram\na_bucket{le=\"+Inf\"} 1.5\n# EOF\n",
            "2:21: expected an integer for a_bucket (counts are integers), got '1.5'"),
        argumentSet("le on _count", "# TYPE a histogram\na_count{le=\"1\"} 1\n# EOF\n",
            "2:9: label 'le' is only allowed on _bucket samples, got it on a_count"),
        argumentSet("exemplar above its bucket",
            "# TYPE a histogram\na_bucket{le=\"1.0\"} 1 # {} 2\na_bucket{le=\"+Inf\"} 1\n# EOF\n",
            "2:22: expected an exemplar value within its bucket (at most le=\"1.0\"), got 2"),
        argumentSet("count differs from +Inf",
            "# TYPE a histogram\na_bucket{le=\"+Inf\"} 2\na_count 1\na_sum 1\n# EOF\n",
            "2:1: expected a_count to equal the +Inf bucket (2), got 1"),
        argumentSet("interleaved series", "a{x=\"1\"} 1\na{x=\"2\"} 1\na{x=\"1\"} 2\n# EOF\n",
            "3:1: expected the MetricPoints of series {x=\"1\"} of 'a' to be contiguous, got this "
                + "series again after another one"),
        argumentSet("repeated family", "a 1\nb 1\na 2\n# EOF\n",
            "3:1: expected each family once, contiguous, got 'a' again (first at line 1)"),
        argumentSet("repeated family without samples", "# TYPE a gauge\n# TYPE b gauge\n"
            + "# TYPE a gauge\n# EOF\n",
            "3:1: expected each family once, contiguous, got 'a' again (first at line 1)"),
        argumentSet("text after EOF", "# EOF\n\n",
            "2:1: expected end of input after '# EOF', got a blank line"),
        argumentSet("lone backslash at end of HELP", "# HELP a x\\\n# EOF\n",
            "1:11: expected an escape sequence (\\\\, \\n or \\\") after '\\' in the help text, "
                + "got end of line"),
        argumentSet("unit on a counter that lacks it", "# TYPE a counter\n# UNIT a bytes\n# EOF\n",
            "2:10: expected the unit to be a suffix of the family name (like '# UNIT foo_seconds "
                + "seconds'), got unit 'bytes' for 'a'"),
        argumentSet("label value beyond the limit", "a{b=\"" + "x".repeat(70_000) + "\"} 1\n# EOF\n",
            "1:5: label value longer than 65536 bytes (raise the limit with "
                + "--max-label-value-bytes)"));
  }

  @ParameterizedTest
  @MethodSource("errors")
  void badInputFailsWithAnExactPositionedMessage(String input, String expected) {
    MetricParseException e = catchThrowableOfType(MetricParseException.class,
        () -> OpenMetricsTestSupport.read(input));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).isEqualTo("in.om:" + expected);
  }

  @Test
  void invalidUtf8IsReportedAtItsFirstBadByte() {
    byte[] bytes = "a{x=\"ab\"} 1\n# EOF\n".getBytes(StandardCharsets.UTF_8);
    bytes[6] = (byte) 0xC3; // a lead byte followed by '"': a truncated sequence
    MetricParseException e = catchThrowableOfType(MetricParseException.class,
        () -> OpenMetricsTestSupport.readAll(new ByteArrayInputStream(bytes),
            ReadOptions.DEFAULTS, new Diagnostics()));
    assertThat(e.getMessage())
        .isEqualTo("in.om:1:7: expected valid UTF-8, got an invalid byte sequence");
  }

  @Test
  void aCounterIsNamedByItsTotalSampleAndKeepsItsStartTimeAndExemplar() throws IOException {
    List<MetricFamily> families = OpenMetricsTestSupport.read("""
        # TYPE a counter
        # HELP a Help.
        a_total{x="1"} 5 1.5 # {trace_id="0123456789ABCDEF0123456789abcdef",k="v"} 2 1.25
        a_created{x="1"} 1.000000001 1.5
        # EOF
        """);
    Exemplar ex = new Exemplar(Attributes.of("k", "v"), NumberValue.ofLong(2), 1_250_000_000L,
        "0123456789abcdef0123456789abcdef", "");
    assertThat(families).containsExactly(MetricFamily.ofProm("a_total", "Help.", "",
        new Sum(AggregationTemporality.CUMULATIVE, true, List.of(new NumberPoint(
            Attributes.of("x", "1"), 1_000_000_001L, 1_500_000_000L, NumberValue.ofLong(5),
            List.of(ex), 0))), PromType.COUNTER, "a"));
  }

  @Test
  void histogramBucketsBecomePerBucketCounts() throws IOException {
    List<MetricFamily> families = OpenMetricsTestSupport.read("""
        # TYPE h gaugehistogram
        h_bucket{le="-1"} 1
        h_bucket{le="1e0"} 3.0
        h_bucket{le="+Inf"} 6
        h_gcount 6
        h_gsum -2
        # EOF
        """);
    HistogramPoint p = new HistogramPoint(Attributes.EMPTY, 0, 0, 6, OptionalDouble.of(-2),
        new double[] {-1, 1}, new long[] {1, 2, 3}, OptionalDouble.empty(), OptionalDouble.empty(),
        List.of(), 0);
    assertThat(families).containsExactly(MetricFamily.ofProm("h", "", "",
        new Histogram(AggregationTemporality.UNSPECIFIED, List.of(p)), PromType.GAUGEHISTOGRAM,
        "h"));
  }

  @Test
  void summaryQuantilesAreSortedAndInfoAndStatesetAreNonMonotonicSums() throws IOException {
    List<MetricFamily> families = OpenMetricsTestSupport.read("""
        # TYPE s summary
        s{quantile="0.9"} 2
        s{quantile="0.1"} 1
        s_count 4
        # TYPE i info
        i_info{v="1"} 1
        # TYPE st stateset
        st{st="a"} 1
        st{st="b"} 0
        # EOF
        """);
    assertThat(families.get(0).data()).isEqualTo(new Summary(List.of(new SummaryPoint(
        Attributes.EMPTY, 0, 0, OptionalLong.of(4), OptionalDouble.empty(),
        List.of(new Quantile(0.1, 1), new Quantile(0.9, 2)), 0))));
    assertThat(families.get(1).name()).isEqualTo("i_info");
    assertThat(families.get(1).prom()).isEqualTo(new PromMetadata(PromType.INFO, "i"));
    assertThat(families.get(1).data()).isInstanceOfSatisfying(Sum.class,
        s -> assertThat(s.monotonic()).isFalse());
    assertThat(families.get(2).data().points()).hasSize(2);
    assertThat(families.get(2).promType()).isEqualTo(PromType.STATESET);
  }

  @Test
  void quotedUtf8NamesAreRead() throws IOException {
    List<MetricFamily> families = OpenMetricsTestSupport.read("""
        # TYPE "my.metric" gauge
        # HELP "my.metric" Dotted.
        {"my.metric","a.b"="c",d="e"} 1
        # EOF
        """);
    assertThat(families).containsExactly(MetricFamily.ofProm("my.metric", "Dotted.", "",
        new Gauge(List.of(NumberPoint.of(Attributes.of("a.b", "c", "d", "e"),
            NumberValue.ofLong(1)))), PromType.GAUGE, "my.metric"));
  }

  @Test
  void timestampsTheModelCannotHoldAreDroppedAndCounted() throws IOException {
    Diagnostics diagnostics = new Diagnostics();
    String text = "a 1 -1\nb 1 1e12\n# EOF\n";
    List<MetricFamily> families = OpenMetricsTestSupport.readAll(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), ReadOptions.DEFAULTS,
        diagnostics);
    assertThat(families).allSatisfy(f ->
        assertThat(f.data().points().get(0).timeUnixNano()).isZero());
    assertThat(diagnostics.count("timestamp-out-of-range")).isEqualTo(2);
  }

  @Test
  void largeFamiliesComeInChunksThatNeverSplitASeries() throws IOException {
    StringBuilder text = new StringBuilder("# TYPE g gauge\n# HELP g Big.\n");
    for (int i = 0; i < 10; i++) {
      text.append("g{i=\"").append(i).append("\"} 1 1\n");
      text.append("g{i=\"").append(i).append("\"} 2 2\n");
    }
    text.append("# EOF\n");
    List<MetricFamily> chunks = OpenMetricsTestSupport.readAll(
        new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)),
        new ReadOptions(1 << 20, 64, 1 << 16, 3), new Diagnostics());
    assertThat(chunks).extracting(f -> f.data().points().size()).containsExactly(4, 4, 4, 4, 4);
    assertThat(chunks).allSatisfy(f -> {
      assertThat(f.name()).isEqualTo("g");
      assertThat(f.description()).isEqualTo("Big.");
    });
  }
}
