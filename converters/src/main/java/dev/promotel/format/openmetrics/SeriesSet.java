package dev.promotel.format.openmetrics;

import dev.promotel.model.Attributes;
import java.util.Arrays;

/**
 * The series already seen in the current family, kept as 64-bit hashes of their label sets in an
 * open-addressing table of primitive longs, so memory stays at 8 bytes a slot (11 to 23 bytes a
 * series at the load factors below) however many series one family has: a 1 GB input can hold a
 * million series in a single family, which as a {@code Set<Attributes>} would cost hundreds of
 * megabytes. The reader uses it to reject a series that comes back after another one, the writer to
 * drop one it already wrote.
 *
 * <p>The trade-off: two different label sets with equal hashes count as the same series. With a
 * well-mixed 64-bit hash the chance of any such pair among n series is about n²/2^65, 3·10^-8 at a
 * million series in one family; the reader would then reject valid input and the writer drop (and
 * count) one series. The hash runs xxHash64's round over four UTF-16 chars at a time, folds in each
 * string's length so that {@code {a="bc"}} and {@code {ab="c"}} differ, and ends with MurmurHash3's
 * fmix64 finaliser, so similar label sets (host-000001, host-000002, ...) spread over the table.
 *
 * <p>Example: after {@code add(Attributes.of("a", "1"))} returns true, the same call returns false.
 */
final class SeriesSet {
  private static final int MIN_CAPACITY = 16;

  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long SEED = 0x27D4EB2F165667C5L;

  /** Hashes; 0 marks a free slot (a hash of 0 is stored as 1). */
  private long[] table = new long[MIN_CAPACITY];

  private int size;

  /** Adds the series; false when it (or a label set with the same hash) was added before. */
  boolean add(Attributes labels) {
    return add(hash(labels));
  }

  boolean add(long hash) {
    long h = hash == 0 ? 1 : hash;
    int mask = table.length - 1;
    int i = (int) h & mask;
    while (true) {
      long slot = table[i];
      if (slot == 0) break;
      if (slot == h) return false;
      i = (i + 1) & mask;
    }
    table[i] = h;
    // Linear probing stays short below a load factor of 0.7.
    if (++size * 10L > table.length * 7L) grow();
    return true;
  }

  int size() {
    return size;
  }

  /** Slots in the table, for tests of the memory bound. */
  int capacity() {
    return table.length;
  }

  /**
   * Empties the set. A table much bigger than its content (after one huge family) is replaced by a
   * small one, so later small families neither keep those megabytes nor pay to zero them; otherwise
   * it is zeroed, at a cost proportional to the adds it held.
   */
  void clear() {
    if (size == 0) return;
    if (table.length > MIN_CAPACITY && size < table.length / 8) {
      table = new long[MIN_CAPACITY];
    } else {
      Arrays.fill(table, 0);
    }
    size = 0;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    int mask = table.length - 1;
    for (long h : old) {
      if (h == 0) continue;
      int i = (int) h & mask;
      while (table[i] != 0) i = (i + 1) & mask;
      table[i] = h;
    }
  }

  // ---------------------------------------------------------------- hashing

  static long hash(Attributes labels) {
    long h = SEED + labels.size();
    for (int i = 0; i < labels.size(); i++) {
      h = mix(h, labels.key(i));
      h = mix(h, labels.value(i).asString());
    }
    return fmix64(h);
  }

  /** The hash of a label set rendered canonically (as the writer prints it) in {@code chars}. */
  static long hash(char[] chars, int from, int to) {
    long h = SEED;
    int i = from;
    for (; i + 4 <= to; i += 4) {
      long lane = chars[i] | (long) chars[i + 1] << 16 | (long) chars[i + 2] << 32
          | (long) chars[i + 3] << 48;
      h = round(h, lane);
    }
    long tail = 0;
    for (int shift = 0; i < to; i++, shift += 16) tail |= (long) chars[i] << shift;
    int n = to - from;
    return fmix64(round(h, tail ^ ((long) n << 48) ^ ((long) (n >>> 16) * P1)));
  }

  /** Folds a string into {@code h}: one round per four chars, then the rest with the length. */
  private static long mix(long h, String s) {
    int n = s.length();
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      long lane = s.charAt(i) | (long) s.charAt(i + 1) << 16 | (long) s.charAt(i + 2) << 32
          | (long) s.charAt(i + 3) << 48;
      h = round(h, lane);
    }
    long tail = 0;
    for (int shift = 0; i < n; i++, shift += 16) tail |= (long) s.charAt(i) << shift;
    // At most three chars (48 bits) remain, so the length's low 16 bits do not overlap them.
    return round(h, tail ^ ((long) n << 48) ^ ((long) (n >>> 16) * P1));
  }

  private static long round(long acc, long lane) {
    acc += lane * P2;
    acc = Long.rotateLeft(acc, 31);
    return acc * P1;
  }

  private static long fmix64(long h) {
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return h;
  }
}
