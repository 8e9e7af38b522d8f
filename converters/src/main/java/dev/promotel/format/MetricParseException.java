package dev.promotel.format;

import java.io.IOException;

/**
 * Invalid input data at a position. {@link #getMessage()} is the one-line compiler-style form
 * {@code in.prom:12:17: expected '=' after label name, got '}'}; {@link #sourceLine()} holds the
 * offending line (may be empty) so a caret can be drawn under {@code position().column()}.
 */
public class MetricParseException extends IOException {
  private final SourcePosition position;
  private final String reason;
  private final String sourceLine;

  public MetricParseException(SourcePosition position, String reason, String sourceLine) {
    super(position + ": " + reason);
    this.position = position;
    this.reason = reason;
    this.sourceLine = sourceLine == null ? "" : sourceLine;
  }

  public MetricParseException(SourcePosition position, String reason) {
    this(position, reason, "");
  }

  public SourcePosition position() {
    return position;
  }

  /** The message without the position. */
  public String reason() {
    return reason;
  }

  public String sourceLine() {
    return sourceLine;
  }

  /** The message, then the offending line (truncated to 200 characters) and a caret under it. */
  public String render() {
    if (sourceLine.isEmpty() || !position.isText()) return getMessage();
    int col = (int) Math.max(1, position.column());
    int from = col > 160 ? col - 120 : 0;
    int[] cps = sourceLine.codePoints().toArray();
    int to = Math.min(cps.length, from + 200);
    String shown = new String(cps, from, Math.max(0, to - from)).replace('\t', ' ');
    String prefix = from > 0 ? "..." : "";
    return getMessage() + "\n  " + prefix + shown + (to < cps.length ? "..." : "") + "\n  "
        + " ".repeat(prefix.length() + Math.max(0, col - 1 - from)) + "^";
  }
}
