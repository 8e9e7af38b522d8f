package dev.promotel.cli;

import dev.promotel.translate.semconv.MetricRule;
import dev.promotel.translate.semconv.RuleSet;
import dev.promotel.translate.semconv.RuleTester;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code promotel rules list|show|test [FILE|ID...]}: the naming rule sets, bundled and user files.
 * {@code list} prints one line per set; {@code show} the rules of the named sets (match → target,
 * instrument, unit, value scale, value maps and dropped values, confidence); {@code test} runs their examples (every bundled set when none is
 * named) and exits 1 when one fails. A malformed file is a usage error (exit 2) at its
 * file:line:column.
 */
@Command(
    name = "rules",
    description = {
      "List, show and test naming rule sets (bundled sets and user files).",
      "",
      "list: one line per set: id, rules, direction, file, description. show: the rules of the"
          + " named sets. test: runs the examples of the named sets (default: every bundled set)"
          + " through the same chain as rename semconv and compares the points; exit 1 when an"
          + " example fails. A set is named by its bundled id or a file path."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  promotel rules list",
      "  promotel rules show node-exporter",
      "  promotel rules test",
      "  promotel rules test my-rules.yaml"
    })
final class RulesCommand implements Callable<Integer> {
  /** What to do with the sets. */
  enum Action {
    list,
    show,
    test
  }

  @ParentCommand PromotelCommand root;
  @Mixin HelpOption help;

  @Parameters(index = "0", paramLabel = "ACTION", description = "list, show or test.")
  Action action;

  @Parameters(index = "1..*", paramLabel = "FILE|ID", description = "Rule files or bundled set ids.")
  List<String> refs = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    GlobalSettings settings = root.settings();
    PrintWriter out = settings.std().outText();
    List<RuleSet> bundled = RuleSources.bundled();
    List<RuleSet> named = RuleSources.resolve(refs);
    List<RuleSet> sets = switch (action) {
      case list -> {
        List<RuleSet> all = new ArrayList<>(bundled);
        for (RuleSet s : named) if (!all.contains(s)) all.add(s);
        yield all;
      }
      case show -> named.isEmpty() ? bundled : named;
      case test -> named.isEmpty() ? bundled : named;
    };
    int status = switch (action) {
      case list -> list(out, sets);
      case show -> show(out, sets);
      case test -> test(out, sets, bundled);
    };
    out.flush();
    return status;
  }

  private static int list(PrintWriter out, List<RuleSet> sets) {
    int total = 0;
    for (RuleSet s : sets) {
      total += s.size();
      out.printf("%-26s %4d rules  %-8s %-32s %s%n", s.id(), s.size(),
          s.direction().name().toLowerCase().replace('_', '-'), s.origin(), s.description());
    }
    out.printf("%d rule sets, %d rules%n", sets.size(), total);
    return ExitCodes.OK;
  }

  private static int show(PrintWriter out, List<RuleSet> sets) {
    for (RuleSet s : sets) {
      out.println("# " + s.id() + " (" + s.origin() + ", priority " + s.priority() + "): " + s.description());
      if (!s.source().isEmpty()) out.println("# source: " + s.source());
      for (MetricRule r : s.rules()) {
        String target = r.drops() ? "drop" : r.targetName() + " (" + r.instrument().id()
            + (r.targetUnit().isEmpty() ? "" : ", " + r.targetUnit()) + ")";
        List<String> changes = r.valueChanges();
        if (!changes.isEmpty()) target += " " + String.join("; ", changes);
        out.printf("%-28s %-48s → %s  [%s]%n", r.id(), r.matchText(), target, r.confidence());
      }
      if (s.isLabelsKind()) out.println(s.size() + " label rules");
      out.println();
    }
    return ExitCodes.OK;
  }

  private static int test(PrintWriter out, List<RuleSet> sets, List<RuleSet> bundled) throws IOException {
    List<RuleSet> labelSets = new ArrayList<>();
    for (RuleSet s : bundled) if (s.isLabelsKind()) labelSets.add(s);
    RuleTester tester = new RuleTester(labelSets);
    int failed = 0;
    int passed = 0;
    for (RuleSet s : sets) {
      if (s.isLabelsKind()) continue;
      List<RuleTester.Result> results = tester.run(s);
      int bad = 0;
      for (RuleTester.Result r : results) {
        if (r.passed()) continue;
        bad++;
        out.println("FAIL " + s.id() + " example at " + r.example().position());
        for (String e : r.expected()) out.println("  expected: " + e);
        for (String a : r.actual()) out.println("  actual:   " + a);
      }
      passed += results.size() - bad;
      failed += bad;
      out.printf("%s %s: %d examples, %d rules%n", bad == 0 ? "ok  " : "FAIL", s.id(), results.size(), s.size());
    }
    out.printf("%d examples passed, %d failed%n", passed, failed);
    return failed == 0 ? ExitCodes.OK : ExitCodes.LOSSES_OR_FINDINGS;
  }
}
