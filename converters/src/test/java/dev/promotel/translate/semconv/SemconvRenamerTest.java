package dev.promotel.translate.semconv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricWriter;
import dev.promotel.format.ReadOptions;
import dev.promotel.format.prometheus.PrometheusTextReader;
import dev.promotel.model.Histogram;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.Attributes;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.Sum;
import dev.promotel.pipeline.Pipeline;
import dev.promotel.translate.mapping.PrometheusToOtlp;
import dev.promotel.translate.mapping.PrometheusToOtlpOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SemconvRenamerTest {
  private final Diagnostics diagnostics = new Diagnostics();
  private SemconvRenamer renamer;

  /** A sink that keeps what the renamer writes in {@code out}. */
  private static MetricWriter collectingInto(List<MetricFamily> out) {
    return new MetricWriter() {
      @Override
      public void write(MetricFamily family) {
        out.add(family);
      }

      @Override
      public void close() {}
    };
  }

  private List<MetricFamily> rename(String text, int maxPoints, String... ruleFiles) throws IOException {
    List<RuleSet> sets = new ArrayList<>();
    RuleLoader loader = new RuleLoader(Registry.bundled());
    for (int i = 0; i < ruleFiles.length; i++) sets.add(loader.load("r" + i + ".yaml", ruleFiles[i]));
    List<MetricFamily> out = new ArrayList<>();
    MetricWriter collect = collectingInto(out);
    renamer = new SemconvRenamer(collect, new RuleEngine(sets), diagnostics, maxPoints);
    PrometheusToOtlp toOtlp = new PrometheusToOtlp(renamer,
        PrometheusToOtlpOptions.DEFAULTS.withDefaultTimestamp(1_000_000_000L), diagnostics);
    Pipeline.run(new PrometheusTextReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        "in.prom", ReadOptions.DEFAULTS, diagnostics), toOtlp);
    toOtlp.close();
    return out;
  }

  /** Two inputs through one renamer, as two files of one run: a family name seen twice. */
  private List<MetricFamily> renameTwice(String first, String second, String ruleFile) throws IOException {
    List<MetricFamily> out = new ArrayList<>();
    MetricWriter collect = collectingInto(out);
    renamer = new SemconvRenamer(collect, new RuleEngine(List.of(
        new RuleLoader(Registry.bundled()).load("r.yaml", ruleFile))), diagnostics, 100);
    PrometheusToOtlp toOtlp = new PrometheusToOtlp(renamer, PrometheusToOtlpOptions.DEFAULTS, diagnostics);
    for (String text : List.of(first, second)) {
      Pipeline.run(new PrometheusTextReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
          "in.prom", ReadOptions.DEFAULTS, diagnostics), toOtlp);
    }
    toOtlp.close();
    return out;
  }

  private List<MetricFamily> renameBundled(String text) throws IOException {
    return renameBundled(text, PrometheusToOtlpOptions.DEFAULTS);
  }

  private List<MetricFamily> renameBundled(String text, PrometheusToOtlpOptions options) throws IOException {
    List<MetricFamily> out = new ArrayList<>();
    MetricWriter collect = collectingInto(out);
    renamer = new SemconvRenamer(collect, new RuleEngine(new RuleLoader(Registry.bundled()).bundled()),
        diagnostics, SemconvRenamer.DEFAULT_MAX_BUFFERED_POINTS);
    PrometheusToOtlp toOtlp = new PrometheusToOtlp(renamer, options.withDefaultTimestamp(1_000_000_000L), diagnostics);
    Pipeline.run(new PrometheusTextReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        "in.prom", ReadOptions.DEFAULTS, diagnostics), toOtlp);
    toOtlp.close();
    return out;
  }

  private static MetricFamily named(List<MetricFamily> families, String name) {
    return families.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void irqAndSoftirqAreSummedIntoInterruptPerTimestamp() throws IOException {
    List<MetricFamily> out = renameBundled("# TYPE node_cpu_seconds_total counter\n"
        + "node_cpu_seconds_total{cpu=\"0\",mode=\"irq\"} 2 1000\n"
        + "node_cpu_seconds_total{cpu=\"0\",mode=\"softirq\"} 5 1000\n"
        + "node_cpu_seconds_total{cpu=\"1\",mode=\"irq\"} 1 1000\n"
        + "node_cpu_seconds_total{cpu=\"1\",mode=\"softirq\"} 1.5 1000\n");
    MetricFamily cpu = named(out, "system.cpu.time");
    assertThat(cpu.unit()).isEqualTo("s");
    assertThat(cpu.data()).isInstanceOfSatisfying(Sum.class, s -> assertThat(s.monotonic()).isTrue());
    List<String> points = cpu.data().points().stream()
        .map(p -> p.attributes() + "=" + ((NumberPoint) p).value()).toList();
    assertThat(points).containsExactly(
        "{cpu.logical_number=0, cpu.mode=\"interrupt\"}=7",
        "{cpu.logical_number=1, cpu.mode=\"interrupt\"}=2.5");
  }

  @Test
  void sourcesThatCanCoincideAreBufferedAndMergedIntoOneFamily() throws IOException {
    List<MetricFamily> out = renameBundled("# TYPE go_gc_heap_goal_bytes gauge\n"
        + "go_gc_heap_goal_bytes 100\n"
        + "# TYPE node_load1 gauge\nnode_load1 0.5\n"
        + "# TYPE go_memstats_next_gc_bytes gauge\n"
        + "go_memstats_next_gc_bytes 100\n");
    assertThat(out.stream().map(MetricFamily::name))
        .containsExactly("system.cpu.load_average.1m", "go.memory.gc.goal");
    assertThat(named(out, "go.memory.gc.goal").data().points()).hasSize(1);
  }

  @Test
  void memoryFieldsMergedIntoOneTargetTakeTheRulesDescriptionNotASourcesHelp() throws IOException {
    List<MetricFamily> out = renameBundled(
        "# HELP node_memory_Buffers_bytes Memory information field Buffers_bytes.\n"
            + "# TYPE node_memory_Buffers_bytes gauge\nnode_memory_Buffers_bytes 10\n"
            + "# HELP node_memory_MemFree_bytes Memory information field MemFree_bytes.\n"
            + "# TYPE node_memory_MemFree_bytes gauge\nnode_memory_MemFree_bytes 20\n");
    assertThat(named(out, "system.memory.usage").description()).isEqualTo("Memory in use, by state.");
  }

  @Test
  void withoutARuleDescriptionTheTargetKeepsTheFirstSourcesHelp() throws IOException {
    List<MetricFamily> out = rename("# HELP a_bytes First.\n# TYPE a_bytes gauge\na_bytes{k=\"x\"} 1\n"
            + "# HELP b_bytes Second.\n# TYPE b_bytes gauge\nb_bytes{k=\"y\"} 2\n", 100,
        "schema: promotel.rules/v1\nruleset: { id: t, target: { registry: off }, direction: to-otel }\n"
            + "rules:\n"
            + "  - { id: a, match: { name: a_bytes }, to: { name: t.usage, instrument: gauge, unit: By } }\n"
            + "  - { id: b, match: { name: b_bytes }, to: { name: t.usage, instrument: gauge, unit: By } }\n");
    assertThat(named(out, "t.usage").description()).isEqualTo("First.");
  }

  @Test
  void targetInfoLabelsSpelledLikeRegistryAttributesBecomeTheDottedRegistryKeys() throws IOException {
    List<MetricFamily> out = renameBundled("# TYPE target_info gauge\n"
        + "target_info{job=\"pay\",instance=\"pay-1:9464\",host_name=\"pay-1\",telemetry_sdk_language=\"java\","
        + "service_version=\"2.1\",process_pid=\"42\",os_type=\"linux\",region=\"eu\"} 1\n"
        + "# TYPE node_load1 gauge\nnode_load1{job=\"pay\",instance=\"pay-1:9464\"} 0.5\n"
        + "# TYPE my_queue_depth gauge\nmy_queue_depth{job=\"pay\",instance=\"pay-1:9464\"} 3\n");
    for (String name : List.of("system.cpu.load_average.1m", "my_queue_depth")) {
      Attributes resource = named(out, name).resource().attributes();
      assertThat(resource.asList().stream().map(a -> a.key()).toList()).as(name)
          .contains("host.name", "telemetry.sdk.language", "service.version", "process.pid", "os.type", "region")
          .doesNotContain("host_name", "telemetry_sdk_language", "service_version", "process_pid", "os_type");
      assertThat(resource.getString("host.name")).isEqualTo("pay-1");
    }
  }

  @Test
  void onlyExactUnderscoreFormsOfDottedRegistryKeysAreIndexed() {
    Registry r = Registry.bundled();
    assertThat(r.attributeForUnderscoreForm("telemetry_sdk_version")).contains("telemetry.sdk.version");
    assertThat(r.attributeForUnderscoreForm("host_name")).contains("host.name");
    assertThat(r.attributeForUnderscoreForm("host")).isEmpty();
    assertThat(r.attributeForUnderscoreForm("host.name")).isEmpty();
    assertThat(r.attributeForUnderscoreForm("hostname")).isEmpty();
  }

  @Test
  void familiesWhoseSuffixesWereTrimmedMatchTheRulesForTheirPrometheusNames() throws IOException {
    List<MetricFamily> out = renameBundled("# TYPE node_cpu_seconds_total counter\n"
        + "node_cpu_seconds_total{cpu=\"0\",mode=\"user\"} 2\n"
        + "# TYPE node_memory_MemFree_bytes gauge\nnode_memory_MemFree_bytes 100\n"
        + "# TYPE node_load1 gauge\nnode_load1 0.5\n", PrometheusToOtlpOptions.DEFAULTS.withTrimSuffixes(true));
    assertThat(out.stream().map(MetricFamily::name))
        .containsExactlyInAnyOrder("system.cpu.time", "system.memory.usage", "system.cpu.load_average.1m");
    assertThat(renamer.unmatched()).isEmpty();
    assertThat(renamer.matched()).containsEntry("node_cpu_seconds", "node-exporter/cpu-time");
  }

  @Test
  void sourcesWithDistinctConstantsStreamAsFamiliesOfOneName() throws IOException {
    List<MetricFamily> out = renameBundled("# TYPE node_network_receive_bytes_total counter\n"
        + "node_network_receive_bytes_total{device=\"eth0\"} 10\n"
        + "# TYPE node_load1 gauge\nnode_load1 0.5\n"
        + "# TYPE node_network_transmit_bytes_total counter\n"
        + "node_network_transmit_bytes_total{device=\"eth0\"} 20\n");
    assertThat(out.stream().map(MetricFamily::name))
        .containsExactly("system.network.io", "system.cpu.load_average.1m", "system.network.io");
  }

  @Test
  void aFullMergeBufferWritesEarlyAndSaysSo() throws IOException {
    String rules = "schema: promotel.rules/v1\nruleset: { id: t, target: { registry: off }, direction: to-otel }\n"
        + "rules:\n"
        + "  - { id: a, match: { name: a }, to: { name: t, instrument: gauge } }\n"
        + "  - { id: b, match: { name: b }, to: { name: t, instrument: gauge } }\n";
    List<MetricFamily> out = rename("a{x=\"1\"} 1\na{x=\"2\"} 2\nb{x=\"3\"} 3\n", 1, rules);
    assertThat(out.stream().map(MetricFamily::name)).containsExactly("t", "t");
    assertThat(diagnostics.count("merge-buffer-full")).isPositive();
  }

  @Test
  void labelConditionsChooseTheRulePerSeries() throws IOException {
    List<MetricFamily> out = renameBundled("# TYPE kube_node_status_allocatable gauge\n"
        + "kube_node_status_allocatable{node=\"n1\",resource=\"cpu\",unit=\"core\"} 4\n"
        + "kube_node_status_allocatable{node=\"n1\",resource=\"memory\",unit=\"byte\"} 8e9\n"
        + "kube_node_status_allocatable{node=\"n1\",resource=\"nvidia_com_gpu\",unit=\"integer\"} 1\n");
    assertThat(out.stream().map(MetricFamily::name)).containsExactlyInAnyOrder(
        "k8s.node.cpu.allocatable", "k8s.node.memory.allocatable", "kube_node_status_allocatable");
    assertThat(named(out, "k8s.node.cpu.allocatable").resource().attributes().getString("k8s.node.name"))
        .isEqualTo("n1");
    assertThat(renamer.unmatched()).containsExactly("kube_node_status_allocatable");
  }

  @Test
  void millisecondHistogramsScaleBoundsAndSumButNotCounts() throws IOException {
    List<MetricFamily> out = renameBundled("# TYPE http_server_duration_milliseconds histogram\n"
        + "http_server_duration_milliseconds_bucket{http_method=\"GET\",le=\"250\"} 3\n"
        + "http_server_duration_milliseconds_bucket{http_method=\"GET\",le=\"+Inf\"} 4\n"
        + "http_server_duration_milliseconds_sum{http_method=\"GET\"} 900\n"
        + "http_server_duration_milliseconds_count{http_method=\"GET\"} 4\n");
    MetricFamily h = named(out, "http.server.request.duration");
    HistogramPoint p = ((Histogram) h.data()).points().get(0);
    assertThat(p.explicitBounds()).containsExactly(0.25);
    assertThat(p.bucketCounts()).containsExactly(3, 1);
    assertThat(p.sum().getAsDouble()).isEqualTo(0.9);
    assertThat(p.count()).isEqualTo(4);
  }

  @Test
  void nanosecondCountersBecomeSeconds() throws IOException {
    List<MetricFamily> out = renameBundled("# TYPE process_cpu_time_ns_total counter\n"
        + "process_cpu_time_ns_total 1.5e+09\n");
    assertThat(((NumberPoint) named(out, "jvm.cpu.time").data().points().get(0)).value().toDouble())
        .isEqualTo(1.5);
  }

  @Test
  void unmatchedFamiliesPassUnchangedAndAreListed() throws IOException {
    List<MetricFamily> out = renameBundled("# TYPE my_app_jobs_total counter\nmy_app_jobs_total 3\n");
    assertThat(out).singleElement().extracting(MetricFamily::name).isEqualTo("my_app_jobs_total");
    assertThat(renamer.unmatched()).containsExactly("my_app_jobs_total");
  }

  @Test
  void withoutAMergePolicyCollidingSeriesKeepTheFirstAndReportALoss() throws IOException {
    String rules = "schema: promotel.rules/v1\nruleset: { id: t, target: { registry: off }, direction: to-otel }\n"
        + "rules:\n"
        + "  - { id: a, match: { name: a }, to: { name: t, instrument: gauge }, labels: { drop: [x] } }\n";
    List<MetricFamily> out = rename("a{x=\"1\"} 1\na{x=\"2\"} 2\n", 100, rules);
    assertThat(out.get(0).data().points()).hasSize(1);
    assertThat(diagnostics.count("merge-collision")).isEqualTo(1);
  }

  @Test
  void twoSourceFamiliesOnOneTargetSeriesFollowTheTargetsMergePolicyEvenAtDifferentTimes()
      throws IOException {
    List<MetricFamily> out = renameBundled("# TYPE node_cpu_frequency_hertz gauge\n"
        + "node_cpu_frequency_hertz{cpu=\"0\"} 2.0e9 1000\n"
        + "# TYPE node_cpu_scaling_frequency_hertz gauge\n"
        + "node_cpu_scaling_frequency_hertz{cpu=\"0\"} 1.5e9 1001\n");
    MetricFamily f = named(out, "system.cpu.frequency");
    assertThat(f.data().points()).singleElement()
        .extracting(p -> ((NumberPoint) p).value().toDouble()).isEqualTo(2.0e9);
    assertThat(diagnostics.count("merge-collision")).isZero();
  }

  @Test
  void aRegexRuleWithoutMergePolicyReportsEachCollisionWithBothRuleIds() throws IOException {
    String rules = "schema: promotel.rules/v1\nruleset: { id: u, target: { registry: off }, direction: to-otel }\n"
        + "rules:\n"
        + "  - { id: any, match: { regex: 'node_.*' }, to: { name: my.any, instrument: gauge } }\n";
    List<MetricFamily> out = rename("node_load1 1 1000\nnode_load5 2 1001\n", 100, rules);
    assertThat(out).singleElement().satisfies(f -> assertThat(f.data().points()).hasSize(1));
    assertThat(diagnostics.count("merge-collision")).isEqualTo(1);
    assertThat(diagnostics.entries()).anySatisfy(e -> assertThat(e.message()).contains("u/any"));
  }

  @Test
  void springStatusCodesBecomeIntegersWhenARuleCombinesUnsetIfWithAsInt() throws IOException {
    List<MetricFamily> out = renameBundled(new String(java.nio.file.Files.readAllBytes(
        java.nio.file.Path.of("../samples/spring_boot.prom")), StandardCharsets.UTF_8));
    List<dev.promotel.model.AttributeValue> codes = new ArrayList<>();
    for (MetricFamily f : out) {
      for (var p : f.data().points()) {
        var v = p.attributes().get("http.response.status_code");
        if (v != null) codes.add(v);
      }
    }
    assertThat(codes).isNotEmpty().allSatisfy(v ->
        assertThat(v).isInstanceOf(dev.promotel.model.AttributeValue.LongValue.class));
  }

  @Test
  void millisecondsAndNanosecondsBecomeSecondsWithoutFloatNoise() throws IOException {
    String rules = "schema: promotel.rules/v1\nruleset: { id: t, target: { registry: off }, direction: to-otel }\n"
        + "rules:\n"
        + "  - { id: ms, match: { name: a_ms }, to: { name: a, instrument: gauge, unit: s }, scale: { from: ms } }\n"
        + "  - { id: ns, match: { name: b_ns }, to: { name: b, instrument: gauge, unit: s }, scale: { from: ns } }\n";
    List<MetricFamily> out = rename("a_ms 41178.3\nb_ns 123456789\n", 100, rules);
    assertThat(((NumberPoint) named(out, "a").data().points().get(0)).value().toDouble()).isEqualTo(41.1783);
    assertThat(((NumberPoint) named(out, "b").data().points().get(0)).value().toDouble()).isEqualTo(0.123456789);
  }

  @Test
  void theScrapeHandlersInFlightGaugeIsNotPassedOffAsServerRequests() throws IOException {
    List<MetricFamily> out = renameBundled("# TYPE promhttp_metric_handler_requests_in_flight gauge\n"
        + "promhttp_metric_handler_requests_in_flight 1\n");
    assertThat(out).extracting(MetricFamily::name).containsExactly("promhttp_metric_handler_requests_in_flight");
  }

  @Test
  void twoScrapesOfOneSourceAtDifferentTimesAreNotMergedIntoOne() throws IOException {
    String rules = "schema: promotel.rules/v1\nruleset: { id: u, target: { registry: off }, direction: to-otel }\n"
        + "rules:\n"
        + "  - { id: any, match: { regex: 'node_.*' }, to: { name: my.any, instrument: gauge } }\n";
    List<MetricFamily> out = renameTwice("node_load1 1 1000\n", "node_load1 3 2000\n", rules);
    assertThat(out.stream().mapToInt(f -> f.data().points().size()).sum()).isEqualTo(2);
    assertThat(diagnostics.count("merge-collision")).isZero();
  }

  @Test
  void aUserRuleFeedingABundledTargetSeriesIsACollisionNotTwoPoints() throws IOException {
    RuleSet user = new RuleLoader(Registry.bundled(), RuleLoader.USER_PRIORITY).load("mine.yaml",
        "schema: promotel.rules/v1\nruleset: { id: mine, target: { registry: off }, direction: to-otel }\n"
            + "rules:\n  - { id: mem, match: { name: my_mem_total_bytes },"
            + " to: { name: system.memory.limit, instrument: updowncounter, unit: By } }\n");
    List<RuleSet> sets = new ArrayList<>(new RuleLoader(Registry.bundled()).bundled());
    sets.add(user);
    List<MetricFamily> out = new ArrayList<>();
    MetricWriter collect = collectingInto(out);
    renamer = new SemconvRenamer(collect, new RuleEngine(sets), diagnostics, 100);
    PrometheusToOtlp toOtlp = new PrometheusToOtlp(renamer, PrometheusToOtlpOptions.DEFAULTS, diagnostics);
    String text = "# TYPE node_memory_MemTotal_bytes gauge\nnode_memory_MemTotal_bytes 100\n"
        + "# TYPE my_mem_total_bytes gauge\nmy_mem_total_bytes 200\n";
    Pipeline.run(new PrometheusTextReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        "in.prom", ReadOptions.DEFAULTS, diagnostics), toOtlp);
    toOtlp.close();
    assertThat(out.stream().mapToInt(f -> f.data().points().size()).sum()).isEqualTo(1);
    assertThat(diagnostics.count("merge-collision")).isEqualTo(1);
  }

  @Test
  void userRulesOfHigherPriorityWinOverBundledOnes() throws IOException {
    RuleSet user = new RuleLoader(Registry.bundled(), RuleLoader.USER_PRIORITY).load("mine.yaml",
        "schema: promotel.rules/v1\nruleset: { id: mine, target: { registry: off }, direction: to-otel }\n"
            + "rules:\n  - { id: a, match: { name: node_load1 }, to: { name: host.load, instrument: gauge } }\n");
    List<RuleSet> sets = new ArrayList<>(new RuleLoader(Registry.bundled()).bundled());
    sets.add(user);
    RuleEngine engine = new RuleEngine(sets);
    assertThat(engine.firstRuleFor("node_load1").targetName()).isEqualTo("host.load");
    assertThat(engine.ruleSets().get(0).id()).isEqualTo("mine");
  }

  @Test
  void theRuleLookupIsCachedPerFamilyShape() throws IOException {
    RuleEngine engine = new RuleEngine(new RuleLoader(Registry.bundled()).bundled());
    MetricFamily f = MetricFamily.ofProm("node_disk_read_bytes_total", "", "",
        new Sum(dev.promotel.model.AggregationTemporality.CUMULATIVE, true, List.of()),
        dev.promotel.model.PromType.COUNTER, "node_disk_read_bytes_total");
    assertThat(engine.candidates(f)).isSameAs(engine.candidates(f));
    assertThat(engine.candidates(f).list().get(0).captured().get("disk.io.direction").asString())
        .isEqualTo("read");
  }

  @Test
  void aSetAskingToDropUnmatchedFamiliesDropsThem() throws IOException {
    String rules = "schema: promotel.rules/v1\nruleset: { id: t, target: { registry: off }, direction: to-otel,"
        + " defaults: { unmatched: drop } }\n"
        + "rules:\n  - { id: a, match: { name: a }, to: { name: t, instrument: gauge } }\n";
    List<MetricFamily> out = rename("a 1\nb 2\n", 100, rules);
    assertThat(out).extracting(MetricFamily::name).containsExactly("t");
    assertThat(renamer.unmatched()).containsExactly("b");
    assertThat(diagnostics.count("unmatched-dropped")).isEqualTo(1);
  }

  @Test
  void aValueMapThatDropsASeriesCountsALossNamingTheRuleAndTheValue() throws IOException {
    String rules = "schema: promotel.rules/v1\nruleset: { id: t, target: { registry: off }, direction: to-otel }\n"
        + "rules:\n  - { id: a, match: { name: a }, to: { name: t, instrument: gauge },"
        + " labels: { values: { k: { map: { x: y }, otherwise: drop } } } }\n";
    List<MetricFamily> out = rename("a{k=\"x\"} 1\na{k=\"z\"} 2\na{k=\"w\"} 3\n", 100, rules);
    assertThat(out).singleElement().satisfies(f -> assertThat(f.data().points()).hasSize(1));
    assertThat(diagnostics.count("value-map-dropped")).isEqualTo(2);
    assertThat(diagnostics.hasLosses()).isTrue();
    assertThat(diagnostics.entries()).anySatisfy(e -> assertThat(e.message())
        .contains("2 by rule t/a").contains("k=\"z\""));
  }

  @Test
  void anExplicitDropRuleIsANoteCountingItsSeries() throws IOException {
    String rules = "schema: promotel.rules/v1\nruleset: { id: t, target: { registry: off }, direction: to-otel }\n"
        + "rules:\n  - { id: gone, match: { name: a }, drop: true }\n";
    List<MetricFamily> out = rename("a{k=\"1\"} 1\na{k=\"2\"} 2\n", 100, rules);
    assertThat(out).isEmpty();
    assertThat(diagnostics.count("rule-dropped")).isEqualTo(2);
    assertThat(diagnostics.hasLosses()).isFalse();
    assertThat(diagnostics.entries()).anySatisfy(e -> assertThat(e.message()).contains("2 by rule t/gone"));
  }

  @Test
  void hotSpotAndOpenJ9PoolNamesAllGetAMemoryType() throws IOException {
    StringBuilder in = new StringBuilder("# TYPE jvm_memory_pool_used_bytes gauge\n");
    for (String pool : List.of("CodeCache", "JIT code cache", "JIT data cache", "class storage",
        "miscellaneous non-heap storage", "nursery-allocate", "nursery-survivor", "tenured-LOA", "tenured-SOA")) {
      in.append("jvm_memory_pool_used_bytes{pool=\"").append(pool).append("\"} 1\n");
    }
    List<MetricFamily> out = renameBundled(in.toString());
    assertThat(named(out, "jvm.memory.used").data().points()).hasSize(9);
    assertThat(diagnostics.count("value-map-dropped")).isZero();
  }

  @Test
  void withStripSuffixesAnExactNameAlsoMatchesTheCounterWithTotal() throws IOException {
    String rules = "schema: promotel.rules/v1\nruleset: { id: t, target: { registry: off }, direction: to-otel }\n"
        + "rules:\n  - { id: a, match: { name: jobs }, to: { name: app.jobs, instrument: counter } }\n";
    String off = rules.replace("direction: to-otel", "direction: to-otel, defaults: { stripSuffixes: false }");
    assertThat(rename("# TYPE jobs_total counter\njobs_total 3\n", 100, rules))
        .extracting(MetricFamily::name).containsExactly("app.jobs");
    assertThat(rename("# TYPE jobs_total counter\njobs_total 3\n", 100, off))
        .extracting(MetricFamily::name).containsExactly("jobs_total");
  }
}
