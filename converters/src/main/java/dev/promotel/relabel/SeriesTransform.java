package dev.promotel.relabel;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricWriter;
import dev.promotel.model.Attribute;
import dev.promotel.model.AttributeValue;
import dev.promotel.model.Attributes;
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
 * family's name (a histogram or summary once, named as its family, without {@code le} or {@code
 * quantile}). Afterwards:
 *
 * <ul>
 *   <li>a series whose {@code __name__} is gone or empty is dropped (note {@code
 *       relabel-nameless-dropped}; Prometheus would fail the scrape);
 *   <li>series whose {@code __name__} changed move to a family of that name, with the same type,
 *       help, unit and resource; the families of one input family are written in the order their
 *       first series appeared. A family name that recurs later in the stream is written again
 *       (text writers report the duplicate family);
 *   <li>of series that end with equal labels in one family, the first is kept and the others
 *       dropped (loss {@code relabel-duplicate-series}); a family's label sets are remembered
 *       while it continues (its chunks, or a family of the same name that directly follows), so
 *       memory grows with the largest family, and only when rules or label operations run;
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
      next.write(selected);
      return;
    }
    Map<String, Group> groups = new LinkedHashMap<>();
    StringBuilder trace = explain == null ? null : new StringBuilder();
    for (Point point : selected.data().points()) {
      seriesIn++;
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
      // The first group continues the family written last when it has its name (a later chunk,
      // or series moved into the family that follows), so no label set repeats across them.
      Group group = groups.computeIfAbsent(name, n -> new Group(
          groups.isEmpty() && n.equals(lastName) ? lastSeen : new HashSet<>()));
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
    for (Map.Entry<String, Group> e : groups.entrySet()) {
      if (e.getValue().points.isEmpty()) continue;
      next.write(renamed(selected, e.getKey(), e.getValue().points));
      lastName = e.getKey();
      lastSeen = e.getValue().seen;
    }
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

  private static String valueOf(String[][] labels, String name) {
    for (int i = 0; i < labels[0].length; i++) if (labels[0][i].equals(name)) return labels[1][i];
    return "";
  }

  /** The result labels without {@code __name__}, typed as before where the value is unchanged. */
  private static Attributes attributesOf(String[][] labels, Attributes before) {
    List<Attribute> out = new ArrayList<>(labels[0].length);
    for (int i = 0; i < labels[0].length; i++) {
      String key = labels[0][i];
      if (key.equals(NAME)) continue;
      AttributeValue old = before.get(key);
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

  /** Lists the rules that never matched, then closes the next writer. */
  @Override
  public void close() throws IOException {
    try {
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
    final List<Point> points = new ArrayList<>();
    final Set<Attributes> seen;

    Group(Set<Attributes> seen) {
      this.seen = seen;
    }
  }
}
