package dev.promotel.format.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.NameEscaping;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MetricNamesTest {

  @ParameterizedTest(name = "{0} escapes to {1} (underscores), {2} (dots), {3} (values)")
  @CsvSource({
    "http_requests_total, http_requests_total, http__requests__total, http_requests_total",
    "my.metric, my_metric, my_dot_metric, U__my_2e_metric",
    "a-b_c, a_b_c, a__b__c, U__a_2d_b__c",
    "héllo, h_llo, h__llo, U__h_e9_llo",
  })
  void escapesLikePrometheusCommon(String name, String underscores, String dots, String values) {
    assertThat(MetricNames.escape(name, NameEscaping.UNDERSCORES)).isEqualTo(underscores);
    assertThat(MetricNames.escape(name, NameEscaping.DOTS)).isEqualTo(dots);
    assertThat(MetricNames.escape(name, NameEscaping.VALUES)).isEqualTo(values);
    assertThat(MetricNames.escape(name, NameEscaping.ALLOW_UTF8)).isEqualTo(name);
  }

  @Test
  void labelNameEscapingTreatsColonsAsInvalid() {
    assertThat(MetricNames.escapeLabelName("a:b", NameEscaping.UNDERSCORES)).isEqualTo("a_b");
    assertThat(MetricNames.escapeLabelName("a:b", NameEscaping.DOTS)).isEqualTo("a__b");
    assertThat(MetricNames.escapeLabelName("a:b", NameEscaping.VALUES)).isEqualTo("U__a_3a_b");
    assertThat(MetricNames.escapeLabelName("a_b", NameEscaping.UNDERSCORES)).isEqualTo("a_b");
    assertThat(MetricNames.escape("a:b", NameEscaping.UNDERSCORES)).isEqualTo("a:b");
  }

  @Test
  void legacyNameRulesDifferOnlyInColons() {
    assertThat(MetricNames.isLegacyMetricName("a:b_c1")).isTrue();
    assertThat(MetricNames.isLegacyLabelName("a:b")).isFalse();
    assertThat(MetricNames.isLegacyMetricName("1a")).isFalse();
    assertThat(MetricNames.isLegacyLabelName("")).isFalse();
  }

  @Test
  void utf8ValidationRejectsOverlongsSurrogatesAndTruncation() {
    assertThat(valid("héllo ☃ 😀")).isTrue();
    assertThat(MetricNames.isValidUtf8(new byte[] {(byte) 0xC0, (byte) 0x80}, 0, 2)).isFalse();
    assertThat(MetricNames.isValidUtf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 0, 3)).isFalse();
    assertThat(MetricNames.isValidUtf8(new byte[] {(byte) 0xE2, (byte) 0x98}, 0, 2)).isFalse();
    assertThat(MetricNames.isValidUtf8(new byte[] {(byte) 0xFF}, 0, 1)).isFalse();
  }

  private static boolean valid(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return MetricNames.isValidUtf8(b, 0, b.length);
  }
}
