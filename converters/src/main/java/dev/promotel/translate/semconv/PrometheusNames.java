package dev.promotel.translate.semconv;

import dev.promotel.translate.naming.MetricKind;
import dev.promotel.translate.naming.MetricNamer;
import dev.promotel.translate.naming.TranslationStrategy;
import dev.promotel.translate.naming.UnitDialect;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Semantic-convention names ⇄ Prometheus names, table-driven (specs/semconv.md §3.4): the
 * registry supplies a metric's unit and instrument, the {@link MetricNamer} of the chosen {@link
 * TranslationStrategy} builds the name, and the reverse index (Prometheus name → semconv name) is
 * that function run over the whole registry, never underscores turned back into dots (117 current
 * names contain {@code _} themselves).
 *
 * <p>Example: {@code http.server.request.duration} (registry: histogram, {@code s}) → {@code
 * http_server_request_duration_seconds}; {@code system.cpu.time} (counter, {@code s}) → {@code
 * system_cpu_time_seconds_total}, and back.
 */
public final class PrometheusNames {
  private final Registry registry;
  private final MetricNamer namer;
  private final MetricNamer bare;
  private Map<String, String> index;

  public PrometheusNames(Registry registry, TranslationStrategy strategy, UnitDialect dialect) {
    this.registry = registry;
    this.namer = new MetricNamer(strategy, "", dialect);
    this.bare = new MetricNamer(strategy.escapesNames()
        ? TranslationStrategy.UNDERSCORE_ESCAPING_WITHOUT_SUFFIXES : TranslationStrategy.NO_TRANSLATION, "", dialect);
  }

  /** The Prometheus name of a registry metric, from its registry unit and instrument. */
  public Optional<String> name(String semconvName) {
    return registry.metric(semconvName).map(d -> namer.name(d.name(), d.unit(), d.instrument().metricKind()));
  }

  /**
   * The Prometheus name of a metric: the registry fills in the unit when {@code unit} is empty and
   * turns a gauge kind into an up-down counter when the registry says so (no {@code _ratio}).
   */
  public String name(String otelName, String unit, MetricKind kind) {
    Optional<Registry.MetricDef> def = registry.metric(otelName);
    String u = unit == null ? "" : unit;
    MetricKind k = kind;
    if (def.isPresent()) {
      if (u.isEmpty()) u = def.get().unit();
      if (k == MetricKind.GAUGE && def.get().instrument() == Instrument.UPDOWNCOUNTER) {
        k = MetricKind.NON_MONOTONIC_COUNTER;
      }
      if (k == MetricKind.UNKNOWN) k = def.get().instrument().metricKind();
    }
    return namer.name(otelName, u, k);
  }

  /**
   * The semconv name a Prometheus name stands for: the full name ({@code system_cpu_time_seconds_total})
   * or the name without suffixes ({@code system_cpu_time}). Current names win over deprecated ones.
   */
  public Optional<String> semconvName(String prometheusName) {
    if (index == null) index = buildIndex();
    return Optional.ofNullable(index.get(prometheusName));
  }

  private Map<String, String> buildIndex() {
    Map<String, String> m = new HashMap<>();
    for (int pass = 0; pass < 2; pass++) {
      for (Registry.MetricDef d : registry.metrics()) {
        if ((d.deprecated() == null) != (pass == 0)) continue;
        MetricKind kind = d.instrument().metricKind();
        m.putIfAbsent(namer.name(d.name(), d.unit(), kind), d.name());
        m.putIfAbsent(bare.name(d.name(), d.unit(), kind), d.name());
      }
    }
    return m;
  }
}
