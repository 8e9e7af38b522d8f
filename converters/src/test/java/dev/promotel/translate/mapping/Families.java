package dev.promotel.translate.mapping;

import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attribute;
import dev.promotel.model.Attributes;
import dev.promotel.model.Exemplar;
import dev.promotel.model.Gauge;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricData;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.Resource;
import dev.promotel.model.Scope;
import dev.promotel.model.Sum;
import java.util.List;
import java.util.OptionalDouble;

/** Hand-built OTLP-shaped families for the mapping tests. */
final class Families {
  static final long T = 1_700_000_000_000_000_000L;

  private Families() {}

  static MetricFamily otlp(String name, String unit, Resource resource, Scope scope,
      MetricData data) {
    return new MetricFamily(name, "", unit, resource, scope, data, Attributes.EMPTY, null);
  }

  static MetricFamily otlp(String name, String unit, MetricData data) {
    return otlp(name, unit, Resource.EMPTY, Scope.EMPTY, data);
  }

  static NumberPoint point(Attributes attrs, long start, long time, long value) {
    return new NumberPoint(attrs, start, time, NumberValue.ofLong(value), List.of(), 0);
  }

  static NumberPoint point(long value) {
    return point(Attributes.EMPTY, 0, T, value);
  }

  static Sum counter(NumberPoint... points) {
    return new Sum(AggregationTemporality.CUMULATIVE, true, List.of(points));
  }

  static Sum deltaCounter(NumberPoint... points) {
    return new Sum(AggregationTemporality.DELTA, true, List.of(points));
  }

  static Gauge gauge(NumberPoint... points) {
    return new Gauge(List.of(points));
  }

  static Resource resource(String... kv) {
    return Resource.of(Attributes.of(kv));
  }

  static Attributes attrs(Attribute... attributes) {
    return Attributes.of(List.of(attributes));
  }

  static HistogramPoint histogram(long start, long time, double[] bounds, long[] counts,
      double sum, List<Exemplar> exemplars) {
    long count = 0;
    for (long c : counts) count += c;
    return new HistogramPoint(Attributes.EMPTY, start, time, count, OptionalDouble.of(sum), bounds,
        counts, OptionalDouble.empty(), OptionalDouble.empty(), exemplars, 0);
  }
}
