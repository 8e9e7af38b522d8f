package dev.promotel.format.prometheus;

import dev.promotel.model.Attribute;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Direct-mapped caches from UTF-8 bytes to label names and to whole {@link Attribute}s, so the
 * label names and the many repeated label values of an exposition ({@code job}, {@code
 * instance}, {@code cpu="0"}, {@code le="0.005"}) become one shared object each instead of a new
 * String per line. A slot holds the most recent entry that hashed to it; a miss just replaces it,
 * so memory stays fixed whatever the input's cardinality.
 */
final class LabelCache {
  private static final int NAME_SLOTS = 1 << 10;
  private static final int ATTRIBUTE_SLOTS = 1 << 13;
  /** Longer values are rarely repeated and would only churn the cache. */
  private static final int MAX_CACHED_VALUE_BYTES = 96;

  private final byte[][] nameKeys = new byte[NAME_SLOTS][];
  private final String[] names = new String[NAME_SLOTS];
  private final String[] attributeNames = new String[ATTRIBUTE_SLOTS];
  private final byte[][] attributeValueKeys = new byte[ATTRIBUTE_SLOTS][];
  private final Attribute[] attributes = new Attribute[ATTRIBUTE_SLOTS];

  /** The label name spelled by the valid UTF-8 bytes {@code b[off, off + len)}. */
  String name(byte[] b, int off, int len) {
    int slot = hash(b, off, len) & (NAME_SLOTS - 1);
    byte[] key = nameKeys[slot];
    if (key != null && sameBytes(key, b, off, len)) return names[slot];
    String name = new String(b, off, len, StandardCharsets.UTF_8);
    nameKeys[slot] = Arrays.copyOfRange(b, off, off + len);
    names[slot] = name;
    return name;
  }

  /** The string attribute {@code name="value"} with the value spelled by valid UTF-8 bytes. */
  Attribute attribute(String name, byte[] b, int off, int len) {
    if (len > MAX_CACHED_VALUE_BYTES) {
      return Attribute.of(name, new String(b, off, len, StandardCharsets.UTF_8));
    }
    int slot = (hash(b, off, len) * 31 + name.hashCode()) & (ATTRIBUTE_SLOTS - 1);
    byte[] key = attributeValueKeys[slot];
    // Names come from name(), so the same name is usually the same instance: compare by identity
    // first and fall back to equals for a name evicted and re-created in between.
    if (key != null
        && sameBytes(key, b, off, len)
        && (attributeNames[slot] == name || attributeNames[slot].equals(name))) {
      return attributes[slot];
    }
    Attribute attribute = Attribute.of(name, new String(b, off, len, StandardCharsets.UTF_8));
    attributeNames[slot] = name;
    attributeValueKeys[slot] = Arrays.copyOfRange(b, off, off + len);
    attributes[slot] = attribute;
    return attribute;
  }

  /** A plain loop: for the short keys here it beats the vectorized mismatch's set-up cost. */
  private static boolean sameBytes(byte[] key, byte[] b, int off, int len) {
    if (key.length != len) return false;
    for (int i = 0; i < len; i++) {
      if (key[i] != b[off + i]) return false;
    }
    return true;
  }

  private static int hash(byte[] b, int off, int len) {
    int h = len;
    for (int i = off, end = off + len; i < end; i++) h = 31 * h + b[i];
    return h ^ (h >>> 16);
  }
}
