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
    for (int k = from; k < to; k++) cps[k] = visible(cps[k]);
    String shown = new String(cps, from, Math.max(0, to - from));
    String prefix = from > 0 ? "..." : "";
    return getMessage() + "\n  " + prefix + shown + (to < cps.length ? "..." : "") + "\n  "
        + " ".repeat(prefix.length() + Math.max(0, col - 1 - from)) + "^";
  }

  /**
   * One visible code point per input code point, so the caret stays aligned: a tab becomes a
   * blank, other control characters their Unicode control picture (ESC → ␛, CR → ␍), because the
   * line comes from untrusted input and raw escape sequences would drive the user's terminal.
   */
  private static int visible(int cp) {
    if (cp == '\t') return ' ';
    if (cp < 0x20) return 0x2400 + cp;
    if (cp == 0x7F) return 0x2421;
    return cp;
  }
}
