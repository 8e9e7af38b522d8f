package dev.promotel.translate.temporality;

import dev.promotel.model.Attribute;
import dev.promotel.model.AttributeValue;
import dev.promotel.model.Attributes;
import dev.promotel.model.Exemplar;
import dev.promotel.model.ExponentialBuckets;
import dev.promotel.model.ExponentialHistogramPoint;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.Point;
import dev.promotel.model.Quantile;
import dev.promotel.model.SummaryPoint;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A compact binary encoding of data points, for the sorted runs that {@code --order=time} spills to
 * disk: every field of every point type, attributes and exemplars included, so decoding gives an
 * equal point. Not a stable file format; it lives only as long as one run.
 */
final class PointCodec {
  private static final int NUMBER = 0;
  private static final int HISTOGRAM = 1;
  private static final int EXPONENTIAL = 2;
  private static final int SUMMARY = 3;

  private PointCodec() {}

  static void write(DataOutput out, Point p) throws IOException {
    if (p instanceof NumberPoint n) {
      out.writeByte(NUMBER);
      common(out, p);
      out.writeBoolean(n.value().isLong());
      if (n.value().isLong()) out.writeLong(n.value().longValue());
      else out.writeDouble(n.value().doubleValue());
      exemplars(out, n.exemplars());
    } else if (p instanceof HistogramPoint h) {
      out.writeByte(HISTOGRAM);
      common(out, p);
      out.writeLong(h.count());
      optional(out, h.sum());
      optional(out, h.min());
      optional(out, h.max());
      out.writeInt(h.bucketCountsSize());
      for (int i = 0; i < h.bucketCountsSize(); i++) out.writeLong(h.bucketCount(i));
      int bounds = h.bucketCountsSize() == 0 ? 0 : h.bucketCountsSize() - 1;
      for (int i = 0; i < bounds; i++) out.writeDouble(h.explicitBound(i));
      exemplars(out, h.exemplars());
    } else if (p instanceof ExponentialHistogramPoint e) {
      out.writeByte(EXPONENTIAL);
      common(out, p);
      out.writeLong(e.count());
      optional(out, e.sum());
      optional(out, e.min());
      optional(out, e.max());
      out.writeInt(e.scale());
      out.writeLong(e.zeroCount());
      out.writeDouble(e.zeroThreshold());
      buckets(out, e.positive());
      buckets(out, e.negative());
      exemplars(out, e.exemplars());
    } else if (p instanceof SummaryPoint s) {
      out.writeByte(SUMMARY);
      common(out, p);
      out.writeBoolean(s.count().isPresent());
      out.writeLong(s.count().orElse(0));
      optional(out, s.sum());
      out.writeInt(s.quantiles().size());
      for (Quantile q : s.quantiles()) {
        out.writeDouble(q.quantile());
        out.writeDouble(q.value());
      }
    } else {
      throw new AssertionError("unknown point type " + p.getClass());
    }
  }

  static Point read(DataInput in) throws IOException {
    int type = in.readByte();
    Attributes attributes = attributes(in);
    long start = in.readLong();
    long time = in.readLong();
    int flags = in.readInt();
    switch (type) {
      case NUMBER -> {
        NumberValue v = in.readBoolean() ? NumberValue.ofLong(in.readLong())
            : NumberValue.ofDouble(in.readDouble());
        return new NumberPoint(attributes, start, time, v, exemplars(in), flags);
      }
      case HISTOGRAM -> {
        long count = in.readLong();
        OptionalDouble sum = optional(in);
        OptionalDouble min = optional(in);
        OptionalDouble max = optional(in);
        long[] counts = new long[in.readInt()];
        for (int i = 0; i < counts.length; i++) counts[i] = in.readLong();
        double[] bounds = new double[counts.length == 0 ? 0 : counts.length - 1];
        for (int i = 0; i < bounds.length; i++) bounds[i] = in.readDouble();
        return new HistogramPoint(attributes, start, time, count, sum, bounds, counts, min, max,
            exemplars(in), flags);
      }
      case EXPONENTIAL -> {
        long count = in.readLong();
        OptionalDouble sum = optional(in);
        OptionalDouble min = optional(in);
        OptionalDouble max = optional(in);
        int scale = in.readInt();
        long zeroCount = in.readLong();
        double zeroThreshold = in.readDouble();
        ExponentialBuckets pos = buckets(in);
        ExponentialBuckets neg = buckets(in);
        return new ExponentialHistogramPoint(attributes, start, time, count, sum, scale, zeroCount,
            zeroThreshold, pos, neg, min, max, exemplars(in), flags);
      }
      case SUMMARY -> {
        boolean hasCount = in.readBoolean();
        long count = in.readLong();
        OptionalDouble sum = optional(in);
        int n = in.readInt();
        List<Quantile> quantiles = new ArrayList<>(n);
        for (int i = 0; i < n; i++) quantiles.add(new Quantile(in.readDouble(), in.readDouble()));
        return new SummaryPoint(attributes, start, time,
            hasCount ? OptionalLong.of(count) : OptionalLong.empty(), sum, quantiles, flags);
      }
      default -> throw new IOException("corrupt spill record: point type " + type);
    }
  }

  private static void common(DataOutput out, Point p) throws IOException {
    attributes(out, p.attributes());
    out.writeLong(p.startTimeUnixNano());
    out.writeLong(p.timeUnixNano());
    out.writeInt(p.flags());
  }

  private static void optional(DataOutput out, OptionalDouble v) throws IOException {
    out.writeBoolean(v.isPresent());
    if (v.isPresent()) out.writeDouble(v.getAsDouble());
  }

  private static OptionalDouble optional(DataInput in) throws IOException {
    return in.readBoolean() ? OptionalDouble.of(in.readDouble()) : OptionalDouble.empty();
  }

  private static void buckets(DataOutput out, ExponentialBuckets b) throws IOException {
    out.writeInt(b.offset());
    out.writeInt(b.size());
    for (int i = 0; i < b.size(); i++) out.writeLong(b.count(i));
  }

  private static ExponentialBuckets buckets(DataInput in) throws IOException {
    int offset = in.readInt();
    long[] counts = new long[in.readInt()];
    for (int i = 0; i < counts.length; i++) counts[i] = in.readLong();
    return counts.length == 0 ? ExponentialBuckets.EMPTY : new ExponentialBuckets(offset, counts);
  }

  private static void exemplars(DataOutput out, List<Exemplar> exemplars) throws IOException {
    out.writeInt(exemplars.size());
    for (Exemplar e : exemplars) {
      attributes(out, e.filteredAttributes());
      out.writeBoolean(e.value().isLong());
      if (e.value().isLong()) out.writeLong(e.value().longValue());
      else out.writeDouble(e.value().doubleValue());
      out.writeLong(e.timeUnixNano());
      out.writeUTF(e.traceId());
      out.writeUTF(e.spanId());
    }
  }

  private static List<Exemplar> exemplars(DataInput in) throws IOException {
    int n = in.readInt();
    if (n == 0) return List.of();
    List<Exemplar> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Attributes a = attributes(in);
      NumberValue v = in.readBoolean() ? NumberValue.ofLong(in.readLong())
          : NumberValue.ofDouble(in.readDouble());
      out.add(new Exemplar(a, v, in.readLong(), in.readUTF(), in.readUTF()));
    }
    return out;
  }

  static void attributes(DataOutput out, Attributes a) throws IOException {
    out.writeInt(a.size());
    for (int i = 0; i < a.size(); i++) {
      writeString(out, a.key(i));
      value(out, a.value(i));
    }
  }

  static Attributes attributes(DataInput in) throws IOException {
    int n = in.readInt();
    if (n == 0) return Attributes.EMPTY;
    List<Attribute> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) list.add(new Attribute(readString(in), value(in)));
    return Attributes.of(list);
  }

  private static void value(DataOutput out, AttributeValue v) throws IOException {
    if (v instanceof AttributeValue.StringValue s) {
      out.writeByte(0);
      writeString(out, s.value());
    } else if (v instanceof AttributeValue.BoolValue b) {
      out.writeByte(1);
      out.writeBoolean(b.value());
    } else if (v instanceof AttributeValue.LongValue l) {
      out.writeByte(2);
      out.writeLong(l.value());
    } else if (v instanceof AttributeValue.DoubleValue d) {
      out.writeByte(3);
      out.writeDouble(d.value());
    } else if (v instanceof AttributeValue.BytesValue b) {
      out.writeByte(4);
      byte[] bytes = b.value();
      out.writeInt(bytes.length);
      out.write(bytes);
    } else if (v instanceof AttributeValue.ArrayValue a) {
      out.writeByte(5);
      out.writeInt(a.values().size());
      for (AttributeValue e : a.values()) value(out, e);
    } else if (v instanceof AttributeValue.KeyValueListValue kv) {
      out.writeByte(6);
      out.writeInt(kv.values().size());
      for (Attribute e : kv.values()) {
        writeString(out, e.key());
        value(out, e.value());
      }
    } else {
      throw new AssertionError("unknown attribute value " + v);
    }
  }

  private static AttributeValue value(DataInput in) throws IOException {
    int type = in.readByte();
    switch (type) {
      case 0 -> { return new AttributeValue.StringValue(readString(in)); }
      case 1 -> { return new AttributeValue.BoolValue(in.readBoolean()); }
      case 2 -> { return new AttributeValue.LongValue(in.readLong()); }
      case 3 -> { return new AttributeValue.DoubleValue(in.readDouble()); }
      case 4 -> {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new AttributeValue.BytesValue(bytes);
      }
      case 5 -> {
        int n = in.readInt();
        List<AttributeValue> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) values.add(value(in));
        return new AttributeValue.ArrayValue(values);
      }
      case 6 -> {
        int n = in.readInt();
        List<Attribute> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) values.add(new Attribute(readString(in), value(in)));
        return new AttributeValue.KeyValueListValue(values);
      }
      default -> throw new IOException("corrupt spill record: attribute type " + type);
    }
  }

  /** Strings of any length (writeUTF stops at 64 KiB). */
  private static void writeString(DataOutput out, String s) throws IOException {
    byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInput in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }
}
