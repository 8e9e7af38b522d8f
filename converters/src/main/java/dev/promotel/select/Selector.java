package dev.promotel.select;

import dev.promotel.yaml.ConfigException;
import java.util.List;

/**
 * A PromQL series selector: an optional metric name and label matchers, all of which must hold
 * (AND). Parsed with PromQL's rules: {@code =}, {@code !=}, {@code =~}, {@code !~}; label names
 * bare or quoted ({@code {"http.route"="/"}}); a quoted metric name alone in the braces ({@code
 * {"http.server.request.duration"}}); values in double, single or back quotes with Go escapes;
 * a trailing comma; at least one matcher that does not match the empty string; the name not set
 * twice. Regexes are RE2 and fully anchored ({@link AnchoredRegex}).
 *
 * <p>Errors are {@link ConfigException}s positioned {@code selector:1:col}.
 *
 * <p>Example: {@code http_requests_total{code!~"2..",method="GET"}}.
 */
public final class Selector {
  /** The source name used in error positions. */
  public static final String SOURCE = "selector";

  private final String text;
  private final List<LabelMatcher> matchers;

  Selector(String text, List<LabelMatcher> matchers) {
    this.text = text;
    this.matchers = List.copyOf(matchers);
  }

  /** Parses {@code text}; errors are positioned in {@code selector:line:col}. */
  public static Selector parse(String text) throws ConfigException {
    return new SelectorParser(text).parse();
  }

  /** The selector as given. */
  public String text() {
    return text;
  }

  /** Every matcher, a metric name written before the braces as {@code __name__="name"} (last). */
  public List<LabelMatcher> matchers() {
    return matchers;
  }

  @Override
  public String toString() {
    return text;
  }

  /** A label name as PromQL writes it: bare when legacy-valid, else double-quoted. */
  static String quoteName(String name) {
    return isLegacyLabelName(name) ? name : quote(name);
  }

  static boolean isLegacyLabelName(String name) {
    if (name.isEmpty()) return false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
          || (i > 0 && c >= '0' && c <= '9');
      if (!ok) return false;
    }
    return true;
  }

  /** A double-quoted string with Go escapes. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7F) out.append(String.format("\\x%02x", (int) c));
          else out.append(c);
        }
      }
    }
    return out.append('"').toString();
  }
}
