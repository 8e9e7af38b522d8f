package dev.promotel.format.otlp;

import com.google.protobuf.ByteString;
import dev.promotel.model.Attribute;
import dev.promotel.model.AttributeValue;
import dev.promotel.model.Attributes;
import dev.promotel.model.ExponentialBuckets;
import dev.promotel.model.ExponentialHistogram;
import dev.promotel.model.ExponentialHistogramPoint;
import dev.promotel.model.Gauge;
import dev.promotel.model.Histogram;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.PromType;
import dev.promotel.model.Quantile;
import dev.promotel.model.Sum;
import dev.promotel.model.Summary;
import dev.promotel.model.SummaryPoint;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.opentelemetry.proto.resource.v1.Resource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The test oracle's side: the request the writers mean, built with opentelemetry-proto's generated
 * builders from the same families, independently of the writers' encoder code. Grouping follows
 * the documented rule: consecutive families with an equal resource share a ResourceMetrics,
 * consecutive equal scopes within it a ScopeMetrics; gauge histograms are left out.
 */
final class OtlpWriterExpected {
  private OtlpWriterExpected() {}

  static ExportMetricsServiceRequest request(List<MetricFamily> families) {
    ExportMetricsServiceRequest.Builder request = ExportMetricsServiceRequest.newBuilder();
    ResourceMetrics.Builder rm = null;
    ScopeMetrics.Builder sm = null;
    dev.promotel.model.Resource lastResource = null;
    dev.promotel.model.Scope lastScope = null;
    for (MetricFamily f : families) {
      if (f.prom() != null && f.prom().type() == PromType.GAUGEHISTOGRAM) continue;
      if (rm == null || !f.resource().equals(lastResource)) {
        if (rm != null) request.addResourceMetrics(rm.addScopeMetrics(sm));
        rm = ResourceMetrics.newBuilder()
            .setResource(Resource.newBuilder().addAllAttributes(keyValues(f.resource().attributes())))
            .setSchemaUrl(f.resource().schemaUrl());
        sm = null;
        lastResource = f.resource();
      }
      if (sm == null || !f.scope().equals(lastScope)) {
        if (sm != null) rm.addScopeMetrics(sm);
        sm = ScopeMetrics.newBuilder()
            .setScope(InstrumentationScope.newBuilder()
                .setName(f.scope().name())
                .setVersion(f.scope().version())
                .addAllAttributes(keyValues(f.scope().attributes())))
            .setSchemaUrl(f.scope().schemaUrl());
        lastScope = f.scope();
      }
      sm.addMetrics(metric(f));
    }
    if (rm != null) request.addResourceMetrics(rm.addScopeMetrics(sm));
    return request.build();
  }

  /** One request per ResourceMetrics: what framed output holds, record by record. */
  static List<ExportMetricsServiceRequest> records(List<MetricFamily> families) {
    List<ExportMetricsServiceRequest> out = new ArrayList<>();
    for (ResourceMetrics rm : request(families).getResourceMetricsList()) {
      out.add(ExportMetricsServiceRequest.newBuilder().addResourceMetrics(rm).build());
    }
    return out;
  }

  static Metric metric(MetricFamily f) {
    Metric.Builder m = Metric.newBuilder()
        .setName(f.name())
        .setDescription(f.description())
        .setUnit(f.unit());
    if (f.data() instanceof Gauge g) {
      io.opentelemetry.proto.metrics.v1.Gauge.Builder b =
          io.opentelemetry.proto.metrics.v1.Gauge.newBuilder();
      for (NumberPoint p : g.points()) b.addDataPoints(numberPoint(p));
      m.setGauge(b);
    } else if (f.data() instanceof Sum s) {
      io.opentelemetry.proto.metrics.v1.Sum.Builder b =
          io.opentelemetry.proto.metrics.v1.Sum.newBuilder()
              .setAggregationTemporality(temporality(s.temporality()))
              .setIsMonotonic(s.monotonic());
      for (NumberPoint p : s.points()) b.addDataPoints(numberPoint(p));
      m.setSum(b);
    } else if (f.data() instanceof Histogram h) {
      io.opentelemetry.proto.metrics.v1.Histogram.Builder b =
          io.opentelemetry.proto.metrics.v1.Histogram.newBuilder()
              .setAggregationTemporality(temporality(h.temporality()));
      for (HistogramPoint p : h.points()) b.addDataPoints(histogramPoint(p));
      m.setHistogram(b);
    } else if (f.data() instanceof ExponentialHistogram h) {
      io.opentelemetry.proto.metrics.v1.ExponentialHistogram.Builder b =
          io.opentelemetry.proto.metrics.v1.ExponentialHistogram.newBuilder()
              .setAggregationTemporality(temporality(h.temporality()));
      for (ExponentialHistogramPoint p : h.points()) b.addDataPoints(exponentialPoint(p));
      m.setExponentialHistogram(b);
    } else if (f.data() instanceof Summary s) {
      io.opentelemetry.proto.metrics.v1.Summary.Builder b =
          io.opentelemetry.proto.metrics.v1.Summary.newBuilder();
      for (SummaryPoint p : s.points()) b.addDataPoints(summaryPoint(p));
      m.setSummary(b);
    }
    if (f.prom() != null) {
      m.addMetadata(KeyValue.newBuilder().setKey("prometheus.type")
          .setValue(AnyValue.newBuilder().setStringValue(f.prom().type().openMetricsName())));
    }
    for (Attribute a : f.metadata()) {
      if (f.prom() != null && a.key().equals("prometheus.type")) continue;
      m.addMetadata(keyValue(a));
    }
    return m.build();
  }

  private static AggregationTemporality temporality(dev.promotel.model.AggregationTemporality t) {
    return AggregationTemporality.forNumber(t.number());
  }

  private static NumberDataPoint numberPoint(NumberPoint p) {
    NumberDataPoint.Builder b = NumberDataPoint.newBuilder()
        .addAllAttributes(keyValues(p.attributes()))
        .setStartTimeUnixNano(p.startTimeUnixNano())
        .setTimeUnixNano(p.timeUnixNano())
        .setFlags(p.flags());
    if (p.value().isLong()) b.setAsInt(p.value().longValue());
    else b.setAsDouble(p.value().doubleValue());
    for (dev.promotel.model.Exemplar x : p.exemplars()) b.addExemplars(exemplar(x));
    return b.build();
  }

  private static HistogramDataPoint histogramPoint(HistogramPoint p) {
    HistogramDataPoint.Builder b = HistogramDataPoint.newBuilder()
        .addAllAttributes(keyValues(p.attributes()))
        .setStartTimeUnixNano(p.startTimeUnixNano())
        .setTimeUnixNano(p.timeUnixNano())
        .setCount(p.count())
        .setFlags(p.flags());
    p.sum().ifPresent(b::setSum);
    p.min().ifPresent(b::setMin);
    p.max().ifPresent(b::setMax);
    for (long c : p.bucketCounts()) b.addBucketCounts(c);
    for (double d : p.explicitBounds()) b.addExplicitBounds(d);
    for (dev.promotel.model.Exemplar x : p.exemplars()) b.addExemplars(exemplar(x));
    return b.build();
  }

  private static ExponentialHistogramDataPoint exponentialPoint(ExponentialHistogramPoint p) {
    ExponentialHistogramDataPoint.Builder b = ExponentialHistogramDataPoint.newBuilder()
        .addAllAttributes(keyValues(p.attributes()))
        .setStartTimeUnixNano(p.startTimeUnixNano())
        .setTimeUnixNano(p.timeUnixNano())
        .setCount(p.count())
        .setScale(p.scale())
        .setZeroCount(p.zeroCount())
        .setZeroThreshold(p.zeroThreshold())
        .setPositive(buckets(p.positive()))
        .setNegative(buckets(p.negative()))
        .setFlags(p.flags());
    p.sum().ifPresent(b::setSum);
    p.min().ifPresent(b::setMin);
    p.max().ifPresent(b::setMax);
    for (dev.promotel.model.Exemplar x : p.exemplars()) b.addExemplars(exemplar(x));
    return b.build();
  }

  private static ExponentialHistogramDataPoint.Buckets buckets(ExponentialBuckets buckets) {
    ExponentialHistogramDataPoint.Buckets.Builder b =
        ExponentialHistogramDataPoint.Buckets.newBuilder().setOffset(buckets.offset());
    for (long c : buckets.counts()) b.addBucketCounts(c);
    return b.build();
  }

  private static SummaryDataPoint summaryPoint(SummaryPoint p) {
    SummaryDataPoint.Builder b = SummaryDataPoint.newBuilder()
        .addAllAttributes(keyValues(p.attributes()))
        .setStartTimeUnixNano(p.startTimeUnixNano())
        .setTimeUnixNano(p.timeUnixNano())
        .setCount(p.count().orElse(0))
        .setSum(p.sum().orElse(0))
        .setFlags(p.flags());
    for (Quantile q : p.quantiles()) {
      b.addQuantileValues(SummaryDataPoint.ValueAtQuantile.newBuilder()
          .setQuantile(q.quantile()).setValue(q.value()));
    }
    return b.build();
  }

  private static Exemplar exemplar(dev.promotel.model.Exemplar x) {
    Exemplar.Builder b = Exemplar.newBuilder()
        .addAllFilteredAttributes(keyValues(x.filteredAttributes()))
        .setTimeUnixNano(x.timeUnixNano())
        .setTraceId(ByteString.copyFrom(HexFormat.of().parseHex(x.traceId())))
        .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex(x.spanId())));
    if (x.value().isLong()) b.setAsInt(x.value().longValue());
    else b.setAsDouble(x.value().doubleValue());
    return b.build();
  }

  static List<KeyValue> keyValues(Attributes attributes) {
    List<KeyValue> out = new ArrayList<>();
    for (Attribute a : attributes) out.add(keyValue(a));
    return out;
  }

  private static KeyValue keyValue(Attribute a) {
    return KeyValue.newBuilder().setKey(a.key()).setValue(anyValue(a.value())).build();
  }

  private static AnyValue anyValue(AttributeValue v) {
    AnyValue.Builder b = AnyValue.newBuilder();
    if (v instanceof AttributeValue.StringValue s) b.setStringValue(s.value());
    else if (v instanceof AttributeValue.BoolValue x) b.setBoolValue(x.value());
    else if (v instanceof AttributeValue.LongValue x) b.setIntValue(x.value());
    else if (v instanceof AttributeValue.DoubleValue x) b.setDoubleValue(x.value());
    else if (v instanceof AttributeValue.BytesValue x) b.setBytesValue(ByteString.copyFrom(x.value()));
    else if (v instanceof AttributeValue.ArrayValue x) {
      ArrayValue.Builder array = ArrayValue.newBuilder();
      for (AttributeValue e : x.values()) array.addValues(anyValue(e));
      b.setArrayValue(array);
    } else if (v instanceof AttributeValue.KeyValueListValue x) {
      KeyValueList.Builder list = KeyValueList.newBuilder();
      for (Attribute e : x.values()) list.addValues(keyValue(e));
      b.setKvlistValue(list);
    } else {
      throw new AssertionError(Objects.toString(v));
    }
    return b.build();
  }
}
