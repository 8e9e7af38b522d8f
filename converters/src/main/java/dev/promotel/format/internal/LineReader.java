package dev.promotel.format.internal;

import dev.promotel.format.MetricParseException;
import dev.promotel.format.SourcePosition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads an input line by line into a reused byte buffer, without a String per line, and enforces a
 * maximum line length so a hostile 10 MB line fails fast instead of filling memory.
 *
 * <p>Internal: public only for the format packages; may change at any time.
 */
public final class LineReader {
  private final InputStream in;
  private final String source;
  private final int maxLineBytes;
  private byte[] buf = new byte[64 << 10];
  private int pos; // start of unread data
  private int limit; // end of valid data
  private boolean eof;
  private int lineStart;
  private int lineEnd;
  private boolean endedWithNewline;
  private long lineNumber;

  public LineReader(InputStream in, String source, int maxLineBytes) {
    this.in = in;
    this.source = source;
    this.maxLineBytes = maxLineBytes;
  }

  /** Advances to the next line; false at the end of input. */
  public boolean next() throws IOException {
    int scanFrom = pos;
    while (true) {
      int nl = indexOfNewline(scanFrom);
      if (nl >= 0) {
        setLine(pos, nl, true);
        pos = nl + 1;
        return true;
      }
      if (limit - pos > maxLineBytes) throw tooLong(lineNumber + 1);
      if (eof) {
        if (pos == limit) return false;
        setLine(pos, limit, false);
        pos = limit;
        return true;
      }
      scanFrom = limit;
      fill();
      scanFrom -= shift;
    }
  }

  private int shift;

  private void fill() throws IOException {
    shift = 0;
    if (pos > 0 && (limit == buf.length || pos > buf.length / 2)) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      shift = pos;
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      int grown = (int) Math.min((long) buf.length * 2, (long) maxLineBytes + 2);
      if (grown <= buf.length) grown = buf.length + 1;
      byte[] bigger = new byte[grown];
      System.arraycopy(buf, 0, bigger, 0, limit);
      buf = bigger;
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) eof = true;
    else limit += n;
  }

  private int indexOfNewline(int from) {
    byte[] b = buf;
    for (int i = from; i < limit; i++) {
      if (b[i] == '\n') return i;
    }
    return -1;
  }

  private void setLine(int start, int end, boolean newline) throws MetricParseException {
    lineNumber++;
    if (end - start > maxLineBytes) {
      throw tooLong(lineNumber);
    }
    lineStart = start;
    lineEnd = end;
    endedWithNewline = newline;
  }

  private MetricParseException tooLong(long line) {
    return new MetricParseException(
        SourcePosition.text(source, line, 1),
        "line longer than " + maxLineBytes + " bytes (raise the limit with --max-line-bytes)");
  }

  public byte[] buffer() {
    return buf;
  }

  /** Index in {@link #buffer()} of the current line's first byte. */
  public int start() {
    return lineStart;
  }

  /** Index in {@link #buffer()} just past the current line's last byte (the newline excluded). */
  public int end() {
    return lineEnd;
  }

  public int length() {
    return lineEnd - lineStart;
  }

  public long lineNumber() {
    return lineNumber;
  }

  public String source() {
    return source;
  }

  /** Whether the current line was terminated by a newline (false only for a last, open line). */
  public boolean endedWithNewline() {
    return endedWithNewline;
  }

  /** True when the current line is the last one of the input (no more bytes follow). */
  public boolean atEnd() throws IOException {
    if (pos < limit) return false;
    while (!eof && pos == limit) {
      fill();
    }
    return pos == limit;
  }

  /** The current line decoded as UTF-8 (malformed bytes replaced), for messages. */
  public String lineAsString() {
    return new String(buf, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
  }

  /** An error at byte {@code offset} of the current line; the column counts code points. */
  public MetricParseException error(int offset, String reason) {
    return new MetricParseException(
        SourcePosition.text(source, lineNumber, columnOf(offset)), reason, lineAsString());
  }

  /** 1-based column, in code points, of byte {@code offset} within the current line. */
  public int columnOf(int offset) {
    int column = 1;
    int end = Math.min(lineStart + Math.max(0, offset), lineEnd);
    for (int i = lineStart; i < end; i++) {
      if ((buf[i] & 0xC0) != 0x80) column++;
    }
    return offset > lineEnd - lineStart ? column + (offset - (lineEnd - lineStart)) : column;
  }
}
