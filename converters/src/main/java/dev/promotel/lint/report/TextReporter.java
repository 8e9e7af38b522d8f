package dev.promotel.lint.report;

import dev.promotel.lint.Finding;
import dev.promotel.lint.LintResult;
import dev.promotel.lint.Positions;
import dev.promotel.lint.RelatedLocation;
import dev.promotel.lint.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default, human output: findings grouped by file (a blank line between files), each as
 * {@code path:line:col: severity: message [rule]} with its subject and related locations indented
 * below; findings with the same rule and message collapse into the first with {@code [+N more:
 * ...]}; counts per severity at the end. Suppressed findings are counted, not shown. Colour (on a
 * terminal) marks severities.
 *
 * <p>Example line: {@code app.prom:3:1: warning: counter http_requests should have the "_total"
 * suffix: rename it to http_requests_total [name/counter-total]}.
 */
final class TextReporter implements LintReporter {
  private static final int MORE_SHOWN = 3;

  private final boolean color;

  TextReporter(boolean color) {
    this.color = color;
  }

  @Override
  public void write(LintResult result, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    Map<String, List<Finding>> groups = new LinkedHashMap<>();
    for (LintResult.Reported r : result.findings()) {
      if (!r.active()) continue;
      Finding f = r.finding();
      groups.computeIfAbsent(f.ruleId() + "\u0000" + f.message(), k -> new ArrayList<>()).add(f);
    }
    String lastFile = null;
    for (List<Finding> group : groups.values()) {
      Finding f = group.get(0);
      String file = f.position().source();
      if (lastFile != null && !lastFile.equals(file)) w.println();
      lastFile = file;
      w.println(Positions.format(f.position()) + ": " + severity(f.severity()) + ": " + f.message()
          + " " + dim("[" + f.ruleId() + "]"));
      w.println("    subject: " + f.subject());
      for (RelatedLocation rel : f.related()) {
        w.println("    related: " + Positions.format(rel.position()) + ": " + rel.message());
      }
      if (group.size() > 1) {
        List<String> where = new ArrayList<>();
        for (int i = 1; i < group.size() && i <= MORE_SHOWN; i++) {
          where.add(Positions.format(group.get(i).position()));
        }
        w.println("    [+" + (group.size() - 1) + " more: " + String.join(", ", where)
            + (group.size() - 1 > MORE_SHOWN ? ", ..." : "") + "]");
      }
    }
    if (!groups.isEmpty()) w.println();
    Map<Severity, Integer> counts = result.counts();
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    long suppressed = result.suppressedCount();
    w.println((total == 0 ? "no findings" : total + (total == 1 ? " finding" : " findings")) + ": "
        + counts.get(Severity.ERROR) + " " + plural(counts.get(Severity.ERROR), "error") + ", "
        + counts.get(Severity.WARNING) + " " + plural(counts.get(Severity.WARNING), "warning") + ", "
        + counts.get(Severity.INFO) + " info" + (suppressed > 0 ? " (" + suppressed + " suppressed)" : "")
        + " in " + result.files() + (result.files() == 1 ? " file" : " files"));
    w.flush();
  }

  private static String plural(int n, String word) {
    return n == 1 ? word : word + "s";
  }

  private String severity(Severity s) {
    if (!color) return s.id();
    String code = switch (s) {
      case ERROR -> "1;31";
      case WARNING -> "1;33";
      case INFO -> "1;36";
    };
    return "\u001b[" + code + "m" + s.id() + "\u001b[0m";
  }

  private String dim(String text) {
    return color ? "\u001b[2m" + text + "\u001b[0m" : text;
  }
}
