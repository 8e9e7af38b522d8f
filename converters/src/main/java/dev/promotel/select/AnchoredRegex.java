package dev.promotel.select;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.promotel.format.SourcePosition;
import dev.promotel.yaml.ConfigException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
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
  /**
   * Shapes answered without the regex engine, exactly (the regex is anchored and {@code .} matches
   * everything): {@code foo}, {@code a|b|c}, {@code foo.*}, {@code .*foo}, {@code .*foo.*}, {@code
   * .*}, {@code .+}, as Prometheus' FastRegexMatcher does for the same shapes.
   */
  private enum Shape {
    GENERAL,
    LITERALS,
    PREFIX,
    SUFFIX,
    CONTAINS,
    ANY,
    NON_EMPTY
  }

  private final String source;
  private final Pattern pattern;
  private final Shape shape;
  private final String literal;
  private final Set<String> literals;

  private AnchoredRegex(String source, Pattern pattern) {
    this.source = source;
    this.pattern = pattern;
    Shape s = Shape.GENERAL;
    String lit = null;
    Set<String> lits = null;
    if (source.equals(".*")) {
      s = Shape.ANY;
    } else if (source.equals(".+")) {
      s = Shape.NON_EMPTY;
    } else if (source.startsWith(".*") && source.endsWith(".*") && source.length() >= 4
        && isLiteral(source.substring(2, source.length() - 2))) {
      s = Shape.CONTAINS;
      lit = source.substring(2, source.length() - 2);
    } else if (source.endsWith(".*") && isLiteral(source.substring(0, source.length() - 2))) {
      s = Shape.PREFIX;
      lit = source.substring(0, source.length() - 2);
    } else if (source.startsWith(".*") && isLiteral(source.substring(2))) {
      s = Shape.SUFFIX;
      lit = source.substring(2);
    } else {
      boolean all = true;
      String[] parts = source.split("\\|", -1);
      for (String part : parts) all &= isLiteral(part);
      if (all) {
        s = Shape.LITERALS;
        lits = new HashSet<>(Arrays.asList(parts));
      }
    }
    this.shape = s;
    this.literal = lit;
    this.literals = lits;
  }

  /** No regex metacharacter at all, so the text matches only itself. */
  private static boolean isLiteral(String text) {
    for (int i = 0; i < text.length(); i++) {
      if ("\\.+*?()|[]{}^$".indexOf(text.charAt(i)) >= 0) return false;
    }
    return true;
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
      String reason = "invalid regex " + Selector.quote(regex) + ": " + description
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

  /** The regex as written, without the anchoring wrapper. */
  public String source() {
    return source;
  }

  /** Whether matching needs the regex engine (else it is a string comparison: no cache needed). */
  public boolean needsEngine() {
    return shape == Shape.GENERAL;
  }

  /** Whether the whole of {@code value} matches. */
  public boolean matches(String value) {
    return switch (shape) {
      case GENERAL -> pattern.matches(value);
      case LITERALS -> literals.contains(value);
      case PREFIX -> value.startsWith(literal);
      case SUFFIX -> value.endsWith(literal);
      case CONTAINS -> value.contains(literal);
      case ANY -> true;
      case NON_EMPTY -> !value.isEmpty();
    };
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
