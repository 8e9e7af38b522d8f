package dev.promotel.select;

import dev.promotel.format.Diagnostics;
import dev.promotel.model.Attributes;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.Point;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the series of a family that any of several selectors matches (OR; {@code -m} repeated),
 * or with {@code invert} those that none matches (grep's {@code -v}). Series are points ({@link
 * FamilySeries}); a family left without points is dropped.
 *
 * <p>Metric-name matchers are decided once per family: against every sample name of a histogram
 * or summary, {@code =}/{@code =~} holding when any name matches and {@code !=}/{@code !~} when
 * none does (so {@code {__name__!="foo_bucket"}} selects exactly what {@code -v foo_bucket}
 * does). A matcher on the hidden label of a histogram ({@code le}) or summary ({@code quantile})
 * cannot split the series: it is ignored for such families, and a note says so once. Other
 * matchers run per point, with absent labels as {@code ""}; regex results are cached per value.
 *
 * <p>Example: {@code node_cpu_seconds_total{mode!="idle"}} keeps 6 of 8 points per CPU.
 */
public final class SeriesFilter {
  private final List<Selector> selectors;
  private final boolean invert;
  private final Diagnostics diagnostics;
  private final LabelMatcher[][] nameMatchers;
  private final LabelMatcher[][] labelMatchers;
  private boolean notedHidden;

  public SeriesFilter(List<Selector> selectors, boolean invert, Diagnostics diagnostics) {
    if (selectors.isEmpty()) throw new IllegalArgumentException("at least one selector");
    this.selectors = List.copyOf(selectors);
    this.invert = invert;
    this.diagnostics = diagnostics;
    nameMatchers = new LabelMatcher[selectors.size()][];
    labelMatchers = new LabelMatcher[selectors.size()][];
    for (int i = 0; i < selectors.size(); i++) {
      List<LabelMatcher> names = new ArrayList<>();
      List<LabelMatcher> labels = new ArrayList<>();
      for (LabelMatcher m : selectors.get(i).matchers()) {
        (m.name().equals("__name__") ? names : labels).add(m);
      }
      nameMatchers[i] = names.toArray(new LabelMatcher[0]);
      labelMatchers[i] = labels.toArray(new LabelMatcher[0]);
    }
  }

  public List<Selector> selectors() {
    return selectors;
  }

  /**
   * The family with the selected points only: the same instance when every point is kept, null
   * when none is.
   */
  public MetricFamily apply(MetricFamily family) {
    String[] names = FamilySeries.sampleNames(family);
    String hidden = FamilySeries.hiddenLabel(family.data());
    // Per selector: null when its name matchers rule the family out, else the label matchers
    // that remain to be checked per point (empty: every point matches).
    LabelMatcher[][] perPoint = new LabelMatcher[nameMatchers.length][];
    boolean anyCandidate = false;
    boolean everyPoint = false;
    for (int s = 0; s < nameMatchers.length; s++) {
      if (!namesMatch(nameMatchers[s], names)) continue;
      LabelMatcher[] remaining = withoutHidden(labelMatchers[s], hidden);
      perPoint[s] = remaining;
      anyCandidate = true;
      if (remaining.length == 0) everyPoint = true;
    }
    if (everyPoint || !anyCandidate) {
      boolean keep = everyPoint != invert;
      return keep ? family : null;
    }
    List<? extends Point> points = family.data().points();
    List<Point> kept = null;
    for (int i = 0, n = points.size(); i < n; i++) {
      Point p = points.get(i);
      boolean keep = matchesAny(perPoint, p.attributes()) != invert;
      if (keep) {
        if (kept != null) kept.add(p);
      } else if (kept == null) {
        kept = new ArrayList<>(Math.max(16, n / 2));
        kept.addAll(points.subList(0, i));
      }
    }
    if (kept == null) return family;
    if (kept.isEmpty()) return null;
    return FamilySeries.withPoints(family, kept);
  }

  private static boolean matchesAny(LabelMatcher[][] perPoint, Attributes attributes) {
    for (LabelMatcher[] matchers : perPoint) {
      if (matchers == null) continue;
      boolean all = true;
      for (LabelMatcher m : matchers) {
        if (!m.matches(attributes.getString(m.name()))) {
          all = false;
          break;
        }
      }
      if (all) return true;
    }
    return false;
  }

  private static boolean namesMatch(LabelMatcher[] matchers, String[] names) {
    for (LabelMatcher m : matchers) {
      boolean any = false;
      for (String name : names) {
        if (m.matchesPositive(name)) {
          any = true;
          break;
        }
      }
      if (any == m.type().isNegative()) return false;
    }
    return true;
  }

  private LabelMatcher[] withoutHidden(LabelMatcher[] matchers, String hidden) {
    if (hidden == null) return matchers;
    int count = 0;
    for (LabelMatcher m : matchers) if (m.name().equals(hidden)) count++;
    if (count == 0) return matchers;
    if (!notedHidden) {
      notedHidden = true;
      diagnostics.note("selector-" + hidden + "-ignored", "selector matchers on '" + hidden
          + "' ignored for " + (hidden.equals("le") ? "histogram" : "summary")
          + " families: each series is kept or dropped whole, with all its "
          + (hidden.equals("le") ? "buckets" : "quantiles"));
    }
    LabelMatcher[] out = new LabelMatcher[matchers.length - count];
    int k = 0;
    for (LabelMatcher m : matchers) if (!m.name().equals(hidden)) out[k++] = m;
    return out;
  }
}
