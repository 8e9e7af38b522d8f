package dev.promotel.translate.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TranslationStrategyTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "UnderscoreEscapingWithSuffixes,    UNDERSCORE_ESCAPING_WITH_SUFFIXES,    true,  true",
    "UnderscoreEscapingWithoutSuffixes, UNDERSCORE_ESCAPING_WITHOUT_SUFFIXES, true,  false",
    "NoUTF8EscapingWithSuffixes,        NO_UTF8_ESCAPING_WITH_SUFFIXES,       false, true",
    "NoTranslation,                     NO_TRANSLATION,                       false, false",
  })
  void eachStrategyHasTheOtlptranslatorIdAndSwitches(
      String id, TranslationStrategy strategy, boolean escapes, boolean suffixes) {
    assertThat(strategy.id()).isEqualTo(id);
    assertThat(TranslationStrategy.fromId(id)).isEqualTo(strategy);
    assertThat(TranslationStrategy.fromId(id.toLowerCase())).isEqualTo(strategy);
    assertThat(strategy.escapesNames()).isEqualTo(escapes);
    assertThat(strategy.addsSuffixes()).isEqualTo(suffixes);
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @CsvSource({"UnderscoreEscaping", "UNDERSCORE_ESCAPING_WITH_SUFFIXES", "''"})
  void anUnknownIdListsTheValidOnes(String id) {
    assertThatThrownBy(() -> TranslationStrategy.fromId(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UnderscoreEscapingWithSuffixes, UnderscoreEscapingWithoutSuffixes");
  }
}
