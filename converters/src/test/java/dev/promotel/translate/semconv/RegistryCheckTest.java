package dev.promotel.translate.semconv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attributes;
import dev.promotel.model.Gauge;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.Resource;
import dev.promotel.model.Scope;
import dev.promotel.model.Sum;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryCheckTest {
  private static MetricFamily family(String name, String unit, dev.promotel.model.MetricData data) {
    return new MetricFamily(name, "", unit, Resource.EMPTY, Scope.EMPTY, data, Attributes.EMPTY, null);
  }

  private static List<RegistryCheck.Finding> check(MetricFamily f) {
    RegistryCheck c = new RegistryCheck(Registry.bundled(), null);
    c.check(f);
    return c.findings();
  }

  private static NumberPoint point(String... labels) {
    return NumberPoint.of(Attributes.of(labels), NumberValue.ONE);
  }

  @Test
  void aWrongUnitAndInstrumentAreFound() {
    List<RegistryCheck.Finding> f = check(family("system.cpu.time", "ms", new Gauge(List.of(point()))));
    assertThat(f).extracting(RegistryCheck.Finding::code).containsExactly("wrong-unit", "wrong-instrument");
    assertThat(f.get(0).message()).isEqualTo("unit \"ms\", registry \"s\"");
  }

  @Test
  void aMissingRequiredAttributeIsCountedPerSeries() {
    List<RegistryCheck.Finding> f = check(family("process.cpu.time", "s",
        new Sum(AggregationTemporality.CUMULATIVE, true, List.of(point("a", "1"), point("a", "2")))));
    assertThat(f).singleElement().hasToString(
        "process.cpu.time: missing-required-attribute: \"cpu.mode\" is required (2 series)");
  }

  @Test
  void deprecatedNamesAndAttributesNameTheirReplacement() {
    List<RegistryCheck.Finding> f = check(family("system.network.packets", "{packet}",
        new Sum(AggregationTemporality.CUMULATIVE, true, List.of(point("http.method", "GET")))));
    assertThat(f).extracting(RegistryCheck.Finding::toString).contains(
        "system.network.packets: deprecated-metric: renamed to system.network.packet.count",
        "system.network.packets: deprecated-attribute: \"http.method\" is deprecated; use \"http.request.method\"");
  }

  @Test
  void namesOutsideTheRegistryAreNotChecked() {
    assertThat(check(family("my_app_jobs_total", "", new Gauge(List.of(point()))))).isEmpty();
  }
}
