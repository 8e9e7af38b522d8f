package dev.promotel.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The top of every output chain, handed to writers: buffers, compresses, and on {@link #close()}
 * (idempotent) writes the compression trailer and flushes down to the sink, which stays open.
 * Writing after close fails instead of silently producing a file with data after its trailer.
 */
final class FinishingOutputStream extends OutputStream {
  private static final int BUFFER = 64 * 1024;

  private final String name;
  private final OutputStream encoder;
  private boolean closed;

  private FinishingOutputStream(String name, OutputStream encoder) {
    this.name = name;
    this.encoder = encoder;
  }

  /** sink ← name errors, keep open ← 64 KiB buffer ← compression encoder ← this. */
  static FinishingOutputStream over(String name, OutputStream sink, Compression compression)
      throws IOException {
    OutputStream buffered = new BufferedOutputStream(new SinkOutputStream(name, sink), BUFFER);
    return new FinishingOutputStream(name, compression.compress(buffered));
  }

  @Override
  public void write(int b) throws IOException {
    ensureOpen();
    encoder.write(b);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    ensureOpen();
    encoder.write(bytes, offset, length);
  }

  @Override
  public void flush() throws IOException {
    if (!closed) encoder.flush();
  }

  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    encoder.close();
  }

  boolean isClosed() {
    return closed;
  }

  private void ensureOpen() throws IOException {
    if (closed) throw new IOException(name + ": output already finished");
  }
}
