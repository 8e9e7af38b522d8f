package dev.promotel.model;

import java.util.Arrays;

/**
 * One side of an exponential histogram: bucket {@code offset + i} covers (base^(offset+i),
 * base^(offset+i+1)] with {@code counts[i]} observations.
 */
public record ExponentialBuckets(int offset, long[] counts) {
  public static final ExponentialBuckets EMPTY = new ExponentialBuckets(0, new long[0]);

  public ExponentialBuckets {
    counts = counts.clone();
    for (long c : counts) {
      if (c < 0) throw new IllegalArgumentException("bucket counts must be >= 0, got " + c);
    }
  }

  /** The counts; a copy. */
  @Override
  public long[] counts() {
    return counts.clone();
  }

  public int size() {
    return counts.length;
  }

  public long count(int index) {
    return counts[index];
  }

  public long total() {
    long total = 0;
    for (long c : counts) total += c;
    return total;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExponentialBuckets b && offset == b.offset && Arrays.equals(counts, b.counts);
  }

  @Override
  public int hashCode() {
    return 31 * offset + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "ExponentialBuckets[offset=" + offset + " counts=" + Arrays.toString(counts) + "]";
  }
}
