package dev.promotel.pipeline;

import dev.promotel.format.MetricReader;
import dev.promotel.model.MetricFamily;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a reader on its own thread, a few families ahead of the consumer, so that parsing and
 * writing use both cores of a small machine. Memory stays bounded: the producer waits once
 * {@code capacity} families and at least {@value #POINTS_PER_SLOT} points per slot of {@code
 * capacity} are waiting (so at most {@code capacity} big families, each at most one chunk, or
 * some hundreds of small ones), and the consumer holds at most one such batch besides. Errors reach the
 * consumer in order, at the {@link #read()} where the failed family would have come.
 *
 * <p>Hand-over is by batch: the consumer takes everything waiting at once. When it finds nothing,
 * it waits up to {@value #BATCH_WAIT_MICROS} µs for a batch of {@value #POINTS_PER_SLOT} points
 * to gather (the producer wakes it earlier when one has, or at the end); only after that wait
 * does the next family wake it at once, so a slow input (a pipe) delays a family by at most that
 * wait.
 * Handing over family by family through a small blocking queue cost a thread wake-up (a futex
 * call each side) per family: 110 000 context switches and half a CPU-second of system time on a
 * 100 MB OTLP JSON Lines input, whose families have one to a few points each.
 *
 * <p>Everything the wrapped reader reports must be thread-safe; {@link
 * dev.promotel.format.Diagnostics} is. The positions the wrapped reader knows ({@link
 * #familyLine()}, {@link #pointLine(int)}) travel with each family.
 */
public final class ReadAheadReader implements MetricReader {
  /**
   * Points that may wait per slot of capacity: small families fill a batch by points, not by
   * count, so that one hand-over carries hundreds of them.
   */
  static final int POINTS_PER_SLOT = 256;

  /** How long a consumer that ran dry waits for a batch to gather before taking what there is. */
  static final long BATCH_WAIT_MICROS = 1000;

  private static final Object END = new Object();

  private final MetricReader source;
  private final int capacity;
  private final Thread producer;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition notFull = lock.newCondition();
  /** What the producer has handed over and the consumer not yet taken; guarded by lock. */
  private ArrayDeque<Object> waiting = new ArrayDeque<>();
  /** Points of the families in {@link #waiting}; guarded by lock. */
  private long waitingPoints;
  /** Whether the consumer waits for the next family, whatever the batch size; guarded by lock. */
  private boolean consumerIdle;
  /** The batch the consumer took last and is reading from; consumer thread only. */
  private ArrayDeque<Object> taken = new ArrayDeque<>();
  private boolean ended;
  private long familyLine;
  private long[] pointLines = new long[0];

  /** A family with the lines its reader reported, when it knew any. */
  private record Positioned(MetricFamily family, long line, long[] pointLines) {}

  public ReadAheadReader(MetricReader source, int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    this.source = source;
    this.capacity = capacity;
    this.producer = new Thread(this::produce, "promotel-reader");
    producer.setDaemon(true);
    producer.start();
  }

  private void produce() {
    try {
      for (Optional<MetricFamily> f = source.read(); f.isPresent(); f = source.read()) {
        MetricFamily family = f.get();
        int points = family.data().points().size();
        long line = source.familyLine();
        if (line > 0) {
          long[] lines = new long[points];
          for (int i = 0; i < lines.length; i++) lines[i] = source.pointLine(i);
          put(new Positioned(family, line, lines), points);
        } else {
          put(family, points);
        }
      }
      put(END, 0);
    } catch (InterruptedException closedEarly) {
      // The consumer closed this reader: nobody is waiting for the rest.
    } catch (Throwable failure) {
      try {
        put(failure, 0);
      } catch (InterruptedException closedEarly) {
        // Nobody is waiting for the error either.
      }
    }
  }

  /** Hands one item over, first waiting while the queue is full. */
  private void put(Object item, int points) throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (waiting.size() >= capacity && waitingPoints >= (long) capacity * POINTS_PER_SLOT) {
        notFull.await();
      }
      waiting.add(item);
      // A family without points (TYPE lines without samples) still costs memory: count it as one.
      waitingPoints += Math.max(1, points);
      boolean last = item == END || item instanceof Throwable;
      if (consumerIdle || waitingPoints >= POINTS_PER_SLOT || last) {
        notEmpty.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Optional<MetricFamily> read() throws IOException {
    if (ended) return Optional.empty();
    if (taken.isEmpty()) takeBatch();
    Object next = taken.poll();
    if (next == END) {
      ended = true;
      return Optional.empty();
    }
    if (next instanceof MetricFamily family) {
      familyLine = 0;
      pointLines = new long[0];
      return Optional.of(family);
    }
    if (next instanceof Positioned p) {
      familyLine = p.line();
      pointLines = p.pointLines();
      return Optional.of(p.family());
    }
    ended = true;
    if (next instanceof IOException e) throw e;
    if (next instanceof RuntimeException e) throw e;
    throw (Error) next;
  }

  /** Swaps the drained batch for everything waiting, first waiting for at least one item. */
  private void takeBatch() throws InterruptedIOException {
    try {
      lock.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for input");
    }
    try {
      long nanos = BATCH_WAIT_MICROS * 1000;
      while (waiting.isEmpty() && nanos > 0) nanos = notEmpty.awaitNanos(nanos);
      if (waiting.isEmpty()) {
        consumerIdle = true;
        try {
          while (waiting.isEmpty()) notEmpty.await();
        } finally {
          consumerIdle = false;
        }
      }
      ArrayDeque<Object> drained = taken;
      taken = waiting;
      waiting = drained;
      waitingPoints = 0;
      notFull.signal();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for input");
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long familyLine() {
    return familyLine;
  }

  @Override
  public long pointLine(int index) {
    return index >= 0 && index < pointLines.length ? pointLines[index] : 0;
  }

  @Override
  public void close() throws IOException {
    producer.interrupt();
    try {
      producer.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    source.close();
  }
}
