package dev.promotel.lint;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a lint run found, in report order (by path, line, rule): each finding with its effective
 * severity and, if suppressed (inline comment or baseline), how; plus the rules that could report,
 * for SARIF metadata and JUnit's passing test cases, and how many files were linted.
 */
public record LintResult(List<Reported> findings, List<RuleInfo> rules, int files) {

  public LintResult {
    findings = List.copyOf(findings);
    rules = List.copyOf(rules);
  }

  /** A finding as reported: suppressed findings are kept for SARIF/JSON but never fail a run. */
  public record Reported(Finding finding, Optional<Suppressed> suppressed) {
    public boolean active() {
      return suppressed.isEmpty();
    }
  }

  /** How a finding was suppressed: SARIF {@code inSource} (comment) or {@code external} (baseline). */
  public record Suppressed(Kind kind, String justification) {
    public enum Kind { IN_SOURCE, EXTERNAL }
  }

  /** Active findings per severity (all severities present, possibly 0). */
  public Map<Severity, Integer> counts() {
    Map<Severity, Integer> out = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) out.put(s, 0);
    for (Reported r : findings) {
      if (r.active()) out.merge(r.finding().severity(), 1, Integer::sum);
    }
    return out;
  }

  public long suppressedCount() {
    return findings.stream().filter(r -> !r.active()).count();
  }

  /** Whether an active finding is at or above {@code failOn} (empty = never fail). */
  public boolean fails(Optional<Severity> failOn) {
    if (failOn.isEmpty()) return false;
    return findings.stream().anyMatch(r -> r.active() && r.finding().severity().atLeast(failOn.get()));
  }

  /** The rule's metadata, if it is in the catalog. */
  public Optional<RuleInfo> rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
