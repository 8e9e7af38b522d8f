package dev.promotel.select;

/**
 * The four PromQL label matcher operators. The regex kinds are RE2, fully anchored.
 *
 * <p>Example: in {@code {code!~"2.."}} the operator is {@link #NOT_REGEX}.
 */
public enum MatchType {
  EQUAL("="),
  NOT_EQUAL("!="),
  REGEX("=~"),
  NOT_REGEX("!~");

  private final String symbol;

  MatchType(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as written in PromQL. */
  public String symbol() {
    return symbol;
  }

  /** Whether this is {@code !=} or {@code !~}, the negation of {@code =} or {@code =~}. */
  public boolean isNegative() {
    return this == NOT_EQUAL || this == NOT_REGEX;
  }
}
