package dev.promotel.lint;

/**
 * A set of 64-bit hashes with a fixed capacity: open addressing over a {@code long[]}, so a
 * million keys cost 16 MiB and no objects. {@link #add} returns {@link Added#FULL} once the cap is
 * reached, so a rule can say that it stopped counting. Key 0 is stored as 1 (a hash, not a value).
 */
final class LongSet {
  enum Added { NEW, PRESENT, FULL }

  private final int cap;
  private long[] table = new long[16];
  private int size;

  LongSet(int cap) {
    this.cap = cap;
  }

  Added add(long key) {
    if (key == 0) key = 1;
    int mask = table.length - 1;
    int i = (int) (mix(key) & mask);
    while (table[i] != 0) {
      if (table[i] == key) return Added.PRESENT;
      i = (i + 1) & mask;
    }
    if (size >= cap) return Added.FULL;
    table[i] = key;
    if (++size * 2 > table.length) grow();
    return Added.NEW;
  }

  boolean contains(long key) {
    if (key == 0) key = 1;
    int mask = table.length - 1;
    int i = (int) (mix(key) & mask);
    while (table[i] != 0) {
      if (table[i] == key) return true;
      i = (i + 1) & mask;
    }
    return false;
  }

  int size() {
    return size;
  }

  /** Empties the set; the table is kept (the next family is likely as large) unless it is huge. */
  void clear() {
    if (size == 0) return;
    if (table.length > 1 << 16) table = new long[16];
    else java.util.Arrays.fill(table, 0);
    size = 0;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    int mask = table.length - 1;
    for (long k : old) {
      if (k == 0) continue;
      int i = (int) (mix(k) & mask);
      while (table[i] != 0) i = (i + 1) & mask;
      table[i] = k;
    }
  }

  private static long mix(long x) {
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    return x;
  }

  /** FNV-1a over the characters of {@code s}, continuing from {@code h}: 64-bit, so collisions of distinct label sets are negligible. */
  static long hash(long h, String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    // A separator, so ("ab","c") and ("a","bc") differ.
    h ^= 0xff;
    h *= 0x100000001b3L;
    return h;
  }

  static final long SEED = 0xcbf29ce484222325L;
}
