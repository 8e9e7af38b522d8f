package dev.promotel.select;

import java.util.HashMap;
import java.util.Objects;

/**
 * One PromQL label matcher: {@code name op "value"}. An absent label matches as the empty string,
 * as in Prometheus ({@code {env=""}} selects series without {@code env}).
 *
 * <p>Regex results are cached per label value (values repeat across series: {@code mode},
 * {@code code}, {@code instance}), so matching a long dump does not run the regex engine per
 * sample. Not thread-safe: one filter runs on one thread.
 *
 * <p>Example: {@code code!~"2.."} has name {@code code}, type {@link MatchType#NOT_REGEX}.
 */
public final class LabelMatcher {
  /** Distinct values whose regex result is remembered before the cache starts over. */
  private static final int CACHE_LIMIT = 1 << 16;

  private final String name;
  private final MatchType type;
  private final String value;
  private final AnchoredRegex regex;
  private final HashMap<String, Boolean> cache;

  /** {@code regex} is required for the regex types and ignored for the others. */
  public LabelMatcher(String name, MatchType type, String value, AnchoredRegex regex) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.value = Objects.requireNonNull(value, "value");
    boolean isRegex = type == MatchType.REGEX || type == MatchType.NOT_REGEX;
    if (isRegex && regex == null) throw new IllegalArgumentException("a regex matcher needs a regex");
    this.regex = isRegex ? regex : null;
    this.cache = isRegex && regex.needsEngine() ? new HashMap<>() : null;
  }

  public String name() {
    return name;
  }

  public MatchType type() {
    return type;
  }

  public String value() {
    return value;
  }

  /** Whether a label value ({@code null} or {@code ""} for an absent label) satisfies this. */
  public boolean matches(String labelValue) {
    String v = labelValue == null ? "" : labelValue;
    return switch (type) {
      case EQUAL -> v.equals(value);
      case NOT_EQUAL -> !v.equals(value);
      case REGEX -> regexMatches(v);
      case NOT_REGEX -> !regexMatches(v);
    };
  }

  /** The positive half: {@code =} for {@code !=}, {@code =~} for {@code !~}. */
  boolean matchesPositive(String labelValue) {
    String v = labelValue == null ? "" : labelValue;
    return switch (type) {
      case EQUAL, NOT_EQUAL -> v.equals(value);
      case REGEX, NOT_REGEX -> regexMatches(v);
    };
  }

  private boolean regexMatches(String v) {
    if (cache == null) return regex.matches(v);
    Boolean known = cache.get(v);
    if (known != null) return known;
    boolean result = regex.matches(v);
    if (cache.size() >= CACHE_LIMIT) cache.clear();
    cache.put(v, result);
    return result;
  }

  /** PromQL spelling: {@code code!~"2.."}. */
  @Override
  public String toString() {
    return Selector.quoteName(name) + type.symbol() + Selector.quote(value);
  }
}
