package dev.promotel.format.otlp;

import dev.promotel.model.Attributes;
import java.io.IOException;

/**
 * Protobuf bodies of attribute-only messages (a {@code Resource}: its repeated {@code attributes}
 * field), kept so that a resource repeated in many {@code ResourceMetrics} is encoded once. A
 * Prometheus input split by instance repeats each resource once per family, interleaved with all
 * the others, so the cache is sized for thousands of targets: a table of {@link #SLOTS} entries
 * chosen by the attributes' (cached) hash, two ways per pair of slots, so that two resources of
 * one pair that keep alternating (as every target does in such an input) both stay; a third one
 * replaces the older. Memory: at most {@link #SLOTS} small bodies (a resource is
 * typically under 200 bytes).
 *
 * <p>Example: {@code service.instance.id=h:80, server.address=h, server.port=80} is encoded to
 * bytes on its first use; later uses of equal attributes copy those bytes.
 */
final class EncodedAttributes {
  private static final int SLOT_BITS = 16;
  static final int SLOTS = 1 << SLOT_BITS;

  private record Entry(int hash, OtlpField field, Attributes attributes, byte[] body) {
    boolean holds(int otherHash, OtlpField otherField, Attributes other) {
      return hash == otherHash && field == otherField
          && (attributes == other || attributes.equals(other));
    }
  }

  private final Entry[] entries = new Entry[SLOTS];
  private final ProtoEncoder scratch = new ProtoEncoder(256, null);
  private long encodings;

  /** The body of a message whose only field is {@code field} holding {@code attributes}. */
  byte[] body(OtlpField field, Attributes attributes) throws IOException {
    int hash = attributes.hashCode();
    int slot = slot(hash);
    Entry first = entries[slot];
    if (first != null && first.holds(hash, field, attributes)) return first.body;
    Entry second = entries[slot ^ 1];
    if (second != null && second.holds(hash, field, attributes)) return second.body;
    byte[] body = encode(field, attributes);
    Entry entry = new Entry(hash, field, attributes, body);
    if (first == null) {
      entries[slot] = entry;
    } else if (second == null) {
      entries[slot ^ 1] = entry;
    } else {
      entries[slot ^ 1] = first; // the previous occupant moves aside, the older one leaves
      entries[slot] = entry;
    }
    return body;
  }

  /**
   * Fibonacci hashing: the resources of a federation dump differ in one counter-like value
   * (host-000123, host-000124, …), so their hashes form an arithmetic progression, which the low
   * bits of the hash map onto a few slots; the top bits of the product spread it.
   */
  static int slot(int hash) {
    return (hash * 0x9E3779B9) >>> (Integer.SIZE - SLOT_BITS);
  }

  /** How many bodies were encoded rather than found: for tests. */
  long encodings() {
    return encodings;
  }

  private byte[] encode(OtlpField field, Attributes attributes) throws IOException {
    encodings++;
    scratch.truncate(0);
    OtlpMessages.attributes(scratch, field, attributes);
    return scratch.copy(0);
  }
}
