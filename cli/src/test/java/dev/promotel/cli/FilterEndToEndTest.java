package dev.promotel.cli;

import static dev.promotel.cli.TestData.PROM;
import static dev.promotel.cli.TestData.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code promotel filter} from the command line: selection, relabelling, label options, errors. */
class FilterEndToEndTest {
  private static final String NODE = Path.of("../samples/node_exporter.prom").toString();
  private static final String RELABEL = Path.of("../samples/relabel.yml").toString();
  private static final String OTLP = Path.of("../samples/collector-export.jsonl").toString();

  @TempDir Path dir;

  private static long samples(String text) {
    return Arrays.stream(text.split("\n")).filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
  }

  @Test
  void theFirstArgumentIsTheSelector() {
    Cli cli = Cli.run("filter", "node_cpu_seconds_total{mode!=\"idle\",cpu=\"0\"}", NODE);

    assertThat(cli.exitCode).isZero();
    assertThat(cli.err).isEmpty();
    assertThat(cli.out).startsWith("# HELP node_cpu_seconds_total Seconds the CPUs spent in each"
        + " mode.\n# TYPE node_cpu_seconds_total counter\n"
        + "node_cpu_seconds_total{cpu=\"0\",mode=\"iowait\"} 2213.07\n");
    assertThat(samples(cli.out)).isEqualTo(7);
  }

  @Test
  void repeatedMatchOptionsAreOredAndEveryArgumentIsAnInput() {
    Cli cli = Cli.run("filter", "-m", "node_load1", "-m", "{device=\"sda\"}", NODE);

    assertThat(cli.exitCode).isZero();
    assertThat(samples(cli.out)).isEqualTo(1 + 8);
  }

  @Test
  void invertKeepsWhatNoSelectorMatches() throws IOException {
    Path in = write(dir, "in.prom", PROM);

    Cli cli = Cli.run("filter", "--invert", "{code=\"500\"}", in.toString());

    assertThat(cli.out).isEqualTo("# HELP http_requests_total Requests served.\n"
        + "# TYPE http_requests_total counter\n"
        + "http_requests_total{code=\"200\"} 1027\n"
        + "# TYPE temperature_celsius gauge\n"
        + "temperature_celsius 21.5\n");
  }

  @Test
  void readsStandardInputAndWritesAnotherFormat() {
    Cli cli = Cli.runWithStdin(PROM, "filter", "http_requests_total", "--to", "om");

    assertThat(cli.exitCode).isZero();
    assertThat(cli.out).isEqualTo("# TYPE http_requests counter\n"
        + "# HELP http_requests Requests served.\n"
        + "http_requests_total{code=\"200\"} 1027\n"
        + "http_requests_total{code=\"500\"} 3\n"
        + "# EOF\n");
  }

  @Test
  void selectsOtlpSeriesByTheirOwnNamesAndAttributes() {
    Cli cli = Cli.run("filter", "{\"http.server.request.duration\",\"http.route\"=\"/api/cart\"}",
        OTLP, "--to", "prom");

    assertThat(cli.exitCode).isZero();
    assertThat(cli.out).contains("http_server_request_duration_seconds_count{")
        .contains("http_route=\"/api/cart\"").doesNotContain("/api/orders");
  }

  @Test
  void aHistogramIsKeptWholeWhenSelectedByOneOfItsSampleNames() {
    Cli cli = Cli.run("filter", "restic_backup_duration_seconds_bucket{le=\"0.5\"}", NODE);

    assertThat(cli.exitCode).isZero();
    assertThat(cli.out).contains("le=\"+Inf\"").contains("restic_backup_duration_seconds_sum")
        .contains("restic_backup_duration_seconds_count");
    assertThat(cli.err).contains("selector matchers on 'le' ignored for histogram families");
  }

  @Test
  void relabelsWithTheSampleRulesAndExplains() {
    Cli cli = Cli.run("filter", "--relabel", RELABEL, "--explain", NODE);

    assertThat(cli.exitCode).isZero();
    assertThat(cli.out).doesNotContain("go_goroutines").doesNotContain("mode=\"idle\"")
        .contains("node_disk_io_now{device=\"sda\",disk=\"sda\",shard=\"1\"} 0")
        .contains("node_cpu_seconds_total{cpu=\"0\",mode=\"user\",shard=\"2\"} 58912.44");
    assertThat(cli.err)
        .contains("go_goroutines\n  #1 ../samples/relabel.yml:4:3 drop: regex matched"
            + " \"go_goroutines\": dropped\n  → dropped\n")
        // hashmod on __name__ gives the histogram's _sum another shard than its buckets.
        .contains("restic_backup_duration_seconds_sum:\n")
        .contains("explain: 248 series relabelled, 217 kept, 31 dropped\n")
        .contains("explain: rules that never matched:\n  #5 ../samples/relabel.yml:21:3 drop\n")
        .endsWith("promotel: 1 histogram _sum/_count samples dropped that relabelling gave other"
            + " labels than the buckets: one family cannot be a histogram and a summary\n");
  }

  @Test
  void labelOptionsDropKeepRenameAndAdd() throws IOException {
    Path in = write(dir, "in.prom", "# TYPE m gauge\nm{a=\"1\",b=\"2\",c=\"3\"} 1\n");

    Cli cli = Cli.run("filter", "--drop-label", "c", "--rename-label", "a=x",
        "--add-label", "env=prod", in.toString());

    assertThat(cli.exitCode).isZero();
    assertThat(cli.out).isEqualTo("# TYPE m gauge\nm{b=\"2\",env=\"prod\",x=\"1\"} 1\n");

    Cli kept = Cli.run("filter", "--keep-label", "b", in.toString());
    assertThat(kept.out).isEqualTo("# TYPE m gauge\nm{b=\"2\"} 1\n");
  }

  @Test
  void withALabelOptionTheSelectorMayBeLeftOutOrGiven() throws IOException {
    Path in = write(dir, "in.prom", PROM);

    Cli all = Cli.run("filter", "--add-label", "env=prod", in.toString());
    Cli selected = Cli.run("filter", "{code=\"500\"}", "--add-label", "env=prod", in.toString());

    assertThat(samples(all.out)).isEqualTo(3);
    assertThat(all.out).contains("http_requests_total{code=\"200\",env=\"prod\"} 1027\n");
    assertThat(selected.out).isEqualTo("# HELP http_requests_total Requests served.\n"
        + "# TYPE http_requests_total counter\n"
        + "http_requests_total{code=\"500\",env=\"prod\"} 3\n");
  }

  @Test
  void droppingALabelThatTellsSeriesApartIsALossUnderStrict() throws IOException {
    Path in = write(dir, "in.prom", PROM);

    Cli cli = Cli.run("filter", "--drop-label", "code", "--strict", in.toString());

    assertThat(cli.exitCode).isEqualTo(1);
    assertThat(cli.out).contains("http_requests_total 1027\n").doesNotContain(" 3\n");
    assertThat(cli.err).contains("1 series dropped after relabelling or label operations");
  }

  @Test
  void sortAndHeadGiveStableFirstFamilies() throws IOException {
    Path in = write(dir, "in.prom", "# TYPE b gauge\nb{x=\"2\"} 1\nb{x=\"1\"} 1\n"
        + "# TYPE c gauge\nc 1\n# TYPE a gauge\na 1\n");

    Cli sorted = Cli.run("filter", "{__name__=~\".+\"}", "--sort", "--head", "2", in.toString());
    Cli head = Cli.run("filter", "{__name__=~\".+\"}", "--head", "1", in.toString());

    assertThat(sorted.out).isEqualTo("# TYPE a gauge\na 1\n# TYPE b gauge\nb{x=\"1\"} 1\n"
        + "b{x=\"2\"} 1\n");
    assertThat(head.out).isEqualTo("# TYPE b gauge\nb{x=\"2\"} 1\nb{x=\"1\"} 1\n");
  }

  @Test
  void aSeriesRenamedIntoALaterFamilyNeverMakesInvalidText() throws IOException {
    Path in = write(dir, "in.prom", "# TYPE a gauge\na 1\n# TYPE b gauge\nb 2\nb{x=\"1\"} 3\n");
    Path rules = write(dir, "r.yml",
        "- {source_labels: [__name__], regex: a, target_label: __name__, replacement: b}\n");

    Cli streamed = Cli.run("filter", "--relabel", rules.toString(), in.toString());
    Cli sorted = Cli.run("filter", "--relabel", rules.toString(), "--sort", in.toString());

    // The moved series opens family b; the input's b continues it, its unlabelled series a repeat.
    assertThat(streamed.out).isEqualTo("# TYPE b gauge\nb 1\nb{x=\"1\"} 3\n");
    assertThat(streamed.err).contains("1 series dropped after relabelling or label operations");
    assertThat(sorted.out).isEqualTo(streamed.out);
  }

  @Test
  void aSeriesRenamedIntoAFamilyFurtherOnJoinsThatFamily() throws IOException {
    Path in = write(dir, "in.prom",
        "# TYPE a gauge\na 1\n# TYPE c gauge\nc 5\n# TYPE b gauge\nb{x=\"2\"} 2\n");
    Path rules = write(dir, "r.yml",
        "- {source_labels: [__name__], regex: a, target_label: __name__, replacement: b}\n");

    Cli streamed = Cli.run("filter", "--relabel", rules.toString(), "--strict", in.toString());
    Cli sorted = Cli.run("filter", "--relabel", rules.toString(), "--sort", "--strict",
        in.toString());

    assertThat(streamed.exitCode).isZero();
    assertThat(streamed.out).isEqualTo("# TYPE c gauge\nc 5\n# TYPE b gauge\nb 1\nb{x=\"2\"} 2\n");
    assertThat(sorted.exitCode).isZero();
    assertThat(sorted.out).isEqualTo("# TYPE b gauge\nb 1\nb{x=\"2\"} 2\n# TYPE c gauge\nc 5\n");
  }

  @Test
  void aCounterRenamedIntoAnExistingGaugeKeepsBothSeriesUnderTheGaugeType() throws IOException {
    String counterFirst = "# TYPE a_total counter\na_total{x=\"1\"} 1\n# TYPE b gauge\nb{x=\"2\"} 2\n";
    String gaugeFirst = "# TYPE b gauge\nb{x=\"2\"} 2\n# TYPE a_total counter\na_total{x=\"1\"} 1\n";
    Path rules = write(dir, "r.yml", "- {source_labels: [__name__], regex: a_total,"
        + " target_label: __name__, replacement: b}\n");

    for (String input : new String[] {counterFirst, gaugeFirst}) {
      for (boolean sort : new boolean[] {false, true}) {
        Path in = write(dir, "in.prom", input);
        Cli cli = sort
            ? Cli.run("filter", "--relabel", rules.toString(), "--sort", "--strict", in.toString())
            : Cli.run("filter", "--relabel", rules.toString(), "--strict", in.toString());

        assertThat(cli.exitCode).as(input + sort).isZero();
        assertThat(cli.out).as(input + sort).startsWith("# TYPE b gauge\n")
            .contains("b{x=\"1\"} 1\n").contains("b{x=\"2\"} 2\n");
        assertThat(cli.err).as(input + sort).contains("take that family's type");
      }
    }
  }

  @Test
  void aSeriesRenamedIntoAFamilyOfAnotherKindIsALossAndTheFamilyStays() throws IOException {
    Path in = write(dir, "in.prom", "# TYPE a gauge\na 1\n" + HISTOGRAM);
    Path rules = write(dir, "r.yml",
        "- {source_labels: [__name__], regex: a, target_label: __name__, replacement: req}\n");

    Cli cli = Cli.run("filter", "--relabel", rules.toString(), "--strict", in.toString());

    assertThat(cli.exitCode).isEqualTo(1);
    assertThat(cli.out).isEqualTo(HISTOGRAM);
    assertThat(cli.err).contains("renamed into an existing family of another kind");
  }

  private static final String HISTOGRAM = "# TYPE req histogram\n"
      + "req_bucket{le=\"0.1\"} 2\nreq_bucket{le=\"0.5\"} 5\nreq_bucket{le=\"1\"} 7\n"
      + "req_bucket{le=\"+Inf\"} 9\nreq_sum 4.5\nreq_count 9\n";

  private static final String SUMMARY = "# TYPE lat summary\n"
      + "lat{quantile=\"0.5\"} 0.2\nlat{quantile=\"0.9\"} 0.7\nlat{quantile=\"0.99\"} 1.5\n"
      + "lat_sum 30\nlat_count 100\n";

  private Cli relabelled(String input, String rules, String... more) throws IOException {
    Path in = write(dir, "in.prom", input);
    Path r = write(dir, "r.yml", rules);
    String[] args = new String[3 + more.length];
    args[0] = "filter";
    args[1] = "--relabel=" + r;
    System.arraycopy(more, 0, args, 2, more.length);
    args[args.length - 1] = in.toString();
    return Cli.run(args);
  }

  @Test
  void droppingTheBucketSamplesOfAHistogramLeavesItsSumAndCountAsASummary() throws IOException {
    Cli cli = relabelled(HISTOGRAM,
        "- {source_labels: [__name__], regex: req_bucket, action: drop}\n");

    assertThat(cli.exitCode).isZero();
    assertThat(cli.out).isEqualTo("# TYPE req summary\nreq_sum 4.5\nreq_count 9\n");
    assertThat(cli.err).contains("written as summaries without quantiles");
  }

  @Test
  void keepingOnlyCountAndSumSamplesFollowsPrometheus() throws IOException {
    Cli cli = relabelled(HISTOGRAM + SUMMARY,
        "- {source_labels: [__name__], regex: '.*_(count|sum)', action: keep}\n");

    assertThat(cli.out).isEqualTo("# TYPE req summary\nreq_sum 4.5\nreq_count 9\n"
        + "# TYPE lat summary\nlat_sum 30\nlat_count 100\n");
  }

  @Test
  void droppingSomeBucketsMergesTheirCountsIntoTheNextKeptBound() throws IOException {
    Cli cli = relabelled(HISTOGRAM,
        "- {source_labels: [__name__, le], regex: 'req_bucket;0\\.(1|5)', action: drop}\n");

    assertThat(cli.exitCode).isZero();
    assertThat(cli.out).isEqualTo("# TYPE req histogram\nreq_bucket{le=\"1\"} 7\n"
        + "req_bucket{le=\"+Inf\"} 9\nreq_sum 4.5\nreq_count 9\n");
    assertThat(cli.err).isEmpty();
  }

  @Test
  void keepingOnlyBucketsGivesAHistogramWithoutSum() throws IOException {
    Cli cli = relabelled(HISTOGRAM,
        "- {source_labels: [__name__], regex: req_sum, action: drop}\n", "--strict");

    assertThat(cli.exitCode).isZero();
    assertThat(cli.out).isEqualTo("# TYPE req histogram\nreq_bucket{le=\"0.1\"} 2\n"
        + "req_bucket{le=\"0.5\"} 5\nreq_bucket{le=\"1\"} 7\nreq_bucket{le=\"+Inf\"} 9\n"
        + "req_count 9\n");
  }

  @Test
  void droppingTheCountButNotTheInfBucketIsALoss() throws IOException {
    Cli cli = relabelled(HISTOGRAM,
        "- {source_labels: [__name__], regex: req_count, action: drop}\n", "--strict");

    assertThat(cli.exitCode).isEqualTo(1);
    assertThat(cli.err).contains("_count and the +Inf bucket are one value");
  }

  @Test
  void droppingSomeQuantilesLeavesASummaryWithFewerQuantiles() throws IOException {
    Cli cli = relabelled(SUMMARY,
        "- {source_labels: [quantile], regex: '0\\.99', action: drop}\n", "--explain");

    assertThat(cli.out).isEqualTo("# TYPE lat summary\nlat{quantile=\"0.5\"} 0.2\n"
        + "lat{quantile=\"0.9\"} 0.7\nlat_sum 30\nlat_count 100\n");
    assertThat(cli.err).contains("samples differ").contains("lat{quantile=\"0.99\"}:")
        .contains("with 2 of 3 quantiles");
  }

  @Test
  void aRuleThatTreatsEverySampleAlikeMovesTheWholeSeries() throws IOException {
    Cli cli = relabelled(HISTOGRAM,
        "- {source_labels: [__name__], regex: 'req(.*)', target_label: __name__,"
            + " replacement: 'http$1'}\n- {target_label: team, replacement: a}\n");

    assertThat(cli.out).isEqualTo("# TYPE http histogram\n"
        + "http_bucket{team=\"a\",le=\"0.1\"} 2\nhttp_bucket{team=\"a\",le=\"0.5\"} 5\n"
        + "http_bucket{team=\"a\",le=\"1\"} 7\nhttp_bucket{team=\"a\",le=\"+Inf\"} 9\n"
        + "http_sum{team=\"a\"} 4.5\nhttp_count{team=\"a\"} 9\n");
    assertThat(cli.err).isEmpty();
  }

  @Test
  void renamingOneSampleOutOfItsFamilyShapeIsALoss() throws IOException {
    Cli cli = relabelled(HISTOGRAM, "- {source_labels: [__name__], regex: req_sum,"
        + " target_label: __name__, replacement: total}\n", "--strict");

    assertThat(cli.exitCode).isEqualTo(1);
    assertThat(cli.out).contains("req_count 9\n").doesNotContain("req_sum");
    assertThat(cli.err).contains("no longer fits their family");
  }

  @Test
  void headOrSortAloneMakeTheSelectorOptional() {
    Cli head = Cli.run("filter", "--head", "2", NODE);
    Cli sort = Cli.run("filter", "--sort", NODE);

    assertThat(head.exitCode).isZero();
    assertThat(head.out).startsWith("# HELP go_gc_duration_seconds");
    assertThat(head.out.lines().filter(l -> l.startsWith("# TYPE"))).hasSize(2);
    assertThat(sort.exitCode).isZero();
    assertThat(sort.out).startsWith("# HELP go_gc_duration_seconds");
  }

  @Test
  void aFileNameGivenAsTheSelectorSaysSo() {
    Cli cli = Cli.run("filter", NODE);

    assertThat(cli.exitCode).isEqualTo(2);
    assertThat(cli.err).contains("(no selector given? the first argument is the selector; use -m"
        + " or --)");
  }

  @Test
  void theSameSeriesFromTwoInputsIsWrittenOnceAndReportedInEveryFormat() {
    for (String to : new String[] {"prom", "om", "otlp-json"}) {
      Cli cli = Cli.run("filter", "node_load1", "-t", to, "--strict", NODE, NODE);

      assertThat(cli.exitCode).as(to).isEqualTo(1);
      assertThat(cli.out.split("0\\.41", -1)).as(to).hasSize(2);
      assertThat(cli.err).as(to).contains("1 series dropped that repeat a series of the same"
          + " family just before");
    }
    Cli sorted = Cli.run("filter", "node_load1", "--sort", "--strict", NODE, NODE);
    assertThat(sorted.exitCode).isEqualTo(1);
  }

  @Test
  void sortStopsAtItsLimitWithExit3() throws IOException {
    Cli cli = Cli.run("filter", "{__name__=~\".+\"}", "--sort", "--sort-limit", "10", NODE);

    assertThat(cli.exitCode).isEqualTo(3);
    assertThat(cli.err).contains("--sort holds the whole input in memory and stops at 10 series");
  }

  @Test
  void anInvalidSelectorIsAUsageErrorWithItsColumn() {
    Cli cli = Cli.run("filter", "foo{a=~\"(?=x)\"}", NODE);

    assertThat(cli.exitCode).isEqualTo(2);
    assertThat(cli.out).isEmpty();
    assertThat(cli.err).isEqualTo("selector:1:9: error: invalid regex \"(?=x)\": invalid or"
        + " unsupported Perl syntax at `(?=` (RE2 syntax: no backreferences, lookaround,"
        + " possessive or atomic groups)\n  foo{a=~\"(?=x)\"}\n          ^\n");
  }

  @Test
  void invalidRelabelYamlIsAUsageErrorAtFileLineColumn() throws IOException {
    Path rules = write(dir, "r.yml", "- source_labels: [a\n  action: drop\n");

    Cli cli = Cli.run("filter", "--relabel", rules.toString(), NODE);

    assertThat(cli.exitCode).isEqualTo(2);
    assertThat(cli.err).startsWith(rules + ":").contains("error:");
    assertThat(cli.out).isEmpty();
  }

  @Test
  void anUnknownActionIsAUsageError() throws IOException {
    Path rules = write(dir, "r.yml", "- source_labels: [a]\n  action: rewrite\n");

    Cli cli = Cli.run("filter", "--relabel", rules.toString(), NODE);

    assertThat(cli.exitCode).isEqualTo(2);
    assertThat(cli.err).startsWith(rules + ":2:11: error: relabel rule #1: unknown relabel"
        + " action \"rewrite\"");
  }

  @Test
  void aBadRelabelRegexIsAUsageErrorAtItsColumn() throws IOException {
    Path rules = write(dir, "r.yml", "- source_labels: [a]\n  regex: (a)\\1\n  action: drop\n");

    Cli cli = Cli.run("filter", "--relabel", rules.toString(), NODE);

    assertThat(cli.exitCode).isEqualTo(2);
    assertThat(cli.err).startsWith(rules + ":2:13: error: relabel rule #1: invalid regex");
  }

  @Test
  void usageErrorsExit2() {
    assertThat(Cli.run("filter").exitCode).isEqualTo(2);
    assertThat(Cli.run("filter", "--explain", "up", NODE).err)
        .contains("--explain traces --relabel rules");
    assertThat(Cli.run("filter", "--add-label", "novalue", NODE).exitCode).isEqualTo(2);
    assertThat(Cli.run("filter", "--drop-label", "__name__", NODE).exitCode).isEqualTo(2);
  }

  @Test
  void invalidInputDataExits3() throws IOException {
    Path in = write(dir, "bad.prom", "up{ 1\n");

    assertThat(Cli.run("filter", "up", in.toString()).exitCode).isEqualTo(3);
  }

  @Test
  void writesAnOutputFileAtomically() throws IOException {
    Path out = dir.resolve("out.prom");

    Cli cli = Cli.run("filter", "node_load1", NODE, "-o", out.toString());

    assertThat(cli.exitCode).isZero();
    assertThat(Files.readString(out)).isEqualTo(
        "# HELP node_load1 1m load average.\n# TYPE node_load1 gauge\nnode_load1 0.41\n");
  }
}
