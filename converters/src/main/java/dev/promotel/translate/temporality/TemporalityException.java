package dev.promotel.translate.temporality;

/**
 * A point that an {@code error} policy forbids ({@code --on-overlap=error}, {@code
 * --on-duplicate=error}, ...): the input breaks a rule the user asked to enforce. The CLI reports
 * it as invalid input (exit 3).
 *
 * <p>Example message: {@code overlap in stream http.requests{code="200"}: start 1050 < previous
 * time 1100}.
 */
public final class TemporalityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TemporalityException(String message) {
    super(message);
  }
}
