package dev.promotel.translate.temporality;

import dev.promotel.model.ExponentialBuckets;
import java.util.Arrays;

/**
 * One side (positive or negative) of an exponential histogram as mutable primitive state: bucket
 * {@code offset + i} holds {@code counts[i]}, and at scale {@code s} covers (2^((offset+i)·2^-s),
 * 2^((offset+i+1)·2^-s)]. The static helpers implement the merge rules of the temporality spec §1.5:
 * downscaling, zero-threshold widening, union and the bucket budget.
 *
 * <p>Example: offset 0, counts [1,2,3,4,5] at scale 2, downscaled by 1, is offset 0, [3,7,5].
 */
final class ExpoRange {
  static final ExpoRange EMPTY = new ExpoRange(0, new long[0]);

  final int offset;
  final long[] counts;

  ExpoRange(int offset, long[] counts) {
    this.offset = offset;
    this.counts = counts;
  }

  static ExpoRange of(ExponentialBuckets b) {
    return b.size() == 0 ? EMPTY : new ExpoRange(b.offset(), b.counts());
  }

  ExponentialBuckets toBuckets() {
    return counts.length == 0 ? ExponentialBuckets.EMPTY : new ExponentialBuckets(offset, counts);
  }

  boolean isEmpty() {
    return counts.length == 0;
  }

  /** The count of absolute bucket {@code index}, 0 outside the range. */
  long at(int index) {
    int i = index - offset;
    return i >= 0 && i < counts.length ? counts[i] : 0;
  }

  /** Buckets from the first to the last non-empty one (0 when all are empty). */
  int span() {
    int lo = 0;
    int hi = counts.length - 1;
    while (lo <= hi && counts[lo] == 0) lo++;
    while (hi >= lo && counts[hi] == 0) hi--;
    return hi - lo + 1;
  }

  /** The range without empty buckets at either end. */
  ExpoRange trim() {
    int lo = 0;
    int hi = counts.length - 1;
    while (lo <= hi && counts[lo] == 0) lo++;
    while (hi >= lo && counts[hi] == 0) hi--;
    if (lo > hi) return EMPTY;
    if (lo == 0 && hi == counts.length - 1) return this;
    return new ExpoRange(offset + lo, Arrays.copyOfRange(counts, lo, hi + 1));
  }

  /** This range at {@code by} scales lower: index i moves to floor(i / 2^by), counts summed. */
  ExpoRange downscale(int by) {
    if (by == 0 || counts.length == 0) return this;
    int from = offset >> by;
    int to = (offset + counts.length - 1) >> by;
    long[] out = new long[to - from + 1];
    for (int i = 0; i < counts.length; i++) out[((offset + i) >> by) - from] += counts[i];
    return new ExpoRange(from, out);
  }

  /**
   * The bucket-wise sum over the union of both index ranges; an empty side yields the other as it
   * is. Empty buckets at the ends are kept (the Collector's {@code exponential/1.test} keeps the
   * delta's trailing zeros after a downscale).
   */
  static ExpoRange add(ExpoRange a, ExpoRange b) {
    if (b.isEmpty()) return a;
    if (a.isEmpty()) return b;
    int from = Math.min(a.offset, b.offset);
    int to = Math.max(a.offset + a.counts.length, b.offset + b.counts.length);
    long[] out = new long[to - from];
    for (int i = 0; i < a.counts.length; i++) out[a.offset + i - from] = a.counts[i];
    for (int i = 0; i < b.counts.length; i++) {
      out[b.offset + i - from] = Math.addExact(out[b.offset + i - from], b.counts[i]);
    }
    return new ExpoRange(from, out);
  }

  /**
   * {@code cur − prev} over {@code cur}'s range, or null when a bucket would go negative or
   * {@code prev} has counts outside {@code cur}'s range (a reset or a layout change).
   */
  static ExpoRange subtract(ExpoRange cur, ExpoRange prev) {
    for (int i = 0; i < prev.counts.length; i++) {
      int index = prev.offset + i;
      if (prev.counts[i] != 0 && (index < cur.offset || index >= cur.offset + cur.counts.length)) {
        return null;
      }
    }
    long[] out = new long[cur.counts.length];
    for (int i = 0; i < out.length; i++) {
      long d = cur.counts[i] - prev.at(cur.offset + i);
      if (d < 0) return null;
      out[i] = d;
    }
    return new ExpoRange(cur.offset, out);
  }

  /** The result of folding buckets into the zero bucket: the remaining ranges and what moved. */
  record Widened(ExpoRange positive, ExpoRange negative, long moved, double threshold) {}

  /**
   * Widens the zero bucket to at least {@code threshold}: every bucket at or below the one holding
   * the threshold moves into the zero count, and the threshold becomes that bucket's upper bound
   * (data-model.md, "Zero Count and Zero Threshold").
   */
  static Widened widenZero(ExpoRange pos, ExpoRange neg, int scale, double threshold) {
    int idx = index(threshold, scale);
    long moved = 0;
    ExpoRange[] sides = {pos, neg};
    for (int s = 0; s < 2; s++) {
      ExpoRange r = sides[s];
      if (r.isEmpty() || r.offset > idx) continue;
      int keepFrom = idx + 1 - r.offset;
      for (int i = 0; i < Math.min(keepFrom, r.counts.length); i++) moved += r.counts[i];
      sides[s] = keepFrom >= r.counts.length ? EMPTY
          : new ExpoRange(idx + 1, Arrays.copyOfRange(r.counts, keepFrom, r.counts.length));
    }
    return new Widened(sides[0], sides[1], moved, upperBound(idx, scale));
  }

  /** The index of the bucket holding {@code value} (> 0) at {@code scale}. */
  static int index(double value, int scale) {
    int exponent = Math.getExponent(value);
    boolean powerOfTwo = (Double.doubleToRawLongBits(value) & 0x000F_FFFF_FFFF_FFFFL) == 0
        && exponent >= Double.MIN_EXPONENT;
    if (scale <= 0) {
      // Buckets span 2^-scale powers of two; exact powers of two close the bucket below them.
      int e = powerOfTwo ? exponent - 1 : exponent;
      return Math.floorDiv(e, 1 << -scale);
    }
    if (powerOfTwo) return (exponent << scale) - 1;
    double scaled = Math.scalb(Math.log(value) / Math.log(2), scale);
    return (int) Math.ceil(scaled) - 1;
  }

  /** The upper boundary of bucket {@code index} at {@code scale}: 2^((index+1)·2^-scale). */
  static double upperBound(int index, int scale) {
    return Math.pow(2, Math.scalb((double) index + 1, -scale));
  }
}
