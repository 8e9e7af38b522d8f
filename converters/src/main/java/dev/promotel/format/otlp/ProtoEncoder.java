package dev.promotel.format.otlp;

import dev.promotel.model.AttributeValue;
import dev.promotel.model.Attributes;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a description as protobuf bytes in one pass, into a growable buffer. Protobuf puts a
 * message's length before the message, so each message opens with one reserved length byte; when
 * it closes longer than 127 bytes, its body moves right to make room for the longer varint. Small
 * messages (points, attributes) never move and a large one moves once per enclosing level, which
 * costs far less than describing everything twice (a sizing pass, then a writing pass).
 *
 * <p>Fields come out in the order the description gives them, which {@link OtlpMessages} keeps to
 * field-number order, and every varint is minimal, so the bytes equal protobuf-java's own
 * serialisation of the same message (strings included: unpaired surrogates become {@code ?}, as
 * protobuf-java's fallback encoding does).
 *
 * <p>Example: {@code startMessage(Metric.GAUGE)} writes the tag {@code 2a} and a length slot;
 * {@code endMessage()} fills the slot with the body's length.
 */
final class ProtoEncoder extends OtlpEncoder {
  private static final VarHandle LITTLE_ENDIAN_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[] buffer;
  private int position;
  /** Per open message, the position of its length slot. */
  private int[] slots = new int[16];
  private int depth;
  /** Encoded attribute messages; null to encode every one. */
  private final EncodedAttributes encoded;
  /**
   * Encoded bytes of recently written fields that come back as the same objects: a family's name,
   * description and unit ({@link #repeatedString}, no key) and string attributes ({@link
   * #stringKeyValue}), by identity of field, key and value; direct-mapped, a miss replaces.
   */
  private static final int RECENT_BITS = 12;
  private final OtlpField[] recentFields = new OtlpField[1 << RECENT_BITS];
  private final String[] recentKeys = new String[1 << RECENT_BITS];
  private final Object[] recentValues = new Object[1 << RECENT_BITS];
  private final byte[][] recentBytes = new byte[1 << RECENT_BITS][];

  ProtoEncoder(int initialCapacity, EncodedAttributes encoded) {
    this.buffer = new byte[initialCapacity];
    this.encoded = encoded;
  }

  /** How many bytes are written. */
  int size() {
    return position;
  }

  /** Forgets what was written after the first {@code size} bytes. */
  void truncate(int size) {
    if (depth != 0) throw new IllegalStateException("a message is still open");
    position = size;
  }

  /** Sends the bytes written so far to {@code out} and starts over. */
  void drainTo(OutputStream out) throws IOException {
    if (depth != 0) throw new IllegalStateException("a message is still open");
    out.write(buffer, 0, position);
    position = 0;
  }

  /** A copy of the bytes from {@code from} on. */
  byte[] copy(int from) {
    return Arrays.copyOfRange(buffer, from, position);
  }

  /** Appends raw bytes, e.g. a frame prefix or a compressed record. */
  void raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, position, bytes.length);
    position += bytes.length;
  }

  /** Appends {@code value} as 4 big-endian bytes (the Collector file exporter's frame prefix). */
  void u32be(long value) {
    ensure(4);
    putU32be(position, value);
    position += 4;
  }

  /** Overwrites 4 bytes at {@code at} with {@code value}, big-endian. */
  void putU32be(int at, long value) {
    buffer[at] = (byte) (value >>> 24);
    buffer[at + 1] = (byte) (value >>> 16);
    buffer[at + 2] = (byte) (value >>> 8);
    buffer[at + 3] = (byte) value;
  }

  /** Opens a length-delimited run of bytes with no tag (a varint-delimited frame). */
  void startLength() {
    if (depth == slots.length) slots = Arrays.copyOf(slots, depth * 2);
    ensure(1);
    slots[depth++] = position++;
  }

  /** Closes what {@link #startLength} or {@link #startMessage} opened, filling its length. */
  void endLength() {
    int slot = slots[--depth];
    int length = position - slot - 1;
    if (length < 0x80) {
      buffer[slot] = (byte) length;
      return;
    }
    int extra = varint32Size(length) - 1;
    ensure(extra);
    System.arraycopy(buffer, slot + 1, buffer, slot + 1 + extra, length);
    putVarint32(slot, length);
    position += extra;
  }

  @Override
  void attributesMessage(OtlpField field, OtlpField attributesField, Attributes attributes)
      throws IOException {
    if (encoded == null || attributes.isEmpty()) {
      super.attributesMessage(field, attributesField, attributes);
      return;
    }
    byte[] body = encoded.body(attributesField, attributes);
    tag(field);
    varint32(body.length);
    raw(body);
  }

  @Override
  void repeatedString(OtlpField field, String value) {
    if (value.isEmpty()) return;
    int slot = recentSlot(field.number * 31 + value.hashCode());
    if (copiedRecent(slot, field, null, value)) return;
    int start = position;
    writeString(field, value);
    remember(slot, field, null, value, start);
  }

  @Override
  void stringKeyValue(OtlpField field, String key, AttributeValue.StringValue value)
      throws IOException {
    int slot = recentSlot(key.hashCode() * 31 + value.value().hashCode());
    if (copiedRecent(slot, field, key, value)) return;
    int start = position;
    super.stringKeyValue(field, key, value);
    remember(slot, field, key, value, start);
  }

  private static int recentSlot(int hash) {
    return (hash * 0x9E3779B9) >>> (Integer.SIZE - RECENT_BITS);
  }

  /** Appends the remembered bytes of (field, key, value) if the slot holds them. */
  private boolean copiedRecent(int slot, OtlpField field, String key, Object value) {
    if (recentValues[slot] != value || recentKeys[slot] != key || recentFields[slot] != field) {
      return false;
    }
    raw(recentBytes[slot]);
    return true;
  }

  /** Remembers the bytes written since {@code start} as the encoding of (field, key, value). */
  private void remember(int slot, OtlpField field, String key, Object value, int start) {
    recentFields[slot] = field;
    recentKeys[slot] = key;
    recentValues[slot] = value;
    recentBytes[slot] = Arrays.copyOfRange(buffer, start, position);
  }

  @Override
  void writeString(OtlpField field, String value) {
    tag(field);
    int length = value.length();
    // Optimistic: ASCII text (names, label values) is as long in UTF-8 as in chars.
    int lengthSize = varint32Size(length);
    ensure(lengthSize + length);
    int at = position + lengthSize;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        varint32(utf8.length);
        raw(utf8);
        return;
      }
      buffer[at + i] = (byte) c;
    }
    putVarint32(position, length);
    position = at + length;
  }

  @Override
  void writeBool(OtlpField field, boolean value) {
    tag(field);
    ensure(1);
    buffer[position++] = (byte) (value ? 1 : 0);
  }

  @Override
  void writeEnum(OtlpField field, int value) {
    tag(field);
    varint64(value); // int32 on the wire: negative values sign-extend to ten bytes
  }

  @Override
  void writeUint32(OtlpField field, int value) {
    tag(field);
    varint32(value);
  }

  @Override
  void writeSint32(OtlpField field, int value) {
    tag(field);
    varint32((value << 1) ^ (value >> 31));
  }

  @Override
  void writeInt64(OtlpField field, long value) {
    tag(field);
    varint64(value);
  }

  @Override
  void writeFixed64(OtlpField field, long value) {
    tag(field);
    fixed64(value);
  }

  @Override
  void writeSfixed64(OtlpField field, long value) {
    tag(field);
    fixed64(value);
  }

  @Override
  void writeDouble(OtlpField field, double value) {
    tag(field);
    fixed64(Double.doubleToRawLongBits(value));
  }

  @Override
  void writeBytes(OtlpField field, byte[] value) {
    tag(field);
    varint32(value.length);
    raw(value);
  }

  @Override
  void writeId(OtlpField field, String hex) {
    tag(field);
    int length = hex.length() / 2;
    varint32(length);
    ensure(length);
    for (int i = 0; i < length; i++) {
      buffer[position++] = (byte) (Character.digit(hex.charAt(2 * i), 16) << 4
          | Character.digit(hex.charAt(2 * i + 1), 16));
    }
  }

  @Override
  void writePackedFixed64(OtlpField field, long[] values) {
    tag(field);
    varint32(8 * values.length);
    for (long v : values) fixed64(v);
  }

  @Override
  void writePackedDouble(OtlpField field, double[] values) {
    tag(field);
    varint32(8 * values.length);
    for (double v : values) fixed64(Double.doubleToRawLongBits(v));
  }

  @Override
  void writePackedUint64(OtlpField field, long[] values) {
    tag(field);
    startLength();
    for (long v : values) varint64(v);
    endLength();
  }

  @Override
  void startMessage(OtlpField field) {
    tag(field);
    startLength();
  }

  @Override
  void endMessage() {
    endLength();
  }

  @Override
  void startRepeated(OtlpField field) {
    // Protobuf has no array wrapper: each element carries its own tag.
  }

  @Override
  void endRepeated() {}

  @Override
  void startElement(OtlpField field) {
    startMessage(field);
  }

  @Override
  void endElement() {
    endLength();
  }

  // ---------------------------------------------------------------- wire primitives

  private void tag(OtlpField field) {
    varint32(field.tag);
  }

  /** An int as an unsigned varint (negative ints take five bytes, as uint32 does). */
  private void varint32(int value) {
    ensure(5);
    putVarint32(position, value);
    position += varint32Size(value);
  }

  private void putVarint32(int at, int value) {
    while ((value & ~0x7F) != 0) {
      buffer[at++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buffer[at] = (byte) value;
  }

  private void varint64(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      buffer[position++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buffer[position++] = (byte) value;
  }

  private void fixed64(long value) {
    ensure(8);
    LITTLE_ENDIAN_LONG.set(buffer, position, value);
    position += 8;
  }

  static int varint32Size(int value) {
    if ((value & (~0 << 7)) == 0) return 1;
    if ((value & (~0 << 14)) == 0) return 2;
    if ((value & (~0 << 21)) == 0) return 3;
    if ((value & (~0 << 28)) == 0) return 4;
    return 5;
  }

  private void ensure(int more) {
    if (buffer.length - position >= more) return;
    long wanted = Math.max((long) buffer.length * 2, (long) position + more);
    if (wanted > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("an OTLP message exceeds 2 GiB; batches are bounded below that");
    }
    buffer = Arrays.copyOf(buffer, (int) wanted);
  }
}
