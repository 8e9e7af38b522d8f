package dev.promotel.format.openmetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.promotel.format.MetricParseException;
import dev.promotel.format.ReadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The OpenMetrics parser conformance suite (OpenObservability/OpenMetrics {@code
 * tests/testdata/parsers}, vendored with its NOTICE under {@code conformance/openmetrics-parsers}):
 * every case must be judged as its {@code test.json} says, and every rejection must carry a
 * position.
 */
class OpenMetricsConformanceTest {
  static final int CASES = 211;
  static final int ACCEPTED = 44;
  static final int REJECTED = 167;

  record Case(String name, Path metrics, boolean shouldParse) {}

  static Path corpus() {
    try {
      return Path.of(OpenMetricsConformanceTest.class
          .getResource("/conformance/openmetrics-parsers/NOTICE").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(corpus())) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        cases.add(new Case(dir.getFileName().toString(), dir.resolve("metrics"),
            shouldParse(dir.resolve("test.json"))));
      }
    }
    return cases;
  }

  private static boolean shouldParse(Path testJson) throws IOException {
    try (JsonParser p = new JsonFactory().createParser(testJson.toFile())) {
      Boolean result = null;
      while (p.nextToken() != null) {
        if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("shouldParse")) {
          p.nextToken();
          result = p.getBooleanValue();
        }
      }
      if (result == null) throw new IllegalStateException(testJson + " has no shouldParse");
      return result;
    }
  }

  /** Reads the whole input, as {@code promotel validate} does. */
  static void readAll(Path metrics) throws IOException {
    try (InputStream in = Files.newInputStream(metrics);
        OpenMetricsReader reader = new OpenMetricsReader(in, "metrics", ReadOptions.DEFAULTS)) {
      while (reader.read().isPresent()) {
        // consume
      }
    }
  }

  @Test
  void theVendoredCorpusHasAll211CasesWith44AcceptedAnd167Rejected() throws IOException {
    List<Case> cases = cases();
    assertThat(cases).hasSize(CASES);
    assertThat(cases.stream().filter(Case::shouldParse)).hasSize(ACCEPTED);
    assertThat(cases.stream().filter(c -> !c.shouldParse())).hasSize(REJECTED);
    assertThat(corpus().resolve("NOTICE")).exists();
  }

  @TestFactory
  Stream<DynamicTest> everyCaseIsJudgedAsItsTestJsonSays() throws IOException {
    return cases().stream().map(c -> DynamicTest.dynamicTest(
        c.name() + (c.shouldParse() ? " is accepted" : " is rejected with a position"), () -> {
          if (c.shouldParse()) {
            assertThatCode(() -> readAll(c.metrics())).doesNotThrowAnyException();
          } else {
            MetricParseException e =
                catchThrowableOfType(MetricParseException.class, () -> readAll(c.metrics()));
            assertThat(e).as("%s must be rejected", c.name()).isNotNull();
            assertThat(e.position().line()).isGreaterThanOrEqualTo(1);
            assertThat(e.position().column()).isGreaterThanOrEqualTo(1);
            assertThat(e.getMessage()).startsWith("metrics:" + e.position().line() + ":");
          }
        }));
  }
}
