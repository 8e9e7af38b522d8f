package dev.promotel.format.otlp;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricParseException;
import dev.promotel.format.ReadOptions;
import dev.promotel.format.SourcePosition;
import dev.promotel.model.AggregationTemporality;
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
import dev.promotel.model.NumberValue;
import dev.promotel.model.Point;
import dev.promotel.model.Quantile;
import dev.promotel.model.Resource;
import dev.promotel.model.Scope;
import dev.promotel.model.Sum;
import dev.promotel.model.Summary;
import dev.promotel.model.SummaryPoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Decodes one OTLP JSON {@code ResourceMetrics} object from a {@link JsonParser} positioned on its
 * {@code START_OBJECT} into families, one per {@code Metric}. Keys may be lowerCamelCase or
 * snake_case; 64-bit integers numbers or strings; enums numbers or names; doubles numbers or the
 * strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}; {@code null} means the default.
 * Unknown fields are skipped. Errors carry the line and column of the offending token (or, for an
 * inconsistent data point, of the point's opening brace).
 *
 * <p>Fields may come in any order, so a resource's families are built when its object ends.
 */
final class JsonResourceReader {
  private final JsonParser p;
  private final String source;
  private final Diagnostics diagnostics;

  /** Data of a metric whose points were all skipped as invalid (already counted). */
  private static final MetricData SKIPPED = new Gauge(List.of());

  private final boolean skipInvalid;

  JsonResourceReader(
      JsonParser parser, String source, Diagnostics diagnostics, boolean skipInvalid) {
    this.p = parser;
    this.source = source;
    this.diagnostics = diagnostics;
    this.skipInvalid = skipInvalid;
  }

  /** Counts a point skipped as invalid ({@link ReadOptions#skipInvalidPoints()}). */
  private void skipped(String reason, long points) {
    diagnostics.loss("invalid-point", "invalid OTLP data points skipped (first: " + reason + ")",
        points);
  }

  private record ScopePart(
      String name, String version, Attributes attributes, String schemaUrl, List<MetricPart> metrics) {}

  private record MetricPart(
      String name, String description, String unit, MetricData data, List<Attribute> metadata,
      JsonLocation at) {}

  /** The families of the ResourceMetrics object starting at the current token. */
  List<MetricFamily> resourceMetrics() throws IOException {
    expectObject("resourceMetrics element");
    Attributes resourceAttributes = Attributes.EMPTY;
    String schemaUrl = "";
    List<ScopePart> scopes = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "resource" -> resourceAttributes = resource();
        case "scopeMetrics", "scope_metrics" -> {
          if (beginArray(field)) {
            while (p.nextToken() != JsonToken.END_ARRAY) scopes.add(scopeMetrics());
          }
        }
        case "schemaUrl", "schema_url" -> schemaUrl = string(field);
        default -> p.skipChildren();
      }
    }
    Resource resource = new Resource(resourceAttributes, schemaUrl);
    List<MetricFamily> out = new ArrayList<>();
    for (ScopePart s : scopes) {
      Scope scope = new Scope(s.name, s.version, s.attributes, s.schemaUrl);
      for (MetricPart m : s.metrics) {
        if (m.data == SKIPPED) continue;
        if (m.data == null) {
          diagnostics.loss(
              "otlp-metric-without-data",
              "OTLP metrics without data (no gauge, sum, histogram or summary) skipped");
          continue;
        }
        out.add(OtlpReadMapping.family(
            m.name, m.description, m.unit, resource, scope, m.data, m.metadata,
            reason -> error(m.at, reason)));
      }
    }
    return out;
  }

  private Attributes resource() throws IOException {
    Attributes attributes = Attributes.EMPTY;
    if (!beginObject("resource")) return attributes;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if (field.equals("attributes")) {
        attributes = attributes(field);
      } else {
        p.skipChildren();
      }
    }
    return attributes;
  }

  private ScopePart scopeMetrics() throws IOException {
    expectObject("scopeMetrics element");
    String name = "";
    String version = "";
    Attributes attributes = Attributes.EMPTY;
    String schemaUrl = "";
    List<MetricPart> metrics = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "scope" -> {
          if (beginObject(field)) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String scopeField = p.currentName();
              p.nextToken();
              switch (scopeField) {
                case "name" -> name = string(scopeField);
                case "version" -> version = string(scopeField);
                case "attributes" -> attributes = attributes(scopeField);
                default -> p.skipChildren();
              }
            }
          }
        }
        case "metrics" -> {
          if (beginArray(field)) {
            while (p.nextToken() != JsonToken.END_ARRAY) metrics.add(metric());
          }
        }
        case "schemaUrl", "schema_url" -> schemaUrl = string(field);
        default -> p.skipChildren();
      }
    }
    return new ScopePart(name, version, attributes, schemaUrl, metrics);
  }

  private MetricPart metric() throws IOException {
    expectObject("metrics element");
    JsonLocation at = p.currentTokenLocation();
    String name = "";
    String description = "";
    String unit = "";
    MetricData data = null;
    List<Attribute> metadata = List.of();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      MetricData read = null;
      switch (field) {
        case "name" -> name = string(field);
        case "description" -> description = string(field);
        case "unit" -> unit = string(field);
        case "metadata" -> metadata = keyValues(field);
        case "gauge" -> read = numberData(field, /* sum= */ false);
        case "sum" -> read = numberData(field, /* sum= */ true);
        case "histogram" -> read = histogram(field);
        case "exponentialHistogram", "exponential_histogram" -> read = exponentialHistogram(field);
        case "summary" -> read = summary(field);
        default -> p.skipChildren();
      }
      if (read != null) {
        if (data != null) {
          throw error(p.currentTokenLocation(), "metric '" + name + "' has more than one data"
              + " field (gauge, sum, histogram, exponentialHistogram, summary); expected one");
        }
        data = read;
      }
    }
    return new MetricPart(name, description, unit, data, metadata, at);
  }

  // ---- data ----

  private MetricData numberData(String field, boolean sum) throws IOException {
    if (!beginObject(field)) return null;
    DataPart<NumberPoint> data = dataPart(this::numberPoint, /* hasMonotonic= */ sum);
    if (!sum) return new Gauge(data.points());
    if (invalidTemporality(data)) return SKIPPED;
    return new Sum(temporality(data.temporality(), data.temporalityAt()), data.monotonic(),
        data.points());
  }

  /** In lenient mode, a temporality no enum value has skips the metric's points (counted). */
  private boolean invalidTemporality(DataPart<?> data) {
    if (!skipInvalid || data.temporality() >= 0 && data.temporality() <= 2) return false;
    skipped("unknown aggregation temporality " + data.temporality(), data.points().size());
    return true;
  }

  /** Reads one data point; the parser is on its START_OBJECT. */
  @FunctionalInterface
  private interface PointReader<P> {
    P read() throws IOException;
  }

  /** The fields a sum, gauge or (exponential) histogram object shares around its points. */
  private record DataPart<P>(
      List<P> points, int temporality, JsonLocation temporalityAt, boolean monotonic) {}

  /**
   * Reads the rest of a data object: {@code dataPoints} with {@code point}, the temporality, and
   * {@code isMonotonic} where the type has it (elsewhere it is an unknown field, skipped).
   */
  private <P> DataPart<P> dataPart(PointReader<P> point, boolean hasMonotonic) throws IOException {
    int temporality = 0;
    boolean monotonic = false;
    JsonLocation temporalityAt = p.currentTokenLocation();
    List<P> points = List.of();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "dataPoints", "data_points" -> {
          points = new ArrayList<>();
          if (beginArray(f)) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
              P read = skipInvalid ? lenient(point) : point.read();
              if (read != null) points.add(read);
            }
          }
        }
        case "aggregationTemporality", "aggregation_temporality" -> {
          temporalityAt = p.currentTokenLocation();
          try {
            temporality = temporality(f);
          } catch (MetricParseException e) {
            if (!skipInvalid) throw e;
            temporality = -1;
          }
        }
        case "isMonotonic", "is_monotonic" -> {
          if (hasMonotonic) monotonic = bool(f);
          else p.skipChildren();
        }
        default -> p.skipChildren();
      }
    }
    return new DataPart<>(points, temporality, temporalityAt, monotonic);
  }

  /**
   * Reads one point; when it is invalid, counts it, moves past its closing brace and returns null.
   * Only errors in the point's content are skipped: malformed JSON still fails.
   */
  private <P> P lenient(PointReader<P> point) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      skipped("a dataPoints element is not an object", 1);
      return null;
    }
    // On START_OBJECT the context is already the point's; its parent is the array.
    JsonStreamContext array = p.getParsingContext().getParent();
    try {
      return point.read();
    } catch (MetricParseException e) {
      while (!(p.currentToken() == JsonToken.END_OBJECT && p.getParsingContext() == array)) {
        if (p.nextToken() == null) throw e;
      }
      skipped(e.getMessage(), 1);
      return null;
    }
  }

  private NumberPoint numberPoint() throws IOException {
    expectObject("dataPoints element");
    JsonLocation at = p.currentTokenLocation();
    Attributes attributes = Attributes.EMPTY;
    long start = 0;
    long time = 0;
    NumberValue value = null;
    List<Exemplar> exemplars = List.of();
    int flags = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "attributes" -> attributes = attributes(f);
        case "startTimeUnixNano", "start_time_unix_nano" -> start = uint64(f);
        case "timeUnixNano", "time_unix_nano" -> time = uint64(f);
        case "asDouble", "as_double" -> value = p.currentToken() == JsonToken.VALUE_NULL ? value
            : NumberValue.ofDouble(dbl(f));
        case "asInt", "as_int" -> value = p.currentToken() == JsonToken.VALUE_NULL ? value
            : NumberValue.ofLong(int64(f));
        case "exemplars" -> exemplars = exemplars(f);
        case "flags" -> flags = uint32(f);
        default -> p.skipChildren();
      }
    }
    if (value == null) {
      if ((flags & Point.FLAG_NO_RECORDED_VALUE) == 0) {
        throw error(at, "number data point has neither asDouble nor asInt (and is not flagged"
            + " NO_RECORDED_VALUE)");
      }
      value = NumberValue.ofDouble(0);
    }
    return new NumberPoint(attributes, start, time, value, exemplars, flags);
  }

  private MetricData histogram(String field) throws IOException {
    if (!beginObject(field)) return null;
    DataPart<HistogramPoint> data = dataPart(this::histogramPoint, /* hasMonotonic= */ false);
    if (invalidTemporality(data)) return SKIPPED;
    return new Histogram(temporality(data.temporality(), data.temporalityAt()), data.points());
  }

  private HistogramPoint histogramPoint() throws IOException {
    expectObject("dataPoints element");
    JsonLocation at = p.currentTokenLocation();
    Attributes attributes = Attributes.EMPTY;
    long start = 0;
    long time = 0;
    long count = 0;
    OptionalDouble sum = OptionalDouble.empty();
    OptionalDouble min = OptionalDouble.empty();
    OptionalDouble max = OptionalDouble.empty();
    long[] counts = new long[0];
    double[] bounds = new double[0];
    List<Exemplar> exemplars = List.of();
    int flags = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "attributes" -> attributes = attributes(f);
        case "startTimeUnixNano", "start_time_unix_nano" -> start = uint64(f);
        case "timeUnixNano", "time_unix_nano" -> time = uint64(f);
        case "count" -> count = uint64(f);
        case "sum" -> sum = optionalDouble(f);
        case "min" -> min = optionalDouble(f);
        case "max" -> max = optionalDouble(f);
        case "bucketCounts", "bucket_counts" -> counts = uint64Array(f);
        case "explicitBounds", "explicit_bounds" -> bounds = doubleArray(f);
        case "exemplars" -> exemplars = exemplars(f);
        case "flags" -> flags = uint32(f);
        default -> p.skipChildren();
      }
    }
    try {
      return new HistogramPoint(
          attributes, start, time, count, sum, bounds, counts, min, max, exemplars, flags);
    } catch (IllegalArgumentException e) {
      throw error(at, "invalid histogram data point: " + e.getMessage());
    }
  }

  private MetricData exponentialHistogram(String field) throws IOException {
    if (!beginObject(field)) return null;
    DataPart<ExponentialHistogramPoint> data =
        dataPart(this::exponentialPoint, /* hasMonotonic= */ false);
    if (invalidTemporality(data)) return SKIPPED;
    return new ExponentialHistogram(
        temporality(data.temporality(), data.temporalityAt()), data.points());
  }

  private ExponentialHistogramPoint exponentialPoint() throws IOException {
    expectObject("dataPoints element");
    JsonLocation at = p.currentTokenLocation();
    Attributes attributes = Attributes.EMPTY;
    long start = 0;
    long time = 0;
    long count = 0;
    OptionalDouble sum = OptionalDouble.empty();
    OptionalDouble min = OptionalDouble.empty();
    OptionalDouble max = OptionalDouble.empty();
    int scale = 0;
    long zeroCount = 0;
    double zeroThreshold = 0;
    ExponentialBuckets positive = ExponentialBuckets.EMPTY;
    ExponentialBuckets negative = ExponentialBuckets.EMPTY;
    List<Exemplar> exemplars = List.of();
    int flags = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "attributes" -> attributes = attributes(f);
        case "startTimeUnixNano", "start_time_unix_nano" -> start = uint64(f);
        case "timeUnixNano", "time_unix_nano" -> time = uint64(f);
        case "count" -> count = uint64(f);
        case "sum" -> sum = optionalDouble(f);
        case "min" -> min = optionalDouble(f);
        case "max" -> max = optionalDouble(f);
        case "scale" -> scale = int32(f);
        case "zeroCount", "zero_count" -> zeroCount = uint64(f);
        case "zeroThreshold", "zero_threshold" -> zeroThreshold = dbl(f);
        case "positive" -> positive = buckets(f);
        case "negative" -> negative = buckets(f);
        case "exemplars" -> exemplars = exemplars(f);
        case "flags" -> flags = uint32(f);
        default -> p.skipChildren();
      }
    }
    try {
      return new ExponentialHistogramPoint(
          attributes, start, time, count, sum, scale, zeroCount, zeroThreshold, positive,
          negative, min, max, exemplars, flags);
    } catch (IllegalArgumentException e) {
      throw error(at, "invalid exponential histogram data point: " + e.getMessage());
    }
  }

  private ExponentialBuckets buckets(String field) throws IOException {
    if (!beginObject(field)) return ExponentialBuckets.EMPTY;
    int offset = 0;
    long[] counts = new long[0];
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "offset" -> offset = int32(f);
        case "bucketCounts", "bucket_counts" -> counts = uint64Array(f);
        default -> p.skipChildren();
      }
    }
    return new ExponentialBuckets(offset, counts);
  }

  private MetricData summary(String field) throws IOException {
    if (!beginObject(field)) return null;
    List<SummaryPoint> points = List.of();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      if (f.equals("dataPoints") || f.equals("data_points")) {
        points = new ArrayList<>();
        if (beginArray(f)) {
          while (p.nextToken() != JsonToken.END_ARRAY) points.add(summaryPoint());
        }
      } else {
        p.skipChildren();
      }
    }
    return new Summary(points);
  }

  private SummaryPoint summaryPoint() throws IOException {
    expectObject("dataPoints element");
    JsonLocation at = p.currentTokenLocation();
    Attributes attributes = Attributes.EMPTY;
    long start = 0;
    long time = 0;
    long count = 0;
    double sum = 0;
    List<Quantile> quantiles = new ArrayList<>();
    int flags = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "attributes" -> attributes = attributes(f);
        case "startTimeUnixNano", "start_time_unix_nano" -> start = uint64(f);
        case "timeUnixNano", "time_unix_nano" -> time = uint64(f);
        case "count" -> count = uint64(f);
        case "sum" -> sum = dbl(f);
        case "quantileValues", "quantile_values" -> {
          quantiles.clear();
          if (beginArray(f)) {
            while (p.nextToken() != JsonToken.END_ARRAY) quantiles.add(quantile());
          }
        }
        case "flags" -> flags = uint32(f);
        default -> p.skipChildren();
      }
    }
    try {
      return new SummaryPoint(attributes, start, time, OptionalLong.of(count),
          OptionalDouble.of(sum), quantiles, flags);
    } catch (IllegalArgumentException e) {
      throw error(at, "invalid summary data point: " + e.getMessage());
    }
  }

  private Quantile quantile() throws IOException {
    expectObject("quantileValues element");
    JsonLocation at = p.currentTokenLocation();
    double quantile = 0;
    double value = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "quantile" -> quantile = dbl(f);
        case "value" -> value = dbl(f);
        default -> p.skipChildren();
      }
    }
    try {
      return new Quantile(quantile, value);
    } catch (IllegalArgumentException e) {
      throw error(at, "invalid summary quantile: " + e.getMessage());
    }
  }

  private List<Exemplar> exemplars(String field) throws IOException {
    if (!beginArray(field)) return List.of();
    List<Exemplar> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      expectObject("exemplars element");
      Attributes attributes = Attributes.EMPTY;
      long time = 0;
      // An exemplar without a value still says which trace was sampled; keep it as 0.
      NumberValue value = NumberValue.ofDouble(0);
      String traceId = "";
      String spanId = "";
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        p.nextToken();
        switch (f) {
          case "filteredAttributes", "filtered_attributes" -> attributes = attributes(f);
          case "timeUnixNano", "time_unix_nano" -> time = uint64(f);
          case "asDouble", "as_double" -> value = p.currentToken() == JsonToken.VALUE_NULL ? value
              : NumberValue.ofDouble(dbl(f));
          case "asInt", "as_int" -> value = p.currentToken() == JsonToken.VALUE_NULL ? value
              : NumberValue.ofLong(int64(f));
          case "traceId", "trace_id" -> traceId = OtlpReadMapping.hexId(
              string(f), OtlpReadMapping.TRACE_ID_BYTES, "exemplar traceId", this::error);
          case "spanId", "span_id" -> spanId = OtlpReadMapping.hexId(
              string(f), OtlpReadMapping.SPAN_ID_BYTES, "exemplar spanId", this::error);
          default -> p.skipChildren();
        }
      }
      out.add(new Exemplar(attributes, value, time, traceId, spanId));
    }
    return out;
  }

  // ---- attributes ----

  private Attributes attributes(String field) throws IOException {
    JsonLocation at = p.currentTokenLocation();
    List<Attribute> list = keyValues(field);
    return OtlpReadMapping.attributes(list, field, reason -> error(at, reason));
  }

  private List<Attribute> keyValues(String field) throws IOException {
    if (!beginArray(field)) return List.of();
    List<Attribute> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      expectObject(field + " element");
      String key = "";
      AttributeValue value = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        p.nextToken();
        switch (f) {
          case "key" -> key = string(f);
          case "value" -> value = anyValue();
          default -> p.skipChildren();
        }
      }
      out.add(new Attribute(key, value == null ? new AttributeValue.StringValue("") : value));
    }
    return out;
  }

  /** Every AnyValue kind; an empty value (or a profiles-only string index) reads as "". */
  private AttributeValue anyValue() throws IOException {
    AttributeValue value = null;
    if (!beginObject("value")) return new AttributeValue.StringValue("");
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken t = p.nextToken();
      if (t == JsonToken.VALUE_NULL) continue;
      switch (f) {
        case "stringValue", "string_value" -> value = new AttributeValue.StringValue(string(f));
        case "boolValue", "bool_value" -> value = new AttributeValue.BoolValue(bool(f));
        case "intValue", "int_value" -> value = new AttributeValue.LongValue(int64(f));
        case "doubleValue", "double_value" -> value = new AttributeValue.DoubleValue(dbl(f));
        case "bytesValue", "bytes_value" -> value = new AttributeValue.BytesValue(base64(f));
        case "arrayValue", "array_value" -> {
          List<AttributeValue> values = new ArrayList<>();
          if (beginObject(f)) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String af = p.currentName();
              p.nextToken();
              if (af.equals("values") && beginArray(af)) {
                while (p.nextToken() != JsonToken.END_ARRAY) values.add(anyValue());
              } else {
                p.skipChildren();
              }
            }
          }
          value = new AttributeValue.ArrayValue(values);
        }
        case "kvlistValue", "kvlist_value" -> {
          List<Attribute> values = new ArrayList<>();
          if (beginObject(f)) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String kf = p.currentName();
              p.nextToken();
              if (kf.equals("values")) {
                values = keyValues(kf);
              } else {
                p.skipChildren();
              }
            }
          }
          value = new AttributeValue.KeyValueListValue(values);
        }
        default -> p.skipChildren();
      }
    }
    return value == null ? new AttributeValue.StringValue("") : value;
  }

  // ---- scalars ----

  private String string(String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) return p.getText();
    if (t == JsonToken.VALUE_NULL) return "";
    throw wrongType(field, "a string");
  }

  private boolean bool(String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE) return true;
    if (t == JsonToken.VALUE_FALSE || t == JsonToken.VALUE_NULL) return false;
    throw wrongType(field, "true or false");
  }

  /** A signed 64-bit integer as a JSON number or a decimal string. */
  private long int64(String field) throws IOException {
    JsonToken t = p.currentToken();
    try {
      if (t == JsonToken.VALUE_NUMBER_INT) return p.getLongValue();
      if (t == JsonToken.VALUE_STRING) return Long.parseLong(p.getText());
      if (t == JsonToken.VALUE_NULL) return 0;
    } catch (InputCoercionException | NumberFormatException e) {
      throw error("'" + field + "' must be a 64-bit integer, got " + p.getText());
    }
    throw wrongType(field, "an integer (number or string)");
  }

  /**
   * An unsigned 64-bit integer as a JSON number or a decimal string; the model keeps times and
   * counts in a signed long, so values above 2^63-1 are invalid input.
   */
  private long uint64(String field) throws IOException {
    JsonToken t = p.currentToken();
    String text;
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_STRING) {
      text = p.getText();
    } else if (t == JsonToken.VALUE_NULL) {
      return 0;
    } else {
      throw wrongType(field, "an unsigned integer (number or string)");
    }
    long value;
    try {
      value = Long.parseUnsignedLong(text);
    } catch (NumberFormatException e) {
      throw error("'" + field + "' must be an unsigned 64-bit integer, got " + text);
    }
    if (value < 0) throw error("'" + field + "' " + text + " is above 2^63-1");
    return value;
  }

  private int int32(String field) throws IOException {
    long v = int64(field);
    if (v != (int) v) throw error("'" + field + "' must be a 32-bit integer, got " + v);
    return (int) v;
  }

  private int uint32(String field) throws IOException {
    long v = int64(field);
    if (v < 0 || v > 0xFFFF_FFFFL) {
      throw error("'" + field + "' must be an unsigned 32-bit integer, got " + v);
    }
    return (int) v;
  }

  private double dbl(String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
      return p.getDoubleValue();
    }
    if (t == JsonToken.VALUE_STRING) {
      String text = p.getText();
      switch (text) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          // proto3 JSON also allows a number in a string; Java's own spellings are not allowed.
          if (!text.isEmpty() && text.chars().allMatch(c -> "0123456789+-.eE".indexOf(c) >= 0)) {
            try {
              return Double.parseDouble(text);
            } catch (NumberFormatException e) {
              // reported below
            }
          }
          throw error("'" + field + "' must be a number, \"NaN\", \"Infinity\" or \"-Infinity\","
              + " got \"" + text + "\"");
      }
    }
    if (t == JsonToken.VALUE_NULL) return 0;
    throw wrongType(field, "a number");
  }

  private OptionalDouble optionalDouble(String field) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) return OptionalDouble.empty();
    return OptionalDouble.of(dbl(field));
  }

  private long[] uint64Array(String field) throws IOException {
    if (!beginArray(field)) return new long[0];
    long[] out = new long[16];
    int n = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (n == out.length) out = java.util.Arrays.copyOf(out, n * 2);
      out[n++] = uint64(field);
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private double[] doubleArray(String field) throws IOException {
    if (!beginArray(field)) return new double[0];
    double[] out = new double[16];
    int n = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (n == out.length) out = java.util.Arrays.copyOf(out, n * 2);
      out[n++] = dbl(field);
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private byte[] base64(String field) throws IOException {
    String text = string(field);
    try {
      // proto3 JSON accepts standard and URL-safe base64, with or without padding.
      return text.indexOf('-') >= 0 || text.indexOf('_') >= 0
          ? Base64.getUrlDecoder().decode(text)
          : Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw error("'" + field + "' must be base64: " + e.getMessage());
    }
  }

  /** An enum number, or leniently its name; the caller checks the range. */
  private int temporality(String field) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      int number = OtlpReadMapping.temporalityNumber(p.getText());
      if (number < 0) {
        throw error("unknown aggregation temporality \"" + p.getText() + "\"; expected 0, 1, 2"
            + " or AGGREGATION_TEMPORALITY_{UNSPECIFIED,DELTA,CUMULATIVE}");
      }
      return number;
    }
    if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) return int32(field);
    if (p.currentToken() == JsonToken.VALUE_NULL) return 0;
    throw wrongType(field, "an enum number");
  }

  private AggregationTemporality temporality(int number, JsonLocation at)
      throws MetricParseException {
    return OtlpReadMapping.temporality(number, reason -> error(at, reason));
  }

  // ---- structure ----

  private void expectObject(String what) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw error("expected an object for " + what + ", got " + describe(p.currentToken()));
    }
  }

  /** True at an object's start; false for null (the default, an empty message). */
  private boolean beginObject(String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) return true;
    if (t == JsonToken.VALUE_NULL) return false;
    throw wrongType(field, "an object");
  }

  /** True at an array's start; false for null (an empty list). */
  private boolean beginArray(String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_ARRAY) return true;
    if (t == JsonToken.VALUE_NULL) return false;
    throw wrongType(field, "an array");
  }

  private MetricParseException wrongType(String field, String expected) {
    return error("expected " + expected + " for '" + field + "', got "
        + describe(p.currentToken()));
  }

  static String describe(JsonToken t) {
    if (t == null) return "the end of the input";
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      case END_OBJECT -> "'}'";
      case END_ARRAY -> "']'";
      case FIELD_NAME -> "a field name";
      default -> t.toString();
    };
  }

  private MetricParseException error(String reason) {
    return error(p.currentTokenLocation(), reason);
  }

  MetricParseException error(JsonLocation at, String reason) {
    return new MetricParseException(
        SourcePosition.text(source, at.getLineNr(), at.getColumnNr()), reason);
  }
}
