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
    this.hash = hash(metric, attributes);
  }

  /**
   * A well-mixed hash: {@code 31 * a + b} over string hashes collides heavily for label sets such
   * as {@code pod="pod-12",route="/r/3"} (neighbouring digits cancel out), which turns hash-map
   * bins into trees; each part goes through a 64-bit finaliser first.
   */
  private static int hash(Metric metric, Attributes attributes) {
    long h = mix(metric.hashCode());
    for (int i = 0; i < attributes.size(); i++) {
      h = h * 0x9E3779B97F4A7C15L + mix(attributes.key(i).hashCode());
      h = h * 0x9E3779B97F4A7C15L + mix(attributes.value(i).hashCode());
    }
    h = mix(h);
    return (int) (h ^ (h >>> 32));
  }

  /** MurmurHash3's fmix64. */
  private static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
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
        && (attributes == k.attributes || attributes.equals(k.attributes))
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
