package dev.promotel.lint;

import dev.promotel.format.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A config linter for engine tests: claims files whose text starts with {@code fake:} and reports
 * {@code fake/rule} on every line that says {@code bad}, with a related location in the first dump.
 */
final class FakeConfigLinter implements ConfigLinter {
  private final List<String> files = new ArrayList<>();
  private final List<String> texts = new ArrayList<>();
  List<DumpLabels> dumpsSeen = List.of();

  @Override
  public List<String> kinds() {
    return List.of("fake");
  }

  @Override
  public Optional<String> detect(String fileName, String text) {
    return text.startsWith("fake:") ? Optional.of("fake") : Optional.empty();
  }

  @Override
  public void add(String kind, Path file, String text) {
    files.add(file.toString());
    texts.add(text);
  }

  @Override
  public void check(List<DumpLabels> dumps, LintContext context, FindingSink sink) {
    dumpsSeen = dumps;
    for (int i = 0; i < files.size(); i++) {
      String[] lines = texts.get(i).split("\n");
      for (int l = 0; l < lines.length; l++) {
        if (lines[l].contains("bad") && context.enabled("fake/rule")) {
          List<RelatedLocation> related = new ArrayList<>();
          for (DumpLabels d : dumps) {
            DumpLabels.LabelValues env = d.labels().get("env");
            if (env != null) related.add(new RelatedLocation(env.firstSeen(), "env set here"));
          }
          sink.report(new Finding("fake/rule", Severity.WARNING,
              SourcePosition.text(files.get(i), l + 1, 3), "bad" + l, "line says bad; say good", related));
        }
      }
    }
  }

  @Override
  public List<RuleInfo> rules() {
    return List.of(new RuleInfo("fake/rule", Severity.WARNING, "Lines that say bad", "L"));
  }
}
