package dev.promotel.translate.temporality;

/**
 * The per-stream states of one conversion in an open-addressing hash table of primitive arrays
 * (temporality spec §6.4): each slot holds the stream's 128-bit attribute fingerprint and hash in
 * {@code long[]}/{@code int[]} arrays next to its metric and state, so a lookup follows no key
 * objects and a stream costs its state plus about 40 bytes of table. Linear probing at a load of
 * at most 3/4; removal shifts the following entries back (no tombstones).
 *
 * <p>Limits and staleness are measured in data time: a stream is stale when a point starts more
 * than {@code maxStale} after the stream's last time; a new stream beyond {@code maxStreams} is
 * refused, after stale streams (last time more than {@code maxStale} before the newest time seen)
 * are forgotten.
 *
 * @param <S> the state type
 */
final class StreamTable<S extends StreamTable.Entry> {
  /** What every state has: the time of the stream's last accepted point. */
  abstract static class Entry {
    long time;
  }

  private static final int INITIAL_CAPACITY = 1024;

  private final long maxStreams;
  private final long maxStale;
  private final TemporalityReport report;
  private long[] fingerprints = new long[2 * INITIAL_CAPACITY];
  private int[] hashes = new int[INITIAL_CAPACITY];
  private StreamKey.Metric[] metrics = new StreamKey.Metric[INITIAL_CAPACITY];
  private Entry[] states = new Entry[INITIAL_CAPACITY];
  private int mask = INITIAL_CAPACITY - 1;
  private int size;
  private long sweptAt = Long.MIN_VALUE;

  StreamTable(TemporalityOptions options, TemporalityReport report) {
    this.maxStreams = options.maxStreams();
    this.maxStale = options.maxStaleNanos();
    this.report = report;
  }

  int size() {
    return size;
  }

  @SuppressWarnings("unchecked")
  S get(StreamKey key) {
    int slot = find(key);
    return slot < 0 ? null : (S) states[slot];
  }

  /** True when {@code state}'s stream has been silent too long for a point starting at {@code start}. */
  boolean isStale(S state, long start) {
    return maxStale > 0 && start - state.time > maxStale;
  }

  /** Whether a new stream may be tracked at data time {@code now}; forgets stale ones if full. */
  boolean admit(long now) {
    if (size < maxStreams) return true;
    if (maxStale > 0 && now > sweptAt) {
      sweptAt = now;
      sweep(now);
    }
    return size < maxStreams;
  }

  /** Tracks a new state, or replaces the state of a stream that restarts. */
  void put(StreamKey key, S state) {
    report.streamCreated();
    int slot = find(key);
    if (slot >= 0) {
      states[slot] = state;
      return;
    }
    if (size + 1 > (mask + 1) - ((mask + 1) >>> 2)) resize(2 * (mask + 1));
    insert(key.hashCode(), key.fingerprint1(), key.fingerprint2(), key.metric(), state);
    report.streamsTracked(size);
  }

  void remove(StreamKey key) {
    int slot = find(key);
    if (slot >= 0) delete(slot);
  }

  // ------------------------------------------------------------------------------ the table

  private int find(StreamKey key) {
    int hash = key.hashCode();
    long f1 = key.fingerprint1();
    long f2 = key.fingerprint2();
    StreamKey.Metric metric = key.metric();
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      if (states[i] == null) return -1;
      if (hashes[i] == hash && fingerprints[2 * i] == f1 && fingerprints[2 * i + 1] == f2
          && (metrics[i] == metric || metrics[i].equals(metric))) {
        return i;
      }
    }
  }

  private void insert(int hash, long f1, long f2, StreamKey.Metric metric, Entry state) {
    int i = hash & mask;
    while (states[i] != null) i = (i + 1) & mask;
    hashes[i] = hash;
    fingerprints[2 * i] = f1;
    fingerprints[2 * i + 1] = f2;
    metrics[i] = metric;
    states[i] = state;
    size++;
  }

  /** Empties {@code slot}, moving later entries of the same probe run back into the gap. */
  private void delete(int slot) {
    int gap = slot;
    for (int j = (gap + 1) & mask; states[j] != null; j = (j + 1) & mask) {
      int home = hashes[j] & mask;
      // j may fill the gap when its home is not cyclically within (gap, j].
      boolean movable = gap <= j ? home <= gap || home > j : home <= gap && home > j;
      if (movable) {
        move(j, gap);
        gap = j;
      }
    }
    states[gap] = null;
    metrics[gap] = null;
    size--;
  }

  private void move(int from, int to) {
    hashes[to] = hashes[from];
    fingerprints[2 * to] = fingerprints[2 * from];
    fingerprints[2 * to + 1] = fingerprints[2 * from + 1];
    metrics[to] = metrics[from];
    states[to] = states[from];
  }

  private void resize(int capacity) {
    long[] oldFingerprints = fingerprints;
    int[] oldHashes = hashes;
    StreamKey.Metric[] oldMetrics = metrics;
    Entry[] oldStates = states;
    fingerprints = new long[2 * capacity];
    hashes = new int[capacity];
    metrics = new StreamKey.Metric[capacity];
    states = new Entry[capacity];
    mask = capacity - 1;
    size = 0;
    for (int i = 0; i < oldStates.length; i++) {
      if (oldStates[i] != null) {
        insert(oldHashes[i], oldFingerprints[2 * i], oldFingerprints[2 * i + 1], oldMetrics[i],
            oldStates[i]);
      }
    }
  }

  /** Forgets every stream whose last time is more than maxStale before {@code now}. */
  private void sweep(long now) {
    long[] oldFingerprints = fingerprints;
    int[] oldHashes = hashes;
    StreamKey.Metric[] oldMetrics = metrics;
    Entry[] oldStates = states;
    int capacity = oldStates.length;
    fingerprints = new long[2 * capacity];
    hashes = new int[capacity];
    metrics = new StreamKey.Metric[capacity];
    states = new Entry[capacity];
    size = 0;
    for (int i = 0; i < capacity; i++) {
      if (oldStates[i] != null && now - oldStates[i].time <= maxStale) {
        insert(oldHashes[i], oldFingerprints[2 * i], oldFingerprints[2 * i + 1], oldMetrics[i],
            oldStates[i]);
      }
    }
  }
}
