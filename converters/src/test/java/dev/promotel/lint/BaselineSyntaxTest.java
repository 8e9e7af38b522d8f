package dev.promotel.lint;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promotel.yaml.ConfigException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A malformed baseline file is reported in plain words, without Jackson's location text. */
class BaselineSyntaxTest {
  @Test
  void aTruncatedBaselineNamesTheUnclosedArray() {
    ByteArrayInputStream in =
        new ByteArrayInputStream("{\"entries\":[".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> Baseline.read("b.json", in))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("b.json:1:12")
        .hasMessageContaining("unexpected end of input: the array opened here is never closed")
        .hasMessageNotContaining("Source:");
  }
}
