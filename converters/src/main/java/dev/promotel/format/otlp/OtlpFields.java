package dev.promotel.format.otlp;

import static dev.promotel.format.otlp.OtlpField.delimited;
import static dev.promotel.format.otlp.OtlpField.fixed64;
import static dev.promotel.format.otlp.OtlpField.varint;

/**
 * The OTLP metrics schema as field constants, one nested class per message, taken from
 * opentelemetry-proto 1.11.0 ({@code collector/metrics/v1/metrics_service.proto}, {@code
 * metrics/v1/metrics.proto}, {@code common/v1/common.proto}, {@code resource/v1/resource.proto}).
 * Comments give the proto type where the wire type alone does not say it.
 */
final class OtlpFields {
  private OtlpFields() {}

  static final class Request {
    static final OtlpField RESOURCE_METRICS = delimited(1, "resourceMetrics");
  }

  static final class ResourceMetrics {
    static final OtlpField RESOURCE = delimited(1, "resource");
    static final OtlpField SCOPE_METRICS = delimited(2, "scopeMetrics");
    static final OtlpField SCHEMA_URL = delimited(3, "schemaUrl");
  }

  static final class Resource {
    static final OtlpField ATTRIBUTES = delimited(1, "attributes");
  }

  static final class ScopeMetrics {
    static final OtlpField SCOPE = delimited(1, "scope");
    static final OtlpField METRICS = delimited(2, "metrics");
    static final OtlpField SCHEMA_URL = delimited(3, "schemaUrl");
  }

  static final class Scope {
    static final OtlpField NAME = delimited(1, "name");
    static final OtlpField VERSION = delimited(2, "version");
    static final OtlpField ATTRIBUTES = delimited(3, "attributes");
  }

  static final class Metric {
    static final OtlpField NAME = delimited(1, "name");
    static final OtlpField DESCRIPTION = delimited(2, "description");
    static final OtlpField UNIT = delimited(3, "unit");
    static final OtlpField GAUGE = delimited(5, "gauge");
    static final OtlpField SUM = delimited(7, "sum");
    static final OtlpField HISTOGRAM = delimited(9, "histogram");
    static final OtlpField EXPONENTIAL_HISTOGRAM = delimited(10, "exponentialHistogram");
    static final OtlpField SUMMARY = delimited(11, "summary");
    static final OtlpField METADATA = delimited(12, "metadata");
  }

  /** Gauge, Sum, Histogram, ExponentialHistogram and Summary share these numbers. */
  static final class Data {
    static final OtlpField DATA_POINTS = delimited(1, "dataPoints");
    /** enum AggregationTemporality. */
    static final OtlpField AGGREGATION_TEMPORALITY = varint(2, "aggregationTemporality");
    /** Sum only. */
    static final OtlpField IS_MONOTONIC = varint(3, "isMonotonic");
  }

  static final class NumberPoint {
    static final OtlpField START_TIME = fixed64(2, "startTimeUnixNano");
    static final OtlpField TIME = fixed64(3, "timeUnixNano");
    static final OtlpField AS_DOUBLE = fixed64(4, "asDouble");
    static final OtlpField EXEMPLARS = delimited(5, "exemplars");
    /** sfixed64. */
    static final OtlpField AS_INT = fixed64(6, "asInt");
    static final OtlpField ATTRIBUTES = delimited(7, "attributes");
    /** uint32. */
    static final OtlpField FLAGS = varint(8, "flags");
  }

  static final class HistogramPoint {
    static final OtlpField START_TIME = fixed64(2, "startTimeUnixNano");
    static final OtlpField TIME = fixed64(3, "timeUnixNano");
    static final OtlpField COUNT = fixed64(4, "count");
    /** optional double. */
    static final OtlpField SUM = fixed64(5, "sum");
    /** packed fixed64. */
    static final OtlpField BUCKET_COUNTS = delimited(6, "bucketCounts");
    /** packed double. */
    static final OtlpField EXPLICIT_BOUNDS = delimited(7, "explicitBounds");
    static final OtlpField EXEMPLARS = delimited(8, "exemplars");
    static final OtlpField ATTRIBUTES = delimited(9, "attributes");
    static final OtlpField FLAGS = varint(10, "flags");
    static final OtlpField MIN = fixed64(11, "min");
    static final OtlpField MAX = fixed64(12, "max");
  }

  static final class ExponentialPoint {
    static final OtlpField ATTRIBUTES = delimited(1, "attributes");
    static final OtlpField START_TIME = fixed64(2, "startTimeUnixNano");
    static final OtlpField TIME = fixed64(3, "timeUnixNano");
    static final OtlpField COUNT = fixed64(4, "count");
    static final OtlpField SUM = fixed64(5, "sum");
    /** sint32. */
    static final OtlpField SCALE = varint(6, "scale");
    static final OtlpField ZERO_COUNT = fixed64(7, "zeroCount");
    static final OtlpField POSITIVE = delimited(8, "positive");
    static final OtlpField NEGATIVE = delimited(9, "negative");
    static final OtlpField FLAGS = varint(10, "flags");
    static final OtlpField EXEMPLARS = delimited(11, "exemplars");
    static final OtlpField MIN = fixed64(12, "min");
    static final OtlpField MAX = fixed64(13, "max");
    static final OtlpField ZERO_THRESHOLD = fixed64(14, "zeroThreshold");
  }

  static final class Buckets {
    /** sint32. */
    static final OtlpField OFFSET = varint(1, "offset");
    /** packed uint64. */
    static final OtlpField BUCKET_COUNTS = delimited(2, "bucketCounts");
  }

  static final class SummaryPoint {
    static final OtlpField START_TIME = fixed64(2, "startTimeUnixNano");
    static final OtlpField TIME = fixed64(3, "timeUnixNano");
    static final OtlpField COUNT = fixed64(4, "count");
    /** plain double, not optional. */
    static final OtlpField SUM = fixed64(5, "sum");
    static final OtlpField QUANTILE_VALUES = delimited(6, "quantileValues");
    static final OtlpField ATTRIBUTES = delimited(7, "attributes");
    static final OtlpField FLAGS = varint(8, "flags");
  }

  static final class ValueAtQuantile {
    static final OtlpField QUANTILE = fixed64(1, "quantile");
    static final OtlpField VALUE = fixed64(2, "value");
  }

  static final class Exemplar {
    static final OtlpField TIME = fixed64(2, "timeUnixNano");
    static final OtlpField AS_DOUBLE = fixed64(3, "asDouble");
    /** bytes, 8 long; hex in JSON. */
    static final OtlpField SPAN_ID = delimited(4, "spanId");
    /** bytes, 16 long; hex in JSON. */
    static final OtlpField TRACE_ID = delimited(5, "traceId");
    static final OtlpField AS_INT = fixed64(6, "asInt");
    static final OtlpField FILTERED_ATTRIBUTES = delimited(7, "filteredAttributes");
  }

  static final class KeyValue {
    static final OtlpField KEY = delimited(1, "key");
    static final OtlpField VALUE = delimited(2, "value");
  }

  /** The members of AnyValue's oneof {@code value}. */
  static final class AnyValue {
    static final OtlpField STRING_VALUE = delimited(1, "stringValue");
    static final OtlpField BOOL_VALUE = varint(2, "boolValue");
    /** int64. */
    static final OtlpField INT_VALUE = varint(3, "intValue");
    static final OtlpField DOUBLE_VALUE = fixed64(4, "doubleValue");
    static final OtlpField ARRAY_VALUE = delimited(5, "arrayValue");
    static final OtlpField KVLIST_VALUE = delimited(6, "kvlistValue");
    /** bytes; base64 in JSON. */
    static final OtlpField BYTES_VALUE = delimited(7, "bytesValue");
  }

  /** ArrayValue (of AnyValue) and KeyValueList (of KeyValue) both hold field 1. */
  static final class ValueList {
    static final OtlpField VALUES = delimited(1, "values");
  }
}
