package dev.promotel.format.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.promotel.format.otlp.OtlpReaderFixtures.Encoding;
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
import dev.promotel.model.PromMetadata;
import dev.promotel.model.PromType;
import dev.promotel.model.Quantile;
import dev.promotel.model.Resource;
import dev.promotel.model.Scope;
import dev.promotel.model.Sum;
import dev.promotel.model.Summary;
import dev.promotel.model.SummaryPoint;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random requests built with the generated classes, covering every data type, AnyValue kind and
 * exemplar shape, read back from every encoding: the families equal a direct conversion of the
 * generated message (written here, independently of the readers).
 */
class OtlpReaderPropertyTest {

  @Property(tries = 150)
  void everyEncodingOfARandomRequestReadsAsItsDirectConversion(
      @ForAll("requests") List<ExportMetricsServiceRequest> requests) throws IOException {
    List<MetricFamily> expected = new ArrayList<>();
    for (ExportMetricsServiceRequest r : requests) expected.addAll(convert(r));

    for (Encoding encoding : Encoding.values()) {
      byte[] bytes = OtlpReaderFixtures.encode(requests, encoding);
      assertThat(OtlpReaderFixtures.read(bytes, encoding))
          .as("%s", encoding)
          .containsExactlyElementsOf(expected);
    }
  }

  @Provide
  Arbitrary<List<ExportMetricsServiceRequest>> requests() {
    return Arbitraries.randomValue(random -> {
      List<ExportMetricsServiceRequest> out = new ArrayList<>();
      int n = 1 + random.nextInt(3);
      for (int i = 0; i < n; i++) out.add(request(random));
      return out;
    });
  }

  // ---- generator ----

  private static final String[] CHARS = {
    "a", "b", "Z", "0", "9", "_", ".", " ", "é", "ß", "😀", "\"", "\\", "\n", "\t", "/", "{", "日"
  };

  private static String text(Random r, int max) {
    StringBuilder s = new StringBuilder();
    int n = r.nextInt(max + 1);
    for (int i = 0; i < n; i++) s.append(CHARS[r.nextInt(CHARS.length)]);
    return s.toString();
  }

  private static long time(Random r) {
    return r.nextInt(4) == 0 ? 0 : r.nextLong() & Long.MAX_VALUE;
  }

  private static double dbl(Random r) {
    return switch (r.nextInt(8)) {
      case 0 -> Double.NaN;
      case 1 -> Double.POSITIVE_INFINITY;
      case 2 -> Double.NEGATIVE_INFINITY;
      case 3 -> -0.0;
      case 4 -> r.nextInt(100);
      case 5 -> Double.longBitsToDouble(r.nextLong() & 0x7FEFFFFFFFFFFFFFL);
      default -> r.nextGaussian() * 1e6;
    };
  }

  private static double finite(Random r) {
    return r.nextInt(3) == 0 ? r.nextInt(50) : r.nextGaussian() * 1e3;
  }

  private static ExportMetricsServiceRequest request(Random r) {
    ExportMetricsServiceRequest.Builder b = ExportMetricsServiceRequest.newBuilder();
    int resources = r.nextInt(3);
    for (int i = 0; i < resources; i++) {
      ResourceMetrics.Builder rm = ResourceMetrics.newBuilder()
          .setResource(io.opentelemetry.proto.resource.v1.Resource.newBuilder()
              .addAllAttributes(attributes(r, 3)));
      if (r.nextBoolean()) rm.setSchemaUrl("https://opentelemetry.io/schemas/1." + r.nextInt(30));
      int scopes = r.nextInt(3);
      for (int s = 0; s < scopes; s++) {
        ScopeMetrics.Builder sm = ScopeMetrics.newBuilder().setScope(
            InstrumentationScope.newBuilder().setName(text(r, 6)).setVersion(text(r, 3))
                .addAllAttributes(attributes(r, 2)));
        if (r.nextBoolean()) sm.setSchemaUrl(text(r, 4));
        int metrics = r.nextInt(4);
        for (int m = 0; m < metrics; m++) sm.addMetrics(metric(r, m));
        rm.addScopeMetrics(sm);
      }
      b.addResourceMetrics(rm);
    }
    return b.build();
  }

  private static List<KeyValue> attributes(Random r, int max) {
    List<KeyValue> out = new ArrayList<>();
    int n = r.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      // Unique keys: the model (and OTLP) require each key once per set.
      out.add(KeyValue.newBuilder().setKey("k" + i + text(r, 3)).setValue(anyValue(r, 2)).build());
    }
    return out;
  }

  private static AnyValue anyValue(Random r, int depth) {
    AnyValue.Builder v = AnyValue.newBuilder();
    switch (r.nextInt(depth > 0 ? 8 : 6)) {
      case 0 -> v.setStringValue(text(r, 8));
      case 1 -> v.setBoolValue(r.nextBoolean());
      case 2 -> v.setIntValue(r.nextLong());
      case 3 -> v.setDoubleValue(dbl(r));
      case 4 -> {
        byte[] bytes = new byte[r.nextInt(6)];
        r.nextBytes(bytes);
        v.setBytesValue(ByteString.copyFrom(bytes));
      }
      case 5 -> { } // an empty AnyValue
      case 6 -> {
        ArrayValue.Builder a = ArrayValue.newBuilder();
        int n = r.nextInt(3);
        for (int i = 0; i < n; i++) a.addValues(anyValue(r, depth - 1));
        v.setArrayValue(a);
      }
      default -> {
        KeyValueList.Builder kv = KeyValueList.newBuilder();
        int n = r.nextInt(3);
        for (int i = 0; i < n; i++) {
          kv.addValues(KeyValue.newBuilder().setKey(text(r, 3)).setValue(anyValue(r, depth - 1)));
        }
        v.setKvlistValue(kv);
      }
    }
    return v.build();
  }

  private static Metric metric(Random r, int index) {
    Metric.Builder m = Metric.newBuilder().setName("m" + index + text(r, 5))
        .setDescription(text(r, 10)).setUnit(text(r, 2));
    int temporality = r.nextInt(3);
    int points = r.nextInt(4);
    switch (r.nextInt(11)) {
      case 0, 1 -> {
        var g = io.opentelemetry.proto.metrics.v1.Gauge.newBuilder();
        for (int i = 0; i < points; i++) g.addDataPoints(numberPoint(r, i));
        m.setGauge(g);
      }
      case 2, 3 -> {
        var s = io.opentelemetry.proto.metrics.v1.Sum.newBuilder()
            .setAggregationTemporalityValue(temporality).setIsMonotonic(r.nextBoolean());
        for (int i = 0; i < points; i++) s.addDataPoints(numberPoint(r, i));
        m.setSum(s);
      }
      case 4, 5 -> {
        var h = io.opentelemetry.proto.metrics.v1.Histogram.newBuilder()
            .setAggregationTemporalityValue(temporality);
        for (int i = 0; i < points; i++) h.addDataPoints(histogramPoint(r, i));
        m.setHistogram(h);
      }
      case 6, 7 -> {
        var h = io.opentelemetry.proto.metrics.v1.ExponentialHistogram.newBuilder()
            .setAggregationTemporalityValue(temporality);
        for (int i = 0; i < points; i++) h.addDataPoints(exponentialPoint(r, i));
        m.setExponentialHistogram(h);
      }
      case 8, 9 -> {
        var s = io.opentelemetry.proto.metrics.v1.Summary.newBuilder();
        for (int i = 0; i < points; i++) s.addDataPoints(summaryPoint(r, i));
        m.setSummary(s);
      }
      default -> { } // a metric without data: read as a reported loss, no family
    }
    if (r.nextInt(3) == 0) {
      String type = List.of("counter", "gauge", "histogram", "gaugehistogram", "summary", "info",
          "stateset", "unknown", "unkown", "bogus").get(r.nextInt(10));
      m.addMetadata(KeyValue.newBuilder().setKey("prometheus.type")
          .setValue(AnyValue.newBuilder().setStringValue(type)));
    }
    if (r.nextInt(4) == 0) {
      m.addMetadata(KeyValue.newBuilder().setKey("note").setValue(anyValue(r, 1)));
    }
    return m.build();
  }

  private static List<KeyValue> pointAttributes(Random r, int index) {
    List<KeyValue> out = new ArrayList<>(attributes(r, 2));
    out.add(KeyValue.newBuilder().setKey("series")
        .setValue(AnyValue.newBuilder().setIntValue(index)).build());
    return out;
  }

  private static List<Exemplar> exemplars(Random r) {
    List<Exemplar> out = new ArrayList<>();
    int n = r.nextInt(3);
    for (int i = 0; i < n; i++) {
      Exemplar.Builder e = Exemplar.newBuilder().setTimeUnixNano(time(r))
          .addAllFilteredAttributes(attributes(r, 2));
      switch (r.nextInt(3)) {
        case 0 -> e.setAsDouble(dbl(r));
        case 1 -> e.setAsInt(r.nextLong());
        default -> { } // no value
      }
      if (r.nextBoolean()) {
        byte[] id = new byte[16];
        r.nextBytes(id);
        e.setTraceId(ByteString.copyFrom(id));
      }
      if (r.nextBoolean()) {
        byte[] id = new byte[8];
        r.nextBytes(id);
        e.setSpanId(ByteString.copyFrom(id));
      }
      out.add(e.build());
    }
    return out;
  }

  private static NumberDataPoint numberPoint(Random r, int index) {
    NumberDataPoint.Builder p = NumberDataPoint.newBuilder()
        .addAllAttributes(pointAttributes(r, index))
        .setStartTimeUnixNano(time(r)).setTimeUnixNano(time(r))
        .addAllExemplars(exemplars(r));
    switch (r.nextInt(5)) {
      case 0 -> p.setFlags(1); // NO_RECORDED_VALUE without a value
      case 1, 2 -> p.setAsInt(r.nextLong());
      default -> p.setAsDouble(dbl(r));
    }
    return p.build();
  }

  private static HistogramDataPoint histogramPoint(Random r, int index) {
    HistogramDataPoint.Builder p = HistogramDataPoint.newBuilder()
        .addAllAttributes(pointAttributes(r, index))
        .setStartTimeUnixNano(time(r)).setTimeUnixNano(time(r))
        .setCount(r.nextLong() & Long.MAX_VALUE).setFlags(r.nextInt(2))
        .addAllExemplars(exemplars(r));
    int bounds = r.nextInt(5);
    double bound = r.nextBoolean() ? Double.NEGATIVE_INFINITY : finite(r);
    if (r.nextInt(4) > 0 || bounds == 0) {
      for (int i = 0; i < bounds; i++) {
        p.addExplicitBounds(bound);
        bound = (bound == Double.NEGATIVE_INFINITY ? 0 : bound) + 0.5 + r.nextInt(10);
      }
      for (int i = 0; i <= bounds; i++) p.addBucketCounts(r.nextInt(1000));
    }
    if (r.nextBoolean()) p.setSum(dbl(r));
    if (r.nextBoolean()) p.setMin(dbl(r));
    if (r.nextBoolean()) p.setMax(dbl(r));
    return p.build();
  }

  private static ExponentialHistogramDataPoint exponentialPoint(Random r, int index) {
    ExponentialHistogramDataPoint.Builder p = ExponentialHistogramDataPoint.newBuilder()
        .addAllAttributes(pointAttributes(r, index))
        .setStartTimeUnixNano(time(r)).setTimeUnixNano(time(r))
        .setCount(r.nextInt(100000)).setScale(r.nextInt(13) - 4)
        .setZeroCount(r.nextInt(10)).setZeroThreshold(r.nextBoolean() ? 0 : Math.abs(finite(r)))
        .setFlags(r.nextInt(2)).addAllExemplars(exemplars(r));
    if (r.nextBoolean()) p.setPositive(buckets(r));
    if (r.nextBoolean()) p.setNegative(buckets(r));
    if (r.nextBoolean()) p.setSum(dbl(r));
    if (r.nextBoolean()) p.setMin(dbl(r));
    if (r.nextBoolean()) p.setMax(dbl(r));
    return p.build();
  }

  private static ExponentialHistogramDataPoint.Buckets buckets(Random r) {
    var b = ExponentialHistogramDataPoint.Buckets.newBuilder().setOffset(r.nextInt(41) - 20);
    int n = r.nextInt(5);
    for (int i = 0; i < n; i++) b.addBucketCounts(r.nextInt(50));
    return b.build();
  }

  private static SummaryDataPoint summaryPoint(Random r, int index) {
    SummaryDataPoint.Builder p = SummaryDataPoint.newBuilder()
        .addAllAttributes(pointAttributes(r, index))
        .setStartTimeUnixNano(time(r)).setTimeUnixNano(time(r))
        .setCount(r.nextLong() & Long.MAX_VALUE).setSum(dbl(r)).setFlags(r.nextInt(2));
    double q = 0;
    int n = r.nextInt(4);
    for (int i = 0; i < n && q <= 1; i++) {
      p.addQuantileValues(SummaryDataPoint.ValueAtQuantile.newBuilder().setQuantile(q)
          .setValue(dbl(r)));
      q += 0.25 + r.nextInt(3) * 0.25;
    }
    return p.build();
  }

  // ---- the direct conversion (the oracle) ----

  static List<MetricFamily> convert(ExportMetricsServiceRequest request) {
    List<MetricFamily> out = new ArrayList<>();
    for (ResourceMetrics rm : request.getResourceMetricsList()) {
      Resource resource = new Resource(attrs(rm.getResource().getAttributesList()),
          rm.getSchemaUrl());
      for (ScopeMetrics sm : rm.getScopeMetricsList()) {
        Scope scope = new Scope(sm.getScope().getName(), sm.getScope().getVersion(),
            attrs(sm.getScope().getAttributesList()), sm.getSchemaUrl());
        for (Metric m : sm.getMetricsList()) {
          MetricData data = data(m);
          if (data == null) continue;
          PromMetadata prom = null;
          List<Attribute> metadata = new ArrayList<>();
          for (KeyValue kv : m.getMetadataList()) {
            PromType type = kv.getKey().equals("prometheus.type")
                ? OtlpReadMapping.promType(kv.getValue().getStringValue()) : null;
            if (type != null) {
              prom = new PromMetadata(type, m.getName());
            } else {
              metadata.add(new Attribute(kv.getKey(), value(kv.getValue())));
            }
          }
          out.add(new MetricFamily(m.getName(), m.getDescription(), m.getUnit(), resource, scope,
              data, Attributes.of(metadata), prom));
        }
      }
    }
    return out;
  }

  private static MetricData data(Metric m) {
    return switch (m.getDataCase()) {
      case GAUGE -> new Gauge(m.getGauge().getDataPointsList().stream()
          .map(OtlpReaderPropertyTest::numberPoint).toList());
      case SUM -> new Sum(
          AggregationTemporality.ofNumber(m.getSum().getAggregationTemporalityValue()),
          m.getSum().getIsMonotonic(),
          m.getSum().getDataPointsList().stream().map(OtlpReaderPropertyTest::numberPoint)
              .toList());
      case HISTOGRAM -> new Histogram(
          AggregationTemporality.ofNumber(m.getHistogram().getAggregationTemporalityValue()),
          m.getHistogram().getDataPointsList().stream().map(p -> new HistogramPoint(
              attrs(p.getAttributesList()), p.getStartTimeUnixNano(), p.getTimeUnixNano(),
              p.getCount(), p.hasSum() ? OptionalDouble.of(p.getSum()) : OptionalDouble.empty(),
              p.getExplicitBoundsList().stream().mapToDouble(Double::doubleValue).toArray(),
              p.getBucketCountsList().stream().mapToLong(Long::longValue).toArray(),
              p.hasMin() ? OptionalDouble.of(p.getMin()) : OptionalDouble.empty(),
              p.hasMax() ? OptionalDouble.of(p.getMax()) : OptionalDouble.empty(),
              exemplars(p.getExemplarsList()), p.getFlags())).toList());
      case EXPONENTIAL_HISTOGRAM -> new ExponentialHistogram(
          AggregationTemporality.ofNumber(
              m.getExponentialHistogram().getAggregationTemporalityValue()),
          m.getExponentialHistogram().getDataPointsList().stream().map(p ->
              new ExponentialHistogramPoint(
                  attrs(p.getAttributesList()), p.getStartTimeUnixNano(), p.getTimeUnixNano(),
                  p.getCount(), p.hasSum() ? OptionalDouble.of(p.getSum()) : OptionalDouble.empty(),
                  p.getScale(), p.getZeroCount(), p.getZeroThreshold(),
                  buckets(p.getPositive()), buckets(p.getNegative()),
                  p.hasMin() ? OptionalDouble.of(p.getMin()) : OptionalDouble.empty(),
                  p.hasMax() ? OptionalDouble.of(p.getMax()) : OptionalDouble.empty(),
                  exemplars(p.getExemplarsList()), p.getFlags())).toList());
      case SUMMARY -> new Summary(m.getSummary().getDataPointsList().stream().map(p ->
          new SummaryPoint(attrs(p.getAttributesList()), p.getStartTimeUnixNano(),
              p.getTimeUnixNano(), OptionalLong.of(p.getCount()), OptionalDouble.of(p.getSum()),
              p.getQuantileValuesList().stream()
                  .map(q -> new Quantile(q.getQuantile(), q.getValue())).toList(),
              p.getFlags())).toList());
      case DATA_NOT_SET -> null;
    };
  }

  private static ExponentialBuckets buckets(ExponentialHistogramDataPoint.Buckets b) {
    return new ExponentialBuckets(b.getOffset(),
        b.getBucketCountsList().stream().mapToLong(Long::longValue).toArray());
  }

  private static NumberPoint numberPoint(NumberDataPoint p) {
    NumberValue value = switch (p.getValueCase()) {
      case AS_INT -> NumberValue.ofLong(p.getAsInt());
      case AS_DOUBLE -> NumberValue.ofDouble(p.getAsDouble());
      case VALUE_NOT_SET -> NumberValue.ofDouble(0);
    };
    return new NumberPoint(attrs(p.getAttributesList()), p.getStartTimeUnixNano(),
        p.getTimeUnixNano(), value, exemplars(p.getExemplarsList()), p.getFlags());
  }

  private static List<dev.promotel.model.Exemplar> exemplars(List<Exemplar> in) {
    return in.stream().map(e -> new dev.promotel.model.Exemplar(
        attrs(e.getFilteredAttributesList()),
        switch (e.getValueCase()) {
          case AS_INT -> NumberValue.ofLong(e.getAsInt());
          case AS_DOUBLE -> NumberValue.ofDouble(e.getAsDouble());
          case VALUE_NOT_SET -> NumberValue.ofDouble(0);
        },
        e.getTimeUnixNano(),
        HexFormat.of().formatHex(e.getTraceId().toByteArray()),
        HexFormat.of().formatHex(e.getSpanId().toByteArray()))).toList();
  }

  private static Attributes attrs(List<KeyValue> in) {
    return Attributes.of(in.stream().map(kv -> new Attribute(kv.getKey(), value(kv.getValue())))
        .toList());
  }

  private static AttributeValue value(AnyValue v) {
    return switch (v.getValueCase()) {
      case STRING_VALUE -> AttributeValue.of(v.getStringValue());
      case BOOL_VALUE -> new AttributeValue.BoolValue(v.getBoolValue());
      case INT_VALUE -> new AttributeValue.LongValue(v.getIntValue());
      case DOUBLE_VALUE -> new AttributeValue.DoubleValue(v.getDoubleValue());
      case BYTES_VALUE -> new AttributeValue.BytesValue(v.getBytesValue().toByteArray());
      case ARRAY_VALUE -> new AttributeValue.ArrayValue(
          v.getArrayValue().getValuesList().stream().map(OtlpReaderPropertyTest::value).toList());
      case KVLIST_VALUE -> new AttributeValue.KeyValueListValue(
          v.getKvlistValue().getValuesList().stream()
              .map(kv -> new Attribute(kv.getKey(), value(kv.getValue()))).toList());
      case STRING_VALUE_STRINDEX, VALUE_NOT_SET -> AttributeValue.of("");
    };
  }
}
