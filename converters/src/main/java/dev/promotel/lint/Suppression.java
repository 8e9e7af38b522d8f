package dev.promotel.lint;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An inline suppression comment: {@code # promotel-lint disable=<rule>[,<rule>] reason="..."
 * [until=YYYY-MM-DD]} (also {@code disable-next-line}, {@code disable-file}; {@code //} in Alloy).
 * {@code disable} as a trailing comment covers its own line; on a line of its own, like {@code
 * disable-next-line}, it covers {@code targetLine}, the next line that is not a comment.
 *
 * <p>Example: {@code labels: {trace_id: ""}  # promotel-lint disable=logs/dynamic-label
 * reason="debug stream, removed in Q3" until=2026-12-31}.
 */
public record Suppression(
    String source,
    long line,
    long targetLine,
    Scope scope,
    List<String> rules,
    Optional<String> reason,
    Optional<String> until) {

  public enum Scope { LINE, NEXT_LINE, FILE }

  private static final Pattern DIRECTIVE = Pattern.compile(
      "(?:#|//)\\s*promotel-lint\\s+(disable-next-line|disable-file|disable)(?:=(\\S*))?(.*)");
  private static final Pattern REASON = Pattern.compile("reason=\"([^\"]*)\"");
  private static final Pattern UNTIL = Pattern.compile("until=(\\S+)");

  public Suppression {
    rules = List.copyOf(rules);
  }

  /**
   * The directive in {@code line} (1-based {@code number}), if it holds one. {@code targetLine}
   * is set by the caller for directives that cover the next line.
   */
  static Optional<Suppression> parse(String source, long number, String line) {
    int at = line.indexOf("promotel-lint");
    if (at < 0) return Optional.empty();
    Matcher m = DIRECTIVE.matcher(line);
    if (!m.find()) return Optional.empty();
    String before = line.substring(0, m.start()).strip();
    boolean standalone = before.isEmpty();
    Scope scope = switch (m.group(1)) {
      case "disable-file" -> Scope.FILE;
      case "disable-next-line" -> Scope.NEXT_LINE;
      default -> standalone ? Scope.NEXT_LINE : Scope.LINE;
    };
    List<String> rules = m.group(2) == null || m.group(2).isEmpty()
        ? List.of() : List.of(m.group(2).split(","));
    String rest = m.group(3);
    Matcher r = REASON.matcher(rest);
    Optional<String> reason = r.find() && !r.group(1).isBlank() ? Optional.of(r.group(1)) : Optional.empty();
    Matcher u = UNTIL.matcher(rest);
    Optional<String> until = u.find() ? Optional.of(u.group(1)) : Optional.empty();
    return Optional.of(new Suppression(source, number, scope == Scope.LINE ? number : 0, scope, rules,
        reason, until));
  }

  Suppression withTarget(long target) {
    return new Suppression(source, line, target, scope, rules, reason, until);
  }

  /** The expiry date, or empty when none or unparsable (see {@link #untilValid()}). */
  Optional<LocalDate> untilDate() {
    try {
      return until.map(LocalDate::parse);
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  boolean untilValid() {
    return until.isEmpty() || untilDate().isPresent();
  }

  boolean covers(Finding f) {
    if (!f.position().source().equals(source)) return false;
    return switch (scope) {
      case FILE -> true;
      case LINE, NEXT_LINE -> f.position().line() == targetLine;
    };
  }

  /** The suppressions in a text file, with {@code disable-next-line} targets resolved. */
  static List<Suppression> scan(String source, String text) {
    String[] lines = text.split("\r?\n", -1);
    List<Suppression> out = new java.util.ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].contains("promotel-lint")) continue;
      Optional<Suppression> s = parse(source, i + 1, lines[i]);
      if (s.isEmpty()) continue;
      Suppression found = s.get();
      if (found.scope() == Scope.NEXT_LINE) {
        int j = i + 1;
        while (j < lines.length && isComment(lines[j])) j++;
        found = found.withTarget(j + 1);
      }
      out.add(found);
    }
    return out;
  }

  static boolean isComment(String line) {
    String t = line.strip();
    return t.isEmpty() || t.startsWith("#") || t.startsWith("//");
  }
}
