package dev.promotel.format.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promotel.model.NumberValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberParserTest {

  @Test
  void integersStayIntegersSoTheyRoundTripExactly() {
    assertThat(NumberParser.parseGo("9007199254740993")).isEqualTo(NumberValue.ofLong(9007199254740993L));
    assertThat(NumberParser.parseGo("-12")).isEqualTo(NumberValue.ofLong(-12));
    assertThat(NumberParser.parseGo("+12")).isEqualTo(NumberValue.ofLong(12));
  }

  @Test
  void integersBeyondALongBecomeDoubles() {
    NumberValue v = NumberParser.parseGo("9223372036854775808");
    assertThat(v.isLong()).isFalse();
    assertThat(v.doubleValue()).isEqualTo(9.223372036854775808e18);
  }

  @Test
  void negativeZeroKeepsItsSign() {
    NumberValue v = NumberParser.parseGo("-0");
    assertThat(v.isLong()).isFalse();
    assertThat(Double.doubleToRawLongBits(v.doubleValue())).isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  @Test
  void acceptsGoSpecialsAndHex() {
    assertThat(NumberParser.parseGo("+Inf").doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(NumberParser.parseGo("-inf").doubleValue()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(NumberParser.parseGo("Infinity").doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(NumberParser.parseGo("nan").doubleValue()).isNaN();
    assertThat(NumberParser.parseGo("0x1p-2").doubleValue()).isEqualTo(0.25);
    assertThat(NumberParser.parseGo("1.5e3").doubleValue()).isEqualTo(1500);
    assertThat(NumberParser.parseGo(".5").doubleValue()).isEqualTo(0.5);
  }

  @ParameterizedTest(name = "rejects \"{0}\"")
  @ValueSource(strings = {"", "1d", "1f", " 1", "1 ", "1e", "e5", "--1", "0x", "abc", "1.2.3", "Infinityy", "+NaN", "-nan"})
  void rejectsWhatGoRejects(String text) {
    assertThatThrownBy(() -> NumberParser.parseGo(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid number");
  }

  @Test
  void openMetricsRejectsHex() {
    assertThatThrownBy(() -> NumberParser.parseOpenMetrics("0x1p-2"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void millisecondTimestampsBecomeNanos() {
    assertThat(NumberParser.parseMillisToNanos("1395066363000")).isEqualTo(1395066363000_000_000L);
    assertThatThrownBy(() -> NumberParser.parseMillisToNanos("1.5"))
        .hasMessageContaining("integer milliseconds");
  }
}
