package dev.promotel.translate.semconv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricWriter;
import dev.promotel.format.ReadOptions;
import dev.promotel.format.prometheus.PrometheusTextReader;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.Point;
import dev.promotel.pipeline.Pipeline;
import dev.promotel.translate.mapping.PrometheusToOtlp;
import dev.promotel.translate.mapping.PrometheusToOtlpOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code rename semconv} over the realistic dumps in {@code samples/}, one per bundled rule set,
 * compared with {@code golden/semconv/<sample>.txt} (one rendered point per line in output order,
 * then the unmatched families). {@code -Dpromotel.updateGolden=true} rewrites the files.
 */
class SampleGoldenTest {
  private static final Path SAMPLES = Path.of("..", "samples");
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "semconv");

  @ParameterizedTest(name = "{0} is renamed by {1}")
  @CsvSource(delimiter = '|', value = {
    "node_exporter      | node-exporter hostmetrics-extra client-golang prometheus-target-labels",
    "client_golang      | client-golang promhttp",
    "spring_boot        | micrometer-jvm spring-http hikaricp",
    "client_java        | client-java-jvm client-golang",
    "cadvisor           | cadvisor prometheus-target-labels",
    "kube_state_metrics | kube-state-metrics prometheus-target-labels",
    "otel_legacy        | otel-legacy-upgrade",
  })
  void aSampleDumpRenamesAsItsGoldenFileSays(String sample, String sets) throws IOException {
    List<String> lines = new ArrayList<>();
    Set<String> used = new TreeSet<>();
    MetricWriter collect = new MetricWriter() {
      @Override
      public void write(MetricFamily family) {
        for (Point p : family.data().points()) lines.add(RuleTester.render(family, p));
      }

      @Override
      public void close() {}
    };
    Diagnostics diagnostics = new Diagnostics();
    SemconvRenamer renamer = new SemconvRenamer(collect,
        new RuleEngine(new RuleLoader(Registry.bundled()).bundled()), diagnostics,
        SemconvRenamer.DEFAULT_MAX_BUFFERED_POINTS);
    PrometheusToOtlp toOtlp = new PrometheusToOtlp(renamer,
        PrometheusToOtlpOptions.DEFAULTS.withDefaultTimestamp(1_732_450_000_000_000_000L), diagnostics);
    try (InputStream in = Files.newInputStream(SAMPLES.resolve(sample + ".prom"))) {
      Pipeline.run(new PrometheusTextReader(in, sample + ".prom", ReadOptions.DEFAULTS, diagnostics), toOtlp);
    }
    toOtlp.close();
    for (String rule : renamer.matched().values()) used.add(rule.substring(0, rule.indexOf('/')));
    for (String name : renamer.unmatched()) lines.add("# unmatched: " + name);
    String actual = String.join("\n", lines) + "\n";

    Path golden = GOLDEN.resolve(sample + ".txt");
    if (Boolean.getBoolean("promotel.updateGolden")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    Set<String> expectedSets = new TreeSet<>(List.of(sets.trim().split(" ")));
    expectedSets.remove("prometheus-target-labels");
    assertThat(used).containsAll(expectedSets);
  }
}
