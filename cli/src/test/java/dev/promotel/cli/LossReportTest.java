package dev.promotel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.Format;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossReportTest {
  private static Diagnostics twelveExemplarsAndANote() {
    Diagnostics d = new Diagnostics();
    d.loss("exemplar-dropped", "exemplars dropped: Prometheus text 0.0.4 cannot carry exemplars", 12);
    d.note("name-escaped", "names escaped with underscores");
    return d;
  }

  @Test
  void theSummaryHasOneLinePerEntryWithCountsAndMarksNotes() {
    StringWriter err = new StringWriter();

    LossReport.printSummary(twelveExemplarsAndANote(), new PrintWriter(err), false);

    assertThat(err.toString().lines()).containsExactly(
        "promotel: 12 exemplars dropped: Prometheus text 0.0.4 cannot carry exemplars",
        "promotel: note: 1 names escaped with underscores");
  }

  @Test
  void theJsonReportListsTotalsAndEveryEntry() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    LossReport.writeJson(twelveExemplarsAndANote(), "convert", List.of("a.om", "-"), Format.PROM, out);

    String json = out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", "");
    assertThat(json).isEqualTo(
        "{\"command\":\"convert\",\"inputs\":[\"a.om\",\"-\"],\"to\":\"prom\",\"losses\":12,\"notes\":1,"
            + "\"entries\":[{\"kind\":\"loss\",\"code\":\"exemplar-dropped\",\"count\":12,"
            + "\"message\":\"exemplarsdropped:Prometheustext0.0.4cannotcarryexemplars\"},"
            + "{\"kind\":\"note\",\"code\":\"name-escaped\",\"count\":1,"
            + "\"message\":\"namesescapedwithunderscores\"}]}");
  }
}
