package dev.promotel.translate.temporality;

import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attribute;
import dev.promotel.model.AttributeValue;
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
 * <p>The point attributes are represented by a 128-bit fingerprint, as the Collector does: keys
 * are equal when their metrics are equal and their fingerprints match. The metric part is meant
 * to be shared by every stream of a family ({@link Metric#of(MetricFamily)} once per family,
 * {@link #of(Metric, Attributes)} per point).
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
  /** The point attributes, kept only in lookup keys (for messages), never in stored ones. */
  private final Attributes attributes;
  /** A 128-bit fingerprint of the attributes (temporality spec §6.4): equality without them. */
  private final long fingerprint1;
  private final long fingerprint2;
  private final int hash;

  private StreamKey(Metric metric, Attributes attributes, long f1, long f2, int hash) {
    this.metric = metric;
    this.attributes = attributes;
    this.fingerprint1 = f1;
    this.fingerprint2 = f2;
    this.hash = hash;
  }

  public static StreamKey of(Metric metric, Attributes attributes) {
    Objects.requireNonNull(metric, "metric");
    Fingerprint f = new Fingerprint();
    f.attributes(attributes);
    long h = mix(metric.hashCode()) * 0x9E3779B97F4A7C15L + f.h1;
    return new StreamKey(metric, Objects.requireNonNull(attributes, "attributes"), mix(f.h1),
        mix(f.h2), (int) (mix(h) ^ (mix(h) >>> 32)));
  }

  /**
   * This key without its attributes, as the state table stores it: a million streams then hold
   * two longs each instead of their label sets, and a lookup compares the fingerprints without
   * following pointers into old points.
   */
  StreamKey detached() {
    return attributes == null ? this
        : new StreamKey(metric, null, fingerprint1, fingerprint2, hash);
  }

  public Metric metric() {
    return metric;
  }

  long fingerprint1() {
    return fingerprint1;
  }

  long fingerprint2() {
    return fingerprint2;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StreamKey k
        && hash == k.hash
        && fingerprint1 == k.fingerprint1
        && fingerprint2 == k.fingerprint2
        && (metric == k.metric || metric.equals(k.metric));
  }

  @Override
  public int hashCode() {
    return hash;
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

  /**
   * Two independent 64-bit lanes over a canonical walk of the attributes: type tags, lengths and
   * every character or value, so {@code "1"} differs from {@code 1} and arrays compare deeply.
   */
  private static final class Fingerprint {
    long h1 = 0xcbf29ce484222325L;
    long h2 = 0x84222325cbf29ce4L;

    void add(long v) {
      h1 = (h1 ^ v) * 0x100000001b3L;
      h2 = Long.rotateLeft(h2 ^ (v * 0xC2B2AE3D27D4EB4FL), 31) * 0x9E3779B97F4A7C15L;
    }

    void string(String s) {
      add(s.length());
      for (int i = 0; i < s.length(); i++) add(s.charAt(i));
    }

    void attributes(Attributes a) {
      add(a.size());
      for (int i = 0; i < a.size(); i++) {
        string(a.key(i));
        value(a.value(i));
      }
    }

    void value(AttributeValue v) {
      if (v instanceof AttributeValue.StringValue s) {
        add(1);
        string(s.value());
      } else if (v instanceof AttributeValue.BoolValue b) {
        add(b.value() ? 3 : 2);
      } else if (v instanceof AttributeValue.LongValue l) {
        add(4);
        add(l.value());
      } else if (v instanceof AttributeValue.DoubleValue d) {
        add(5);
        add(Double.doubleToLongBits(d.value()));
      } else if (v instanceof AttributeValue.BytesValue b) {
        add(6);
        byte[] bytes = b.value();
        add(bytes.length);
        for (byte x : bytes) add(x);
      } else if (v instanceof AttributeValue.ArrayValue arr) {
        add(7);
        add(arr.values().size());
        for (AttributeValue e : arr.values()) value(e);
      } else if (v instanceof AttributeValue.KeyValueListValue kv) {
        add(8);
        add(kv.values().size());
        for (Attribute e : kv.values()) {
          string(e.key());
          value(e.value());
        }
      } else {
        throw new AssertionError("unknown attribute value " + v);
      }
    }
  }

  @Override
  public String toString() {
    return metric.name() + (attributes != null ? attributes.toString() : "{…}");
  }
}
