package dev.promotel.format.openmetrics;

import dev.promotel.format.MetricParseException;

/**
 * A sample whose value breaks its type's rules (a quantile outside [0, 1], a negative counter,
 * an info value other than 1), found before the sample changed any state: a lenient read ({@link
 * dev.promotel.format.ReadOptions#valueProblems()}) reports it and skips the line. Example: {@code
 * s{quantile="1.5"} 1} in a summary.
 */
final class InvalidValueException extends MetricParseException {
  private static final long serialVersionUID = 1L;

  InvalidValueException(MetricParseException problem) {
    super(problem.position(), problem.reason(), problem.sourceLine());
  }
}
