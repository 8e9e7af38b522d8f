package dev.promotel.lint.report;

import dev.promotel.lint.Finding;
import dev.promotel.lint.LintResult;
import dev.promotel.lint.Positions;
import dev.promotel.lint.RuleInfo;
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
 * JUnit XML (GitLab, Jenkins, Azure): one test suite per rule, one failing test case per active
 * finding (classname = file, name = subject), one skipped case per suppressed finding, and one
 * passing case for a rule without findings, so the counts say how many rules were checked.
 */
final class JunitReporter implements LintReporter {
  @Override
  public void write(LintResult result, OutputStream out) throws IOException {
    Map<String, List<LintResult.Reported>> byRule = new LinkedHashMap<>();
    for (RuleInfo rule : result.rules()) byRule.put(rule.id(), new ArrayList<>());
    for (LintResult.Reported r : result.findings()) {
      byRule.computeIfAbsent(r.finding().ruleId(), k -> new ArrayList<>()).add(r);
    }
    int tests = 0;
    int failures = 0;
    for (List<LintResult.Reported> list : byRule.values()) {
      tests += Math.max(1, list.size());
      failures += (int) list.stream().filter(LintResult.Reported::active).count();
    }
    PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    w.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    w.println("<testsuites name=\"promotel lint\" tests=\"" + tests + "\" failures=\"" + failures + "\">");
    for (Map.Entry<String, List<LintResult.Reported>> e : byRule.entrySet()) {
      List<LintResult.Reported> list = e.getValue();
      long fails = list.stream().filter(LintResult.Reported::active).count();
      long skipped = list.size() - fails;
      w.println("  <testsuite name=\"" + Xml.attr(e.getKey()) + "\" tests=\"" + Math.max(1, list.size())
          + "\" failures=\"" + fails + "\" skipped=\"" + skipped + "\">");
      if (list.isEmpty()) {
        w.println("    <testcase classname=\"promotel.lint\" name=\"" + Xml.attr(e.getKey())
            + ": no findings\"/>");
      }
      for (LintResult.Reported r : list) {
        Finding f = r.finding();
        w.print("    <testcase classname=\"" + Xml.attr(f.position().source()) + "\" name=\""
            + Xml.attr(f.ruleId() + ": " + f.subject()) + "\">");
        if (r.active()) {
          w.print("<failure type=\"" + f.severity().id() + "\" message=\"" + Xml.attr(f.message())
              + "\">" + Xml.attr(Positions.format(f.position()) + ": " + f.message()) + "</failure>");
        } else {
          w.print("<skipped message=\"" + Xml.attr("suppressed: " + r.suppressed().get().justification())
              + "\"/>");
        }
        w.println("</testcase>");
      }
      w.println("  </testsuite>");
    }
    w.println("</testsuites>");
    w.flush();
  }
}
