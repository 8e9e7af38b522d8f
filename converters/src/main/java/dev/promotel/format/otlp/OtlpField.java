package dev.promotel.format.otlp;

import com.google.protobuf.WireFormat;

/**
 * One field of an OTLP message: its number, wire type, precomputed tag (protobuf), and
 * its lowerCamelCase JSON name. The constants live in {@link OtlpFields}, one place for the whole
 * schema, as OTel's generated {@code ProtoFieldInfo} does.
 */
final class OtlpField {
  final int number;
  final int tag;
  final String jsonName;

  private OtlpField(int number, int wireType, String jsonName) {
    this.number = number;
    this.tag = number << 3 | wireType; // protobuf encoding: field number, then 3 bits of wire type
    this.jsonName = jsonName;
  }

  /** A varint field: bool, enum, int32/int64, uint32/uint64, sint32. */
  static OtlpField varint(int number, String jsonName) {
    return new OtlpField(number, WireFormat.WIRETYPE_VARINT, jsonName);
  }

  /** A fixed64, sfixed64 or double field. */
  static OtlpField fixed64(int number, String jsonName) {
    return new OtlpField(number, WireFormat.WIRETYPE_FIXED64, jsonName);
  }

  /** A string, bytes, message or packed repeated field. */
  static OtlpField delimited(int number, String jsonName) {
    return new OtlpField(number, WireFormat.WIRETYPE_LENGTH_DELIMITED, jsonName);
  }

  @Override
  public String toString() {
    return jsonName + "=" + number;
  }
}
