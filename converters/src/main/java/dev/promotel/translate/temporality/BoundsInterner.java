package dev.promotel.translate.temporality;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Shares identical explicit-histogram bound arrays between streams (temporality spec §6.4), so a
 * million streams of one histogram hold one {@code double[]}, and equal bounds compare by
 * reference. The arrays handed out must not be modified.
 */
final class BoundsInterner {
  private record Key(double[] bounds, int hash) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && hash == k.hash && Arrays.equals(bounds, k.bounds);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private final Map<Key, double[]> pool = new HashMap<>();

  double[] intern(double[] bounds) {
    Key key = new Key(bounds, Arrays.hashCode(bounds));
    double[] shared = pool.putIfAbsent(key, bounds);
    return shared == null ? bounds : shared;
  }
}
