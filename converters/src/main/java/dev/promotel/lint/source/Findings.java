package dev.promotel.lint.source;

import dev.promotel.lint.Finding;
import dev.promotel.lint.FindingSink;
import dev.promotel.lint.LintContext;
import dev.promotel.lint.RelatedLocation;
import dev.promotel.lint.RuleInfo;
import dev.promotel.format.SourcePosition;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Forwards findings to the engine's sink once each: a log group joined to two metrics jobs would
 * otherwise report the same missing label twice. The key is rule, position and subject; rules the
 * lint config switched off are skipped here so they cost nothing downstream.
 */
final class Findings {
  private final LintContext context;
  private final FindingSink sink;
  private final Set<String> seen = new HashSet<>();
  /** Positions (and subjects) already explained by a cross-source finding, so cfg/* does not repeat them. */
  private final Set<String> explained = new HashSet<>();

  Findings(LintContext context, FindingSink sink) {
    this.context = context;
    this.sink = sink;
  }

  boolean add(Finding f) {
    if (!context.enabled(f.ruleId())) return false;
    if (!seen.add(f.ruleId() + "|" + f.position() + "|" + f.subject())) return false;
    sink.report(f);
    return true;
  }

  boolean add(RuleInfo rule, SourcePosition at, String subject, String message, List<RelatedLocation> related) {
    return add(new Finding(rule.id(), rule.defaultSeverity(), at, subject, message, related));
  }

  void explain(SourcePosition at, String subject) {
    explained.add(at + "|" + subject);
  }

  boolean explained(SourcePosition at, String subject) {
    return explained.contains(at + "|" + subject);
  }
}
