package dev.promotel.format.prometheus;

import dev.promotel.format.internal.FloatFormat;
import java.io.IOException;
import java.io.Writer;

/**
 * An unsynchronized character buffer in front of the writer's {@code BufferedWriter}: a sample
 * line is a dozen small writes, and {@code BufferedWriter}'s per-call lock would cost more than
 * the copying. Full 8 KB blocks go downstream in one call. Also prints numbers without
 * allocating.
 */
final class LineSink extends Writer {
  private final Writer downstream;
  private final char[] buf = new char[8192];
  private int n;

  LineSink(Writer downstream) {
    this.downstream = downstream;
  }

  @Override
  public void write(int c) throws IOException {
    if (n == buf.length) drain();
    buf[n++] = (char) c;
  }

  @Override
  public void write(char[] chars, int off, int len) throws IOException {
    if (len > buf.length - n) {
      drain();
      if (len > buf.length) {
        downstream.write(chars, off, len);
        return;
      }
    }
    System.arraycopy(chars, off, buf, n, len);
    n += len;
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    if (len > buf.length - n) {
      drain();
      if (len > buf.length) {
        downstream.write(s, off, len);
        return;
      }
    }
    s.getChars(off, off + len, buf, n);
    n += len;
  }

  @Override
  public void write(String s) throws IOException {
    write(s, 0, s.length());
  }

  /** Decimal digits of {@code v}. */
  void writeLong(long v) throws IOException {
    if (buf.length - n < 20) drain();
    if (v == Long.MIN_VALUE) {
      write("-9223372036854775808");
      return;
    }
    if (v < 0) {
      buf[n++] = '-';
      v = -v;
    }
    int digits = 1;
    for (long t = v; t >= 10; t /= 10) digits++;
    int end = n + digits;
    for (int i = end - 1; i >= n; i--) {
      buf[i] = (char) ('0' + v % 10);
      v /= 10;
    }
    n = end;
  }

  /**
   * Go {@code %g} spelling ({@link FloatFormat#formatGo}); small integral values, the most common
   * floats in expositions, skip the general routine. Go switches to exponent form at 1e6.
   */
  void writeGoDouble(double v) throws IOException {
    if (v == (long) v && Math.abs(v) < 1e6 && (v != 0 || Double.doubleToRawLongBits(v) == 0)) {
      writeLong((long) v);
    } else {
      write(FloatFormat.formatGo(v));
    }
  }

  private void drain() throws IOException {
    downstream.write(buf, 0, n);
    n = 0;
  }

  @Override
  public void flush() throws IOException {
    drain();
    downstream.flush();
  }

  @Override
  public void close() throws IOException {
    drain();
    downstream.close();
  }
}
