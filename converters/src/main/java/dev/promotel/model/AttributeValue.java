package dev.promotel.model;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A typed attribute value, as OTLP's {@code AnyValue}. Prometheus label values are the
 * {@link StringValue} case.
 */
public sealed interface AttributeValue {

  /** The value as Prometheus would print it in a label (OTel spec "AnyValue to string"). */
  String asString();

  static AttributeValue of(String value) {
    return new StringValue(value);
  }

  /**
   * Labels are string values: equals and hashCode are written out (with the values the record
   * defaults give) because the defaults are bootstrapped through method handles, which costs a
   * cold command-line start several milliseconds and the JIT extra work.
   */
  record StringValue(String value) implements AttributeValue {
    public StringValue {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String asString() {
      return value;
    }

    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof StringValue other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
      return value.hashCode();
    }
  }

  record BoolValue(boolean value) implements AttributeValue {
    @Override
    public String asString() {
      return Boolean.toString(value);
    }
  }

  /** equals and hashCode written out, as for {@link StringValue}. */
  record LongValue(long value) implements AttributeValue {
    @Override
    public String asString() {
      return Long.toString(value);
    }

    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof LongValue other && value == other.value;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(value);
    }
  }

  record DoubleValue(double value) implements AttributeValue {
    @Override
    public String asString() {
      return Double.toString(value);
    }
  }

  /** Raw bytes; printed as base64 as the OTel spec says for non-string scalars. */
  record BytesValue(byte[] value) implements AttributeValue {
    public BytesValue {
      value = value.clone();
    }

    @Override
    public byte[] value() {
      return value.clone();
    }

    @Override
    public String asString() {
      return java.util.Base64.getEncoder().encodeToString(value);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof BytesValue other && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "BytesValue[" + HexFormat.of().formatHex(value) + "]";
    }
  }

  record ArrayValue(List<AttributeValue> values) implements AttributeValue {
    public ArrayValue {
      values = List.copyOf(values);
    }

    @Override
    public String asString() {
      StringBuilder out = new StringBuilder("[");
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) out.append(',');
        out.append(JsonText.quoteIfString(values.get(i)));
      }
      return out.append(']').toString();
    }
  }

  /** A nested key-value list; keys keep their input order, as OTLP's {@code KeyValueList}. */
  record KeyValueListValue(List<Attribute> values) implements AttributeValue {
    public KeyValueListValue {
      values = List.copyOf(values);
    }

    @Override
    public String asString() {
      StringBuilder out = new StringBuilder("{");
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) out.append(',');
        Attribute a = values.get(i);
        out.append(JsonText.quote(a.key())).append(':').append(JsonText.quoteIfString(a.value()));
      }
      return out.append('}').toString();
    }
  }
}
