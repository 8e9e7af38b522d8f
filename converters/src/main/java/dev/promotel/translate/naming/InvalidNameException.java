package dev.promotel.translate.naming;

/**
 * A metric or label name that cannot be translated: it is empty, or translation leaves only
 * underscores (otlptranslator's two error cases). Example: the metric name {@code @#$%} under an
 * escaping strategy. Extends {@link IllegalArgumentException} because the input, not the program,
 * is at fault.
 */
public final class InvalidNameException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidNameException(String message) {
    super(message);
  }
}
