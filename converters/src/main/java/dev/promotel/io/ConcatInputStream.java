package dev.promotel.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;

/**
 * The decompressed bytes of several inputs, one after another. Opens each part only when the
 * previous one is exhausted (so at most one file is open) and closes it at its end; unlike {@link
 * java.io.SequenceInputStream}, opening a part may throw an {@link IOException}.
 */
final class ConcatInputStream extends InputStream {
  private final Iterator<InputSource> remaining;
  private final DecompressionLimits limits;
  private OpenedInput current;
  private long finishedSourceBytes;

  ConcatInputStream(OpenedInput first, List<InputSource> rest, DecompressionLimits limits) {
    this.current = first;
    this.remaining = rest.iterator();
    this.limits = limits;
  }

  long sourceBytesRead() {
    return finishedSourceBytes + (current == null ? 0 : current.sourceBytesRead());
  }

  @Override
  public int read() throws IOException {
    while (current != null) {
      int b = current.stream().read();
      if (b >= 0) return b;
      advance();
    }
    return -1;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) return 0;
    while (current != null) {
      int n = current.stream().read(buffer, offset, length);
      if (n > 0) return n;
      if (n < 0) advance();
    }
    return -1;
  }

  private void advance() throws IOException {
    OpenedInput done = current;
    current = null;
    finishedSourceBytes += done.sourceBytesRead();
    done.close();
    if (remaining.hasNext()) current = remaining.next().open(limits);
  }

  @Override
  public void close() throws IOException {
    if (current != null) {
      OpenedInput open = current;
      current = null;
      open.close();
    }
  }
}
