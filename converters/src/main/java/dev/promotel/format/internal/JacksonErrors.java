package dev.promotel.format.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jackson parse error as promotel reports it: a plain reason and the line and column it belongs
 * to, without Jackson's {@code [Source: REDACTED (...); line: 1, column: 20]} location text.
 * {@link JacksonException#getOriginalMessage()} drops the trailing location, but some messages
 * still name an array or object with such a location inside; it is shortened to {@code 1:20}. For
 * an end-of-input error that location (the unclosed array or object) is where the user has to
 * look, so it becomes the position.
 *
 * <p>Example: {@code {"resourceMetrics":[} ends in the middle of the array, reported as
 * {@code 1:20} (the {@code [}) with the reason {@code unexpected end of input: the array opened
 * here is never closed}.
 *
 * <p>Internal: public only for the promotel packages that parse JSON or YAML; may change at any
 * time.
 */
public final class JacksonErrors {
  private static final Pattern START_MARKER = Pattern.compile(
      "\\s*\\(start marker at \\[Source: .*?; line: (\\d+), column: (\\d+)\\]\\)");
  private static final Pattern SOURCE_AT =
      Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");
  private static final Pattern SOURCE = Pattern.compile("\\s*(?:at )?\\[Source: [^\\]]*\\]");
  private static final Pattern CLOSE_MARKER =
      Pattern.compile("expected close marker for (Array|Object)");
  private static final String EOF = "Unexpected end-of-input";

  private JacksonErrors() {}

  /** {@code e}'s reason, one line, without location text; end of input in plain words. */
  public static String reason(JacksonException e) {
    String message = e.getOriginalMessage();
    if (message == null) return "invalid syntax";
    int newline = message.indexOf('\n');
    if (newline >= 0) message = message.substring(0, newline);
    // "(for Array starting at [Source: ...; line: 1, column: 20])" -> "(... starting at 1:20)"
    message = SOURCE_AT.matcher(message).replaceAll("$1:$2");
    message = SOURCE.matcher(message).replaceAll("").strip();
    if (!message.startsWith(EOF)) return message;
    Matcher close = CLOSE_MARKER.matcher(message);
    if (close.find()) {
      return "unexpected end of input: the " + close.group(1).toLowerCase(Locale.ROOT)
          + " opened here is never closed";
    }
    String rest = message.substring(EOF.length()).replaceFirst("^[:\\s]+", "");
    return rest.isEmpty() ? "unexpected end of input" : "unexpected end of input: " + rest;
  }

  /**
   * {@code {line, column}} of {@code e} (1-based): the unclosed array or object of an
   * end-of-input error, else Jackson's location, else {@code fallback}, else 1:1.
   */
  public static long[] position(JacksonException e, JsonLocation fallback) {
    String message = e.getOriginalMessage();
    if (message != null && message.startsWith(EOF)) {
      Matcher start = START_MARKER.matcher(message);
      if (start.find()) {
        return new long[] {Long.parseLong(start.group(1)), Long.parseLong(start.group(2))};
      }
    }
    JsonLocation at = e.getLocation() != null ? e.getLocation() : fallback;
    if (at == null || at.getLineNr() < 1) return new long[] {1, 1};
    return new long[] {at.getLineNr(), Math.max(1, at.getColumnNr())};
  }
}
