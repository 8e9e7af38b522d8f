package dev.promotel.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes in, UTF-8-decoded characters out to a {@link Writer}: lets a data command write to the
 * {@code PrintWriter} of {@link Main#run(java.io.PrintWriter, java.io.PrintWriter, String...)}. A
 * multi-byte character split across writes is kept until its last byte arrives.
 */
final class Utf8WriterStream extends OutputStream {
  private final Writer target;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final ByteBuffer pending = ByteBuffer.allocate(8192);
  private final CharBuffer chars = CharBuffer.allocate(8192);

  Utf8WriterStream(Writer target) {
    this.target = target;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      int n = Math.min(len, pending.remaining());
      pending.put(b, off, n);
      off += n;
      len -= n;
      decode(false);
    }
  }

  private void decode(boolean endOfInput) throws IOException {
    pending.flip();
    while (true) {
      boolean overflow = decoder.decode(pending, chars, endOfInput).isOverflow();
      target.write(chars.array(), 0, chars.position());
      chars.clear();
      if (!overflow) break;
    }
    pending.compact();
  }

  @Override
  public void flush() throws IOException {
    target.flush();
  }

  @Override
  public void close() throws IOException {
    decode(true);
    target.flush();
  }
}
