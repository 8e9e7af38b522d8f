package dev.promotel.format.otlp;

import com.google.protobuf.CodedOutputStream;
import dev.promotel.model.Attributes;
import java.io.IOException;

/**
 * The second protobuf pass: writes a description as protobuf bytes, taking each message's length
 * prefix from the sizes {@link ProtoSizer} recorded for the same description. Fields come out in
 * the order the description gives them, which {@link OtlpMessages} keeps to field-number order, so
 * the bytes equal protobuf-java's own serialisation of the same message.
 */
final class ProtoEncoder extends OtlpEncoder {
  private final CodedOutputStream out;
  private int[] sizes;
  private int next;
  private final EncodedAttributes encoded;

  /** @param encoded the cache the {@link ProtoSizer} of the same description used, or null */
  ProtoEncoder(CodedOutputStream out, EncodedAttributes encoded) {
    this.out = out;
    this.encoded = encoded;
  }

  /** Takes the sizes of the description about to be written. */
  void useSizes(ProtoSizer sizer) {
    this.sizes = sizer.sizes();
    this.next = 0;
  }

  CodedOutputStream out() {
    return out;
  }

  @Override
  void attributesMessage(OtlpField field, OtlpField attributesField, Attributes attributes)
      throws IOException {
    if (encoded == null || attributes.isEmpty()) {
      super.attributesMessage(field, attributesField, attributes);
      return;
    }
    byte[] body = encoded.body(attributesField, attributes);
    out.writeUInt32NoTag(field.tag);
    out.writeUInt32NoTag(body.length);
    out.writeRawBytes(body);
  }

  @Override
  void writeString(OtlpField field, String value) throws IOException {
    out.writeString(field.number, value);
  }

  @Override
  void writeBool(OtlpField field, boolean value) throws IOException {
    out.writeUInt32NoTag(field.tag);
    out.writeBoolNoTag(value);
  }

  @Override
  void writeEnum(OtlpField field, int value) throws IOException {
    out.writeUInt32NoTag(field.tag);
    out.writeEnumNoTag(value);
  }

  @Override
  void writeUint32(OtlpField field, int value) throws IOException {
    out.writeUInt32NoTag(field.tag);
    out.writeUInt32NoTag(value);
  }

  @Override
  void writeSint32(OtlpField field, int value) throws IOException {
    out.writeUInt32NoTag(field.tag);
    out.writeSInt32NoTag(value);
  }

  @Override
  void writeInt64(OtlpField field, long value) throws IOException {
    out.writeUInt32NoTag(field.tag);
    out.writeInt64NoTag(value);
  }

  @Override
  void writeFixed64(OtlpField field, long value) throws IOException {
    out.writeUInt32NoTag(field.tag);
    out.writeFixed64NoTag(value);
  }

  @Override
  void writeSfixed64(OtlpField field, long value) throws IOException {
    out.writeUInt32NoTag(field.tag);
    out.writeSFixed64NoTag(value);
  }

  @Override
  void writeDouble(OtlpField field, double value) throws IOException {
    out.writeUInt32NoTag(field.tag);
    out.writeDoubleNoTag(value);
  }

  @Override
  void writeBytes(OtlpField field, byte[] value) throws IOException {
    out.writeUInt32NoTag(field.tag);
    out.writeByteArrayNoTag(value);
  }

  @Override
  void writeId(OtlpField field, String hex) throws IOException {
    out.writeUInt32NoTag(field.tag);
    int length = hex.length() / 2;
    out.writeUInt32NoTag(length);
    for (int i = 0; i < length; i++) {
      out.write((byte) (Character.digit(hex.charAt(2 * i), 16) << 4
          | Character.digit(hex.charAt(2 * i + 1), 16)));
    }
  }

  @Override
  void writePackedFixed64(OtlpField field, long[] values) throws IOException {
    out.writeUInt32NoTag(field.tag);
    out.writeUInt32NoTag(8 * values.length);
    for (long v : values) out.writeFixed64NoTag(v);
  }

  @Override
  void writePackedDouble(OtlpField field, double[] values) throws IOException {
    out.writeUInt32NoTag(field.tag);
    out.writeUInt32NoTag(8 * values.length);
    for (double v : values) out.writeDoubleNoTag(v);
  }

  @Override
  void writePackedUint64(OtlpField field, long[] values) throws IOException {
    out.writeUInt32NoTag(field.tag);
    out.writeUInt32NoTag((int) ProtoSizer.packedUint64Size(values));
    for (long v : values) out.writeUInt64NoTag(v);
  }

  @Override
  void startMessage(OtlpField field) throws IOException {
    out.writeUInt32NoTag(field.tag);
    out.writeUInt32NoTag(sizes[next++]);
  }

  @Override
  void endMessage() {}

  @Override
  void startRepeated(OtlpField field) {}

  @Override
  void endRepeated() {}

  @Override
  void startElement(OtlpField field) throws IOException {
    startMessage(field);
  }

  @Override
  void endElement() {}
}
