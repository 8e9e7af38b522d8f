package dev.promotel.translate.semconv;

import dev.promotel.format.MetricWriter;
import dev.promotel.model.Attributes;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.Point;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code rename --check}: compares the families that pass through with the semconv {@link
 * Registry} and collects findings; families are forwarded to {@code next} (null: kept nowhere).
 * Findings, each once per (metric, code, detail):
 *
 * <ul>
 *   <li>{@code deprecated-metric}: the name is deprecated (with its replacement);
 *   <li>{@code wrong-unit}, {@code wrong-instrument}: unit or instrument differ from the registry;
 *   <li>{@code missing-required-attribute}: a required attribute is absent from some series (point
 *       or resource attributes);
 *   <li>{@code deprecated-attribute}: an attribute key that the registry has renamed.
 * </ul>
 *
 * <p>Names the registry does not know are not semconv metrics and are not checked. Example: a
 * {@code http.server.request.duration} histogram in {@code ms} gives {@code wrong-unit: unit "ms",
 * registry "s"}.
 */
public final class RegistryCheck implements MetricWriter {
  /** One finding: a stable code, the metric, a message. */
  public record Finding(String code, String metric, String message, long count) {
    @Override
    public String toString() {
      return metric + ": " + code + ": " + message + (count > 1 ? " (" + count + " series)" : "");
    }
  }

  private final Registry registry;
  private final MetricWriter next;
  private final Function<String, Set<String>> acknowledged;
  private final Map<String, Finding> findings = new LinkedHashMap<>();
  private long checked;

  public RegistryCheck(Registry registry, MetricWriter next) {
    this(registry, next, name -> Set.of());
  }

  /**
   * With the required attributes the rules producing a metric acknowledge they cannot supply
   * ({@code missingRequiredOk}), per target name; those are not reported as missing.
   */
  public RegistryCheck(Registry registry, MetricWriter next, Function<String, Set<String>> acknowledged) {
    this.registry = registry;
    this.next = next;
    this.acknowledged = acknowledged;
  }

  @Override
  public void write(MetricFamily family) throws IOException {
    check(family);
    if (next != null) next.write(family);
  }

  @Override
  public void close() throws IOException {
    if (next != null) next.close();
  }

  /** Findings so far, in first-seen order. */
  public List<Finding> findings() {
    return new ArrayList<>(findings.values());
  }

  /** Families whose name is in the registry. */
  public long checked() {
    return checked;
  }

  void check(MetricFamily family) {
    Optional<Registry.MetricDef> found = registry.metric(family.name());
    if (found.isEmpty()) return;
    checked++;
    Registry.MetricDef def = found.get();
    String name = family.name();
    if (def.deprecated() != null) add("deprecated-metric", name, def.deprecation(), 1);
    if (!def.unit().equals(family.unit())) {
      add("wrong-unit", name, "unit \"" + family.unit() + "\", registry \"" + def.unit() + "\"", 1);
    }
    Instrument actual = Instrument.of(family.data());
    if (actual != def.instrument()) {
      add("wrong-instrument", name, (actual == null ? "summary" : actual.id()) + ", registry "
          + def.instrument().id(), 1);
    }
    Attributes resource = family.resource().attributes();
    Set<String> keys = new HashSet<>();
    Set<String> ok = acknowledged.apply(name);
    for (var e : def.attributes().entrySet()) {
      if (e.getValue() != Registry.Requirement.REQUIRED || resource.containsKey(e.getKey())
          || ok.contains(e.getKey())) {
        continue;
      }
      long missing = 0;
      for (Point p : family.data().points()) if (!p.attributes().containsKey(e.getKey())) missing++;
      if (missing > 0) add("missing-required-attribute", name, "\"" + e.getKey() + "\" is required", missing);
    }
    for (Point p : family.data().points()) {
      Attributes a = p.attributes();
      for (int i = 0; i < a.size(); i++) keys.add(a.key(i));
    }
    for (String k : keys) {
      Optional<Registry.AttributeDef> a = registry.attribute(k);
      if (a.isPresent() && a.get().deprecated() != null) {
        String to = a.get().renamedTo();
        add("deprecated-attribute", name, "\"" + k + "\" is deprecated"
            + (to != null ? "; use \"" + to + "\"" : " (" + a.get().deprecated() + ")"), 1);
      }
    }
  }

  private void add(String code, String metric, String message, long count) {
    findings.merge(code + "\0" + metric + "\0" + message, new Finding(code, metric, message, count),
        (a, b) -> new Finding(code, metric, message, a.count() + b.count()));
  }
}
