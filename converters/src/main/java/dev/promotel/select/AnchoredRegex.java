package dev.promotel.select;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.promotel.format.SourcePosition;
import dev.promotel.yaml.ConfigException;
import java.util.function.IntFunction;

/**
 * A regular expression with Prometheus semantics: RE2 syntax (re2j), compiled as {@code
 * ^(?s:re)$}, so it must match the whole value and {@code .} also matches a newline, as
 * Prometheus 3 compiles selector and relabel regexes. Constructs Java's {@code java.util.regex}
 * accepts but RE2 does not (backreferences, lookaround, possessive or atomic groups) are rejected
 * with a positioned {@link ConfigException}.
 *
 * <p>Example: {@code compile("foo|ba.")} matches {@code foo} and {@code bar}, not {@code foobar}.
 */
public final class AnchoredRegex {
  private final String source;
  private final Pattern pattern;

  private AnchoredRegex(String source, Pattern pattern) {
    this.source = source;
    this.pattern = pattern;
  }

  /**
   * Compiles {@code regex}; on a syntax error throws a {@link ConfigException} positioned where
   * {@code positionOf} maps the offending character's index in {@code regex} (0 when unknown),
   * with {@code sourceLine} for the caret.
   */
  public static AnchoredRegex compile(
      String regex, IntFunction<SourcePosition> positionOf, String sourceLine)
      throws ConfigException {
    try {
      // The regex alone first: wrapped, "a)|(b" would balance against the wrapper's parentheses.
      Pattern.compile(regex);
      return new AnchoredRegex(regex, Pattern.compile("^(?s:" + regex + ")$"));
    } catch (PatternSyntaxException e) {
      String fragment = e.getPattern();
      if ("stack underflow".equals(fragment)) {
        // re2j's wording for an unbalanced ')'; Go's regexp says "unexpected )".
        fragment = ")";
      }
      int at = fragment == null || fragment.isEmpty() ? -1 : regex.indexOf(fragment);
      String description = ")".equals(fragment) && e.getDescription().contains("internal error")
          ? "unexpected )" : e.getDescription();
      if (fragment != null && (fragment.startsWith("(?<=") || fragment.startsWith("(?<!"))) {
        description = "lookbehind is not supported";
      }
      String hint = isPerlOnly(description)
          ? " (RE2 syntax: no backreferences, lookaround, possessive or atomic groups)" : "";
      String reason = "invalid regex " + quote(regex) + ": " + description
          + (fragment == null || fragment.equals(regex) ? "" : " at `" + fragment + "`") + hint;
      throw new ConfigException(positionOf.apply(Math.max(0, at)), reason, sourceLine);
    }
  }

  /** Compiles a regex known to be valid (a constant); a syntax error is a programming error. */
  public static AnchoredRegex of(String regex) {
    return new AnchoredRegex(regex, Pattern.compile("^(?s:" + regex + ")$"));
  }

  private static boolean isPerlOnly(String description) {
    return description.contains("Perl syntax") || description.contains("escape sequence")
        || description.contains("nested repetition") || description.contains("lookbehind");
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** The regex as written, without the anchoring wrapper. */
  public String source() {
    return source;
  }

  /** Whether the whole of {@code value} matches. */
  public boolean matches(String value) {
    return pattern.matches(value);
  }

  /**
   * The match of the whole of {@code value}, or null: group {@code i} spans {@code [start(i),
   * end(i))}, -1 when it did not take part.
   */
  public Matcher match(String value) {
    Matcher m = pattern.matcher(value);
    return m.matches() ? m : null;
  }

  /** The group number of each named group ({@code (?P<name>...)}), -1 when there is none. */
  public int groupIndex(String name) {
    Integer i = pattern.namedGroups().get(name);
    return i == null ? -1 : i;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AnchoredRegex other && source.equals(other.source);
  }

  @Override
  public int hashCode() {
    return source.hashCode();
  }

  @Override
  public String toString() {
    return source;
  }
}
