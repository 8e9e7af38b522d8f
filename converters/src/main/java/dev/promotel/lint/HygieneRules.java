package dev.promotel.lint;

import static dev.promotel.lint.DumpRuleIds.DUPLICATE_SERIES;
import static dev.promotel.lint.DumpRuleIds.EXEMPLAR_TOO_LONG;
import static dev.promotel.lint.DumpRuleIds.INVALID_VALUES;
import static dev.promotel.lint.DumpRuleIds.METADATA_CONFLICT;
import static dev.promotel.lint.DumpRuleIds.MISSING_HELP;
import static dev.promotel.lint.DumpRuleIds.TARGET_LABEL;
import static dev.promotel.lint.DumpRuleIds.UNIT_SUFFIX;
import static dev.promotel.lint.DumpRuleIds.UNTYPED;

import dev.promotel.format.Format;
import dev.promotel.format.SourcePosition;
import dev.promotel.model.Attribute;
import dev.promotel.model.Attributes;
import dev.promotel.model.Exemplar;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.Point;
import dev.promotel.model.PromType;
import dev.promotel.model.Quantile;
import dev.promotel.model.Sum;
import dev.promotel.model.SummaryPoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dump hygiene (specs/lint.md §6.1): duplicate series (64-bit hashes of the label sets, per family
 * while it streams, at most {@code maxSeries} of them), split families, missing HELP/TYPE, UNIT
 * suffixes, invalid values, long exemplars and labels every series of an exposition carries.
 * Duplicate labels and repeated metadata lines are rejected by the readers; the engine reports
 * those parse errors under their own rule ids.
 */
final class HygieneRules implements DumpRule {
  private static final int MAX_REPORTS_PER_FAMILY = 100;

  private final Checks checks;
  private final int maxSeries;
  private final LongSet series;
  private final LongSet familyNames = new LongSet(1 << 20);
  private final boolean duplicateOn;
  private final boolean invalidOn;
  private final boolean exemplarOn;
  private int duplicatesReported;
  private boolean invalidReported;
  private boolean exemplarReported;

  // dump/target-label-in-exposition: the labels (and values) every series so far carried.
  private Map<String, String> common;
  private SourcePosition commonAt;
  private long seriesSeen;
  private int familiesSeen;
  private boolean otlp;

  HygieneRules(Checks checks) throws dev.promotel.yaml.ConfigException {
    this.checks = checks;
    this.maxSeries = checks.intOption(DUPLICATE_SERIES, "maxSeriesPerFamily", 1 << 20);
    this.series = new LongSet(maxSeries);
    this.duplicateOn = checks.on(DUPLICATE_SERIES);
    this.invalidOn = checks.on(INVALID_VALUES);
    this.exemplarOn = checks.on(EXEMPLAR_TOO_LONG);
  }

  @Override
  public void family(DumpFamily f) {
    if (!f.continued()) startFamily(f);
    List<? extends Point> points = f.family().data().points();
    boolean counter = f.family().data() instanceof Sum sum && sum.monotonic();
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      Attributes labels = p.attributes();
      if (duplicateOn) duplicate(f, i, labels);
      if (invalidOn && !invalidReported) invalidValue(f, i, p, counter);
      if (exemplarOn && !exemplarReported && !p.exemplars().isEmpty()) exemplars(f, i, p);
      if (common != null) commonLabels(labels);
      seriesSeen++;
    }
  }

  private void startFamily(DumpFamily f) {
    series.clear();
    duplicatesReported = 0;
    invalidReported = false;
    exemplarReported = false;
    familiesSeen++;
    otlp = f.isOtlp();
    String name = f.name();
    if (f.isText()) {
      long key = LongSet.hash(LongSet.SEED, name);
      if (familyNames.contains(key)) {
        checks.report(METADATA_CONFLICT, f.at(), name, "family " + name + " appears again after"
            + " other families; keep all samples and metadata of a family together");
      } else if (familyNames.add(key) == LongSet.Added.FULL) {
        checks.stoppedCounting(METADATA_CONFLICT, f.at(), "family names");
      }
    }
    if (f.family().description().isEmpty()) {
      checks.report(MISSING_HELP, f.at(), name, name + " has no HELP text; describe what it measures");
    }
    if (f.isText() && f.type() == PromType.UNKNOWN) {
      // The model has one type for both "no TYPE line" and "# TYPE x untyped"; the message fits both.
      checks.report(UNTYPED, f.at(), name, name + " is untyped (no TYPE line, or TYPE untyped), so"
          + " type-specific rules cannot check it; declare counter, gauge, histogram or summary"
          + " if it is one");
    }
    if (f.format() == Format.OM) unit(f);
    if (familiesSeen == 1 && f.isText() && checks.on(TARGET_LABEL)) {
      common = null;
      Point first = f.family().data().points().isEmpty() ? null : f.family().data().points().get(0);
      if (first != null) {
        common = new LinkedHashMap<>();
        for (Attribute a : first.attributes()) common.put(a.key(), a.value().asString());
        commonAt = f.pointAt(0);
      }
    }
  }

  private void unit(DumpFamily f) {
    String unit = f.family().unit();
    if (unit.isEmpty()) return;
    String name = f.family().prom() != null ? f.family().prom().originalName() : f.name();
    PromType type = f.type();
    if (type == PromType.INFO || type == PromType.STATESET) {
      checks.report(UNIT_SUFFIX, f.at(), name, type.openMetricsName() + " " + name
          + " has UNIT " + unit + "; info and stateset families must have no unit");
    } else if (!name.endsWith("_" + unit)) {
      checks.report(UNIT_SUFFIX, f.at(), name, "UNIT " + unit + " is not a suffix of " + name
          + "; rename the family to " + name + "_" + unit + " or fix the UNIT line");
    }
  }

  private void duplicate(DumpFamily f, int i, Attributes labels) {
    long h = LongSet.SEED;
    for (int k = 0; k < labels.size(); k++) {
      h = LongSet.hash(h, labels.key(k));
      h = LongSet.hash(h, labels.value(k).asString());
    }
    switch (series.add(h)) {
      case NEW -> {}
      case PRESENT -> {
        if (duplicatesReported++ < MAX_REPORTS_PER_FAMILY) {
          checks.report(DUPLICATE_SERIES, f.pointAt(i), f.name() + labels, f.name() + labels
              + " occurs twice; each series may appear once per exposition");
        }
      }
      case FULL -> checks.stoppedCounting(DUPLICATE_SERIES, f.at(),
          "series of " + f.name() + " after " + maxSeries);
    }
  }

  private void invalidValue(DumpFamily f, int i, Point p, boolean counter) {
    String problem = null;
    if (p instanceof NumberPoint n) {
      double v = n.value().toDouble();
      if (counter && (Double.isNaN(v) || v < 0)) problem = "counter value " + v + " is negative or NaN";
      if (f.type() == PromType.INFO && v != 1) problem = "info value " + v + " is not 1";
      if (f.type() == PromType.STATESET && v != 0 && v != 1) problem = "stateset value " + v + " is not 0 or 1";
    } else if (p instanceof HistogramPoint h) {
      long total = 0;
      for (int b = 0; b < h.bucketCountsSize(); b++) total += h.bucketCount(b);
      if (h.bucketCountsSize() > 0 && total != h.count()) {
        problem = "_count " + h.count() + " differs from the +Inf bucket " + total;
      }
    } else if (p instanceof SummaryPoint s) {
      for (Quantile q : s.quantiles()) {
        if (q.quantile() < 0 || q.quantile() > 1) problem = "quantile " + q.quantile() + " is outside [0,1]";
      }
    }
    if (problem != null) {
      invalidReported = true;
      checks.report(INVALID_VALUES, f.pointAt(i), f.name(), f.name() + p.attributes() + ": " + problem
          + "; fix the exporter (only the first such series of the family is reported)");
    }
  }

  private void exemplars(DumpFamily f, int i, Point p) {
    for (Exemplar e : p.exemplars()) {
      int length = 0;
      for (Attribute a : e.filteredAttributes()) {
        length += a.key().codePointCount(0, a.key().length());
        String v = a.value().asString();
        length += v.codePointCount(0, v.length());
      }
      if (!e.traceId().isEmpty()) length += "trace_id".length() + e.traceId().length();
      if (!e.spanId().isEmpty()) length += "span_id".length() + e.spanId().length();
      if (length > 128) {
        exemplarReported = true;
        checks.report(EXEMPLAR_TOO_LONG, f.pointAt(i), f.name(), "an exemplar of " + f.name()
            + " has " + length + " characters of labels; OpenMetrics allows 128, keep only the"
            + " trace and span ids");
        return;
      }
    }
  }

  private void commonLabels(Attributes labels) {
    if (common.isEmpty()) return;
    common.entrySet().removeIf(e -> {
      var v = labels.get(e.getKey());
      return v == null || !v.asString().equals(e.getValue());
    });
  }

  @Override
  public void end() {
    if (common == null || otlp || familiesSeen < 2 || seriesSeen < 2) return;
    // A dump where every series has job and instance was taken after the scrape (federation,
    // the API), where target labels belong; the rule is about what a target exposes.
    if (common.containsKey("job") && common.containsKey("instance")) return;
    for (Map.Entry<String, String> e : common.entrySet()) {
      checks.report(TARGET_LABEL, commonAt, e.getKey(), "every series carries " + e.getKey() + "=\""
          + e.getValue() + "\"; set it as a target label in the scrape config (or expose it on an"
          + " _info metric) instead of on every metric");
    }
  }
}
