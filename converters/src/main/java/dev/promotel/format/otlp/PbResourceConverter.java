package dev.promotel.format.otlp;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricParseException;
import dev.promotel.format.SourcePosition;
import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attribute;
import dev.promotel.model.AttributeValue;
import dev.promotel.model.Attributes;
import dev.promotel.model.ExponentialBuckets;
import dev.promotel.model.ExponentialHistogram;
import dev.promotel.model.ExponentialHistogramPoint;
import dev.promotel.model.Gauge;
import dev.promotel.model.Histogram;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricData;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.Point;
import dev.promotel.model.Quantile;
import dev.promotel.model.Resource;
import dev.promotel.model.Scope;
import dev.promotel.model.Summary;
import dev.promotel.model.SummaryPoint;
import dev.promotel.model.Sum;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Converts one parsed {@link ResourceMetrics} into families, one per {@code Metric}, checking what
 * the model cannot hold (unsigned times above 2^63, ids of the wrong length, unknown temporality
 * numbers, bucket arrays of mismatched length). Errors are positioned at the byte offset of the
 * enclosing {@code resource_metrics} field; the reason names the metric and the data point.
 */
final class PbResourceConverter {
  private final String source;
  private final Diagnostics diagnostics;

  /** Where the current ResourceMetrics starts, and a description of where we are inside it. */
  private long offset;
  private String offsetNote = "";
  private String where = "";

  /** Data of a metric whose points were all skipped as invalid (already counted). */
  private static final MetricData SKIPPED = new Gauge(List.of());

  private final boolean skipInvalid;

  PbResourceConverter(String source, Diagnostics diagnostics, boolean skipInvalid) {
    this.source = source;
    this.diagnostics = diagnostics;
    this.skipInvalid = skipInvalid;
  }

  /** A point whose conversion failed: counted and skipped in lenient mode, else the error. */
  private void invalid(MetricParseException e, long points) throws MetricParseException {
    if (!skipInvalid) throw e;
    diagnostics.loss("invalid-point", "invalid OTLP data points skipped (first: "
        + e.getMessage() + ")", points);
  }

  /** The temporality, or null when it is invalid and the metric's points were skipped. */
  private AggregationTemporality temporality(int number, int points) throws MetricParseException {
    try {
      return OtlpReadMapping.temporality(number, this::fail);
    } catch (MetricParseException e) {
      invalid(e, points);
      return null;
    }
  }

  /**
   * The families of {@code rm}, in input order. {@code offsetNote} is appended to every error
   * reason (it explains offsets inside a decompressed record).
   */
  List<MetricFamily> convert(ResourceMetrics rm, long byteOffset, String offsetNote)
      throws MetricParseException {
    this.offset = byteOffset;
    this.offsetNote = offsetNote;
    this.where = "resource";
    Resource resource =
        new Resource(attributes(rm.getResource().getAttributesList()), rm.getSchemaUrl());
    List<MetricFamily> out = new ArrayList<>();
    for (int s = 0; s < rm.getScopeMetricsCount(); s++) {
      ScopeMetrics sm = rm.getScopeMetrics(s);
      where = "scope_metrics " + s;
      InstrumentationScope is = sm.getScope();
      Scope scope =
          new Scope(is.getName(), is.getVersion(), attributes(is.getAttributesList()),
              sm.getSchemaUrl());
      for (int m = 0; m < sm.getMetricsCount(); m++) {
        Metric metric = sm.getMetrics(m);
        where = "metric '" + metric.getName() + "'";
        MetricData data = data(metric);
        if (data == SKIPPED) continue;
        if (data == null) {
          diagnostics.loss(
              "otlp-metric-without-data",
              "OTLP metrics without data (no gauge, sum, histogram or summary) skipped");
          continue;
        }
        out.add(
            OtlpReadMapping.family(
                metric.getName(), metric.getDescription(), metric.getUnit(), resource, scope,
                data, keyValues(metric.getMetadataList()), this::fail));
      }
    }
    return out;
  }

  private MetricData data(Metric metric) throws MetricParseException {
    String metricWhere = where;
    return switch (metric.getDataCase()) {
      case GAUGE -> new Gauge(numberPoints(metric.getGauge().getDataPointsList(), metricWhere));
      case SUM -> {
        var sum = metric.getSum();
        AggregationTemporality t =
            temporality(sum.getAggregationTemporalityValue(), sum.getDataPointsCount());
        if (t == null) yield SKIPPED;
        yield new Sum(t, sum.getIsMonotonic(), numberPoints(sum.getDataPointsList(), metricWhere));
      }
      case HISTOGRAM -> {
        var h = metric.getHistogram();
        AggregationTemporality t =
            temporality(h.getAggregationTemporalityValue(), h.getDataPointsCount());
        if (t == null) yield SKIPPED;
        List<HistogramPoint> points = new ArrayList<>(h.getDataPointsCount());
        for (int i = 0; i < h.getDataPointsCount(); i++) {
          where = metricWhere + " data point " + i;
          try {
            points.add(histogramPoint(h.getDataPoints(i)));
          } catch (MetricParseException e) {
            invalid(e, 1);
          }
        }
        yield new Histogram(t, points);
      }
      case EXPONENTIAL_HISTOGRAM -> {
        var h = metric.getExponentialHistogram();
        AggregationTemporality t =
            temporality(h.getAggregationTemporalityValue(), h.getDataPointsCount());
        if (t == null) yield SKIPPED;
        List<ExponentialHistogramPoint> points = new ArrayList<>(h.getDataPointsCount());
        for (int i = 0; i < h.getDataPointsCount(); i++) {
          where = metricWhere + " data point " + i;
          try {
            points.add(exponentialPoint(h.getDataPoints(i)));
          } catch (MetricParseException e) {
            invalid(e, 1);
          }
        }
        yield new ExponentialHistogram(t, points);
      }
      case SUMMARY -> {
        var s = metric.getSummary();
        List<SummaryPoint> points = new ArrayList<>(s.getDataPointsCount());
        for (int i = 0; i < s.getDataPointsCount(); i++) {
          where = metricWhere + " data point " + i;
          try {
            points.add(summaryPoint(s.getDataPoints(i)));
          } catch (MetricParseException e) {
            invalid(e, 1);
          }
        }
        yield new Summary(points);
      }
      case DATA_NOT_SET -> null;
    };
  }

  private List<NumberPoint> numberPoints(List<NumberDataPoint> in, String metricWhere)
      throws MetricParseException {
    List<NumberPoint> points = new ArrayList<>(in.size());
    for (int i = 0; i < in.size(); i++) {
      where = metricWhere + " data point " + i;
      try {
        points.add(numberPoint(in.get(i)));
      } catch (MetricParseException e) {
        invalid(e, 1);
      }
    }
    return points;
  }

  private NumberPoint numberPoint(NumberDataPoint p) throws MetricParseException {
    NumberValue value =
        switch (p.getValueCase()) {
          case AS_DOUBLE -> NumberValue.ofDouble(p.getAsDouble());
          case AS_INT -> NumberValue.ofLong(p.getAsInt());
          case VALUE_NOT_SET -> {
            if ((p.getFlags() & Point.FLAG_NO_RECORDED_VALUE) == 0) {
              throw fail("number data point has neither as_double nor as_int (and is not"
                  + " flagged NO_RECORDED_VALUE)");
            }
            yield NumberValue.ofDouble(0);
          }
        };
    return new NumberPoint(
        attributes(p.getAttributesList()),
        time(p.getStartTimeUnixNano(), "start_time_unix_nano"),
        time(p.getTimeUnixNano(), "time_unix_nano"),
        value,
        exemplars(p.getExemplarsList()),
        p.getFlags());
  }

  private HistogramPoint histogramPoint(HistogramDataPoint p) throws MetricParseException {
    Attributes attributes = attributes(p.getAttributesList());
    long start = time(p.getStartTimeUnixNano(), "start_time_unix_nano");
    long time = time(p.getTimeUnixNano(), "time_unix_nano");
    long count = unsigned(p.getCount(), "count");
    long[] counts = new long[p.getBucketCountsCount()];
    for (int i = 0; i < counts.length; i++) counts[i] = unsigned(p.getBucketCounts(i), "bucket count");
    double[] bounds = new double[p.getExplicitBoundsCount()];
    for (int i = 0; i < bounds.length; i++) bounds[i] = p.getExplicitBounds(i);
    List<dev.promotel.model.Exemplar> exemplars = exemplars(p.getExemplarsList());
    try {
      return new HistogramPoint(
          attributes, start, time, count,
          p.hasSum() ? OptionalDouble.of(p.getSum()) : OptionalDouble.empty(),
          bounds, counts,
          p.hasMin() ? OptionalDouble.of(p.getMin()) : OptionalDouble.empty(),
          p.hasMax() ? OptionalDouble.of(p.getMax()) : OptionalDouble.empty(),
          exemplars, p.getFlags());
    } catch (IllegalArgumentException e) {
      throw fail("invalid histogram data point: " + e.getMessage());
    }
  }

  private ExponentialHistogramPoint exponentialPoint(ExponentialHistogramDataPoint p)
      throws MetricParseException {
    Attributes attributes = attributes(p.getAttributesList());
    long start = time(p.getStartTimeUnixNano(), "start_time_unix_nano");
    long time = time(p.getTimeUnixNano(), "time_unix_nano");
    long count = unsigned(p.getCount(), "count");
    long zeroCount = unsigned(p.getZeroCount(), "zero_count");
    ExponentialBuckets positive = buckets(p.getPositive(), "positive");
    ExponentialBuckets negative = buckets(p.getNegative(), "negative");
    List<dev.promotel.model.Exemplar> exemplars = exemplars(p.getExemplarsList());
    try {
      return new ExponentialHistogramPoint(
          attributes, start, time, count,
          p.hasSum() ? OptionalDouble.of(p.getSum()) : OptionalDouble.empty(),
          p.getScale(), zeroCount, p.getZeroThreshold(), positive, negative,
          p.hasMin() ? OptionalDouble.of(p.getMin()) : OptionalDouble.empty(),
          p.hasMax() ? OptionalDouble.of(p.getMax()) : OptionalDouble.empty(),
          exemplars, p.getFlags());
    } catch (IllegalArgumentException e) {
      throw fail("invalid exponential histogram data point: " + e.getMessage());
    }
  }

  private ExponentialBuckets buckets(ExponentialHistogramDataPoint.Buckets b, String side)
      throws MetricParseException {
    if (b.getBucketCountsCount() == 0 && b.getOffset() == 0) return ExponentialBuckets.EMPTY;
    long[] counts = new long[b.getBucketCountsCount()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = unsigned(b.getBucketCounts(i), side + " bucket count");
    }
    return new ExponentialBuckets(b.getOffset(), counts);
  }

  private SummaryPoint summaryPoint(SummaryDataPoint p) throws MetricParseException {
    Attributes attributes = attributes(p.getAttributesList());
    long start = time(p.getStartTimeUnixNano(), "start_time_unix_nano");
    long time = time(p.getTimeUnixNano(), "time_unix_nano");
    long count = unsigned(p.getCount(), "count");
    try {
      List<Quantile> quantiles = new ArrayList<>(p.getQuantileValuesCount());
      for (SummaryDataPoint.ValueAtQuantile q : p.getQuantileValuesList()) {
        quantiles.add(new Quantile(q.getQuantile(), q.getValue()));
      }
      return new SummaryPoint(
          attributes, start, time, OptionalLong.of(count), OptionalDouble.of(p.getSum()),
          quantiles, p.getFlags());
    } catch (IllegalArgumentException e) {
      throw fail("invalid summary data point: " + e.getMessage());
    }
  }

  private List<dev.promotel.model.Exemplar> exemplars(List<Exemplar> in)
      throws MetricParseException {
    if (in.isEmpty()) return List.of();
    List<dev.promotel.model.Exemplar> out = new ArrayList<>(in.size());
    for (Exemplar e : in) {
      NumberValue value =
          switch (e.getValueCase()) {
            case AS_DOUBLE -> NumberValue.ofDouble(e.getAsDouble());
            case AS_INT -> NumberValue.ofLong(e.getAsInt());
            // An exemplar without a value still says which trace was sampled; keep it as 0.
            case VALUE_NOT_SET -> NumberValue.ofDouble(0);
          };
      out.add(
          new dev.promotel.model.Exemplar(
              attributes(e.getFilteredAttributesList()),
              value,
              time(e.getTimeUnixNano(), "exemplar time_unix_nano"),
              OtlpReadMapping.hexId(
                  e.getTraceId().toByteArray(), OtlpReadMapping.TRACE_ID_BYTES,
                  "exemplar trace_id", this::fail),
              OtlpReadMapping.hexId(
                  e.getSpanId().toByteArray(), OtlpReadMapping.SPAN_ID_BYTES,
                  "exemplar span_id", this::fail)));
    }
    return out;
  }

  private Attributes attributes(List<KeyValue> in) throws MetricParseException {
    if (in.isEmpty()) return Attributes.EMPTY;
    return OtlpReadMapping.attributes(keyValues(in), "attributes", this::fail);
  }

  private List<Attribute> keyValues(List<KeyValue> in) {
    List<Attribute> out = new ArrayList<>(in.size());
    for (KeyValue kv : in) out.add(new Attribute(kv.getKey(), value(kv.getValue())));
    return out;
  }

  /** Every AnyValue kind; an unset value (or a profiles-only string index) reads as "". */
  private AttributeValue value(AnyValue v) {
    return switch (v.getValueCase()) {
      case STRING_VALUE -> new AttributeValue.StringValue(v.getStringValue());
      case BOOL_VALUE -> new AttributeValue.BoolValue(v.getBoolValue());
      case INT_VALUE -> new AttributeValue.LongValue(v.getIntValue());
      case DOUBLE_VALUE -> new AttributeValue.DoubleValue(v.getDoubleValue());
      case BYTES_VALUE -> new AttributeValue.BytesValue(v.getBytesValue().toByteArray());
      case ARRAY_VALUE -> {
        List<AttributeValue> values = new ArrayList<>(v.getArrayValue().getValuesCount());
        for (AnyValue e : v.getArrayValue().getValuesList()) values.add(value(e));
        yield new AttributeValue.ArrayValue(values);
      }
      case KVLIST_VALUE -> new AttributeValue.KeyValueListValue(
          keyValues(v.getKvlistValue().getValuesList()));
      case STRING_VALUE_STRINDEX, VALUE_NOT_SET -> new AttributeValue.StringValue("");
    };
  }

  /** Times are fixed64 on the wire; the model keeps them as non-negative longs. */
  private long time(long nanos, String field) throws MetricParseException {
    if (nanos < 0) {
      throw fail(field + " " + Long.toUnsignedString(nanos)
          + " is beyond the year 2262 (above 2^63-1 nanoseconds)");
    }
    return nanos;
  }

  private long unsigned(long value, String field) throws MetricParseException {
    if (value < 0) {
      throw fail(field + " " + Long.toUnsignedString(value) + " is above 2^63-1");
    }
    return value;
  }

  private MetricParseException fail(String reason) {
    return new MetricParseException(
        SourcePosition.binary(source, offset),
        "in resource_metrics, " + where + ": " + reason + offsetNote);
  }
}
