package dev.promotel.translate.temporality;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Sorts records of (three long keys, byte payload) with bounded memory: records are buffered until
 * their payload bytes exceed {@code bufferBytes}, then the buffer is sorted and written to a temp
 * file as a sorted run; {@link #sorted(Consumer)} merges the runs (and the in-memory rest) with a
 * k-way merge over a priority queue. Input that fits in the buffer never touches the disk. Equal
 * keys keep no particular order, so callers make the last key unique (an input position).
 *
 * <p>Example: records (1100,1000,0), (1000,900,1) come out as (1000,900,1), (1100,1000,0).
 */
final class ExternalSorter implements Closeable {
  /** One record: keys compared in order, then the payload carried along. */
  record Item(long k1, long k2, long k3, byte[] payload) {}

  /** Receives each record in key order. */
  @FunctionalInterface
  interface Consumer {
    void accept(Item item) throws IOException;
  }

  private static final Comparator<Item> ORDER =
      Comparator.comparingLong(Item::k1).thenComparingLong(Item::k2).thenComparingLong(Item::k3);
  /** Object headers and the three keys, counted against the buffer on top of each payload. */
  private static final int OVERHEAD = 64;

  private final long bufferBytes;
  private final Path tempDir;
  private final List<Item> buffer = new ArrayList<>();
  private final List<Path> runs = new ArrayList<>();
  private long buffered;

  ExternalSorter(long bufferBytes, Path tempDir) {
    this.bufferBytes = bufferBytes;
    this.tempDir = tempDir;
  }

  /** How many runs were spilled to disk so far. */
  int spilledRuns() {
    return runs.size();
  }

  void add(long k1, long k2, long k3, byte[] payload) throws IOException {
    buffer.add(new Item(k1, k2, k3, payload));
    buffered += payload.length + OVERHEAD;
    if (buffered >= bufferBytes) spill();
  }

  private void spill() throws IOException {
    buffer.sort(ORDER);
    Path run = tempDir == null ? Files.createTempFile("promotel-sort", ".run")
        : Files.createTempFile(tempDir, "promotel-sort", ".run");
    run.toFile().deleteOnExit();
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
      for (Item item : buffer) {
        out.writeLong(item.k1());
        out.writeLong(item.k2());
        out.writeLong(item.k3());
        out.writeInt(item.payload().length);
        out.write(item.payload());
      }
    }
    runs.add(run);
    buffer.clear();
    buffered = 0;
  }

  /** A cursor over one sorted run (a file, or the in-memory rest). */
  private abstract static class Cursor {
    Item head;

    abstract void advance() throws IOException;
  }

  /** Feeds every record to {@code consumer} in key order. */
  void sorted(Consumer consumer) throws IOException {
    try (Merge merge = merge()) {
      for (Item item = merge.next(); item != null; item = merge.next()) consumer.accept(item);
    }
  }

  /** A pull cursor over the records in key order; {@link Merge#next()} is null at the end. */
  Merge merge() throws IOException {
    buffer.sort(ORDER);
    Merge merge = new Merge();
    try {
      for (Path run : runs) {
        DataInputStream in =
            new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 16));
        merge.open.add(in);
        Cursor c = new Cursor() {
          @Override
          void advance() throws IOException {
            try {
              long k1 = in.readLong();
              long k2 = in.readLong();
              long k3 = in.readLong();
              byte[] payload = new byte[in.readInt()];
              in.readFully(payload);
              head = new Item(k1, k2, k3, payload);
            } catch (EOFException end) {
              head = null;
            }
          }
        };
        c.advance();
        if (c.head != null) merge.queue.add(c);
      }
    } catch (IOException e) {
      merge.close();
      throw e;
    }
    Cursor memory = new Cursor() {
      int next;

      @Override
      void advance() {
        head = next < buffer.size() ? buffer.get(next++) : null;
      }
    };
    memory.advance();
    if (memory.head != null) merge.queue.add(memory);
    return merge;
  }

  /** The k-way merge: the cursor with the smallest head comes next. */
  static final class Merge implements Closeable {
    private final PriorityQueue<Cursor> queue =
        new PriorityQueue<>((a, b) -> ORDER.compare(a.head, b.head));
    private final List<DataInputStream> open = new ArrayList<>();

    Item next() throws IOException {
      Cursor c = queue.poll();
      if (c == null) return null;
      Item item = c.head;
      c.advance();
      if (c.head != null) queue.add(c);
      return item;
    }

    @Override
    public void close() throws IOException {
      for (DataInputStream in : open) in.close();
    }
  }

  @Override
  public void close() throws IOException {
    buffer.clear();
    for (Path run : runs) {
      try {
        Files.deleteIfExists(run);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    runs.clear();
  }
}
