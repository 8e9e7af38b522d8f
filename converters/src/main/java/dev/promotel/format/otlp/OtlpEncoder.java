package dev.promotel.format.otlp;

import dev.promotel.model.AttributeValue;
import dev.promotel.model.Attributes;
import java.io.IOException;

/**
 * The target of {@link OtlpMessages}: each message is described once against this class, and the
 * subclasses turn the description into protobuf bytes ({@link ProtoEncoder}) or OTLP JSON ({@link
 * JsonEncoder}).
 *
 * <p>The public-in-spirit methods apply proto3 default elision (skip 0, false, "" and empty
 * arrays), as OTel's {@code Serializer} does, and then call the abstract {@code writeX}. Oneof
 * members and {@code optional} fields go through the {@code *Member} methods, which write even
 * zero values, because their presence is information. Messages are opened with {@link
 * #startMessage} (a singular field, always written) or, for each element of a repeated field, with
 * {@link #startElement} between {@link #startRepeated} and {@link #endRepeated}; callers skip empty
 * repeated fields themselves.
 */
abstract class OtlpEncoder {

  final void string(OtlpField field, String value) throws IOException {
    if (!value.isEmpty()) writeString(field, value);
  }

  /**
   * A string that usually comes back as the same instance in the next messages: a family's name,
   * description and unit, written once per target when a Prometheus family is split by target.
   * The protobuf encoder keeps the bytes of the last few.
   */
  void repeatedString(OtlpField field, String value) throws IOException {
    string(field, value);
  }

  /**
   * One element of a repeated KeyValue field whose value is a string: a label, most attributes.
   * The protobuf encoder keeps the bytes of recent ones, by identity (a reader shares the key and
   * value objects of repeated labels).
   */
  void stringKeyValue(OtlpField field, String key, AttributeValue.StringValue value)
      throws IOException {
    OtlpMessages.keyValue(this, field, key, value);
  }

  final void bool(OtlpField field, boolean value) throws IOException {
    if (value) writeBool(field, true);
  }

  /** An enum as its number. */
  final void enumNumber(OtlpField field, int value) throws IOException {
    if (value != 0) writeEnum(field, value);
  }

  final void uint32(OtlpField field, int value) throws IOException {
    if (value != 0) writeUint32(field, value);
  }

  final void sint32(OtlpField field, int value) throws IOException {
    if (value != 0) writeSint32(field, value);
  }

  final void fixed64(OtlpField field, long value) throws IOException {
    if (value != 0) writeFixed64(field, value);
  }

  /** Elides +0.0 only: protobuf-java compares raw bits, so -0.0 is written. */
  final void doubleValue(OtlpField field, double value) throws IOException {
    if (Double.doubleToRawLongBits(value) != 0) writeDouble(field, value);
  }

  /** A trace or span id given as lower-case hex; "" means none. */
  final void id(OtlpField field, String hex) throws IOException {
    if (!hex.isEmpty()) writeId(field, hex);
  }

  final void stringMember(OtlpField field, String value) throws IOException {
    writeString(field, value);
  }

  final void boolMember(OtlpField field, boolean value) throws IOException {
    writeBool(field, value);
  }

  final void int64Member(OtlpField field, long value) throws IOException {
    writeInt64(field, value);
  }

  final void sfixed64Member(OtlpField field, long value) throws IOException {
    writeSfixed64(field, value);
  }

  final void doubleMember(OtlpField field, double value) throws IOException {
    writeDouble(field, value);
  }

  final void bytesMember(OtlpField field, byte[] value) throws IOException {
    writeBytes(field, value);
  }

  final void packedFixed64(OtlpField field, long[] values) throws IOException {
    if (values.length > 0) writePackedFixed64(field, values);
  }

  final void packedDouble(OtlpField field, double[] values) throws IOException {
    if (values.length > 0) writePackedDouble(field, values);
  }

  final void packedUint64(OtlpField field, long[] values) throws IOException {
    if (values.length > 0) writePackedUint64(field, values);
  }

  /**
   * A singular message whose only field is the repeated {@code attributesField} (a Resource). The
   * protobuf encoder overrides it to reuse the encoding of attributes seen before.
   */
  void attributesMessage(OtlpField field, OtlpField attributesField, Attributes attributes)
      throws IOException {
    startMessage(field);
    OtlpMessages.attributes(this, attributesField, attributes);
    endMessage();
  }

  abstract void writeString(OtlpField field, String value) throws IOException;

  abstract void writeBool(OtlpField field, boolean value) throws IOException;

  abstract void writeEnum(OtlpField field, int value) throws IOException;

  abstract void writeUint32(OtlpField field, int value) throws IOException;

  abstract void writeSint32(OtlpField field, int value) throws IOException;

  abstract void writeInt64(OtlpField field, long value) throws IOException;

  abstract void writeFixed64(OtlpField field, long value) throws IOException;

  abstract void writeSfixed64(OtlpField field, long value) throws IOException;

  abstract void writeDouble(OtlpField field, double value) throws IOException;

  abstract void writeBytes(OtlpField field, byte[] value) throws IOException;

  abstract void writeId(OtlpField field, String hex) throws IOException;

  abstract void writePackedFixed64(OtlpField field, long[] values) throws IOException;

  abstract void writePackedDouble(OtlpField field, double[] values) throws IOException;

  abstract void writePackedUint64(OtlpField field, long[] values) throws IOException;

  /** Opens a singular message field. */
  abstract void startMessage(OtlpField field) throws IOException;

  abstract void endMessage() throws IOException;

  /** Opens a non-empty repeated message field (JSON: the key and '['). */
  abstract void startRepeated(OtlpField field) throws IOException;

  abstract void endRepeated() throws IOException;

  /** Opens one element of the repeated field opened last. */
  abstract void startElement(OtlpField field) throws IOException;

  abstract void endElement() throws IOException;
}
