package dev.promotel.format.openmetrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.ReadOptions;
import dev.promotel.format.WriteOptions;
import dev.promotel.model.MetricFamily;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * read → write → read gives an equal model for every accepted conformance case, and the writer
 * reports no loss for them (the only loss is the reader's: one timestamp beyond the year 2262).
 */
class OpenMetricsRoundTripTest {

  @TestFactory
  Stream<DynamicTest> everyAcceptedConformanceCaseSurvivesReadWriteRead() throws IOException {
    List<OpenMetricsConformanceTest.Case> accepted = OpenMetricsConformanceTest.cases().stream()
        .filter(OpenMetricsConformanceTest.Case::shouldParse).toList();
    assertThat(accepted).hasSize(OpenMetricsConformanceTest.ACCEPTED);
    return accepted.stream().map(c -> DynamicTest.dynamicTest(c.name() + " round-trips", () -> {
      List<MetricFamily> first;
      try (InputStream in = Files.newInputStream(c.metrics())) {
        first = OpenMetricsTestSupport.readAll(in, ReadOptions.DEFAULTS, new Diagnostics());
      }
      Diagnostics writeDiagnostics = new Diagnostics();
      String text = OpenMetricsTestSupport.write(first,
          WriteOptions.DEFAULTS.withCreatedLines(true), writeDiagnostics);
      List<MetricFamily> second = OpenMetricsTestSupport.read(text);
      assertThat(second).as(text).isEqualTo(first);
      assertThat(writeDiagnostics.entries()).isEmpty();
    }));
  }
}
