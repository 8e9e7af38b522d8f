package dev.promotel.translate.temporality;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The per-stream states of one conversion, with the stream limit and staleness of the temporality
 * spec §6.2 measured in data time: a stream is stale when a point starts more than {@code
 * maxStale} after the stream's last time; a new stream beyond {@code maxStreams} is refused, after
 * stale streams (last time more than {@code maxStale} before the newest time seen) are forgotten.
 *
 * @param <S> the state type
 */
final class StreamTable<S extends StreamTable.Entry> {
  /** What every state has: the time of the stream's last accepted point. */
  abstract static class Entry {
    long time;
  }

  private final Map<StreamKey, S> states = new HashMap<>();
  private final long maxStreams;
  private final long maxStale;
  private final TemporalityReport report;
  private long sweptAt = Long.MIN_VALUE;

  StreamTable(TemporalityOptions options, TemporalityReport report) {
    this.maxStreams = options.maxStreams();
    this.maxStale = options.maxStaleNanos();
    this.report = report;
  }

  S get(StreamKey key) {
    return states.get(key);
  }

  int size() {
    return states.size();
  }

  Iterable<Map.Entry<StreamKey, S>> entries() {
    return states.entrySet();
  }

  /** True when {@code state}'s stream has been silent too long for a point starting at {@code start}. */
  boolean isStale(S state, long start) {
    return maxStale > 0 && start - state.time > maxStale;
  }

  /** Whether a new stream may be tracked at data time {@code now}; forgets stale ones if full. */
  boolean admit(long now) {
    if (states.size() < maxStreams) return true;
    if (maxStale > 0 && now > sweptAt) {
      sweptAt = now;
      for (Iterator<S> it = states.values().iterator(); it.hasNext(); ) {
        if (now - it.next().time > maxStale) it.remove();
      }
    }
    return states.size() < maxStreams;
  }

  /** Tracks a new state (or replaces a reset one). */
  void put(StreamKey key, S state) {
    if (states.put(key.detached(), state) == null) report.streamsTracked(states.size());
    report.streamCreated();
  }

  void remove(StreamKey key) {
    states.remove(key);
  }
}
