package dev.promotel.lint;

import static dev.promotel.lint.Severity.ERROR;
import static dev.promotel.lint.Severity.INFO;
import static dev.promotel.lint.Severity.WARNING;

import java.util.List;

/**
 * The rules of the lint engine itself and of metric dumps (specs/lint.md §6.1–§6.4), with their
 * stable ids: what {@code --list-rules} prints, what SARIF lists as rule metadata and what the
 * lint config may name. Example: {@code name/counter-total} (warning) "counter without _total".
 */
public final class DumpRuleIds {
  public static final String PARSE_ERROR = "dump/parse-error";
  public static final String CONFIG_PARSE_ERROR = "cfg/parse-error";
  public static final String DUPLICATE_SERIES = "dump/duplicate-series";
  public static final String DUPLICATE_LABEL = "dump/duplicate-label";
  public static final String METADATA_CONFLICT = "dump/metadata-conflict";
  public static final String MISSING_HELP = "dump/missing-help";
  public static final String UNTYPED = "dump/untyped";
  public static final String UNIT_SUFFIX = "dump/unit-suffix";
  public static final String INVALID_VALUES = "dump/invalid-values";
  public static final String RESERVED_SUFFIX = "dump/reserved-suffix";
  public static final String EXEMPLAR_TOO_LONG = "dump/exemplar-too-long";
  public static final String TARGET_LABEL = "dump/target-label-in-exposition";
  public static final String COUNTER_TOTAL = "name/counter-total";
  public static final String BASE_UNIT = "name/base-unit";
  public static final String UNIT_ABBREV = "name/unit-abbrev";
  public static final String TYPE_IN_NAME = "name/type-in-name";
  public static final String COLON = "name/colon";
  public static final String SNAKE_CASE = "name/snake-case";
  public static final String CHARSET = "name/charset";
  public static final String RESERVED_PREFIX = "name/reserved-prefix";
  public static final String OTEL_DEPRECATED_ATTR = "name/otel-deprecated-attr";
  public static final String OTEL_UNIT_IN_NAME = "name/otel-unit-in-name";
  public static final String INCONSISTENT_SET = "labels/inconsistent-set";
  public static final String CASE_VARIANT = "labels/case-variant";
  public static final String SYNONYM = "labels/synonym";
  public static final String VALUE_VARIANT = "labels/value-variant";
  public static final String EMPTY_VALUE = "labels/empty-value";
  public static final String FAMILY_SERIES = "card/family-series";
  public static final String EXPOSITION_SERIES = "card/exposition-series";
  public static final String UNBOUNDED_VALUE = "card/unbounded-value";
  public static final String DOMINANT_LABEL = "card/dominant-label";
  public static final String LONG_VALUE = "card/long-value";
  public static final String BAD_SUPPRESSION = "lint/bad-suppression";
  public static final String STALE_BASELINE = "lint/stale-baseline";
  public static final String COUNTING_STOPPED = "lint/counting-stopped";

  /** Every rule of this package, in catalog order. */
  public static final List<RuleInfo> RULES = List.of(
      new RuleInfo(PARSE_ERROR, ERROR, "The dump does not parse in its detected or declared format", "D"),
      new RuleInfo(CONFIG_PARSE_ERROR, ERROR, "A config found in a directory does not parse as the kind it looks like", "C"),
      new RuleInfo(DUPLICATE_SERIES, ERROR, "Two samples with the same name and label set", "D"),
      new RuleInfo(DUPLICATE_LABEL, ERROR, "The same label name twice in one series", "D"),
      new RuleInfo(METADATA_CONFLICT, ERROR, "HELP/TYPE/UNIT given twice, or a family split in two", "D"),
      new RuleInfo(MISSING_HELP, WARNING, "Family without HELP text", "D"),
      new RuleInfo(UNTYPED, INFO, "Untyped family: no TYPE, or TYPE untyped (type-specific rules cannot check it)", "D"),
      new RuleInfo(UNIT_SUFFIX, ERROR, "OpenMetrics UNIT that is not a suffix of the name, or UNIT on info/stateset", "D"),
      new RuleInfo(INVALID_VALUES, ERROR, "Negative or NaN counter, count not matching buckets, quantile outside [0,1], info/stateset values", "D"),
      new RuleInfo(RESERVED_SUFFIX, WARNING, "_total/_bucket/_count/_sum suffix or le/quantile label on the wrong type", "D"),
      new RuleInfo(EXEMPLAR_TOO_LONG, ERROR, "Exemplar label set longer than 128 characters", "D"),
      new RuleInfo(TARGET_LABEL, INFO, "Same label and value on every series of an exposition (belongs in the scrape config)", "D"),
      new RuleInfo(COUNTER_TOTAL, WARNING, "Counter without _total suffix", "D"),
      new RuleInfo(BASE_UNIT, WARNING, "Non-base or prefixed unit in the name", "D"),
      new RuleInfo(UNIT_ABBREV, WARNING, "Abbreviated unit (_ms, _s, _kb...) in the name", "D"),
      new RuleInfo(TYPE_IN_NAME, INFO, "Metric type (_gauge, _counter...) in the name", "D"),
      new RuleInfo(COLON, WARNING, "':' in an exported metric name (reserved for recording rules)", "D"),
      new RuleInfo(SNAKE_CASE, WARNING, "camelCase metric or label name", "D"),
      new RuleInfo(CHARSET, INFO, "Name outside the legacy Prometheus character set", "D"),
      new RuleInfo(RESERVED_PREFIX, WARNING, "Label starting with __ or exported_ in data", "D"),
      new RuleInfo(OTEL_DEPRECATED_ATTR, WARNING, "Deprecated OpenTelemetry semantic-convention attribute", "D"),
      new RuleInfo(OTEL_UNIT_IN_NAME, INFO, "OpenTelemetry metric name embeds a unit or _total instead of the unit field", "D"),
      new RuleInfo(INCONSISTENT_SET, WARNING, "Series of one family with different label-name sets", "D"),
      new RuleInfo(CASE_VARIANT, WARNING, "Label names equal after normalising case and _ . -", "D"),
      new RuleInfo(SYNONYM, INFO, "Label names of one synonym group used by different families", "D, C"),
      new RuleInfo(VALUE_VARIANT, WARNING, "Values of one label that differ only by case/whitespace or are aliases", "D, C"),
      new RuleInfo(EMPTY_VALUE, WARNING, "Label with an empty value (Prometheus treats it as absent)", "D"),
      new RuleInfo(FAMILY_SERIES, WARNING, "Series per family above the threshold", "D"),
      new RuleInfo(EXPOSITION_SERIES, WARNING, "Series in one dump above the threshold", "D"),
      new RuleInfo(UNBOUNDED_VALUE, WARNING, "Label values that look like IDs, addresses or timestamps, or a deny-listed label name", "D"),
      new RuleInfo(DOMINANT_LABEL, WARNING, "One label's distinct values about equal the series count", "D"),
      new RuleInfo(LONG_VALUE, WARNING, "Label name or value longer than the configured (Loki) limit", "D"),
      new RuleInfo(BAD_SUPPRESSION, WARNING, "Inline suppression without a reason, with an unknown rule id, expired or unused", "C"),
      new RuleInfo(STALE_BASELINE, INFO, "Baseline entry that no longer matches any finding", "C"),
      new RuleInfo(COUNTING_STOPPED, INFO, "A rule stopped counting at its memory bound; its results are partial", "D"));

  private DumpRuleIds() {}
}
