package dev.promotel.format.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.internal.FloatFormat;
import dev.promotel.format.internal.NumberParser;
import dev.promotel.model.NumberValue;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteNumbersTest {

  private static NumberValue parse(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return ByteNumbers.parseValue(b, 0, b.length);
  }

  private static NumberValue reference(String s) {
    try {
      return NumberParser.parseGo(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void assertSameAsReference(String s) {
    NumberValue fast = parse(s);
    NumberValue slow = reference(s);
    if (slow == null) {
      assertThat(fast).as(s).isNull();
    } else {
      assertThat(fast).as(s).isNotNull();
      assertThat(fast.sameBits(slow)).as("%s: %s vs %s", s, fast, slow).isTrue();
    }
  }

  @Property(tries = 3000)
  void fastPathsAgreeWithParseGoOnDecimalSpellings(@ForAll("decimals") String s) {
    assertSameAsReference(s);
  }

  @Property(tries = 2000)
  void fastPathsAgreeWithParseGoOnGoSpellingsOfAnyDouble(@ForAll double d) {
    assertSameAsReference(FloatFormat.formatGo(d));
  }

  @Property(tries = 20_000)
  void longMantissasAgreeWithParseGo(
      @ForAll @LongRange(min = 100_000_000_000_000_000L, max = 999_999_999_999_999_999L) long digits,
      @ForAll @IntRange(min = -40, max = 40) int exponent,
      @ForAll @IntRange(min = 0, max = 18) int point) {
    // 16 to 18 significant digits, the decimal point anywhere, any small exponent: Eisel-Lemire.
    String text = Long.toString(digits).substring(0, 16 + (int) (Math.abs(digits) % 3));
    String spelled = point >= text.length() ? text
        : text.substring(0, point) + "." + text.substring(point);
    assertSameAsReference(spelled + "e" + exponent);
  }

  @Property(tries = 20_000)
  void goSpellingsOfDoublesNearPowersOfTenAgreeWithParseGo(
      @ForAll @DoubleRange(min = 1, max = 10) double scale,
      @ForAll @IntRange(min = -35, max = 35) int exponent) {
    assertSameAsReference(FloatFormat.formatGo(scale * Math.pow(10, exponent)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.7325352058613174e+09", "9.223372036854776e+18",
      "1.8446744073709552e+19", "0.30000000000000004", "2.2250738585072014e-308",
      "4.9406564584124654e-324", "1.7976931348623157e+308", "9007199254740993",
      "9007199254740993.0", "900719925474099.25", "1.00000000000000011102230246251565e0",
      "123456789012345678e-32", "123456789012345678e32", "999999999999999999e-33"})
  void hardLongMantissasAgreeWithParseGo(String s) {
    assertSameAsReference(s);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-0", "+0", "-00", "007", "1.", ".5", "1e5", "1E+05", "-0.0",
      "123456789012345678", "1234567890123456789", "0000000000000000001", "00000000000000000001",
      "9223372036854775807", "-9223372036854775808", "9223372036854775808", "1e-400", "1e400",
      "0.1234567890123456789", "NaN", "nan", "+Inf", "-inf", "Infinity", "", "+", "-", ".", "e5",
      "1e", "1e+", "1.2.3", "1_000", "1d"})
  void edgeSpellingsAgreeWithParseGo(String s) {
    assertSameAsReference(s);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0x1p-2", "0x10", "1_0", "0X1P3"})
  void hexAndUnderscoresAreRejectedAsExpfmtDoes(String s) {
    assertThat(parse(s)).isNull();
  }

  @Provide
  Arbitrary<String> decimals() {
    Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(0)
        .ofMaxLength(22);
    Arbitrary<String> sign = Arbitraries.of("", "+", "-");
    Arbitrary<String> exponent = Arbitraries.oneOf(Arbitraries.just(""),
        Arbitraries.integers().between(-330, 330).map(e -> "e" + e),
        Arbitraries.integers().between(0, 30).map(e -> "E+" + e));
    return net.jqwik.api.Combinators.combine(sign, digits, Arbitraries.of("", "."), digits,
        exponent).as((s, a, p, b, e) -> s + a + p + b + e);
  }
}
