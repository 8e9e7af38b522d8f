package dev.promotel.model;

/**
 * A sample value that remembers whether it was an integer ({@code asInt} in OTLP, digits without
 * a point in text) or a float, so that both round-trip exactly: {@code 9007199254740993} stays an
 * integer instead of rounding through a double.
 */
public record NumberValue(double doubleValue, long longValue, boolean isLong) {
  public static final NumberValue ZERO = ofLong(0);
  public static final NumberValue ONE = ofLong(1);

  public static NumberValue ofLong(long value) {
    return new NumberValue(value, value, true);
  }

  public static NumberValue ofDouble(double value) {
    return new NumberValue(value, 0, false);
  }

  /** The value as a double (integers above 2^53 round, as in every Prometheus implementation). */
  public double toDouble() {
    return isLong ? (double) longValue : doubleValue;
  }

  /**
   * Same kind and same bits, so -0.0 differs from 0.0; all NaNs count as one, because no text
   * format can spell a NaN payload.
   */
  public boolean sameBits(NumberValue other) {
    return isLong == other.isLong
        && (isLong
            ? longValue == other.longValue
            : Double.doubleToLongBits(doubleValue) == Double.doubleToLongBits(other.doubleValue));
  }

  @Override
  public String toString() {
    return isLong ? Long.toString(longValue) : Double.toString(doubleValue);
  }
}
