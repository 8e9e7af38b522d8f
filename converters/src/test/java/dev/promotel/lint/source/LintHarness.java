package dev.promotel.lint.source;

import dev.promotel.lint.DumpLabels;
import dev.promotel.lint.Finding;
import dev.promotel.lint.LintContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Feeds named config texts (and dumps) to a fresh {@link SourceLinter}, as the engine would. */
final class LintHarness {
  private final Map<String, String> files = new LinkedHashMap<>();
  private final List<DumpLabels> dumps = new ArrayList<>();
  private LintContext context = LintContext.defaults();

  static LintHarness of(String name, String text) {
    return new LintHarness().with(name, text);
  }

  LintHarness with(String name, String text) {
    files.put(name, text);
    return this;
  }

  LintHarness dump(String name, String text) throws IOException {
    dumps.add(DumpLabelsReader.read(name, text));
    return this;
  }

  LintHarness context(LintContext c) {
    this.context = c;
    return this;
  }

  SourceLinter linter() throws IOException {
    SourceLinter linter = new SourceLinter();
    for (Map.Entry<String, String> f : files.entrySet()) {
      String kind = linter.detect(f.getKey(), f.getValue())
          .orElseThrow(() -> new AssertionError(f.getKey() + " was not detected as a config"));
      linter.add(kind, Path.of(f.getKey()), f.getValue());
    }
    return linter;
  }

  List<Finding> findings() throws IOException {
    List<Finding> out = new ArrayList<>();
    linter().check(dumps, context, out::add);
    return out;
  }

  List<String> ruleIds() throws IOException {
    return findings().stream().map(Finding::ruleId).toList();
  }
}
