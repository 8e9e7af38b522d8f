package dev.promotel.io;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bottom of every input chain: counts the bytes read from the source (compressed bytes, for the
 * ratio limit and for progress) and turns the source's I/O errors into {@link PromotelIOException}s
 * (exit 4) named after the input, so that layers above can tell an I/O error from corrupt data.
 * Closing it leaves an unowned source (standard input) open.
 */
final class SourceInputStream extends InputStream {
  private final String name;
  private final InputStream source;
  private final boolean ownsSource;
  private long count;

  SourceInputStream(String name, InputStream source, boolean ownsSource) {
    this.name = name;
    this.source = source;
    this.ownsSource = ownsSource;
  }

  /** Bytes read from the source so far. */
  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    try {
      int b = source.read();
      if (b >= 0) count++;
      return b;
    } catch (IOException e) {
      throw PromotelIOException.ioError(name, e);
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    try {
      int n = source.read(buffer, offset, length);
      if (n > 0) count += n;
      return n;
    } catch (IOException e) {
      throw PromotelIOException.ioError(name, e);
    }
  }

  @Override
  public int available() {
    try {
      return source.available();
    } catch (IOException e) {
      // Only a hint. The JDK's channel stream over a named pipe (mkfifo, <(curl ...)) fails here
      // with "Illegal seek" (JDK-8233451); a real read error shows up on the next read().
      return 0;
    }
  }

  @Override
  public void close() throws IOException {
    if (!ownsSource) return;
    try {
      source.close();
    } catch (IOException e) {
      throw PromotelIOException.ioError(name, e);
    }
  }
}
