package dev.promotel.lint.source;

import static dev.promotel.lint.Severity.ERROR;
import static dev.promotel.lint.Severity.INFO;
import static dev.promotel.lint.Severity.WARNING;

import dev.promotel.lint.RuleInfo;
import java.util.List;

/** The rule ids {@link SourceLinter} reports (specs/lint.md §6.5, §6.6), with their defaults. */
final class Rules {
  static final RuleInfo TOO_MANY_LABELS = new RuleInfo("logs/too-many-labels", ERROR,
      "a log stream would carry more labels than Loki's max_label_names_per_series (15)", "L");
  static final RuleInfo DYNAMIC_LABEL = new RuleInfo("logs/dynamic-label", ERROR,
      "a log stream label holds an ID, duration, address, file name or pod hash; use structured metadata", "L");
  static final RuleInfo NO_SERVICE_NAME = new RuleInfo("logs/no-service-name", WARNING,
      "a log stream has neither service_name nor a label of Loki's discover_service_name list (unknown_service)", "L");
  static final RuleInfo OTLP_DISCOURAGED = new RuleInfo("logs/otlp-discouraged-index-label", INFO,
      "Loki indexes k8s.pod.name or service.instance.id from OTLP resources (no longer recommended)", "L");
  static final RuleInfo MISSING_IDENTITY = new RuleInfo("xsrc/missing-identity-label", ERROR,
      "an identity label is set for a service on one side (metrics or logs) and absent on the other", "P/D, L, C");
  static final RuleInfo NAME_MISMATCH = new RuleInfo("xsrc/name-mismatch", WARNING,
      "metrics and logs of a service carry the same concept under different label names", "P/D, L, C");
  static final RuleInfo VALUE_FORMAT = new RuleInfo("xsrc/value-format-mismatch", WARNING,
      "a label has differently shaped values in metrics and logs (job ns/app vs app, case)", "P/D, L");
  static final RuleInfo VALUE_ALIAS = new RuleInfo("xsrc/value-alias", WARNING,
      "a label's values in metrics and logs differ but are configured aliases (prod vs production)", "P/D, L, C");
  static final RuleInfo VALUE_DISJOINT = new RuleInfo("xsrc/value-disjoint", ERROR,
      "a label's statically known values in metrics and logs have nothing in common", "P/D, L");
  static final RuleInfo K8S_DIVERGENT = new RuleInfo("xsrc/k8s-source-divergent", WARNING,
      "metrics and logs derive a label from different Kubernetes discovery labels", "P, L");
  static final RuleInfo EXTERNAL_LABELS = new RuleInfo("xsrc/external-labels", WARNING,
      "external labels of Prometheus and of the log shippers disagree in names or values", "P, L");
  static final RuleInfo CANNOT_VERIFY = new RuleInfo("xsrc/cannot-verify", INFO,
      "a label's values on the two sides come from different or unknown sources; not checked statically", "P, L");
  static final RuleInfo HONOR_LABELS_COLLISION = new RuleInfo("cfg/honor-labels-collision", WARNING,
      "a dump exposes a label the scrape config also sets, with honor_labels false: it becomes exported_<name>", "D, P");
  static final RuleInfo RELABEL_DROPS_IDENTITY = new RuleInfo("cfg/relabel-drops-identity", WARNING,
      "labeldrop/labelkeep/labelallow/label_drop removes an identity label", "P, L, C");
  static final RuleInfo RELABEL_INVALID_TARGET = new RuleInfo("cfg/relabel-invalid-target", ERROR,
      "a relabel target_label is not a valid label name, or a __ label that nothing reads and that is dropped", "P, L");
  static final RuleInfo NOT_UNDERSTOOD = new RuleInfo("cfg/not-understood", INFO,
      "a part of a config that promotel does not evaluate (an Alloy component, an expression), so rules skip it", "P, L");

  static final List<RuleInfo> ALL = List.of(
      TOO_MANY_LABELS, DYNAMIC_LABEL, NO_SERVICE_NAME, OTLP_DISCOURAGED,
      MISSING_IDENTITY, NAME_MISMATCH, VALUE_FORMAT, VALUE_ALIAS, VALUE_DISJOINT, K8S_DIVERGENT,
      EXTERNAL_LABELS, CANNOT_VERIFY,
      HONOR_LABELS_COLLISION, RELABEL_DROPS_IDENTITY, RELABEL_INVALID_TARGET, NOT_UNDERSTOOD);

  private Rules() {}
}
