package dev.promotel.lint.report;

import dev.promotel.lint.Finding;
import dev.promotel.lint.LintResult;
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
 * Checkstyle XML (Jenkins warnings-ng, reviewdog {@code -f=checkstyle}), as pint writes it:
 * {@code <checkstyle><file name><error line column severity message source=rule-id/></file>}.
 * Active findings only.
 */
final class CheckstyleReporter implements LintReporter {
  private final ReportInfo info;

  CheckstyleReporter(ReportInfo info) {
    this.info = info;
  }

  @Override
  public void write(LintResult result, OutputStream out) throws IOException {
    Map<String, List<Finding>> byFile = new LinkedHashMap<>();
    for (LintResult.Reported r : result.findings()) {
      if (r.active()) byFile.computeIfAbsent(r.finding().position().source(), k -> new ArrayList<>()).add(r.finding());
    }
    PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    w.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    w.println("<checkstyle version=\"" + Xml.attr(info.version()) + "\">");
    for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
      w.println("  <file name=\"" + Xml.attr(e.getKey()) + "\">");
      for (Finding f : e.getValue()) {
        w.println("    <error line=\"" + f.position().line() + "\" column=\""
            + (f.position().line() > 0 ? f.position().column() : 0) + "\" severity=\""
            + f.severity().id() + "\" message=\"" + Xml.attr(f.message()) + "\" source=\""
            + Xml.attr(f.ruleId()) + "\"/>");
      }
      w.println("  </file>");
    }
    w.println("</checkstyle>");
    w.flush();
  }
}
