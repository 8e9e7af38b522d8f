package dev.promotel.lint.report;

import dev.promotel.lint.Finding;
import dev.promotel.lint.LintResult;
import dev.promotel.lint.Positions;
import dev.promotel.lint.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub Actions workflow commands: {@code ::error file=...,line=...,col=...,title=<rule>::<message>}
 * ({@code warning}, {@code notice} for info), at most {@value #PER_KIND} per kind because GitHub
 * shows no more per step, then one line saying how many were left out. When {@code
 * GITHUB_STEP_SUMMARY} names a file, a Markdown summary (counts and a table of up to
 * {@value #SUMMARY_ROWS} findings, well below GitHub's 1 MiB) is appended to it. Escaping follows
 * actions/toolkit: {@code %}, CR, LF in data; also {@code :} and {@code ,} in properties.
 */
final class GithubReporter implements LintReporter {
  static final int PER_KIND = 10;
  static final int SUMMARY_ROWS = 500;

  private final Optional<Path> stepSummary;

  GithubReporter(Optional<Path> stepSummary) {
    this.stepSummary = stepSummary;
  }

  @Override
  public void write(LintResult result, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    Map<Severity, Integer> shown = new EnumMap<>(Severity.class);
    Map<Severity, Integer> left = new EnumMap<>(Severity.class);
    for (LintResult.Reported r : result.findings()) {
      if (!r.active()) continue;
      Finding f = r.finding();
      int n = shown.merge(f.severity(), 1, Integer::sum);
      if (n > PER_KIND) {
        left.merge(f.severity(), 1, Integer::sum);
        continue;
      }
      StringBuilder line = new StringBuilder("::").append(command(f.severity()))
          .append(" file=").append(property(Fingerprints.uri(f.position().source())));
      if (f.position().line() > 0) {
        line.append(",line=").append(f.position().line())
            .append(",col=").append(Math.max(1, f.position().column()));
      }
      line.append(",title=").append(property(f.ruleId() + " (" + f.subject() + ")"))
          .append("::").append(data(f.message()));
      w.println(line);
    }
    for (Map.Entry<Severity, Integer> e : left.entrySet()) {
      w.println("promotel lint: " + e.getValue() + " more " + e.getKey().id() + " findings not"
          + " annotated (GitHub shows " + PER_KIND + " per kind); see the step summary or the SARIF"
          + " output");
    }
    w.flush();
    if (stepSummary.isPresent()) summary(result, stepSummary.get());
  }

  private static void summary(LintResult result, Path file) throws IOException {
    try (Writer s = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      Map<Severity, Integer> counts = result.counts();
      s.write("### promotel lint\n\n| severity | findings |\n|---|---|\n");
      for (Severity sev : new Severity[] {Severity.ERROR, Severity.WARNING, Severity.INFO}) {
        s.write("| " + sev.id() + " | " + counts.get(sev) + " |\n");
      }
      s.write("| suppressed | " + result.suppressedCount() + " |\n\n");
      int rows = 0;
      int total = 0;
      StringBuilder table = new StringBuilder("| location | severity | rule | message |\n|---|---|---|---|\n");
      for (LintResult.Reported r : result.findings()) {
        if (!r.active()) continue;
        total++;
        if (rows++ >= SUMMARY_ROWS) continue;
        Finding f = r.finding();
        table.append("| `").append(cell(Positions.format(f.position()))).append("` | ")
            .append(f.severity().id()).append(" | `").append(f.ruleId()).append("` | ")
            .append(cell(f.message())).append(" |\n");
      }
      if (total > 0) s.write(table.toString());
      if (total > SUMMARY_ROWS) {
        s.write("\n" + (total - SUMMARY_ROWS) + " more findings; see the SARIF or JSON output.\n");
      }
      s.write("\n");
    }
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  private static String command(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "notice";
    };
  }

  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
