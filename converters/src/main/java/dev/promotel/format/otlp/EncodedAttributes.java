package dev.promotel.format.otlp;

import dev.promotel.model.Attributes;
import java.io.IOException;

/**
 * Protobuf bodies of attribute-only messages (a {@code Resource}: its repeated {@code attributes}
 * field), kept so that a resource repeated in many {@code ResourceMetrics} is encoded once. A
 * Prometheus input split by instance repeats each resource once per family, interleaved with all
 * the others, so the cache is sized for thousands of targets: a direct-mapped table of {@link
 * #SLOTS} entries chosen by the attributes' (cached) hash; a collision replaces the older entry.
 * Memory: at most {@link #SLOTS} small bodies (a resource is typically under 200 bytes).
 *
 * <p>Example: {@code service.instance.id=h:80, server.address=h, server.port=80} is encoded to
 * bytes on its first use; later uses of equal attributes copy those bytes.
 */
final class EncodedAttributes {
  static final int SLOTS = 64 * 1024;

  private record Entry(int hash, OtlpField field, Attributes attributes, byte[] body) {}

  private final Entry[] entries = new Entry[SLOTS];
  private final ProtoEncoder scratch = new ProtoEncoder(256, null);

  /** The body of a message whose only field is {@code field} holding {@code attributes}. */
  byte[] body(OtlpField field, Attributes attributes) throws IOException {
    int hash = attributes.hashCode();
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    Entry e = entries[slot];
    if (e != null && e.hash == hash && e.field == field
        && (e.attributes == attributes || e.attributes.equals(attributes))) {
      return e.body;
    }
    byte[] body = encode(field, attributes);
    entries[slot] = new Entry(hash, field, attributes, body);
    return body;
  }

  private byte[] encode(OtlpField field, Attributes attributes) throws IOException {
    scratch.truncate(0);
    OtlpMessages.attributes(scratch, field, attributes);
    return scratch.copy(0);
  }
}
