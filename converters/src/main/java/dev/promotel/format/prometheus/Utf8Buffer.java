package dev.promotel.format.prometheus;

import java.io.IOException;
import java.io.Writer;

/**
 * A {@link Writer} that encodes into a byte buffer as UTF-8 itself, so that text output needs no
 * {@code OutputStreamWriter} (whose encoder is one more pass over every character, after one more
 * copy through a {@code BufferedWriter}). ASCII, nearly all of an exposition, is one store per
 * character. A surrogate pair may arrive in two calls; a lone surrogate becomes {@code ?}, as
 * {@code OutputStreamWriter}'s encoder writes it.
 *
 * <p>Subclasses decide what happens when the buffer is full: {@link LineSink} drains it to its
 * stream, a rendered label set grows it.
 */
abstract class Utf8Buffer extends Writer {
  /** Longest encoding of one char (a surrogate pair's four bytes count as two chars). */
  static final int MAX_BYTES_PER_CHAR = 3;

  protected byte[] buf;
  protected int n;
  /** A high surrogate whose low half has not come yet, else 0. */
  private char pendingHigh;

  Utf8Buffer(int capacity) {
    this.buf = new byte[capacity];
  }

  /** Makes room for at least {@code bytes} more bytes (at most the buffer's initial size). */
  abstract void room(int bytes) throws IOException;

  @Override
  public final void write(int c) throws IOException {
    if (n + 4 > buf.length) room(4);
    char ch = (char) c;
    if (ch < 0x80 && pendingHigh == 0) {
      buf[n++] = (byte) ch;
    } else {
      encode(ch);
    }
  }

  @Override
  public final void write(String s, int off, int len) throws IOException {
    int end = off + len;
    while (off < end) {
      if (buf.length - n < 4) room(4);
      // ASCII run: as much as fits, one store per char.
      int stop = Math.min(end, off + buf.length - n - 3);
      int i = off;
      if (pendingHigh == 0) {
        while (i < stop) {
          char c = s.charAt(i);
          if (c >= 0x80) break;
          buf[n++] = (byte) c;
          i++;
        }
      }
      if (i < stop) encode(s.charAt(i++));
      off = i;
    }
  }

  @Override
  public final void write(String s) throws IOException {
    write(s, 0, s.length());
  }

  /** Writers of lines hand over Strings; arrays (Writer's other entry) take the same path. */
  @Override
  public final void write(char[] chars, int off, int len) throws IOException {
    write(String.valueOf(chars, off, len));
  }

  /**
   * A label value (or quoted name) escaped as {@link
   * dev.promotel.format.internal.TextEscaping#writeLabelValue} escapes it ({@code \\}, {@code
   * \"}, {@code \n}), in the same pass as the encoding: label values are most of a line, and
   * scanning each for escapes before copying it was a second pass over every character.
   */
  final void writeLabelValue(String s) throws IOException {
    int len = s.length();
    int i = 0;
    while (i < len) {
      if (buf.length - n < 4) room(4);
      int stop = Math.min(len, i + buf.length - n - 3);
      if (pendingHigh == 0) {
        while (i < stop) {
          char c = s.charAt(i);
          if (c >= 0x80 || c == '"' || c == '\\' || c == '\n') break;
          buf[n++] = (byte) c;
          i++;
        }
      }
      if (i < stop) {
        char c = s.charAt(i++);
        if (c == '"' || c == '\\' || c == '\n') {
          if (pendingHigh != 0) {
            pendingHigh = 0;
            buf[n++] = '?';
          }
          buf[n++] = '\\';
          buf[n++] = (byte) (c == '\n' ? 'n' : c);
        } else {
          encode(c);
        }
      }
    }
  }

  /** Copies bytes that are already UTF-8 (a rendered label set). */
  final void writeBytes(byte[] bytes, int off, int len) throws IOException {
    if (pendingHigh != 0) {
      pendingHigh = 0;
      write('?');
    }
    if (len > buf.length - n) {
      room(len);
      if (len > buf.length - n) {
        writeThrough(bytes, off, len);
        return;
      }
    }
    System.arraycopy(bytes, off, buf, n, len);
    n += len;
  }

  /** Writes what does not fit even into an empty buffer; only a draining subclass gets here. */
  void writeThrough(byte[] bytes, int off, int len) throws IOException {
    throw new IllegalStateException("room(" + len + ") left less room than asked for");
  }

  /** Any char but ASCII after ASCII; the caller left at least 4 bytes of room. */
  private void encode(char c) {
    if (pendingHigh != 0) {
      char high = pendingHigh;
      pendingHigh = 0;
      if (Character.isLowSurrogate(c)) {
        int cp = Character.toCodePoint(high, c);
        buf[n++] = (byte) (0xF0 | cp >> 18);
        buf[n++] = (byte) (0x80 | (cp >> 12 & 0x3F));
        buf[n++] = (byte) (0x80 | (cp >> 6 & 0x3F));
        buf[n++] = (byte) (0x80 | (cp & 0x3F));
        return;
      }
      buf[n++] = '?';
    }
    if (c < 0x80) {
      buf[n++] = (byte) c;
    } else if (c < 0x800) {
      buf[n++] = (byte) (0xC0 | c >> 6);
      buf[n++] = (byte) (0x80 | (c & 0x3F));
    } else if (Character.isHighSurrogate(c)) {
      pendingHigh = c;
    } else if (Character.isLowSurrogate(c)) {
      buf[n++] = '?';
    } else {
      buf[n++] = (byte) (0xE0 | c >> 12);
      buf[n++] = (byte) (0x80 | (c >> 6 & 0x3F));
      buf[n++] = (byte) (0x80 | (c & 0x3F));
    }
  }

  /** Ends the text: a high surrogate still waiting for its low half becomes {@code ?}. */
  final void endText() throws IOException {
    if (pendingHigh != 0) {
      pendingHigh = 0;
      if (n == buf.length) room(1);
      buf[n++] = '?';
    }
  }
}
