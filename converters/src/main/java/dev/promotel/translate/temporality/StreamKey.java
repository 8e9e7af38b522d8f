package dev.promotel.translate.temporality;

import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attributes;
import dev.promotel.model.MetricData;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.Sum;
import java.util.Objects;

/**
 * The identity of one stream (temporality spec §1.3): resource attributes, scope name, version and
 * attributes, metric name, unit, data type, monotonic flag, temporality, and the point's
 * attributes. Description, schema URLs, int-vs-double, start time and bucket layout are not part
 * of it. Attribute order never matters, since {@link Attributes} are sorted.
 *
 * <p>The hash is computed once; the metric part is meant to be shared by every stream of a family
 * ({@link Metric#of(MetricFamily)} once per family, {@link #of(Metric, Attributes)} per point).
 *
 * <p>Example: {@code http.requests{code=200}} under resource {@code service.name=api} and scope
 * {@code io.otel/1.2}, monotonic delta sum in {@code {request}}.
 */
public final class StreamKey {
  /** The metric part of a stream's identity. */
  public record Metric(
      Attributes resource,
      String scopeName,
      String scopeVersion,
      Attributes scopeAttributes,
      String name,
      String unit,
      MetricData.Kind kind,
      boolean monotonic,
      AggregationTemporality temporality) {
    public static Metric of(MetricFamily family) {
      MetricData data = family.data();
      boolean monotonic = switch (data.kind()) {
        case SUM -> ((Sum) data).monotonic();
        // Histograms count as monotonic, as in the Collector's identity.
        case HISTOGRAM, EXPONENTIAL_HISTOGRAM -> true;
        case GAUGE, SUMMARY -> false;
      };
      return new Metric(
          family.resource().attributes(), family.scope().name(), family.scope().version(),
          family.scope().attributes(), family.name(), family.unit(), data.kind(), monotonic,
          Temporalities.of(data));
    }
  }

  private final Metric metric;
  private final Attributes attributes;
  private final int hash;

  private StreamKey(Metric metric, Attributes attributes) {
    this.metric = Objects.requireNonNull(metric, "metric");
    this.attributes = Objects.requireNonNull(attributes, "attributes");
    this.hash = 31 * metric.hashCode() + attributes.hashCode();
  }

  public static StreamKey of(Metric metric, Attributes attributes) {
    return new StreamKey(metric, attributes);
  }

  public Metric metric() {
    return metric;
  }

  public Attributes attributes() {
    return attributes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StreamKey k
        && hash == k.hash
        && attributes.equals(k.attributes)
        && (metric == k.metric || metric.equals(k.metric));
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return metric.name() + attributes;
  }
}
