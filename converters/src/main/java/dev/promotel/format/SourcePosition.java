package dev.promotel.format;

/**
 * Where something is in an input: 1-based line and column (columns count code points) for text,
 * or a byte offset for binary inputs (line 0). Printed compiler style: {@code in.prom:12:17}.
 */
public record SourcePosition(String source, long line, long column, long byteOffset) {

  public static SourcePosition text(String source, long line, long column) {
    return new SourcePosition(source, line, column, -1);
  }

  public static SourcePosition binary(String source, long byteOffset) {
    return new SourcePosition(source, 0, 0, byteOffset);
  }

  public boolean isText() {
    return line > 0;
  }

  @Override
  public String toString() {
    return isText() ? source + ":" + line + ":" + column : source + ":byte " + byteOffset;
  }
}
