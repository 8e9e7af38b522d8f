package dev.promotel.model;

import java.util.Objects;

/**
 * One metric family, the unit that flows through every pipeline: name, description (HELP), unit
 * (UCUM as in OTLP, e.g. {@code s}, {@code By}; for text formats the OpenMetrics UNIT word as
 * written), the resource and scope it belongs to, its data, OTLP {@code metric.metadata} entries
 * other than {@code prometheus.type}, and Prometheus facts ({@code prom}, null when the input
 * carried none, e.g. OTLP without {@code prometheus.type}).
 *
 * <p>Names: a Prometheus counter's family is named by its sample name with {@code _total}
 * ({@code http_requests_total}) and an info family by its {@code _info} sample name, as the OTel
 * spec maps them; {@code prom.originalName()} keeps the name of the TYPE line.
 *
 * <p>A reader may deliver a very large family as several consecutive chunks with equal name and
 * metadata; a series (label set) is never split across chunks.
 */
public record MetricFamily(
    String name,
    String description,
    String unit,
    Resource resource,
    Scope scope,
    MetricData data,
    Attributes metadata,
    PromMetadata prom) {
  public MetricFamily {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) throw new IllegalArgumentException("a metric family needs a non-empty name");
    Objects.requireNonNull(description, "description (use \"\" when there is none)");
    Objects.requireNonNull(unit, "unit (use \"\" when there is none)");
    Objects.requireNonNull(resource, "resource (use Resource.EMPTY)");
    Objects.requireNonNull(scope, "scope (use Scope.EMPTY)");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(metadata, "metadata (use Attributes.EMPTY)");
  }

  /** A family as Prometheus text formats produce it: no resource, scope or OTLP metadata. */
  public static MetricFamily ofProm(
      String name, String help, String unit, MetricData data, PromType type, String originalName) {
    return new MetricFamily(
        name, help, unit, Resource.EMPTY, Scope.EMPTY, data, Attributes.EMPTY,
        new PromMetadata(type, originalName));
  }

  /** The Prometheus type: as written, else derived from the data as the OTel spec maps it. */
  public PromType promType() {
    if (prom != null) return prom.type();
    return switch (data.kind()) {
      case GAUGE -> PromType.GAUGE;
      case SUM -> {
        Sum sum = (Sum) data;
        yield sum.monotonic() ? PromType.COUNTER : PromType.GAUGE;
      }
      case HISTOGRAM, EXPONENTIAL_HISTOGRAM -> PromType.HISTOGRAM;
      case SUMMARY -> PromType.SUMMARY;
    };
  }

  public MetricFamily withData(MetricData newData) {
    return new MetricFamily(name, description, unit, resource, scope, newData, metadata, prom);
  }

  public MetricFamily withName(String newName) {
    return new MetricFamily(newName, description, unit, resource, scope, data, metadata, prom);
  }
}
