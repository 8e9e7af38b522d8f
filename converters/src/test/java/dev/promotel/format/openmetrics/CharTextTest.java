package dev.promotel.format.openmetrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.internal.FloatFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CharTextTest {

  private static String openMetrics(double v) {
    CharText t = new CharText(4);
    t.append("x").appendOpenMetricsDouble(v);
    return t.substring(1, t.length());
  }

  @Property(tries = 20_000)
  void anyDoubleIsSpelledLikeFloatFormat(@ForAll long bits) {
    double v = Double.longBitsToDouble(bits);
    assertThat(openMetrics(v)).isEqualTo(FloatFormat.formatOpenMetrics(v));
  }

  @Property(tries = 20_000)
  void shortDecimalsAreSpelledLikeFloatFormat(
      @ForAll @LongRange(min = -99_999_999_999L, max = 99_999_999_999L) long mantissa,
      @ForAll @IntRange(min = -30, max = 30) int exponent) {
    double v = Double.parseDouble(mantissa + "e" + exponent);
    assertThat(openMetrics(v)).isEqualTo(FloatFormat.formatOpenMetrics(v));
  }

  @Property(tries = 5_000)
  void numbersNearTheFastPathLimitAreSpelledLikeFloatFormat(
      @ForAll @LongRange(min = 1L << 47, max = 1L << 51) long scaled,
      @ForAll @IntRange(min = 0, max = 17) int fractionDigits) {
    double v = scaled / Math.pow(10, fractionDigits);
    assertThat(openMetrics(v)).isEqualTo(FloatFormat.formatOpenMetrics(v));
    double next = Math.nextUp(v);
    assertThat(openMetrics(next)).isEqualTo(FloatFormat.formatOpenMetrics(next));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -0.0, 1, -1, 0.1, 0.25, 1e-4, 1.5e-5, 123456, 1234567, 1e6, 5e-324,
      Double.MAX_VALUE, Double.MIN_NORMAL, 0x1p49, 0x1p53, 9007199254740993.0, 2.6415876384e10,
      3.412376e6, 0.614829317, 2.3811e-05, Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY})
  void edgeValuesAreSpelledLikeFloatFormat(double v) {
    assertThat(openMetrics(v)).isEqualTo(FloatFormat.formatOpenMetrics(v));
  }

  @Test
  void longsAreSpelledLikeLongToString() {
    for (long v : new long[] {0, 7, -7, 10, 1_000_000, Long.MAX_VALUE, Long.MIN_VALUE}) {
      CharText t = new CharText(1);
      assertThat(t.appendLong(v).substring(0, t.length())).isEqualTo(Long.toString(v));
    }
  }

  @Test
  void labelValuesAreEscapedOnlyWhereNeeded() {
    CharText t = new CharText(2);
    t.appendEscaped("plain").append('|').appendEscaped("a\\b\"c\nd");
    assertThat(t.substring(0, t.length())).isEqualTo("plain|a\\\\b\\\"c\\nd");
  }
}
