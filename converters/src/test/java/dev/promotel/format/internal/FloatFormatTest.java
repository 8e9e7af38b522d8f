package dev.promotel.format.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FloatFormatTest {

  @ParameterizedTest(name = "{0} is written as {1} (Go) and {2} (OpenMetrics)")
  @CsvSource({
    "100000, 100000, 100000.0",
    "1e6, 1e+06, 1e+06",
    "1234567, 1.234567e+06, 1.234567e+06",
    "123456.7, 123456.7, 123456.7",
    "1e-5, 1e-05, 1e-05",
    "0.0001, 0.0001, 0.0001",
    "0.005, 0.005, 0.005",
    "1.1e23, 1.1e+23, 1.1e+23",
    "1e23, 1e+23, 1e+23",
    "0, 0, 0.0",
    "-1, -1, -1.0",
    "1, 1, 1.0",
    "0.1, 0.1, 0.1",
    "10, 10, 10.0",
    "0.30000000000000004, 0.30000000000000004, 0.30000000000000004",
    "8.41e21, 8.41e+21, 8.41e+21",
    "2.82879384806159e17, 2.82879384806159e+17, 2.82879384806159e+17",
    "9223372036854775808, 9.223372036854776e+18, 9.223372036854776e+18",
    "5e-324, 5e-324, 5e-324",
    "1.7976931348623157e308, 1.7976931348623157e+308, 1.7976931348623157e+308",
  })
  void formatsLikeGoAndOpenMetrics(double value, String go, String openMetrics) {
    assertThat(FloatFormat.formatGo(value)).isEqualTo(go);
    assertThat(FloatFormat.formatOpenMetrics(value)).isEqualTo(openMetrics);
  }

  @org.junit.jupiter.api.Test
  void specialValuesUsePrometheusSpelling() {
    assertThat(FloatFormat.formatGo(Double.NaN)).isEqualTo("NaN");
    assertThat(FloatFormat.formatGo(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(FloatFormat.formatOpenMetrics(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    assertThat(FloatFormat.formatGo(-0.0)).isEqualTo("-0");
  }

  @Property
  void everyFiniteDoubleRoundTripsThroughItsGoSpelling(@ForAll double value) {
    String s = FloatFormat.formatGo(value);
    assertThat(Double.doubleToRawLongBits(NumberParser.parseGo(s).toDouble()))
        .as(s)
        .isEqualTo(Double.doubleToRawLongBits(value));
  }

  @Property
  void goSpellingIsNoLongerThanJavas(@ForAll double value) {
    String s = FloatFormat.formatGo(value);
    String digits = s.replaceAll("e.*", "").replaceAll("[^0-9]", "").replaceAll("^0+", "");
    String java = Double.toString(Math.abs(value)).replaceAll("E.*", "").replaceAll("[^0-9]", "")
        .replaceAll("^0+", "").replaceAll("0+$", "");
    assertThat(digits.replaceAll("0+$", "").length()).isLessThanOrEqualTo(Math.max(1, java.length()));
  }

  @ParameterizedTest(name = "{0} ns is written as {1} s")
  @CsvSource({
    "1520879607789000000, 1520879607.789",
    "1520879607000000000, 1520879607",
    "1, 0.000000001",
    "0, 0",
  })
  void formatsSecondsWithoutExponent(long nanos, String seconds) {
    assertThat(FloatFormat.formatSeconds(nanos)).isEqualTo(seconds);
    assertThat(NumberParser.parseSecondsToNanos(seconds)).isEqualTo(nanos);
  }
}
