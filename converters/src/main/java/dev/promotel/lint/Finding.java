package dev.promotel.lint;

import dev.promotel.format.SourcePosition;
import java.util.List;
import java.util.Objects;

/**
 * One problem a rule found. {@code subject} names what the finding is about independently of line
 * numbers (a family, a label, a service: {@code http_requests_total}, {@code env},
 * {@code shop/frontend}); together with the rule id and the path it keys baselines and SARIF
 * fingerprints, so findings survive edits that move lines. {@code severity} is the rule's own
 * judgement; the lint config may override it.
 *
 * <p>Example: {@code xsrc/value-alias} at {@code promtail.yaml:14:15}, subject {@code env}, message
 * {@code env is "production" in logs but "prod" in metrics; ...}, related {@code prometheus.yml:9:16}.
 */
public record Finding(
    String ruleId,
    Severity severity,
    SourcePosition position,
    String subject,
    String message,
    List<RelatedLocation> related) {

  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
    related = List.copyOf(related);
  }

  public Finding(String ruleId, Severity severity, SourcePosition position, String subject, String message) {
    this(ruleId, severity, position, subject, message, List.of());
  }

  public Finding withSeverity(Severity newSeverity) {
    return new Finding(ruleId, newSeverity, position, subject, message, related);
  }
}
