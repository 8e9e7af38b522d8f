package dev.promotel.format.openmetrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.WriteOptions;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever families of every OpenMetrics type the writer gets, the strict reader accepts its output
 * and reads back the same model, bit for bit (NaN, ±Inf, -0.0, integers beyond 2^53, Unicode label
 * values, exemplars with ids, timestamps and {@code _created} start times).
 */
class OpenMetricsWriterPropertiesTest {

  @Provide
  Arbitrary<List<MetricFamily>> families() {
    return Arbitraries.randomValue(random -> new RandomFamilies(random).families());
  }

  @Property(tries = 500)
  void writtenFamiliesReadBackEqualWithoutLoss(@ForAll("families") List<MetricFamily> families)
      throws IOException {
    Diagnostics diagnostics = new Diagnostics();
    String text = OpenMetricsTestSupport.write(families,
        WriteOptions.DEFAULTS.withCreatedLines(true), diagnostics);
    List<MetricFamily> back = OpenMetricsTestSupport.read(text);
    assertThat(back).hasSameSizeAs(families);
    for (int f = 0; f < families.size(); f++) {
      assertThat(back.get(f)).as("family %d of:%n%s", f, text).isEqualTo(families.get(f));
    }
    for (int f = 0; f < families.size(); f++) {
      List<?> points = families.get(f).data().points();
      for (int p = 0; p < points.size(); p++) {
        if (points.get(p) instanceof NumberPoint np) {
          assertThat(((NumberPoint) back.get(f).data().points().get(p)).value().sameBits(np.value()))
              .as("value bits of %s", np.value()).isTrue();
        }
      }
    }
    assertThat(diagnostics.entries()).as(text).isEmpty();
  }
}
