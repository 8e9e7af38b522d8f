package dev.promotel.translate.naming;

import static dev.promotel.translate.naming.UnitDialect.OTLPTRANSLATOR;
import static dev.promotel.translate.naming.UnitDialect.UCUM_STRICT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class UnitNamerTest {

  /**
   * OTLP unit → UNIT word: the §4.3 tables and every {@code wantUnitName} of otlptranslator's
   * {@code metric_namer_test.go}, for both dialects (they differ only where §10 says).
   */
  @ParameterizedTest(name = "{0} → {1} / {2}")
  @CsvSource(
      delimiter = '|',
      emptyValue = "",
      nullValues = "<null>",
      textBlock =
          """
          d                           | days                      | days
          h                           | hours                     | hours
          min                         | minutes                   | minutes
          s                           | seconds                   | seconds
          ms                          | milliseconds              | milliseconds
          us                          | microseconds              | microseconds
          ns                          | nanoseconds               | nanoseconds
          By                          | bytes                     | bytes
          KiBy                        | kibibytes                 | kibibytes
          MiBy                        | mebibytes                 | mebibytes
          GiBy                        | gibibytes                 | gibibytes
          TiBy                        | tibibytes                 | tebibytes
          KBy                         | kilobytes                 | kilobytes
          kBy                         | kilobytes                 | kilobytes
          MBy                         | megabytes                 | megabytes
          GBy                         | gigabytes                 | gigabytes
          TBy                         | terabytes                 | terabytes
          m                           | meters                    | meters
          V                           | volts                     | volts
          A                           | amperes                   | amperes
          J                           | joules                    | joules
          W                           | watts                     | watts
          g                           | grams                     | grams
          Cel                         | celsius                   | celsius
          Hz                          | hertz                     | hertz
          %                           | percent                   | percent
          1                           | ''                        | ''
          ''                          | ''                        | ''
          <null>                      | ''                        | ''
          1/s                         | per_second                | per_second
          1/m                         | per_minute                | per_m
          1/min                       | per_min                   | per_minute
          1/h                         | per_hour                  | per_hour
          1/d                         | per_day                   | per_day
          1/w                         | per_week                  | per_w
          1/wk                        | per_wk                    | per_week
          1/mo                        | per_month                 | per_month
          1/y                         | per_year                  | per_y
          1/a                         | per_a                     | per_year
          By/s                        | bytes_per_second          | bytes_per_second
          requests/s                  | requests_per_second       | requests_per_second
          1/custom_unit               | per_custom_unit           | per_custom_unit
          custom_unit                 | custom_unit               | custom_unit
          unit__multiple__underscores | unit_multiple_underscores | unit_multiple_underscores
          unit@with#special/chars     | unit_with_special_per_chars | unit_with_special_per_chars
          {custom}                    | ''                        | ''
          {packets}                   | ''                        | ''
          {packets}V                  | ''                        | volts
          {objects}/s                 | per_second                | per_second
          By/{custom}                 | bytes                     | bytes
          By/                         | bytes                     | bytes
          ' By / s '                  | bytes_per_second          | bytes_per_second
          /                           | ''                        | ''
          m/s                         | meters_per_second         | meters_per_second
          """)
  void mapsAnOtlpUnitToItsPrometheusWord(String ucum, String otlptranslator, String strict) {
    assertThat(UnitNamer.prometheusUnit(ucum, OTLPTRANSLATOR)).isEqualTo(otlptranslator);
    assertThat(UnitNamer.prometheusUnit(ucum, UCUM_STRICT)).isEqualTo(strict);
  }

  @Test
  void keepsNonAsciiUnitCharactersWhenUtf8IsAllowed() {
    assertThat(UnitNamer.prometheusUnit("m/ñ", OTLPTRANSLATOR, /* utf8Allowed= */ true))
        .isEqualTo("meters_per_ñ");
    assertThat(UnitNamer.prometheusUnit("m/ñ", OTLPTRANSLATOR, /* utf8Allowed= */ false))
        .isEqualTo("meters_per");
  }

  /** Prometheus word → UCUM: the §2.1 SPEC table plus the accepted older spellings. */
  static Stream<Arguments> wordsToUcum() {
    return Stream.of(
        argumentSet("days", "days", "d", "d"),
        argumentSet("hours", "hours", "h", "h"),
        argumentSet("minutes", "minutes", "min", "min"),
        argumentSet("seconds", "seconds", "s", "s"),
        argumentSet("milliseconds", "milliseconds", "ms", "ms"),
        argumentSet("microseconds", "microseconds", "us", "us"),
        argumentSet("nanoseconds", "nanoseconds", "ns", "ns"),
        argumentSet("bytes", "bytes", "By", "By"),
        argumentSet("kibibytes", "kibibytes", "KiBy", "KiBy"),
        argumentSet("mebibytes", "mebibytes", "MiBy", "MiBy"),
        argumentSet("gibibytes", "gibibytes", "GiBy", "GiBy"),
        argumentSet("tebibytes (SPEC)", "tebibytes", "TiBy", "TiBy"),
        argumentSet("tibibytes (otlptranslator spelling)", "tibibytes", "TiBy", "TiBy"),
        argumentSet("kilobytes is kBy (SPEC)", "kilobytes", "kBy", "kBy"),
        argumentSet("megabytes", "megabytes", "MBy", "MBy"),
        argumentSet("gigabytes", "gigabytes", "GBy", "GBy"),
        argumentSet("terabytes", "terabytes", "TBy", "TBy"),
        argumentSet("meters", "meters", "m", "m"),
        argumentSet("volts", "volts", "V", "V"),
        argumentSet("amperes", "amperes", "A", "A"),
        argumentSet("joules", "joules", "J", "J"),
        argumentSet("watts", "watts", "W", "W"),
        argumentSet("grams", "grams", "g", "g"),
        argumentSet("celsius", "celsius", "Cel", "Cel"),
        argumentSet("hertz", "hertz", "Hz", "Hz"),
        argumentSet("percent", "percent", "%", "%"),
        argumentSet("ratio", "ratio", "1", "1"),
        argumentSet("bytes_per_second", "bytes_per_second", "By/s", "By/s"),
        argumentSet("meters_per_minute", "meters_per_minute", "m/m", "m/min"),
        argumentSet("per_second", "per_second", "1/s", "1/s"),
        argumentSet("per_week", "per_week", "1/w", "1/wk"),
        argumentSet("per_year", "per_year", "1/y", "1/a"),
        argumentSet("per_month", "per_month", "1/mo", "1/mo"),
        argumentSet("per_day", "per_day", "1/d", "1/d"),
        argumentSet("per_hour", "per_hour", "1/h", "1/h"),
        argumentSet("requests_per_second", "requests_per_second", "requests/s", "requests/s"),
        argumentSet("unknown per word", "widgets_per_fortnight", "widgets/fortnight",
            "widgets/fortnight"),
        argumentSet("unknown word", "requests", "requests", "requests"),
        argumentSet("UCUM code passes through", "KBy", "KBy", "KBy"),
        argumentSet("empty", "", "", ""),
        argumentSet("a bare per is no rate", "per_", "per_", "per_"),
        argumentSet("a trailing _per_ is no rate", "bytes_per_", "bytes_per_", "bytes_per_"));
  }

  @ParameterizedTest
  @MethodSource("wordsToUcum")
  void mapsAPrometheusWordToUcum(String word, String otlptranslator, String strict) {
    assertThat(UnitNamer.ucumUnit(word)).isEqualTo(otlptranslator);
    assertThat(UnitNamer.ucumUnit(word, OTLPTRANSLATOR)).isEqualTo(otlptranslator);
    assertThat(UnitNamer.ucumUnit(word, UCUM_STRICT)).isEqualTo(strict);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "days", "hours", "minutes", "seconds", "milliseconds", "microseconds", "nanoseconds", "bytes",
    "kibibytes", "mebibytes", "gibibytes", "kilobytes", "megabytes", "gigabytes", "terabytes",
    "meters", "volts", "amperes", "joules", "watts", "grams", "celsius", "hertz", "percent",
    "bytes_per_second", "per_minute", "per_week", "per_year", "requests_per_second", "requests"
  })
  void aUnitWordSurvivesPrometheusToOtlpAndBackInBothDialects(String word) {
    for (UnitDialect dialect : UnitDialect.values()) {
      assertThat(UnitNamer.prometheusUnit(UnitNamer.ucumUnit(word, dialect), dialect))
          .as(dialect.id())
          .isEqualTo(word);
    }
  }

  @Test
  void dialectIdsAreTheCliSpellings() {
    assertThat(UnitDialect.fromId("ucum-strict")).isEqualTo(UCUM_STRICT);
    assertThat(UnitDialect.fromId("OTLPTRANSLATOR")).isEqualTo(OTLPTRANSLATOR);
    assertThat(OTLPTRANSLATOR.id()).isEqualTo("otlptranslator");
  }
}
