package dev.promotel.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress bar on stderr for one large input: a counting stream that redraws {@code name 45%
 * [#########...........] 45.0/100.0 MB} in place at most five times a second, and erases it when
 * the input is closed. Only used when stderr is a terminal and the input exceeds {@link
 * #THRESHOLD_BYTES}.
 */
final class ProgressMeter extends FilterInputStream {
  static final long THRESHOLD_BYTES = 16L << 20;
  private static final long REDRAW_NANOS = 200_000_000L;
  private static final int BAR_WIDTH = 30;

  private final PrintWriter err;
  private final String name;
  private final long total;
  private final LongSupplier nanoTime;
  private long done;
  private long lastDraw;
  private boolean drawn;

  ProgressMeter(InputStream in, PrintWriter err, String name, long total, LongSupplier nanoTime) {
    super(in);
    this.err = err;
    this.name = name;
    this.total = total;
    this.nanoTime = nanoTime;
    this.lastDraw = nanoTime.getAsLong();
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) advance(1);
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) advance(n);
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    advance(skipped);
    return skipped;
  }

  private void advance(long n) {
    done += n;
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
