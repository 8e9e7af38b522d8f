package dev.promotel.model;

/** OTLP aggregation temporality; the numbers are the protobuf enum values. */
public enum AggregationTemporality {
  UNSPECIFIED(0),
  DELTA(1),
  CUMULATIVE(2);

  private final int number;

  AggregationTemporality(int number) {
    this.number = number;
  }

  public int number() {
    return number;
  }

  /** The enum for an OTLP number; unknown numbers are UNSPECIFIED (the caller reports them). */
  public static AggregationTemporality ofNumber(int number) {
    return switch (number) {
      case 1 -> DELTA;
      case 2 -> CUMULATIVE;
      default -> UNSPECIFIED;
    };
  }
}
