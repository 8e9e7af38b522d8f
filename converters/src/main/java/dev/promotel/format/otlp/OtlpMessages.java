package dev.promotel.format.otlp;

import dev.promotel.format.otlp.OtlpFields.AnyValue;
import dev.promotel.format.otlp.OtlpFields.Buckets;
import dev.promotel.format.otlp.OtlpFields.Data;
import dev.promotel.format.otlp.OtlpFields.ExponentialPoint;
import dev.promotel.format.otlp.OtlpFields.KeyValue;
import dev.promotel.format.otlp.OtlpFields.Request;
import dev.promotel.format.otlp.OtlpFields.ResourceMetrics;
import dev.promotel.format.otlp.OtlpFields.ScopeMetrics;
import dev.promotel.format.otlp.OtlpFields.ValueAtQuantile;
import dev.promotel.format.otlp.OtlpFields.ValueList;
import dev.promotel.model.Attribute;
import dev.promotel.model.AttributeValue;
import dev.promotel.model.Attributes;
import dev.promotel.model.Exemplar;
import dev.promotel.model.ExponentialBuckets;
import dev.promotel.model.ExponentialHistogram;
import dev.promotel.model.ExponentialHistogramPoint;
import dev.promotel.model.Gauge;
import dev.promotel.model.Histogram;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricData;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.PromMetadata;
import dev.promotel.model.Quantile;
import dev.promotel.model.Resource;
import dev.promotel.model.Scope;
import dev.promotel.model.Sum;
import dev.promotel.model.Summary;
import dev.promotel.model.SummaryPoint;
import java.io.IOException;
import java.util.List;

/**
 * Every OTLP metrics message promotel writes, described once against {@link OtlpEncoder} (OTel's
 * {@code Marshaler.writeTo(Serializer)} idea): the same code yields protobuf sizes, protobuf bytes
 * and JSON. Fields are described in field-number order, so protobuf output is byte-identical to
 * protobuf-java's serialisation of the same message.
 *
 * <p>Model → OTLP choices: a family is one {@code Metric}; {@code family.prom()} becomes the
 * metadata entry {@code prometheus.type} (ahead of, and replacing any copy in, {@code
 * family.metadata()}); Resource and InstrumentationScope are always written, even when empty, as
 * the Collector does; exponential buckets are always written; a summary's absent count or sum is
 * written as 0 (OTLP has no absence there).
 */
final class OtlpMessages {
  static final String PROMETHEUS_TYPE = "prometheus.type";

  private OtlpMessages() {}

  /** One {@code resource_metrics} element of an ExportMetricsServiceRequest. */
  static void resourceMetricsElement(OtlpEncoder e, ResourceBatch batch) throws IOException {
    e.startElement(Request.RESOURCE_METRICS);
    resourceMetrics(e, batch);
    e.endElement();
  }

  private static void resourceMetrics(OtlpEncoder e, ResourceBatch batch) throws IOException {
    Resource resource = batch.resource();
    e.attributesMessage(ResourceMetrics.RESOURCE, OtlpFields.Resource.ATTRIBUTES,
        resource.attributes());
    List<ResourceBatch.ScopeGroup> groups = batch.scopes();
    e.startRepeated(ResourceMetrics.SCOPE_METRICS);
    for (ResourceBatch.ScopeGroup group : groups) {
      e.startElement(ResourceMetrics.SCOPE_METRICS);
      scopeMetrics(e, group);
      e.endElement();
    }
    e.endRepeated();
    e.string(ResourceMetrics.SCHEMA_URL, resource.schemaUrl());
  }

  private static void scopeMetrics(OtlpEncoder e, ResourceBatch.ScopeGroup group)
      throws IOException {
    Scope scope = group.scope();
    e.startMessage(ScopeMetrics.SCOPE);
    e.string(OtlpFields.Scope.NAME, scope.name());
    e.string(OtlpFields.Scope.VERSION, scope.version());
    attributes(e, OtlpFields.Scope.ATTRIBUTES, scope.attributes());
    e.endMessage();
    e.startRepeated(ScopeMetrics.METRICS);
    for (MetricFamily family : group.families()) {
      e.startElement(ScopeMetrics.METRICS);
      metric(e, family);
      e.endElement();
    }
    e.endRepeated();
    e.string(ScopeMetrics.SCHEMA_URL, scope.schemaUrl());
  }

  static void metric(OtlpEncoder e, MetricFamily family) throws IOException {
    e.repeatedString(OtlpFields.Metric.NAME, family.name());
    e.repeatedString(OtlpFields.Metric.DESCRIPTION, family.description());
    e.repeatedString(OtlpFields.Metric.UNIT, family.unit());
    MetricData data = family.data();
    switch (data.kind()) {
      case GAUGE -> {
        e.startMessage(OtlpFields.Metric.GAUGE);
        numberPoints(e, ((Gauge) data).points());
        e.endMessage();
      }
      case SUM -> {
        Sum sum = (Sum) data;
        e.startMessage(OtlpFields.Metric.SUM);
        numberPoints(e, sum.points());
        e.enumNumber(Data.AGGREGATION_TEMPORALITY, sum.temporality().number());
        e.bool(Data.IS_MONOTONIC, sum.monotonic());
        e.endMessage();
      }
      case HISTOGRAM -> {
        Histogram histogram = (Histogram) data;
        e.startMessage(OtlpFields.Metric.HISTOGRAM);
        List<HistogramPoint> points = histogram.points();
        if (!points.isEmpty()) {
          e.startRepeated(Data.DATA_POINTS);
          for (HistogramPoint p : points) {
            e.startElement(Data.DATA_POINTS);
            histogramPoint(e, p);
            e.endElement();
          }
          e.endRepeated();
        }
        e.enumNumber(Data.AGGREGATION_TEMPORALITY, histogram.temporality().number());
        e.endMessage();
      }
      case EXPONENTIAL_HISTOGRAM -> {
        ExponentialHistogram histogram = (ExponentialHistogram) data;
        e.startMessage(OtlpFields.Metric.EXPONENTIAL_HISTOGRAM);
        List<ExponentialHistogramPoint> points = histogram.points();
        if (!points.isEmpty()) {
          e.startRepeated(Data.DATA_POINTS);
          for (ExponentialHistogramPoint p : points) {
            e.startElement(Data.DATA_POINTS);
            exponentialPoint(e, p);
            e.endElement();
          }
          e.endRepeated();
        }
        e.enumNumber(Data.AGGREGATION_TEMPORALITY, histogram.temporality().number());
        e.endMessage();
      }
      case SUMMARY -> {
        e.startMessage(OtlpFields.Metric.SUMMARY);
        List<SummaryPoint> points = ((Summary) data).points();
        if (!points.isEmpty()) {
          e.startRepeated(Data.DATA_POINTS);
          for (SummaryPoint p : points) {
            e.startElement(Data.DATA_POINTS);
            summaryPoint(e, p);
            e.endElement();
          }
          e.endRepeated();
        }
        e.endMessage();
      }
      default -> throw new AssertionError(data.kind());
    }
    metadata(e, family);
  }

  private static void metadata(OtlpEncoder e, MetricFamily family) throws IOException {
    PromMetadata prom = family.prom();
    Attributes metadata = family.metadata();
    boolean replaced = prom != null && metadata.containsKey(PROMETHEUS_TYPE);
    if (prom == null && metadata.isEmpty()) return;
    e.startRepeated(OtlpFields.Metric.METADATA);
    if (prom != null) {
      e.startElement(OtlpFields.Metric.METADATA);
      e.string(KeyValue.KEY, PROMETHEUS_TYPE);
      e.startMessage(KeyValue.VALUE);
      e.stringMember(AnyValue.STRING_VALUE, prom.type().openMetricsName());
      e.endMessage();
      e.endElement();
    }
    for (int i = 0; i < metadata.size(); i++) {
      if (replaced && metadata.key(i).equals(PROMETHEUS_TYPE)) continue;
      keyValue(e, OtlpFields.Metric.METADATA, metadata.key(i), metadata.value(i));
    }
    e.endRepeated();
  }

  private static void numberPoints(OtlpEncoder e, List<NumberPoint> points) throws IOException {
    if (points.isEmpty()) return;
    e.startRepeated(Data.DATA_POINTS);
    for (NumberPoint p : points) {
      e.startElement(Data.DATA_POINTS);
      numberPoint(e, p);
      e.endElement();
    }
    e.endRepeated();
  }

  private static void numberPoint(OtlpEncoder e, NumberPoint p) throws IOException {
    e.fixed64(OtlpFields.NumberPoint.START_TIME, p.startTimeUnixNano());
    e.fixed64(OtlpFields.NumberPoint.TIME, p.timeUnixNano());
    boolean isLong = p.value().isLong();
    if (!isLong) e.doubleMember(OtlpFields.NumberPoint.AS_DOUBLE, p.value().doubleValue());
    exemplars(e, OtlpFields.NumberPoint.EXEMPLARS, p.exemplars());
    if (isLong) e.sfixed64Member(OtlpFields.NumberPoint.AS_INT, p.value().longValue());
    attributes(e, OtlpFields.NumberPoint.ATTRIBUTES, p.attributes());
    e.uint32(OtlpFields.NumberPoint.FLAGS, p.flags());
  }

  private static void histogramPoint(OtlpEncoder e, HistogramPoint p) throws IOException {
    e.fixed64(OtlpFields.HistogramPoint.START_TIME, p.startTimeUnixNano());
    e.fixed64(OtlpFields.HistogramPoint.TIME, p.timeUnixNano());
    e.fixed64(OtlpFields.HistogramPoint.COUNT, p.count());
    if (p.sum().isPresent()) e.doubleMember(OtlpFields.HistogramPoint.SUM, p.sum().getAsDouble());
    if (p.bucketCountsSize() > 0) {
      e.packedFixed64(OtlpFields.HistogramPoint.BUCKET_COUNTS, p.bucketCounts());
      e.packedDouble(OtlpFields.HistogramPoint.EXPLICIT_BOUNDS, p.explicitBounds());
    }
    exemplars(e, OtlpFields.HistogramPoint.EXEMPLARS, p.exemplars());
    attributes(e, OtlpFields.HistogramPoint.ATTRIBUTES, p.attributes());
    e.uint32(OtlpFields.HistogramPoint.FLAGS, p.flags());
    if (p.min().isPresent()) e.doubleMember(OtlpFields.HistogramPoint.MIN, p.min().getAsDouble());
    if (p.max().isPresent()) e.doubleMember(OtlpFields.HistogramPoint.MAX, p.max().getAsDouble());
  }

  private static void exponentialPoint(OtlpEncoder e, ExponentialHistogramPoint p)
      throws IOException {
    attributes(e, ExponentialPoint.ATTRIBUTES, p.attributes());
    e.fixed64(ExponentialPoint.START_TIME, p.startTimeUnixNano());
    e.fixed64(ExponentialPoint.TIME, p.timeUnixNano());
    e.fixed64(ExponentialPoint.COUNT, p.count());
    if (p.sum().isPresent()) e.doubleMember(ExponentialPoint.SUM, p.sum().getAsDouble());
    e.sint32(ExponentialPoint.SCALE, p.scale());
    e.fixed64(ExponentialPoint.ZERO_COUNT, p.zeroCount());
    buckets(e, ExponentialPoint.POSITIVE, p.positive());
    buckets(e, ExponentialPoint.NEGATIVE, p.negative());
    e.uint32(ExponentialPoint.FLAGS, p.flags());
    exemplars(e, ExponentialPoint.EXEMPLARS, p.exemplars());
    if (p.min().isPresent()) e.doubleMember(ExponentialPoint.MIN, p.min().getAsDouble());
    if (p.max().isPresent()) e.doubleMember(ExponentialPoint.MAX, p.max().getAsDouble());
    e.doubleValue(ExponentialPoint.ZERO_THRESHOLD, p.zeroThreshold());
  }

  private static void buckets(OtlpEncoder e, OtlpField field, ExponentialBuckets buckets)
      throws IOException {
    e.startMessage(field);
    e.sint32(Buckets.OFFSET, buckets.offset());
    if (buckets.size() > 0) e.packedUint64(Buckets.BUCKET_COUNTS, buckets.counts());
    e.endMessage();
  }

  private static void summaryPoint(OtlpEncoder e, SummaryPoint p) throws IOException {
    e.fixed64(OtlpFields.SummaryPoint.START_TIME, p.startTimeUnixNano());
    e.fixed64(OtlpFields.SummaryPoint.TIME, p.timeUnixNano());
    e.fixed64(OtlpFields.SummaryPoint.COUNT, p.count().orElse(0));
    e.doubleValue(OtlpFields.SummaryPoint.SUM, p.sum().orElse(0));
    List<Quantile> quantiles = p.quantiles();
    if (!quantiles.isEmpty()) {
      e.startRepeated(OtlpFields.SummaryPoint.QUANTILE_VALUES);
      for (Quantile q : quantiles) {
        e.startElement(OtlpFields.SummaryPoint.QUANTILE_VALUES);
        e.doubleValue(ValueAtQuantile.QUANTILE, q.quantile());
        e.doubleValue(ValueAtQuantile.VALUE, q.value());
        e.endElement();
      }
      e.endRepeated();
    }
    attributes(e, OtlpFields.SummaryPoint.ATTRIBUTES, p.attributes());
    e.uint32(OtlpFields.SummaryPoint.FLAGS, p.flags());
  }

  private static void exemplars(OtlpEncoder e, OtlpField field, List<Exemplar> exemplars)
      throws IOException {
    if (exemplars.isEmpty()) return;
    e.startRepeated(field);
    for (Exemplar x : exemplars) {
      e.startElement(field);
      e.fixed64(OtlpFields.Exemplar.TIME, x.timeUnixNano());
      boolean isLong = x.value().isLong();
      if (!isLong) e.doubleMember(OtlpFields.Exemplar.AS_DOUBLE, x.value().doubleValue());
      e.id(OtlpFields.Exemplar.SPAN_ID, x.spanId());
      e.id(OtlpFields.Exemplar.TRACE_ID, x.traceId());
      if (isLong) e.sfixed64Member(OtlpFields.Exemplar.AS_INT, x.value().longValue());
      attributes(e, OtlpFields.Exemplar.FILTERED_ATTRIBUTES, x.filteredAttributes());
      e.endElement();
    }
    e.endRepeated();
  }

  static void attributes(OtlpEncoder e, OtlpField field, Attributes attributes)
      throws IOException {
    if (attributes.isEmpty()) return;
    e.startRepeated(field);
    for (int i = 0; i < attributes.size(); i++) {
      if (attributes.value(i) instanceof AttributeValue.StringValue label) {
        e.stringKeyValue(field, attributes.key(i), label);
      } else {
        keyValue(e, field, attributes.key(i), attributes.value(i));
      }
    }
    e.endRepeated();
  }

  static void keyValue(OtlpEncoder e, OtlpField field, String key, AttributeValue value)
      throws IOException {
    e.startElement(field);
    e.string(KeyValue.KEY, key);
    e.startMessage(KeyValue.VALUE);
    anyValue(e, value);
    e.endMessage();
    e.endElement();
  }

  /** The members of AnyValue's oneof; every kind is written even when it holds a zero value. */
  private static void anyValue(OtlpEncoder e, AttributeValue value) throws IOException {
    if (value instanceof AttributeValue.StringValue s) {
      e.stringMember(AnyValue.STRING_VALUE, s.value());
    } else if (value instanceof AttributeValue.BoolValue b) {
      e.boolMember(AnyValue.BOOL_VALUE, b.value());
    } else if (value instanceof AttributeValue.LongValue l) {
      e.int64Member(AnyValue.INT_VALUE, l.value());
    } else if (value instanceof AttributeValue.DoubleValue d) {
      e.doubleMember(AnyValue.DOUBLE_VALUE, d.value());
    } else if (value instanceof AttributeValue.BytesValue b) {
      e.bytesMember(AnyValue.BYTES_VALUE, b.value());
    } else if (value instanceof AttributeValue.ArrayValue a) {
      e.startMessage(AnyValue.ARRAY_VALUE);
      List<AttributeValue> values = a.values();
      if (!values.isEmpty()) {
        e.startRepeated(ValueList.VALUES);
        for (AttributeValue v : values) {
          e.startElement(ValueList.VALUES);
          anyValue(e, v);
          e.endElement();
        }
        e.endRepeated();
      }
      e.endMessage();
    } else if (value instanceof AttributeValue.KeyValueListValue kv) {
      e.startMessage(AnyValue.KVLIST_VALUE);
      List<Attribute> values = kv.values();
      if (!values.isEmpty()) {
        e.startRepeated(ValueList.VALUES);
        for (Attribute a : values) keyValue(e, ValueList.VALUES, a.key(), a.value());
        e.endRepeated();
      }
      e.endMessage();
    } else {
      throw new AssertionError(value);
    }
  }
}
