package dev.promotel.lint;

import dev.promotel.format.Format;
import dev.promotel.format.MetricReader;
import dev.promotel.format.ReadOptions;
import dev.promotel.pipeline.Codecs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Lints dumps given as text, for the rule tests. */
final class Lints {
  private Lints() {}

  static List<Finding> dump(String text, Format format) throws IOException {
    return dump(text, format, LintContext.defaults());
  }

  static List<Finding> dump(String text, Format format, LintContext context) throws IOException {
    List<Finding> out = new ArrayList<>();
    String name = "in." + (format == Format.OM ? "om" : format == Format.PROM ? "prom" : "json");
    DumpLinter linter = new DumpLinter(name, format, context, out::add);
    try (MetricReader reader = Codecs.reader(format,
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name,
        ReadOptions.DEFAULTS.withValueProblems(linter.valueProblems()))) {
      linter.lint(reader);
    }
    return out;
  }

  static List<String> ids(List<Finding> findings) {
    return findings.stream().map(Finding::ruleId).toList();
  }
}
