package dev.promotel.format.openmetrics;

import dev.promotel.format.Diagnostics;

/**
 * Converts OpenMetrics seconds to the model's nanoseconds. OpenMetrics allows negative timestamps
 * and any float64 magnitude; the model holds 0 ≤ ns ≤ 2^63-1 (1970 to 2262), with 0 meaning "no
 * timestamp". Timestamps outside that range are valid input, so they are read and dropped, and
 * each drop is counted in {@link Diagnostics} as {@code timestamp-out-of-range}; a timestamp of
 * exactly 0 (or one that rounds to 0 ns) cannot be told from "none" and counts as {@code
 * timestamp-zero-dropped}.
 */
final class Times {
  private final Diagnostics diagnostics;

  Times(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Nanoseconds since the epoch, or 0 (with a counted loss) when the model cannot hold it. */
  long toUnixNano(Seconds s, String what) {
    long ns = s.toUnixNano();
    if (ns == 0) {
      diagnostics.loss("timestamp-zero-dropped", "OpenMetrics " + what + " timestamps of 0"
          + " (1970-01-01T00:00:00Z) dropped: promotel reads a time of 0 as no timestamp");
    }
    if (ns >= 0) return ns;
    diagnostics.loss("timestamp-out-of-range", "OpenMetrics " + what + " timestamps dropped: "
        + "promotel holds times from 1970 to 2262 only (got " + s + " s)");
    return 0;
  }
}
