package dev.promotel.io;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The bottom of every output chain: passes bytes to the sink, names write errors after the output
 * ({@code out.prom: No space left on device}, exit 4), and only flushes on close, because the sink
 * belongs to someone else: standard output must stay usable, and {@link AtomicOutput} fsyncs its
 * file before closing it.
 */
final class SinkOutputStream extends OutputStream {
  private final String name;
  private final OutputStream sink;

  SinkOutputStream(String name, OutputStream sink) {
    this.name = name;
    this.sink = sink;
  }

  @Override
  public void write(int b) throws IOException {
    try {
      sink.write(b);
    } catch (IOException e) {
      throw PromotelIOException.ioError(name, e);
    }
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    try {
      sink.write(bytes, offset, length);
    } catch (IOException e) {
      throw PromotelIOException.ioError(name, e);
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      sink.flush();
    } catch (IOException e) {
      throw PromotelIOException.ioError(name, e);
    }
  }

  @Override
  public void close() throws IOException {
    flush();
  }
}
