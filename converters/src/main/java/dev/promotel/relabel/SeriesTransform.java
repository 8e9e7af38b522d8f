package dev.promotel.relabel;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricWriter;
import dev.promotel.model.Attribute;
import dev.promotel.model.AttributeValue;
import dev.promotel.model.Attributes;
import dev.promotel.format.internal.FloatFormat;
import dev.promotel.model.Gauge;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricData;
import dev.promotel.model.Quantile;
import dev.promotel.model.Summary;
import dev.promotel.model.SummaryPoint;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.Point;
import dev.promotel.model.PromMetadata;
import dev.promotel.model.PromType;
import dev.promotel.select.FamilySeries;
import dev.promotel.select.SeriesFilter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The series pipeline of {@code filter}, a sink in front of the next writer: selectors first
 * ({@link SeriesFilter}), then the relabel rules ({@link Relabeler}), then the label operations
 * ({@link LabelOps}), per series (point), one family at a time.
 *
 * <p>Relabelling sees a series as Prometheus would: its labels plus {@code __name__}, the
 * family's name. A histogram or summary is relabelled per sample, as Prometheus' {@code
 * metric_relabel_configs} are: {@code foo_bucket{le=...}}, {@code foo_sum}, {@code foo_count}
 * ({@code foo{quantile=...}} for a summary). When every sample ends with the same name (less its
 * suffix) and labels, the point moves whole; when no rule can see {@code le}/{@code quantile},
 * one evaluation serves every bucket. When samples differ, each place they end in gets what the
 * model can hold: fewer bounds (a dropped bucket's count merges into the next kept one, so the
 * cumulative counts at kept bounds stay exact; +Inf stays as the count), a summary of {@code
 * _sum}/{@code _count} without quantiles (note {@code relabel-type-changed}), fewer quantiles;
 * the rest is loss {@code relabel-sample-inexpressible}. Exponential histograms are relabelled
 * once, named as their family, as Prometheus does with native histograms. Afterwards:
 *
 * <ul>
 *   <li>a series whose {@code __name__} is gone or empty is dropped (note {@code
 *       relabel-nameless-dropped}; Prometheus would fail the scrape);
 *   <li>series whose {@code __name__} changed move to a family of that name, with the same type,
 *       help, unit and resource. Until a family of that name is written they wait (at most
 *       100000 series; beyond, the oldest are written, note {@code relabel-moved-flushed}): when
 *       the input's family of that name arrives they join it ahead of its own series, under its
 *       type when both are gauges or counters (note {@code relabel-type-changed}), else they are a
 *       loss ({@code relabel-type-conflict}); the family itself is always written. Those whose
 *       family never came are written at the end. A family already written earlier is continued
 *       when it was the last one; otherwise it is written again (text writers report it);
 *   <li>of series that end with equal labels in one family, the first is kept and the others
 *       dropped (loss {@code relabel-duplicate-series}); a family's label sets are remembered
 *       while it continues (its chunks, or a family of the same name that directly follows), so
 *       memory grows with the largest family. Without rules and label operations they are
 *       collected only once a family repeats (the same input given twice: loss {@code
 *       duplicate-series});
 *   <li>labels keep their OTLP type when their value did not change; changed values are strings.
 * </ul>
 *
 * <p>With an explain writer, prints each relabelled series, what each rule that applied did to
 * it, and the result; {@link #close()} lists the rules that never matched.
 */
public final class SeriesTransform implements MetricWriter {
  private static final String NAME = "__name__";

  private final SeriesFilter filter;
  private final Relabeler relabeler;
  private final LabelOps ops;
  private final PrintWriter explain;
  private final Diagnostics diagnostics;
  private final MetricWriter next;
  private final LabelBuilder builder = new LabelBuilder();
  private long seriesIn;
  private long seriesOut;
  private long seriesDropped;
  private boolean warnedTmp;
  /** The family written last and its label sets: the next write may continue it. */
  private String lastName;
  private Set<Attributes> lastSeen;
  /** Groups of series renamed to a family not written yet, by that name, in arrival order. */
  private final Map<String, List<Group>> pending = new LinkedHashMap<>();
  private long pendingSeries;
  /** The family written last (after renaming), which a moved series may continue. */
  private MetricFamily lastTemplate;
  /** Every family name written so far (one entry per family name). */
  private final Set<String> writtenNames = new HashSet<>();
  /** The family written last while its label sets are not collected yet (it may repeat). */
  private MetricFamily lastFamily;

  /**
   * @param filter the selectors, or null for every series
   * @param relabeler the rules (may be empty)
   * @param explain where to trace relabelling, or null
   */
  public SeriesTransform(
      SeriesFilter filter, Relabeler relabeler, LabelOps ops, PrintWriter explain,
      Diagnostics diagnostics, MetricWriter next) {
    this.filter = filter;
    this.relabeler = relabeler;
    this.ops = ops;
    this.explain = explain;
    this.diagnostics = diagnostics;
    this.next = next;
  }

  @Override
  public void write(MetricFamily family) throws IOException {
    MetricFamily selected = filter == null ? family : filter.apply(family);
    if (selected == null) return;
    if (relabeler.isEmpty() && ops.isEmpty()) {
      writeUnchanged(selected);
      return;
    }
    Map<String, Group> groups = new LinkedHashMap<>();
    StringBuilder trace = explain == null ? null : new StringBuilder();
    boolean perSample = !relabeler.isEmpty() && (selected.data().kind() == MetricData.Kind.HISTOGRAM
        || selected.data().kind() == MetricData.Kind.SUMMARY);
    for (Point point : selected.data().points()) {
      seriesIn++;
      if (perSample) {
        relabelSamples(selected, point, groups);
        continue;
      }
      Attributes attributes = point.attributes();
      String[][] base = withName(attributes, selected.name());
      builder.reset(base[0], base[1]);
      if (trace != null) {
        trace.setLength(0);
        trace.append(seriesText(selected.name(), attributes, selected)).append('\n');
      }
      boolean kept = relabeler.process(builder, trace);
      if (!kept) {
        seriesDropped++;
        if (trace != null) explain.print(trace.append("  → dropped\n"));
        continue;
      }
      ops.apply(builder);
      String[][] labels = builder.labels();
      String name = valueOf(labels, NAME);
      if (name.isEmpty()) {
        seriesDropped++;
        diagnostics.note("relabel-nameless-dropped",
            "series dropped: relabelling left them without __name__");
        if (trace != null) explain.print(trace.append("  → dropped: no __name__ left\n"));
        continue;
      }
      Attributes result = builder.isUnchanged() ? attributes : attributesOf(labels, attributes);
      Group group = group(groups, name, selected);
      if (!group.seen.add(result)) {
        seriesDropped++;
        diagnostics.loss("relabel-duplicate-series", "series dropped after relabelling or label"
            + " operations: an earlier series of the family ended with the same labels");
        if (trace != null) {
          explain.print(trace.append("  → dropped: same labels as an earlier series: ")
              .append(seriesText(name, result, selected)).append('\n'));
        }
        continue;
      }
      warnTmp(result);
      group.points.add(FamilySeries.withAttributes(point, result));
      seriesOut++;
      if (trace != null) {
        String after = seriesText(name, result, selected);
        boolean same = name.equals(selected.name()) && result.equals(attributes);
        explain.print(trace.append(same ? "  → kept unchanged\n" : "  → kept as " + after + "\n"));
      }
    }
    if (explain != null) explain.flush();
    List<Group> waiting = pending.remove(selected.name());
    if (waiting != null) {
      for (Group w : waiting) pendingSeries -= w.points.size();
      join(groups, selected, waiting);
    }
    for (Map.Entry<String, Group> e : groups.entrySet()) {
      Group g = e.getValue();
      if (g.points.isEmpty()) continue;
      if (!g.name.equals(selected.name()) && !writtenNames.contains(g.name)) {
        // Moved to a family the input may still hold: wait for it, so it is never left out.
        pending.computeIfAbsent(g.name, n -> new ArrayList<>()).add(g);
        pendingSeries += g.points.size();
        continue;
      }
      if (!g.name.equals(selected.name()) && lastTemplate != null
          && g.name.equals(lastTemplate.name()) && !e.getKey().equals(lastName)) {
        // Moved into the family written just before, of another type: continue it.
        Map<String, Group> last = new LinkedHashMap<>();
        join(last, lastTemplate, List.of(g));
        Group merged = last.values().iterator().next();
        if (!merged.points.isEmpty()) emit(lastName, merged);
        continue;
      }
      emit(e.getKey(), g);
    }
    while (pendingSeries > HOLD_LIMIT && !pending.isEmpty()) flushOldestPending();
  }

  /** Series moved by relabelling and held (at most {@value #HOLD_LIMIT}) until their family. */
  private static final long HOLD_LIMIT = 100_000;

  private void emit(String key, Group g) throws IOException {
    MetricFamily family = renamed(g.template, g.name, g.points);
    next.write(family);
    lastTemplate = family;
    writtenNames.add(g.name);
    lastName = key;
    lastSeen = g.seen;
    lastFamily = null;
  }

  private void flushOldestPending() throws IOException {
    Map.Entry<String, List<Group>> oldest = pending.entrySet().iterator().next();
    pending.remove(oldest.getKey());
    diagnostics.note("relabel-moved-flushed", "series renamed by relabelling written before their"
        + " family arrived: more than " + HOLD_LIMIT + " were waiting; if that family follows,"
        + " the text formats report it as a duplicate (use --sort)");
    for (Group g : oldest.getValue()) {
      pendingSeries -= g.points.size();
      emit(g.template.data().kind() + "\0" + g.name, g);
    }
  }

  /**
   * Moves the held series renamed to {@code family}'s name into it, ahead of its own series (they
   * came first in the input): under its type when the kinds agree or both are plain numbers
   * (gauge, counter), else dropped with a loss. The family itself is always kept.
   */
  private void join(Map<String, Group> groups, MetricFamily family, List<Group> waiting) {
    String key = family.data().kind() + "\0" + family.name();
    Group own = groups.get(key);
    Set<Attributes> seen = groups.isEmpty() && key.equals(lastName) && lastSeen != null
        ? lastSeen : new HashSet<>();
    Group merged = new Group(family.name(), family, seen);
    for (Group w : waiting) {
      boolean sameKind = w.template.data().kind() == family.data().kind();
      boolean numbers = isNumber(w.template) && isNumber(family);
      if (!sameKind && !numbers) {
        diagnostics.loss("relabel-type-conflict", "series dropped that relabelling renamed into"
            + " an existing family of another kind (for example a histogram into a gauge)",
            w.points.size());
        continue;
      }
      if (w.template.promType() != family.promType()) {
        diagnostics.note("relabel-type-changed", "series renamed by relabelling into an existing"
            + " family of another type take that family's type");
      }
      addAll(merged, w.points);
    }
    if (own != null) addAll(merged, own.points);
    // Keep the family's place among the groups: rebuild the map with the merged group first.
    Map<String, Group> rest = new LinkedHashMap<>(groups);
    rest.remove(key);
    groups.clear();
    groups.put(key, merged);
    groups.putAll(rest);
  }

  private void addAll(Group into, List<Point> points) {
    for (Point p : points) {
      if (into.seen.add(p.attributes())) {
        into.points.add(p);
      } else {
        seriesDropped++;
        seriesOut--;
        diagnostics.loss("relabel-duplicate-series", "series dropped after relabelling or label"
            + " operations: an earlier series of the family ended with the same labels");
      }
    }
  }

  private static boolean isNumber(MetricFamily family) {
    MetricData.Kind kind = family.data().kind();
    return kind == MetricData.Kind.GAUGE || kind == MetricData.Kind.SUM;
  }

  /**
   * Writes a family no rule changed, dropping series that repeat one of the family written just
   * before when it has the same name and kind (a later chunk, or the same family from the next
   * input): every output format then sees each series once. The label sets are collected only
   * once a family repeats, so memory grows with the largest repeated family.
   */
  private void writeUnchanged(MetricFamily family) throws IOException {
    String key = family.data().kind() + "\0" + family.name();
    if (!key.equals(lastName)) {
      lastName = key;
      lastSeen = null;
      lastFamily = family;
      next.write(family);
      return;
    }
    if (lastSeen == null) {
      lastSeen = new HashSet<>();
      for (Point p : lastFamily.data().points()) lastSeen.add(p.attributes());
      lastFamily = null;
    }
    List<? extends Point> points = family.data().points();
    List<Point> kept = null;
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      if (lastSeen.add(p.attributes())) {
        if (kept != null) kept.add(p);
        continue;
      }
      if (kept == null) kept = new ArrayList<Point>(points.subList(0, i));
      diagnostics.loss("duplicate-series", "series dropped that repeat a series of the same"
          + " family just before (the same input given twice?)");
    }
    if (kept == null) {
      next.write(family);
    } else if (!kept.isEmpty()) {
      next.write(FamilySeries.withPoints(family, kept));
    }
  }

  /**
   * The group of the series that end in family {@code name} shaped like {@code template}. The
   * first group continues the family written last when it has its name (a later chunk, or series
   * moved into the family that follows), so no label set repeats across them.
   */
  private Group group(Map<String, Group> groups, String name, MetricFamily template) {
    String key = template.data().kind() + "\0" + name;
    Group group = groups.get(key);
    if (group == null) {
      group = new Group(name, template,
          groups.isEmpty() && key.equals(lastName) && lastSeen != null ? lastSeen : new HashSet<>());
      groups.put(key, group);
    }
    return group;
  }

  /** Adds a rebuilt or relabelled point to its group unless its labels repeat there (loss). */
  private void add(Map<String, Group> groups, String name, MetricFamily template, Point point,
      StringBuilder trace) {
    Group group = group(groups, name, template);
    if (!group.seen.add(point.attributes())) {
      seriesDropped++;
      diagnostics.loss("relabel-duplicate-series", "series dropped after relabelling or label"
          + " operations: an earlier series of the family ended with the same labels");
      if (trace != null) trace.append("  → dropped: same labels as an earlier series: ")
          .append(seriesText(name, point.attributes(), template)).append('\n');
      return;
    }
    warnTmp(point.attributes());
    group.points.add(point);
    seriesOut++;
  }

  /** What relabelling did to one sample of a histogram or summary. */
  private record SampleResult(String base, Attributes attributes, String problem) {
    static final SampleResult DROPPED = new SampleResult(null, null, null);

    boolean kept() {
      return base != null;
    }

    boolean sameAs(SampleResult o) {
      return kept() && o.kept() && base.equals(o.base) && attributes.equals(o.attributes);
    }
  }

  /**
   * Relabels a histogram or summary point sample by sample, as Prometheus does: {@code
   * foo_bucket{le=...}} (or {@code foo{quantile=...}}), {@code foo_sum}, {@code foo_count}. When
   * every sample ends alike the point moves whole; otherwise what survives is rebuilt where the
   * model can hold it, and the rest is a loss.
   */
  private void relabelSamples(MetricFamily family, Point point, Map<String, Group> groups) {
    boolean histogram = family.data().kind() == MetricData.Kind.HISTOGRAM;
    String hidden = histogram ? "le" : "quantile";
    String n = family.name();
    String[] names = FamilySeries.sampleNames(family);
    String valueName = histogram ? names[1] : names[0];
    String countName = histogram ? names[2] : names[1];
    String sumName = histogram ? names[3] : names[2];
    Attributes attributes = point.attributes();
    String[] values;
    boolean hasSum;
    boolean hasCount;
    if (point instanceof HistogramPoint h) {
      double[] bounds = h.explicitBounds();
      values = new String[bounds.length + 1];
      for (int i = 0; i < bounds.length; i++) values[i] = FloatFormat.formatGo(bounds[i]);
      values[bounds.length] = "+Inf";
      hasSum = h.sum().isPresent();
      hasCount = true;
    } else {
      SummaryPoint q = (SummaryPoint) point;
      values = new String[q.quantiles().size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = FloatFormat.formatGo(q.quantiles().get(i).quantile());
      }
      hasSum = q.sum().isPresent();
      hasCount = q.count().isPresent();
    }
    boolean explainIt = explain != null;
    // Buckets differ only in le: when no rule can see it, one evaluation serves them all.
    boolean each = relabeler.sees(hidden);
    SampleResult[] valueResults = new SampleResult[values.length];
    StringBuilder[] valueTraces = explainIt ? new StringBuilder[values.length] : null;
    for (int i = 0; i < values.length; i++) {
      if (!each && i > 0) {
        valueResults[i] = valueResults[0];
        continue;
      }
      StringBuilder t = explainIt ? new StringBuilder() : null;
      valueResults[i] = evaluate(attributes, valueName, valueName.substring(n.length()), hidden,
          values[i], t);
      if (explainIt) valueTraces[i] = t;
    }
    StringBuilder sumTrace = explainIt ? new StringBuilder() : null;
    StringBuilder countTrace = explainIt ? new StringBuilder() : null;
    // No rule reads __name__ or the le/quantile label (and none is an attribute already): every
    // sample has the same labels as far as the rules can tell, so one outcome serves them all.
    // With --explain each sample is still evaluated, for its trace and the per-rule counts.
    SampleResult shared = !explainIt && !each && values.length > 0 && !relabeler.sees(NAME)
        && !attributes.containsKey(hidden) ? valueResults[0] : null;
    SampleResult sum = !hasSum ? null : shared != null ? shared
        : evaluate(attributes, sumName, sumName.substring(n.length()), null, null, sumTrace);
    SampleResult count = !hasCount ? null : shared != null ? shared : evaluate(attributes,
        countName, countName.substring(n.length()), null, null, countTrace);

    // The common case: every sample ends alike, and the point moves whole.
    SampleResult first = values.length > 0 ? valueResults[0] : hasSum ? sum : count;
    boolean alike = first != null;
    for (SampleResult r : valueResults) alike &= r == first || r.sameAs(first) || bothDropped(r, first);
    if (sum != null) alike &= sum.sameAs(first) || bothDropped(sum, first);
    if (count != null) alike &= count.sameAs(first) || bothDropped(count, first);
    StringBuilder trace = explainIt ? new StringBuilder(seriesText(n, attributes,
        family.withData(new Gauge(List.of())))).append(histogram ? " (histogram" : " (summary")
        .append(", by sample)\n") : null;
    if (alike) {
      if (trace != null) {
        trace.append(values.length > 0 ? valueTraces[0] : hasSum ? sumTrace : countTrace);
        trace.append("  (every sample alike)\n");
      }
      if (!first.kept()) {
        seriesDropped++;
        noteProblem(first);
        if (trace != null) explain.print(trace.append("  → dropped\n"));
        return;
      }
      int before = groupSize(groups, first.base, family);
      add(groups, first.base, family, FamilySeries.withAttributes(point, first.attributes), trace);
      if (trace != null) {
        if (groupSize(groups, first.base, family) > before) {
          boolean same = first.base.equals(n) && first.attributes.equals(attributes);
          trace.append(same ? "  → kept unchanged\n"
              : "  → kept as " + seriesText(first.base, first.attributes, family) + "\n");
        }
        explain.print(trace);
      }
      return;
    }

    // Samples differ: group the kept ones by where they end, rebuild each group.
    Map<SampleResult, boolean[]> ends = new LinkedHashMap<>();
    int slots = values.length + 2; // values, then sum, then count
    for (int i = 0; i < values.length; i++) keep(ends, valueResults[i], slots, i);
    if (sum != null) keep(ends, sum, slots, values.length);
    if (count != null) keep(ends, count, slots, values.length + 1);
    if (trace != null) {
      trace.append("  samples differ:\n");
      for (int i = 0; i < values.length; i++) {
        sampleTrace(trace, valueName + "{" + hidden + "=\"" + values[i] + "\"}",
            valueTraces[each ? i : 0], valueResults[i], family);
      }
      if (sum != null) sampleTrace(trace, sumName, sumTrace, sum, family);
      if (count != null) sampleTrace(trace, countName, countTrace, count, family);
    }
    for (SampleResult r : valueResults) noteProblem(r);
    if (sum != null) noteProblem(sum);
    if (count != null) noteProblem(count);
    if (ends.isEmpty()) {
      seriesDropped++;
      if (trace != null) explain.print(trace.append("  → dropped\n"));
      return;
    }
    Set<String> withBuckets = new HashSet<>();
    for (Map.Entry<SampleResult, boolean[]> e : ends.entrySet()) {
      for (int i = 0; i < values.length; i++) if (e.getValue()[i]) withBuckets.add(e.getKey().base);
    }
    for (Map.Entry<SampleResult, boolean[]> e : ends.entrySet()) {
      SampleResult r = e.getKey();
      boolean[] kept = e.getValue();
      boolean keptSum = kept[values.length];
      boolean keptCount = kept[values.length + 1];
      boolean noValues = true;
      for (int i = 0; i < values.length; i++) noValues &= !kept[i];
      if (histogram && noValues && withBuckets.contains(r.base)) {
        // The family stays a histogram for the buckets; it cannot also hold a summary.
        diagnostics.loss("relabel-sample-inexpressible", "histogram _sum/_count samples dropped"
            + " that relabelling gave other labels than the buckets: one family cannot be a"
            + " histogram and a summary");
        if (trace != null) trace.append("  → dropped: ").append(keptSum ? "_sum " : "")
            .append(keptCount ? "_count " : "").append("with other labels than the buckets\n");
        continue;
      }
      if (point instanceof HistogramPoint h) {
        rebuildHistogram(groups, family, h, r, kept, keptSum, keptCount, trace);
      } else {
        SummaryPoint q = (SummaryPoint) point;
        List<Quantile> quantiles = new ArrayList<>();
        for (int i = 0; i < values.length; i++) if (kept[i]) quantiles.add(q.quantiles().get(i));
        SummaryPoint rebuilt = new SummaryPoint(r.attributes, q.startTimeUnixNano(),
            q.timeUnixNano(), keptCount ? q.count() : OptionalLong.empty(),
            keptSum ? q.sum() : OptionalDouble.empty(), quantiles, q.flags());
        add(groups, r.base, family, rebuilt, trace);
        if (trace != null) trace.append("  → kept as ").append(seriesText(r.base, r.attributes,
            family)).append(" with ").append(quantiles.size()).append(" of ").append(values.length)
            .append(" quantiles").append(keptSum ? ", _sum" : "").append(keptCount ? ", _count" : "")
            .append('\n');
      }
    }
    if (trace != null) explain.print(trace);
  }

  private static boolean bothDropped(SampleResult a, SampleResult b) {
    return !a.kept() && !b.kept();
  }

  private int groupSize(Map<String, Group> groups, String name, MetricFamily template) {
    Group g = groups.get(template.data().kind() + "\0" + name);
    return g == null ? 0 : g.points.size();
  }

  private static void keep(Map<SampleResult, boolean[]> ends, SampleResult r, int slots, int i) {
    if (!r.kept()) return;
    boolean[] kept = null;
    for (Map.Entry<SampleResult, boolean[]> e : ends.entrySet()) {
      if (e.getKey().sameAs(r)) kept = e.getValue();
    }
    if (kept == null) {
      kept = new boolean[slots];
      ends.put(r, kept);
    }
    kept[i] = true;
  }

  private void sampleTrace(StringBuilder trace, String sample, StringBuilder rules,
      SampleResult r, MetricFamily family) {
    trace.append("  ").append(sample).append(":\n");
    if (rules != null) {
      for (String line : rules.toString().split("\n")) {
        if (!line.isEmpty()) trace.append("  ").append(line).append('\n');
      }
    }
    trace.append("    → ").append(r.kept() ? "kept in " + seriesText(r.base, r.attributes,
        family.withData(new Gauge(List.of()))) : r.problem != null ? "dropped: " + r.problem
        : "dropped").append('\n');
  }

  private void noteProblem(SampleResult r) {
    if (r.kept() || r.problem == null) return;
    if (r.problem.startsWith("no __name__")) {
      diagnostics.note("relabel-nameless-dropped",
          "series dropped: relabelling left them without __name__");
    } else {
      diagnostics.loss("relabel-sample-inexpressible", "histogram or summary samples dropped"
          + " whose relabelled name or le/quantile label no longer fits their family");
    }
  }

  /**
   * Relabels one sample: its labels, {@code __name__} and the {@code le}/{@code quantile} label
   * (when {@code hidden} is set). Kept when the rules keep it, its name still ends with {@code
   * suffix} and the hidden label is unchanged; the label options run after the hidden label is
   * set aside (they never see it, as before).
   */
  private SampleResult evaluate(Attributes attributes, String sample, String suffix,
      String hidden, String hiddenValue, StringBuilder trace) {
    String[][] base = withName(attributes, sample, hidden, hiddenValue);
    builder.reset(base[0], base[1]);
    if (!relabeler.process(builder, trace)) return SampleResult.DROPPED;
    if (hidden != null) {
      String after = builder.get(hidden);
      if (!after.equals(hiddenValue)) {
        return new SampleResult(null, null, "relabelling changed " + hidden + " from \""
            + hiddenValue + "\" to \"" + after + "\"");
      }
      builder.delete(hidden);
    }
    ops.apply(builder);
    String[][] labels = builder.labels();
    String name = valueOf(labels, NAME);
    if (name.isEmpty()) return new SampleResult(null, null, "no __name__ left");
    if (!name.endsWith(suffix) || name.length() == suffix.length()) {
      return new SampleResult(null, null, "renamed to " + name + ", which does not end with "
          + (suffix.isEmpty() ? "a family name" : suffix));
    }
    String baseName = name.substring(0, name.length() - suffix.length());
    Attributes result = sameLabels(labels, attributes) ? attributes
        : attributesOf(labels, attributes);
    return new SampleResult(baseName, result, null);
  }

  /** Whether {@code labels} without {@code __name__} are exactly {@code attributes}' strings. */
  private static boolean sameLabels(String[][] labels, Attributes attributes) {
    int k = 0;
    for (int i = 0; i < labels[0].length; i++) {
      if (labels[0][i].equals(NAME)) continue;
      if (k >= attributes.size() || !attributes.key(k).equals(labels[0][i])
          || !attributes.value(k).asString().equals(labels[1][i])) {
        return false;
      }
      k++;
    }
    return k == attributes.size();
  }

  /**
   * A histogram rebuilt from the samples that ended in one place: the kept finite bounds, each
   * dropped bucket's count merged into the next kept bucket (cumulative counts at the kept bounds
   * stay exact); no bucket left but _sum/_count becomes a summary without quantiles.
   */
  private void rebuildHistogram(Map<String, Group> groups, MetricFamily family, HistogramPoint h,
      SampleResult r, boolean[] kept, boolean keptSum, boolean keptCount, StringBuilder trace) {
    double[] bounds = h.explicitBounds();
    long[] counts = h.bucketCounts();
    int inf = bounds.length;
    boolean anyBucket = false;
    for (int i = 0; i <= inf; i++) anyBucket |= kept[i];
    if (!anyBucket) {
      if (family.promType() == PromType.GAUGEHISTOGRAM) {
        diagnostics.loss("relabel-sample-inexpressible", "gauge histogram _gsum/_gcount kept"
            + " without buckets dropped: the model has no gauge summary");
        if (trace != null) trace.append("  → dropped: _gsum/_gcount without buckets\n");
        return;
      }
      diagnostics.note("relabel-type-changed", "histogram series whose buckets relabelling"
          + " dropped while keeping _sum or _count written as summaries without quantiles");
      if (!h.exemplars().isEmpty() || h.min().isPresent() || h.max().isPresent()) {
        diagnostics.loss("relabel-sample-inexpressible", "exemplars, min and max of histogram"
            + " series that became summaries dropped");
      }
      SummaryPoint summary = new SummaryPoint(r.attributes, h.startTimeUnixNano(),
          h.timeUnixNano(), keptCount ? OptionalLong.of(h.count()) : OptionalLong.empty(),
          keptSum ? h.sum() : OptionalDouble.empty(), List.of(), h.flags());
      MetricFamily asSummary = new MetricFamily(family.name(), family.description(),
          family.unit(), family.resource(), family.scope(), new Summary(List.of()),
          family.metadata(), family.prom() == null ? null
              : new PromMetadata(PromType.SUMMARY, family.prom().originalName()));
      add(groups, r.base, asSummary, summary, trace);
      if (trace != null) trace.append("  → kept as summary ").append(seriesText(r.base,
          r.attributes, asSummary.withData(new Gauge(List.of())))).append(" (").append(
          keptSum ? "_sum" : "").append(keptSum && keptCount ? ", " : "").append(
          keptCount ? "_count" : "").append(", no quantiles)\n");
      return;
    }
    if (!kept[inf] || !keptCount) {
      diagnostics.loss("relabel-sample-inexpressible", "histogram samples written although a"
          + " rule dropped them: _count and the +Inf bucket are one value in the model");
    }
    int keptBounds = 0;
    for (int i = 0; i < inf; i++) if (kept[i]) keptBounds++;
    double[] newBounds = new double[keptBounds];
    long[] newCounts = new long[counts.length == 0 ? 0 : keptBounds + 1];
    if (counts.length > 0) {
      long pending = 0;
      int k = 0;
      for (int i = 0; i < inf; i++) {
        pending += counts[i];
        if (kept[i]) {
          newBounds[k] = bounds[i];
          newCounts[k++] = pending;
          pending = 0;
        }
      }
      newCounts[k] = pending + counts[inf];
    }
    HistogramPoint rebuilt = new HistogramPoint(r.attributes, h.startTimeUnixNano(),
        h.timeUnixNano(), h.count(), keptSum ? h.sum() : OptionalDouble.empty(), newBounds,
        newCounts, h.min(), h.max(), h.exemplars(), h.flags());
    add(groups, r.base, family, rebuilt, trace);
    if (trace != null) trace.append("  → kept as ").append(seriesText(r.base, r.attributes,
        family)).append(" with ").append(keptBounds).append(" of ").append(inf)
        .append(" bounds").append(keptSum ? ", _sum" : ", no _sum").append('\n');
  }

  private void warnTmp(Attributes labels) {
    if (warnedTmp) return;
    for (int i = 0; i < labels.size(); i++) {
      if (labels.key(i).startsWith("__")) {
        warnedTmp = true;
        diagnostics.note("relabel-reserved-label-kept", "labels starting with __ (such as "
            + labels.key(i) + ") are kept, as Prometheus keeps them after metric_relabel_configs;"
            + " add a labeldrop rule (regex: __tmp.*) to remove them");
        return;
      }
    }
  }

  /** The family for a (possibly new) name, with the series that ended there. */
  private static MetricFamily renamed(MetricFamily family, String name, List<Point> points) {
    MetricFamily withPoints = FamilySeries.withPoints(family, points);
    if (name.equals(family.name())) return withPoints;
    PromMetadata prom = family.prom();
    PromMetadata newProm = prom == null ? null : new PromMetadata(prom.type(),
        originalName(name, prom.type()));
    return new MetricFamily(name, family.description(), family.unit(), family.resource(),
        family.scope(), withPoints.data(), family.metadata(), newProm);
  }

  /** The TYPE-line name of a family named {@code name}: without {@code _total}/{@code _info}. */
  private static String originalName(String name, PromType type) {
    if (type == PromType.COUNTER && name.endsWith("_total") && name.length() > 6) {
      return name.substring(0, name.length() - 6);
    }
    if (type == PromType.INFO && name.endsWith("_info") && name.length() > 5) {
      return name.substring(0, name.length() - 5);
    }
    return name;
  }

  /** The labels as sorted arrays with {@code __name__} merged in. */
  private static void fill(String[] names, String[] values, Attributes attributes, String name) {
    int k = 0;
    boolean placed = false;
    for (int i = 0; i < attributes.size(); i++) {
      String key = attributes.key(i);
      if (!placed && key.compareTo(NAME) > 0) {
        names[k] = NAME;
        values[k++] = name;
        placed = true;
      }
      if (key.equals(NAME)) continue;
      names[k] = key;
      values[k++] = attributes.value(i).asString();
    }
    if (!placed) {
      names[k] = NAME;
      values[k] = name;
    }
  }

  private String[][] withName(Attributes attributes, String name) {
    // An OTLP attribute literally named __name__ is shadowed by the family name.
    int size = attributes.size() + (attributes.containsKey(NAME) ? 0 : 1);
    String[] names = new String[size];
    String[] values = new String[size];
    fill(names, values, attributes, name);
    return new String[][] {names, values};
  }

  /** As {@link #withName(Attributes, String)}, plus label {@code hidden} when not null. */
  private String[][] withName(Attributes attributes, String name, String hidden, String value) {
    String[][] base = withName(attributes, name);
    if (hidden == null) return base;
    int at = java.util.Arrays.binarySearch(base[0], hidden);
    if (at >= 0) {
      base[1][at] = value;
      return base;
    }
    int ins = -at - 1;
    String[] names = new String[base[0].length + 1];
    String[] values = new String[names.length];
    System.arraycopy(base[0], 0, names, 0, ins);
    System.arraycopy(base[1], 0, values, 0, ins);
    names[ins] = hidden;
    values[ins] = value;
    System.arraycopy(base[0], ins, names, ins + 1, base[0].length - ins);
    System.arraycopy(base[1], ins, values, ins + 1, base[1].length - ins);
    return new String[][] {names, values};
  }

  private static String valueOf(String[][] labels, String name) {
    for (int i = 0; i < labels[0].length; i++) if (labels[0][i].equals(name)) return labels[1][i];
    return "";
  }

  /** The result labels without {@code __name__}, typed as before where the value is unchanged. */
  private static Attributes attributesOf(String[][] labels, Attributes before) {
    List<Attribute> out = new ArrayList<>(labels[0].length);
    int b = 0; // both are sorted by name: walk them together instead of searching
    for (int i = 0; i < labels[0].length; i++) {
      String key = labels[0][i];
      if (key.equals(NAME)) continue;
      while (b < before.size() && before.key(b).compareTo(key) < 0) b++;
      AttributeValue old = b < before.size() && before.key(b).equals(key) ? before.value(b) : null;
      String value = labels[1][i];
      out.add(old != null && old.asString().equals(value)
          ? new Attribute(key, old) : Attribute.of(key, value));
    }
    return Attributes.of(out);
  }

  /** A series as PromQL writes it: {@code name{a="1",b="2"}}, with the family type if not plain. */
  static String seriesText(String name, Attributes labels, MetricFamily family) {
    StringBuilder out = new StringBuilder(name);
    if (!labels.isEmpty()) out.append('{');
    for (int i = 0; i < labels.size(); i++) {
      if (i > 0) out.append(',');
      out.append(labels.key(i)).append("=\"");
      String v = labels.value(i).asString();
      for (int k = 0; k < v.length(); k++) {
        char c = v.charAt(k);
        if (c == '"' || c == '\\') out.append('\\').append(c);
        else if (c == '\n') out.append("\\n");
        else out.append(c);
      }
      out.append('"');
    }
    if (!labels.isEmpty()) out.append('}');
    String hidden = FamilySeries.hiddenLabel(family.data());
    if (hidden != null) {
      out.append(" (").append(hidden.equals("le") ? "histogram" : "summary")
          .append(", whole series)");
    }
    return out.toString();
  }

  /**
   * Writes the renamed series whose family never came, lists the rules that never matched, then
   * closes the next writer.
   */
  @Override
  public void close() throws IOException {
    try {
      for (List<Group> held : pending.values()) {
        // Several families renamed to one name that never came: one family, first type wins.
        Map<String, Group> one = new LinkedHashMap<>();
        Group first = held.get(0);
        join(one, renamed(first.template, first.name, List.of()), held);
        for (Map.Entry<String, Group> e : one.entrySet()) {
          if (!e.getValue().points.isEmpty()) emit(e.getKey(), e.getValue());
        }
      }
      pending.clear();
      if (explain != null) printSummary();
    } finally {
      next.close();
    }
  }

  private void printSummary() {
    List<RelabelRule> rules = relabeler.rules();
    explain.println("explain: " + seriesIn + " series relabelled, " + seriesOut + " kept, "
        + seriesDropped + " dropped");
    for (int i = 0; i < rules.size(); i++) {
      if (relabeler.droppedCount(i) > 0) {
        explain.println("  " + rules.get(i).describe() + " dropped " + relabeler.droppedCount(i));
      }
    }
    List<String> never = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      if (relabeler.matchedCount(i) == 0) never.add("  " + rules.get(i).describe());
    }
    if (never.isEmpty()) {
      explain.println("explain: every rule matched at least one series");
    } else {
      explain.println("explain: rules that never matched:");
      for (String line : never) explain.println(line);
    }
    explain.flush();
  }

  private static final class Group {
    final String name;
    final MetricFamily template;
    final List<Point> points = new ArrayList<>();
    final Set<Attributes> seen;

    Group(String name, MetricFamily template, Set<Attributes> seen) {
      this.name = name;
      this.template = template;
      this.seen = seen;
    }
  }
}
