package dev.promotel.format.prometheus;

import java.math.BigInteger;

/**
 * The Eisel-Lemire algorithm (Lemire, "Number Parsing at a Gigabyte per Second", 2021; as in
 * fast_float): the correctly rounded double nearest to {@code w × 10^q} from a 128-bit
 * approximation of {@code 5^q}, for the 16 to 18 significant digits that Clinger's fast path in
 * {@link ByteNumbers} cannot take (Go writes up to 17: {@code 1.7325352058613174e+09}). Only
 * {@code |q| <= }{@value #MAX_Q} is covered, with a table computed at class load; what is not
 * covered (other exponents, subnormals, exact ties it cannot decide) returns {@code -1} and goes
 * to the slow path. Without it, {@code Double.parseDouble} took those values, and its JIT
 * compilation alone cost a 100 MB conversion about 0.1 s of CPU.
 */
final class EiselLemire {
  static final int MAX_Q = 32;
  /** Per q in [-MAX_Q, MAX_Q]: the high and low 64 bits of 5^q, normalised to 128 bits. */
  private static final long[] HIGH = new long[2 * MAX_Q + 1];
  private static final long[] LOW = new long[2 * MAX_Q + 1];

  static {
    BigInteger two128 = BigInteger.ONE.shiftLeft(128);
    for (int q = -MAX_Q; q <= MAX_Q; q++) {
      BigInteger c;
      if (q >= 0) {
        c = BigInteger.valueOf(5).pow(q);
        int shift = 128 - c.bitLength();
        c = shift >= 0 ? c.shiftLeft(shift) : c.shiftRight(-shift); // truncated
      } else {
        BigInteger power5 = BigInteger.valueOf(5).pow(-q);
        int z = power5.subtract(BigInteger.ONE).bitLength(); // least z with 2^z >= 5^-q
        int b = q >= -27 ? z + 127 : 2 * z + 128;
        c = BigInteger.ONE.shiftLeft(b).divide(power5).add(BigInteger.ONE);
        while (c.compareTo(two128) >= 0) c = c.shiftRight(1);
      }
      HIGH[q + MAX_Q] = c.shiftRight(64).longValue();
      LOW[q + MAX_Q] = c.longValue();
    }
  }

  private EiselLemire() {}

  /**
   * The bits of the double nearest to {@code w × 10^q} for {@code 0 < w < 2^63}, or {@code -1}
   * when this method cannot tell (the caller then parses the slow way).
   */
  static long toDoubleBits(long w, int q) {
    if (w <= 0 || q < -MAX_Q || q > MAX_Q) return -1;
    int lz = Long.numberOfLeadingZeros(w);
    w <<= lz;
    int index = q + MAX_Q;
    long high = unsignedMultiplyHigh(w, HIGH[index]);
    long low = w * HIGH[index];
    if ((high & 0x1FF) == 0x1FF) {
      // The truncated 64-bit product may be off in the bits that decide rounding: add the next
      // 64 bits of 5^q.
      long secondHigh = unsignedMultiplyHigh(w, LOW[index]);
      long sum = low + secondHigh;
      if (Long.compareUnsigned(sum, low) < 0) high++;
      low = sum;
    }
    int upperBit = (int) (high >>> 63);
    int shift = upperBit + 9;
    long mantissa = high >>> shift;
    int power2 = (((152170 + 65536) * q) >> 16) + 63 + upperBit - lz + 1023;
    if (power2 <= 0) return -1; // subnormal: leave it to the slow path
    if (Long.compareUnsigned(low, 1) <= 0 && q >= -4 && q <= 23 && (mantissa & 3) == 1
        && (mantissa << shift) == high) {
      mantissa &= ~1L; // exactly halfway: round to even, that is down
    }
    mantissa += mantissa & 1;
    mantissa >>>= 1;
    if (mantissa >= (1L << 53)) {
      mantissa = 1L << 52;
      power2++;
    }
    mantissa &= ~(1L << 52);
    if (power2 >= 0x7FF) return -1;
    return mantissa | ((long) power2 << 52);
  }

  /** The high 64 bits of the unsigned 128-bit product (Math.unsignedMultiplyHigh is Java 18). */
  private static long unsignedMultiplyHigh(long x, long y) {
    return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
  }
}
