package dev.promotel.format.otlp;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes a description as OTLP JSON (opentelemetry-proto {@code docs/specification.md}, "JSON
 * Protobuf Encoding"): lowerCamelCase keys, 64-bit integers as decimal strings (unsigned for
 * fixed64 and uint64), enums as integers, trace and span ids as hex, other bytes as base64, and
 * NaN and ±Infinity as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
 *
 * <p>Example: a gauge point of 1.5 at 1 ns becomes {@code {"timeUnixNano":"1","asDouble":1.5}}.
 */
final class JsonEncoder extends OtlpEncoder {
  private final JsonGenerator json;

  JsonEncoder(JsonGenerator json) {
    this.json = json;
  }

  @Override
  void writeString(OtlpField field, String value) throws IOException {
    json.writeStringField(field.jsonName, value);
  }

  @Override
  void writeBool(OtlpField field, boolean value) throws IOException {
    json.writeBooleanField(field.jsonName, value);
  }

  @Override
  void writeEnum(OtlpField field, int value) throws IOException {
    json.writeNumberField(field.jsonName, value);
  }

  @Override
  void writeUint32(OtlpField field, int value) throws IOException {
    json.writeNumberField(field.jsonName, Integer.toUnsignedLong(value));
  }

  @Override
  void writeSint32(OtlpField field, int value) throws IOException {
    json.writeNumberField(field.jsonName, value);
  }

  @Override
  void writeInt64(OtlpField field, long value) throws IOException {
    json.writeStringField(field.jsonName, Long.toString(value));
  }

  @Override
  void writeFixed64(OtlpField field, long value) throws IOException {
    json.writeStringField(field.jsonName, Long.toUnsignedString(value));
  }

  @Override
  void writeSfixed64(OtlpField field, long value) throws IOException {
    json.writeStringField(field.jsonName, Long.toString(value));
  }

  @Override
  void writeDouble(OtlpField field, double value) throws IOException {
    json.writeFieldName(field.jsonName);
    writeDoubleValue(value);
  }

  private void writeDoubleValue(double value) throws IOException {
    if (Double.isNaN(value)) json.writeString("NaN");
    else if (value == Double.POSITIVE_INFINITY) json.writeString("Infinity");
    else if (value == Double.NEGATIVE_INFINITY) json.writeString("-Infinity");
    else json.writeNumber(value);
  }

  @Override
  void writeBytes(OtlpField field, byte[] value) throws IOException {
    json.writeFieldName(field.jsonName);
    json.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, value, 0, value.length);
  }

  @Override
  void writeId(OtlpField field, String hex) throws IOException {
    json.writeStringField(field.jsonName, hex);
  }

  @Override
  void writePackedFixed64(OtlpField field, long[] values) throws IOException {
    json.writeArrayFieldStart(field.jsonName);
    for (long v : values) json.writeString(Long.toUnsignedString(v));
    json.writeEndArray();
  }

  @Override
  void writePackedDouble(OtlpField field, double[] values) throws IOException {
    json.writeArrayFieldStart(field.jsonName);
    for (double v : values) writeDoubleValue(v);
    json.writeEndArray();
  }

  @Override
  void writePackedUint64(OtlpField field, long[] values) throws IOException {
    writePackedFixed64(field, values);
  }

  @Override
  void startMessage(OtlpField field) throws IOException {
    json.writeObjectFieldStart(field.jsonName);
  }

  @Override
  void endMessage() throws IOException {
    json.writeEndObject();
  }

  @Override
  void startRepeated(OtlpField field) throws IOException {
    json.writeArrayFieldStart(field.jsonName);
  }

  @Override
  void endRepeated() throws IOException {
    json.writeEndArray();
  }

  @Override
  void startElement(OtlpField field) throws IOException {
    json.writeStartObject();
  }

  @Override
  void endElement() throws IOException {
    json.writeEndObject();
  }
}
