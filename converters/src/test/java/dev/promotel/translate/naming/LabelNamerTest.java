package dev.promotel.translate.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The label cases of specs/translation.md §4.5 (otlptranslator {@code label_namer_test.go} and its
 * README) under every option combination. {@code ERROR} means {@link InvalidNameException}.
 */
class LabelNamerTest {

  private static final String ERROR = "ERROR";

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @CsvSource(
      delimiter = '|',
      emptyValue = "",
      textBlock =
          """
          # input                              | default                            | preserve runs                        | key_ for leading _                    | both options                         | UTF-8
          label:with:colons                    | label_with_colons                  | label_with_colons                    | label_with_colons                     | label_with_colons                    | label:with:colons
          LabelWithCapitalLetters              | LabelWithCapitalLetters            | LabelWithCapitalLetters              | LabelWithCapitalLetters               | LabelWithCapitalLetters              | LabelWithCapitalLetters
          label!with&special$chars)            | label_with_special_chars_          | label_with_special_chars_            | label_with_special_chars_             | label_with_special_chars_            | label!with&special$chars)
          label_with_foreign_characters_字符    | label_with_foreign_characters_     | label_with_foreign_characters___     | label_with_foreign_characters_        | label_with_foreign_characters___     | label_with_foreign_characters_字符
          label.with.dots                      | label_with_dots                    | label_with_dots                      | label_with_dots                       | label_with_dots                      | label.with.dots
          http.method                          | http_method                        | http_method                          | http_method                           | http_method                          | http.method
          .foo                                 | _foo                               | _foo                                 | key_foo                               | key_foo                              | .foo
          123label                             | key_123label                       | key_123label                         | key_123label                          | key_123label                         | 123label
          _label_starting_with_underscore      | _label_starting_with_underscore    | _label_starting_with_underscore      | key_label_starting_with_underscore    | key_label_starting_with_underscore   | _label_starting_with_underscore
          __label_starting_with_2underscores   | _label_starting_with_2underscores  | __label_starting_with_2underscores   | key_label_starting_with_2underscores  | __label_starting_with_2underscores   | __label_starting_with_2underscores
          ようこそ                              | ERROR                              | ERROR                                | key_                                  | ERROR                                | ようこそ
          label__with__double__underscores     | label_with_double_underscores      | label__with__double__underscores     | label_with_double_underscores         | label__with__double__underscores     | label__with__double__underscores
          label.name__with&&special##chars     | label_name_with_special_chars      | label_name__with__special__chars     | label_name_with_special_chars         | label_name__with__special__chars     | label.name__with&&special##chars
          __reserved__label__name__            | __reserved_label_name__            | __reserved__label__name__            | __reserved_label_name__               | __reserved__label__name__            | __reserved__label__name__
          trailing_underscores___              | trailing_underscores_              | trailing_underscores___              | trailing_underscores_                 | trailing_underscores___              | trailing_underscores___
          regular label                        | regular_label                      | regular_label                        | regular_label                         | regular_label                        | regular label
          a_!b                                 | a_b                                | a__b                                 | a_b                                   | a__b                                 | a_!b
          ''                                   | ERROR                              | ERROR                                | ERROR                                 | ERROR                                | ERROR
          __                                   | ERROR                              | ERROR                                | key_                                  | ERROR                                | ERROR
          ____                                 | ERROR                              | ERROR                                | ERROR                                 | ERROR                                | ERROR
          """)
  void buildsLabelNamesAsOtlptranslatorDoes(
      String input,
      String byDefault,
      String preservingRuns,
      String withKeyPrefix,
      String withBoth,
      String utf8) {
    assertBuilds(new LabelNamer(false, false, false), input, byDefault);
    assertBuilds(new LabelNamer(false, false, true), input, preservingRuns);
    assertBuilds(new LabelNamer(false, true, false), input, withKeyPrefix);
    assertBuilds(new LabelNamer(false, true, true), input, withBoth);
    for (boolean keyPrefix : new boolean[] {false, true}) {
      for (boolean preserve : new boolean[] {false, true}) {
        assertBuilds(new LabelNamer(true, keyPrefix, preserve), input, utf8);
      }
    }
  }

  private static void assertBuilds(LabelNamer namer, String input, String expected) {
    if (expected.equals(ERROR)) {
      assertThatThrownBy(() -> namer.build(input)).isInstanceOf(InvalidNameException.class);
    } else {
      assertThat(namer.build(input)).isEqualTo(expected);
    }
  }
}
