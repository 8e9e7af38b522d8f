package dev.promotel.translate.temporality;

import dev.promotel.format.Diagnostics;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counters per {@link DropReason} of one conversion run, plus the number of streams seen. Not
 * thread-safe: one run, one thread. {@link #reportTo(Diagnostics)} copies the counts into the
 * shared loss report (codes prefixed {@code temporality-}, e.g. {@code temporality-out_of_order}).
 *
 * <p>Example: after deltas (1000,1100], (1100,1200], (1200,1300] then (500,550], {@code
 * count(ACCEPTED) == 3} and {@code count(OLDER_START) == 1}.
 */
public final class TemporalityReport {
  private final long[] counts = new long[DropReason.values().length];
  private long streams;
  private long peakStreams;
  private DropReason lastDrop;

  /** Counts one occurrence of {@code reason}. */
  public void increment(DropReason reason) {
    counts[reason.ordinal()]++;
    if (reason.dropsPoint()) lastDrop = reason;
  }

  /** The reason of the most recent drop, or null when nothing was dropped yet. */
  public DropReason lastDrop() {
    return lastDrop;
  }

  public long count(DropReason reason) {
    return counts[reason.ordinal()];
  }

  void streamsTracked(long tracked) {
    peakStreams = Math.max(peakStreams, tracked);
  }

  void streamCreated() {
    streams++;
  }

  /** Streams created over the run (a stream reset by staleness counts again). */
  public long streamsCreated() {
    return streams;
  }

  /** The most streams held in state at one time. */
  public long peakStreams() {
    return peakStreams;
  }

  /** True when any point was dropped (what {@code --strict} checks). */
  public boolean hasDrops() {
    for (DropReason r : DropReason.values()) {
      if (r.dropsPoint() && counts[r.ordinal()] > 0) return true;
    }
    return false;
  }

  /** The non-zero counters in declaration order. */
  public Map<DropReason, Long> nonZero() {
    Map<DropReason, Long> out = new EnumMap<>(DropReason.class);
    for (DropReason r : DropReason.values()) {
      if (counts[r.ordinal()] > 0) out.put(r, counts[r.ordinal()]);
    }
    return out;
  }

  /**
   * Adds every non-zero counter except {@code accepted} to {@code diagnostics}: drops as losses,
   * the rest as notes.
   */
  public void reportTo(Diagnostics diagnostics) {
    for (Map.Entry<DropReason, Long> e : nonZero().entrySet()) {
      DropReason r = e.getKey();
      if (r == DropReason.ACCEPTED) continue;
      String code = "temporality-" + r.code();
      if (r.dropsPoint()) diagnostics.loss(code, r.message(), e.getValue());
      else diagnostics.note(code, r.message(), e.getValue());
    }
  }
}
