package dev.promotel.format.otlp;

import com.google.protobuf.CodedOutputStream;
import dev.promotel.model.Attributes;
import java.io.IOException;
import java.util.Arrays;

/**
 * The first protobuf pass: runs a description and records the encoded size of every message it
 * opens, in the order it opens them, so that {@link ProtoEncoder} can write each length prefix
 * before the message (protobuf's lengths come first, as OTel's {@code MarshalerWithSize} computes
 * them up front). {@link #total()} is the size of everything described at the outermost level.
 *
 * <p>Memory: one int per message, for one bounded batch at a time.
 */
final class ProtoSizer extends OtlpEncoder {
  private int[] sizes = new int[256];
  private int sizeCount;
  /** Per open message: the slot of its size and the running total of its parent. */
  private int[] slots = new int[16];
  private long[] parentTotals = new long[16];
  private int depth;
  private int[] tagSizes = new int[16];
  private long total;
  /** Encoded attribute messages shared with the {@link ProtoEncoder}; null for none. */
  private final EncodedAttributes encoded;

  /** @param encoded the cache {@link ProtoEncoder} uses too, or null to size every message */
  ProtoSizer(EncodedAttributes encoded) {
    this.encoded = encoded;
  }

  /** Forgets all sizes, to describe the next batch. */
  void reset() {
    sizeCount = 0;
    depth = 0;
    total = 0;
  }

  long total() {
    return total;
  }

  int[] sizes() {
    return sizes;
  }

  int sizeCount() {
    return sizeCount;
  }

  /**
   * A cached message takes no size slot: {@link ProtoEncoder} writes it from the same cache, under
   * the same condition, without consuming one.
   */
  @Override
  void attributesMessage(OtlpField field, OtlpField attributesField, Attributes attributes)
      throws IOException {
    if (encoded == null || attributes.isEmpty()) {
      super.attributesMessage(field, attributesField, attributes);
      return;
    }
    total += delimitedSize(field, encoded.body(attributesField, attributes).length);
  }

  @Override
  void writeString(OtlpField field, String value) {
    total += CodedOutputStream.computeStringSize(field.number, value);
  }

  @Override
  void writeBool(OtlpField field, boolean value) {
    total += field.tagSize + 1;
  }

  @Override
  void writeEnum(OtlpField field, int value) {
    total += field.tagSize + CodedOutputStream.computeEnumSizeNoTag(value);
  }

  @Override
  void writeUint32(OtlpField field, int value) {
    total += field.tagSize + CodedOutputStream.computeUInt32SizeNoTag(value);
  }

  @Override
  void writeSint32(OtlpField field, int value) {
    total += field.tagSize + CodedOutputStream.computeSInt32SizeNoTag(value);
  }

  @Override
  void writeInt64(OtlpField field, long value) {
    total += field.tagSize + CodedOutputStream.computeInt64SizeNoTag(value);
  }

  @Override
  void writeFixed64(OtlpField field, long value) {
    total += field.tagSize + 8;
  }

  @Override
  void writeSfixed64(OtlpField field, long value) {
    total += field.tagSize + 8;
  }

  @Override
  void writeDouble(OtlpField field, double value) {
    total += field.tagSize + 8;
  }

  @Override
  void writeBytes(OtlpField field, byte[] value) {
    total += delimitedSize(field, value.length);
  }

  @Override
  void writeId(OtlpField field, String hex) {
    total += delimitedSize(field, hex.length() / 2);
  }

  @Override
  void writePackedFixed64(OtlpField field, long[] values) {
    total += delimitedSize(field, 8L * values.length);
  }

  @Override
  void writePackedDouble(OtlpField field, double[] values) {
    total += delimitedSize(field, 8L * values.length);
  }

  @Override
  void writePackedUint64(OtlpField field, long[] values) {
    total += delimitedSize(field, packedUint64Size(values));
  }

  static long packedUint64Size(long[] values) {
    long size = 0;
    for (long v : values) size += CodedOutputStream.computeUInt64SizeNoTag(v);
    return size;
  }

  @Override
  void startMessage(OtlpField field) {
    open(field);
  }

  @Override
  void endMessage() {
    close();
  }

  @Override
  void startRepeated(OtlpField field) {
    // Protobuf has no array wrapper: each element carries its own tag.
  }

  @Override
  void endRepeated() {}

  @Override
  void startElement(OtlpField field) {
    open(field);
  }

  @Override
  void endElement() {
    close();
  }

  private void open(OtlpField field) {
    if (depth == slots.length) {
      slots = Arrays.copyOf(slots, depth * 2);
      parentTotals = Arrays.copyOf(parentTotals, depth * 2);
      tagSizes = Arrays.copyOf(tagSizes, depth * 2);
    }
    if (sizeCount == sizes.length) sizes = Arrays.copyOf(sizes, sizeCount * 2);
    slots[depth] = sizeCount++;
    parentTotals[depth] = total;
    tagSizes[depth] = field.tagSize;
    depth++;
    total = 0;
  }

  private void close() {
    depth--;
    if (total > Integer.MAX_VALUE) {
      throw new IllegalStateException("an OTLP message exceeds 2 GiB; batches are bounded below that");
    }
    int size = (int) total;
    sizes[slots[depth]] = size;
    total = parentTotals[depth] + tagSizes[depth] + CodedOutputStream.computeUInt32SizeNoTag(size) + size;
  }

  private static long delimitedSize(OtlpField field, long length) {
    return field.tagSize + CodedOutputStream.computeUInt32SizeNoTag((int) length) + length;
  }
}
