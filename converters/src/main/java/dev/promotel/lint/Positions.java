package dev.promotel.lint;

import dev.promotel.format.SourcePosition;

/**
 * Positions of findings. A text input gives {@code file:line:1}; an input without lines (OTLP
 * JSON or protobuf) gives the file alone: line 0, which reporters print as the bare path and SARIF
 * as a location without a region.
 */
public final class Positions {
  private Positions() {}

  public static SourcePosition of(String source, long line) {
    return line > 0 ? SourcePosition.text(source, line, 1) : fileOnly(source);
  }

  public static SourcePosition fileOnly(String source) {
    return new SourcePosition(source, 0, 0, -1);
  }

  /** {@code file:line:col}, or the bare file when the position has no line. */
  public static String format(SourcePosition p) {
    return p.line() > 0 ? p.source() + ":" + p.line() + ":" + Math.max(1, p.column()) : p.source();
  }
}
