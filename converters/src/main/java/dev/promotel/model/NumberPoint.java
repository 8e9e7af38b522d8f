package dev.promotel.model;

import java.util.List;
import java.util.Objects;

/** A gauge or sum point: {@code http_requests_total{code="200"} 1027}. */
public record NumberPoint(
    Attributes attributes,
    long startTimeUnixNano,
    long timeUnixNano,
    NumberValue value,
    List<Exemplar> exemplars,
    int flags)
    implements Point {
  public NumberPoint {
    Point.checkCommon(attributes, startTimeUnixNano, timeUnixNano);
    Objects.requireNonNull(value, "value");
    exemplars = List.copyOf(exemplars);
  }

  public static NumberPoint of(Attributes attributes, NumberValue value) {
    return new NumberPoint(attributes, 0, 0, value, List.of(), 0);
  }
}
