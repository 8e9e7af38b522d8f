package dev.promotel.pipeline;

import dev.promotel.format.MetricReader;
import dev.promotel.model.MetricFamily;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Runs a reader on its own thread, a few families ahead of the consumer, so that parsing and
 * writing use both cores of a small machine. Memory stays bounded: at most {@code capacity}
 * families (each at most one chunk) wait in the queue. Errors reach the consumer in order, at the
 * {@link #read()} where the failed family would have come.
 *
 * <p>Everything the wrapped reader reports must be thread-safe; {@link
 * dev.promotel.format.Diagnostics} is. The positions the wrapped reader knows ({@link
 * #familyLine()}, {@link #pointLine(int)}) travel with each family.
 */
public final class ReadAheadReader implements MetricReader {
  private static final Object END = new Object();

  private final MetricReader source;
  private final BlockingQueue<Object> queue;
  private final Thread producer;
  private boolean ended;
  private long familyLine;
  private long[] pointLines = new long[0];

  /** A family with the lines its reader reported, when it knew any. */
  private record Positioned(MetricFamily family, long line, long[] pointLines) {}

  public ReadAheadReader(MetricReader source, int capacity) {
    this.source = source;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.producer = new Thread(this::produce, "promotel-reader");
    producer.setDaemon(true);
    producer.start();
  }

  private void produce() {
    try {
      for (Optional<MetricFamily> f = source.read(); f.isPresent(); f = source.read()) {
        long line = source.familyLine();
        if (line > 0) {
          long[] lines = new long[f.get().data().points().size()];
          for (int i = 0; i < lines.length; i++) lines[i] = source.pointLine(i);
          queue.put(new Positioned(f.get(), line, lines));
        } else {
          queue.put(f.get());
        }
      }
      queue.put(END);
    } catch (InterruptedException closedEarly) {
      // The consumer closed this reader: nobody is waiting for the rest.
    } catch (Throwable failure) {
      try {
        queue.put(failure);
      } catch (InterruptedException closedEarly) {
        // Nobody is waiting for the error either.
      }
    }
  }

  @Override
  public Optional<MetricFamily> read() throws IOException {
    if (ended) return Optional.empty();
    Object next;
    try {
      next = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for input");
    }
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
