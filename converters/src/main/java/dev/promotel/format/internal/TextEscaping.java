package dev.promotel.format.internal;

import java.io.IOException;
import java.io.Writer;

/**
 * Escaping for the text formats. Label values escape {@code \}, {@code "} and newline in both
 * formats; HELP escapes {@code \} and newline in 0.0.4 and additionally {@code "} in OpenMetrics.
 * Clean runs between escapes are written in bulk (client_java's technique), so the common case of
 * nothing to escape is one {@code write} call.
 *
 * <p>Internal: public only for the format packages; may change at any time.
 */
public final class TextEscaping {
  private TextEscaping() {}

  /** Label values and quoted names: {@code \\}, {@code \"}, {@code \n}. */
  public static void writeLabelValue(Writer out, String s) throws IOException {
    write(out, s, true);
  }

  /** HELP text; {@code escapeQuote} is true for OpenMetrics. */
  public static void writeHelp(Writer out, String s, boolean escapeQuote) throws IOException {
    write(out, s, escapeQuote);
  }

  private static void write(Writer out, String s, boolean escapeQuote) throws IOException {
    int n = s.length();
    int runStart = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      String replacement;
      if (c == '\\') replacement = "\\\\";
      else if (c == '\n') replacement = "\\n";
      else if (c == '"' && escapeQuote) replacement = "\\\"";
      else continue;
      if (i > runStart) out.write(s, runStart, i - runStart);
      out.write(replacement);
      runStart = i + 1;
    }
    if (runStart < n) out.write(s, runStart, n - runStart);
  }

  /** The label-value escaping as a String, for tests and messages. */
  public static String escapeLabelValue(String s) {
    java.io.StringWriter w = new java.io.StringWriter(s.length() + 8);
    try {
      writeLabelValue(w, s);
    } catch (IOException impossible) {
      throw new IllegalStateException(impossible);
    }
    return w.toString();
  }
}
