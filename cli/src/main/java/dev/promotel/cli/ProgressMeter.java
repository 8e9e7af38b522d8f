package dev.promotel.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress bar on stderr for one large input: wraps the decompressed stream a reader consumes
 * and, as it is read, redraws {@code name 45% [#########...........] 45.0/100.0 MB} in place at
 * most five times a second, and erases it when the input is closed. Progress is the bytes taken
 * from the file itself ({@link dev.promotel.io.OpenedInput#sourceBytesRead()}, compressed bytes
 * for a compressed file) against the file's size. Only used when stderr is a terminal and the
 * file exceeds {@link #THRESHOLD_BYTES}.
 */
final class ProgressMeter extends FilterInputStream {
  static final long THRESHOLD_BYTES = 16L << 20;
  private static final long REDRAW_NANOS = 200_000_000L;
  private static final int BAR_WIDTH = 30;

  private final LongSupplier sourceBytes;
  private final PrintWriter err;
  private final String name;
  private final long total;
  private final LongSupplier nanoTime;
  private long done;
  private long lastDraw;
  private boolean drawn;

  /**
   * @param in the stream the reader consumes
   * @param sourceBytes bytes read from the file so far
   * @param total the file's size
   */
  ProgressMeter(
      InputStream in,
      LongSupplier sourceBytes,
      PrintWriter err,
      String name,
      long total,
      LongSupplier nanoTime) {
    super(in);
    this.sourceBytes = sourceBytes;
    this.err = err;
    this.name = name;
    this.total = total;
    this.nanoTime = nanoTime;
    this.lastDraw = nanoTime.getAsLong();
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    advance();
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    advance();
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    advance();
    return skipped;
  }

  private void advance() {
    done = Math.min(total, sourceBytes.getAsLong());
    long now = nanoTime.getAsLong();
    if (now - lastDraw >= REDRAW_NANOS) {
      lastDraw = now;
      err.print("\r" + line(name, done, total));
      err.flush();
      drawn = true;
    }
  }

  /** The bar for {@code done} of {@code total} bytes. */
  static String line(String name, long done, long total) {
    int percent = (int) Math.min(100, done * 100 / Math.max(1, total));
    int filled = percent * BAR_WIDTH / 100;
    return String.format(
        Locale.ROOT,
        "%s %3d%% [%s%s] %.1f/%.1f MB",
        name,
        percent,
        "#".repeat(filled),
        ".".repeat(BAR_WIDTH - filled),
        done / 1e6,
        total / 1e6);
  }

  @Override
  public void close() throws IOException {
    if (drawn) {
      err.print("\r" + " ".repeat(line(name, done, total).length()) + "\r");
      err.flush();
      drawn = false;
    }
    super.close();
  }
}
