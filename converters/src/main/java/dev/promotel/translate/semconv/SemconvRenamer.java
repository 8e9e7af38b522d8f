package dev.promotel.translate.semconv;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricWriter;
import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attribute;
import dev.promotel.model.AttributeValue;
import dev.promotel.model.Attributes;
import dev.promotel.model.ExponentialHistogram;
import dev.promotel.model.Gauge;
import dev.promotel.model.Histogram;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricData;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.Point;
import dev.promotel.model.Resource;
import dev.promotel.model.Scope;
import dev.promotel.model.Sum;
import dev.promotel.model.Summary;
import dev.promotel.model.SummaryPoint;
import dev.promotel.translate.semconv.RuleEngine.Candidate;
import dev.promotel.translate.semconv.RuleEngine.Candidates;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code rename semconv} as a transform: OTLP-shaped families in (Prometheus text has been through
 * {@code PrometheusToOtlp}, so {@code job}/{@code instance} are the resource and units are UCUM;
 * family names are still the exporter's, e.g. {@code node_cpu_seconds_total}), OTLP-shaped
 * families with semantic-convention names, instruments, units, attributes and scaled values out.
 * The first matching rule of the {@link RuleEngine} decides each family (or each series, when
 * label conditions decide); label rules ({@code kind: labels}) then rename the labels no metric
 * rule mentioned, on every family. Families no rule matches pass unchanged and are listed by
 * {@link #unmatched()}.
 *
 * <p>Resource: a resource attribute whose key is exactly the underscore form of a dotted registry
 * attribute (a {@code target_info} label such as {@code telemetry_sdk_language} or {@code
 * host_name}) gets the registry key ({@code telemetry.sdk.language}, {@code host.name}), on every
 * family, matched or not, so one target keeps one resource. A key the resource already has in
 * dotted form is left alone.
 *
 * <p>Merging: series of one family that become one target series (e.g. {@code mode="irq"} and
 * {@code mode="softirq"} → {@code cpu.mode="interrupt"}) are combined by the rule's {@code merge}
 * policy, per point timestamp. A target fed by several source families whose series can coincide
 * (a regex rule, two spellings of one metric such as {@code go_memstats_next_gc_bytes} and {@code
 * go_gc_heap_goal_bytes}, rules that drop or fold labels) is held in a bounded buffer, one entry per
 * (target, resource, scope), and merged and written as one family at {@link #close()}, because the
 * text readers yield one family at a time and the sources are far apart in a sorted dump. When the
 * buffer exceeds {@code maxBufferedPoints} its oldest entry is written early (a note {@code
 * merge-buffer-full}; a later part of that target becomes a second family of the same name).
 * Sources that can never coincide because each rule sets a different constant ({@code
 * node_network_receive_bytes_total} and {@code ..._transmit_...} → {@code system.network.io} with
 * {@code network.io.direction} receive/transmit) need no merge and stream: their target appears as
 * several families of the same name, which OTLP allows and the Prometheus text mapping joins.
 * Everything else streams too.
 *
 * <p>Example: {@code node_cpu_seconds_total{cpu="0",mode="softirq"} 5} and {@code mode="irq"} 2
 * become {@code system.cpu.time{cpu.logical_number=0,cpu.mode="interrupt"} 7}.
 */
public final class SemconvRenamer implements MetricWriter {
  /** Default bound of the merge buffer, in points. */
  public static final int DEFAULT_MAX_BUFFERED_POINTS = 1_000_000;

  private final MetricWriter next;
  private final RuleEngine engine;
  private final Diagnostics diagnostics;
  private final int maxBufferedPoints;
  private final Map<String, LabelRule> labelRules;
  private final Set<String> unmatched = new HashSet<>();
  private long droppedSeries;
  private String firstDropped;
  private long quantilesLost;
  private String firstQuantilesLost;
  private final Map<String, String> matchedBy = new LinkedHashMap<>();
  /**
   * Input resource → the resource with registry keys: a few for a scrape, one per target for a
   * federation dump.
   */
  private final Map<Resource, Resource> resources = new HashMap<>();
  private static final int MAX_CACHED_RESOURCES = 64 * 1024;
  private final LinkedHashMap<BufferKey, Pending> buffer = new LinkedHashMap<>();
  private int bufferedPoints;
  private long families;
  private boolean closed;

  private record BufferKey(String name, Resource resource, Scope scope) {}

  private static final class Pending {
    final MetricRule rule;
    final MetricFamily first;
    final List<Point> points = new ArrayList<>();
    /** Where each point of {@link #points} came from, to merge across sources and name them. */
    final List<Origin> origins = new ArrayList<>();

    Pending(MetricRule rule, MetricFamily first) {
      this.rule = rule;
      this.first = first;
    }
  }

  /** The rule and source family of a buffered point. */
  private record Origin(MetricRule rule, String family) {}

  /**
   * The attributes of one transformed point: its own and those moved to the resource; or, when
   * {@code dropped} is non-null, the series is deleted by a value map's {@code otherwise: drop}
   * and {@code dropped} says which value had no mapping, e.g. {@code jvm.memory.type="CodeCache"}.
   */
  private record Split(Attributes point, Attributes resource, String dropped) {
    Split(Attributes point, Attributes resource) {
      this(point, resource, null);
    }

    static Split drop(String key, String value) {
      return new Split(null, null, key + "=\"" + value + "\"");
    }
  }

  /** Series deleted per rule, by {@code drop: true} or by a value map, and the first one. */
  private static final class Drops {
    long count;
    final String first;

    Drops(String first) {
      this.first = first;
    }
  }

  private final Map<String, Drops> ruleDrops = new LinkedHashMap<>();
  private final Map<String, Drops> valueDrops = new LinkedHashMap<>();

  /**
   * Label plans already applied, per candidate (rule and name captures) and input attributes: the
   * same label sets recur for every target of a large dump (the instance is in the resource), so
   * most series cost one hash lookup instead of a rebuild. Bounded; cleared when full.
   */
  private final Map<Object, Map<Attributes, Split>> splits = new IdentityHashMap<>();

  private static final int MAX_CACHED_SPLITS = 8192;
  private static final Object LABEL_RULES_ONLY = new Object();
  private boolean collided;

  public SemconvRenamer(MetricWriter next, RuleEngine engine, Diagnostics diagnostics, int maxBufferedPoints) {
    this.next = next;
    this.engine = engine;
    this.diagnostics = diagnostics;
    this.maxBufferedPoints = maxBufferedPoints;
    this.labelRules = engine.labelRules();
  }

  /** Names of the input families no rule matched, sorted. */
  public Set<String> unmatched() {
    return new TreeSet<>(unmatched);
  }

  /** Input family name → {@code set/rule} that renamed it, in first-seen order. */
  public Map<String, String> matched() {
    return matchedBy;
  }

  /** Families written into this transform. */
  public long families() {
    return families;
  }

  @Override
  public void write(MetricFamily family) throws IOException {
    if (closed) throw new IllegalStateException("write() after close()");
    families++;
    Resource resource = semconvResource(family.resource());
    if (resource != family.resource()) {
      family = new MetricFamily(family.name(), family.description(), family.unit(), resource,
          family.scope(), family.data(), family.metadata(), family.prom());
    }
    Candidates c = engine.candidates(family);
    if (c.list().isEmpty()) {
      unmatchedFamily(family, family.data().points());
      return;
    }
    if (!c.perSeries()) {
      apply(family, c.list().get(0), family.data().points());
      return;
    }
    Map<Candidate, List<Point>> byRule = new IdentityHashMap<>();
    List<Point> rest = new ArrayList<>();
    for (Point p : family.data().points()) {
      Candidate chosen = null;
      for (Candidate cand : c.list()) {
        if (passes(cand.rule(), p.attributes())) {
          chosen = cand;
          break;
        }
      }
      if (chosen == null) rest.add(p);
      else byRule.computeIfAbsent(chosen, k -> new ArrayList<>()).add(p);
    }
    for (Candidate cand : c.list()) {
      List<Point> pts = byRule.get(cand);
      if (pts != null) apply(family, cand, pts);
    }
    if (!rest.isEmpty()) unmatchedFamily(family, rest);
  }

  private Resource semconvResource(Resource in) {
    if (allDotted(in.attributes())) return in; // already OTLP keys: no lookup per family
    Resource cached = resources.get(in);
    if (cached != null) return cached;
    Attributes a = in.attributes();
    Attributes out = a;
    for (int i = 0; i < a.size(); i++) {
      String key = a.key(i);
      if (key.indexOf('.') >= 0) continue;
      String dotted = Registry.bundled().attributeForUnderscoreForm(key).orElse(null);
      if (dotted == null || a.containsKey(dotted)) continue;
      out = out.without(key).with(dotted, a.value(i));
    }
    Resource result = out == a ? in : new Resource(out, in.schemaUrl());
    // Bounded, but above the targets of a big federation dump (every family repeats them all).
    if (resources.size() >= MAX_CACHED_RESOURCES) resources.clear();
    resources.put(in, result);
    return result;
  }

  private static boolean allDotted(Attributes attributes) {
    for (int i = 0; i < attributes.size(); i++) {
      if (attributes.key(i).indexOf('.') < 0) return false;
    }
    return true;
  }

  private static boolean passes(MetricRule rule, Attributes attributes) {
    for (LabelPredicate p : rule.labelPredicates) if (!p.test(attributes)) return false;
    return true;
  }

  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    while (!buffer.isEmpty()) flushOldest();
    if (droppedSeries > 0) {
      diagnostics.note("unmatched-dropped", "series dropped because no rule matched them (unmatched: drop; first: "
          + firstDropped + ")",
          droppedSeries);
    }
    if (!ruleDrops.isEmpty()) {
      diagnostics.note("rule-dropped", "series dropped by a rule's drop: true: " + describe(ruleDrops),
          total(ruleDrops));
    }
    if (!valueDrops.isEmpty()) {
      diagnostics.loss("value-map-dropped", "series dropped because a label value has no mapping"
          + " (otherwise: drop): " + describe(valueDrops), total(valueDrops));
    }
    if (quantilesLost > 0) {
      diagnostics.loss("summary-quantiles-dropped", "summary quantiles have no place in a histogram;"
          + " only sum and count were kept (first: '" + firstQuantilesLost + "')", quantilesLost);
    }
    next.close();
  }

  private static void count(Map<String, Drops> drops, MetricRule rule, String series) {
    drops.computeIfAbsent(rule.qualifiedId, k -> new Drops(series)).count++;
  }

  /** {@code 2 by rule a/b (first: ...); 1 by rule a/c (first: ...)}. */
  private static String describe(Map<String, Drops> drops) {
    StringBuilder b = new StringBuilder();
    for (var e : drops.entrySet()) {
      if (b.length() > 0) b.append("; ");
      b.append(e.getValue().count).append(" by rule ").append(e.getKey())
          .append(" (first: ").append(e.getValue().first).append(')');
    }
    return b.toString();
  }

  private static long total(Map<String, Drops> drops) {
    long n = 0;
    for (Drops d : drops.values()) n += d.count;
    return n;
  }

  // ---------------------------------------------------------------- unmatched

  private void unmatchedFamily(MetricFamily family, List<? extends Point> points) throws IOException {
    unmatched.add(family.name());
    if (engine.dropsUnmatched()) {
      if (firstDropped == null) firstDropped = "'" + family.name() + "'";
      droppedSeries += points.size();
      return;
    }
    if (labelRules.isEmpty() || !anyLabelRuleApplies(points)) {
      next.write(points == family.data().points() ? family : family.withData(withPoints(family.data(), points)));
      return;
    }
    Map<Resource, List<Point>> byResource = new LinkedHashMap<>();
    for (Point p : points) {
      Split s = cachedSplit(LABEL_RULES_ONLY, null, p.attributes(), Map.of());
      byResource.computeIfAbsent(resource(family.resource(), s.resource()), k -> new ArrayList<>())
          .add(withAttributes(p, s.point()));
    }
    for (var e : byResource.entrySet()) {
      next.write(new MetricFamily(family.name(), family.description(), family.unit(), e.getKey(),
          family.scope(), withPoints(family.data(), e.getValue()), family.metadata(), family.prom()));
    }
  }

  private boolean anyLabelRuleApplies(List<? extends Point> points) {
    for (Point p : points) {
      Attributes a = p.attributes();
      for (int i = 0; i < a.size(); i++) if (labelRules.containsKey(a.key(i))) return true;
    }
    return false;
  }

  // ---------------------------------------------------------------- matched

  private void apply(MetricFamily family, Candidate cand, List<? extends Point> points) throws IOException {
    MetricRule rule = cand.rule();
    matchedBy.putIfAbsent(family.name(), rule.qualifiedId);
    if (rule.drop) {
      Drops d = ruleDrops.computeIfAbsent(rule.qualifiedId, k -> new Drops("'" + family.name() + "'"));
      d.count += points.size();
      return;
    }
    MetricData data = family.data();
    boolean summary = data instanceof Summary;
    boolean numbers = data instanceof Gauge || data instanceof Sum;
    boolean fits = switch (rule.instrument) {
      case COUNTER, UPDOWNCOUNTER, GAUGE -> numbers;
      case HISTOGRAM -> data instanceof Histogram || summary
          || (data instanceof ExponentialHistogram && rule.scale == 1);
    };
    if (!fits) {
      diagnostics.loss("rule-type-mismatch", "a rule's target instrument does not fit the data; "
          + "family kept as it was (first: '" + family.name() + "' is a " + data.kind()
          + ", rule " + rule.ruleSet.id + "/" + rule.id + " wants a " + rule.instrument.id() + ")");
      unmatchedFamily(family, points);
      return;
    }
    Map<Resource, List<Point>> byResource = null;
    List<Point> plain = new ArrayList<>(points.size());
    for (Point p : points) {
      if (!rule.dropValues.isEmpty() && p instanceof NumberPoint np
          && rule.dropValues.contains(np.value().toDouble())) {
        continue;
      }
      Split s = cachedSplit(cand, rule, p.attributes(), cand.captured());
      if (s.dropped() != null) {
        count(valueDrops, rule, "'" + family.name() + "' with " + s.dropped());
        continue;
      }
      if (p instanceof SummaryPoint sp && !sp.quantiles().isEmpty()) {
        if (firstQuantilesLost == null) firstQuantilesLost = family.name();
        quantilesLost++;
      }
      Point out = transform(p, s.point(), rule.scale);
      if (s.resource().isEmpty()) plain.add(out);
      else {
        if (byResource == null) byResource = new LinkedHashMap<>(4);
        byResource.computeIfAbsent(resource(family.resource(), s.resource()), k -> new ArrayList<>()).add(out);
      }
    }
    if (!plain.isEmpty()) emit(family, rule, family.resource(), plain);
    if (byResource == null) return;
    for (var e : byResource.entrySet()) emit(family, rule, e.getKey(), e.getValue());
  }

  private void emit(MetricFamily source, MetricRule rule, Resource resource, List<Point> points)
      throws IOException {
    if (engine.needsMerge(rule.targetName)) {
      BufferKey key = new BufferKey(rule.targetName, resource, source.scope());
      Pending p = buffer.get(key);
      if (p == null) {
        p = new Pending(rule, source.withData(new Gauge(List.of())));
        buffer.put(key, p);
      }
      p.points.addAll(points);
      Origin origin = new Origin(rule, source.name());
      for (int i = 0; i < points.size(); i++) p.origins.add(origin);
      bufferedPoints += points.size();
      while (bufferedPoints > maxBufferedPoints && !buffer.isEmpty()) {
        diagnostics.note("merge-buffer-full", "the merge buffer was full; a target was written before"
            + " all its sources were seen (raise the bound to merge it into one family)");
        flushOldest();
      }
      return;
    }
    List<Point> merged = rule.mayCollide()
        ? merge(rule.merge, rule, points, null, new Origin(rule, source.name())) : points;
    next.write(target(source, rule, resource, merged));
  }

  private void flushOldest() throws IOException {
    var it = buffer.entrySet().iterator();
    var e = it.next();
    it.remove();
    Pending p = e.getValue();
    bufferedPoints -= p.points.size();
    List<Point> merged = merge(engine.mergePolicy(p.rule.targetName), p.rule, p.points, p.origins,
        new Origin(p.rule, p.first.name()));
    next.write(target(p.first, p.rule, e.getKey().resource(), merged));
  }

  private MetricFamily target(MetricFamily source, MetricRule rule, Resource resource, List<Point> points) {
    AggregationTemporality temporality = switch (source.data().kind()) {
      case SUM -> ((Sum) source.data()).temporality();
      case HISTOGRAM -> ((Histogram) source.data()).temporality();
      case EXPONENTIAL_HISTOGRAM -> ((ExponentialHistogram) source.data()).temporality();
      default -> AggregationTemporality.CUMULATIVE;
    };
    MetricData data = switch (rule.instrument) {
      case COUNTER -> new Sum(temporality, /* monotonic= */ true, numberPoints(points));
      case UPDOWNCOUNTER -> new Sum(temporality, /* monotonic= */ false, numberPoints(points));
      case GAUGE -> new Gauge(numberPoints(points));
      case HISTOGRAM -> points.isEmpty() || points.get(0) instanceof HistogramPoint
          ? new Histogram(temporality, castList(points))
          : new ExponentialHistogram(temporality, castList(points));
    };
    return new MetricFamily(rule.targetName, targetHelp(rule, source), rule.targetUnit, resource,
        source.scope(), data, source.metadata(), /* prom= */ null);
  }

  /**
   * The HELP of a target: the rule's description, else the source's HELP (with several sources
   * merged into one target, the first source's). The bundled registry snapshot carries no metric
   * briefs, so it cannot supply one.
   */
  private static String targetHelp(MetricRule rule, MetricFamily source) {
    return rule.description.isEmpty() ? source.description() : rule.description;
  }

  // ---------------------------------------------------------------- labels

  private Split cachedSplit(Object key, MetricRule rule, Attributes in, Map<String, AttributeValue> captured) {
    Map<Attributes, Split> cache = splits.get(key);
    if (cache == null) {
      cache = new HashMap<>();
      splits.put(key, cache);
    }
    Split s = cache.get(in);
    if (s != null) return s;
    collided = false;
    s = split(rule, in, captured);
    if (!collided) {
      if (cache.size() >= MAX_CACHED_SPLITS) cache.clear();
      cache.put(in, s);
    }
    return s;
  }

  /**
   * The rule's label plan and the label rules applied to one series' attributes. {@code rule}
   * null: label rules only.
   */
  private Split split(MetricRule rule, Attributes in, Map<String, AttributeValue> captured) {
    List<Attribute> out = new ArrayList<>(in.size() + 2);
    List<Attribute> res = null;
    for (int i = 0; i < in.size(); i++) {
      String k = in.key(i);
      AttributeValue v = in.value(i);
      String nk = k;
      boolean mentioned = false;
      if (rule != null) {
        if (rule.dropLabels.contains(k)) continue;
        String renamed = rule.rename.get(k);
        if (renamed != null) {
          nk = renamed;
          mentioned = true;
        }
        if (rule.keepOnly != null && !rule.keepOnly.contains(k) && !rule.keepOnly.contains(nk)) continue;
        ValueTransform t = rule.values.get(nk);
        if (t != null) {
          mentioned = true;
          v = t.apply(v.asString());
          if (v == ValueTransform.DROP_SERIES) return Split.drop(nk, in.value(i).asString());
          if (v == null) continue;
        }
        if (rule.set.containsKey(nk) || captured.containsKey(nk)) continue;
        if (!mentioned && rule.otherLabelsDrop && labelRules.get(k) == null) continue;
        if (rule.toResource.contains(nk)) {
          if (res == null) res = new ArrayList<>(2);
          res.add(new Attribute(nk, v));
          continue;
        }
      }
      if (!mentioned) {
        LabelRule lr = labelRules.get(k);
        if (lr != null && lr.appliesTo(v.asString())) {
          if (lr.toResource()) {
            if (res == null) res = new ArrayList<>(2);
            res.add(new Attribute(lr.to(), v));
            continue;
          }
          nk = lr.to();
        }
      }
      out.add(new Attribute(nk, v));
    }
    if (rule != null) {
      for (var e : rule.copy.entrySet()) {
        String source = in.getString(e.getValue());
        if (source == null) continue;
        ValueTransform t = rule.values.get(e.getKey());
        AttributeValue v = t == null ? AttributeValue.of(source) : t.apply(source);
        if (v == ValueTransform.DROP_SERIES) return Split.drop(e.getKey(), source);
        if (v != null) out.add(new Attribute(e.getKey(), v));
      }
      for (var e : rule.set.entrySet()) out.add(new Attribute(e.getKey(), e.getValue()));
      for (var e : captured.entrySet()) out.add(new Attribute(e.getKey(), e.getValue()));
    }
    return new Split(attributes(out), res == null ? Attributes.EMPTY : attributes(res));
  }

  private Attributes attributes(List<Attribute> list) {
    try {
      return Attributes.of(list);
    } catch (IllegalArgumentException duplicate) {
      collided = true;
      Map<String, Attribute> first = new LinkedHashMap<>();
      for (Attribute a : list) first.putIfAbsent(a.key(), a);
      diagnostics.loss("attribute-collision", "two labels were renamed to one attribute; the first"
          + " was kept (" + duplicate.getMessage() + ")");
      return Attributes.of(new ArrayList<>(first.values()));
    }
  }

  private static Resource resource(Resource base, Attributes moved) {
    if (moved.isEmpty()) return base;
    Attributes a = base.attributes();
    for (int i = 0; i < moved.size(); i++) a = a.with(moved.key(i), moved.value(i));
    return new Resource(a, base.schemaUrl());
  }

  // ---------------------------------------------------------------- points

  private static Point transform(Point p, Attributes attributes, double scale) {
    if (p instanceof SummaryPoint s) return PointRewriter.bucketless(s, attributes, scale);
    return PointRewriter.scaled(p, attributes, scale);
  }

  /**
   * Combines points that are one target series by {@code policy}: equal attributes and timestamp,
   * or, for points of different source families ({@code origins} non-null), equal attributes
   * alone when the earlier source has a single point for them, because each family of a scrape
   * without timestamps gets its own conversion time.
   */
  private List<Point> merge(MetricRule.Merge policy, MetricRule rule, List<Point> points,
      List<Origin> origins, Origin single) {
    if (points.size() < 2) return points;
    record Key(Attributes attributes, long time) {}
    Map<Key, Integer> seen = new HashMap<>(points.size() * 2);
    Map<Attributes, List<Integer>> byAttributes = origins == null ? null : new HashMap<>();
    List<Point> out = new ArrayList<>(points.size());
    List<Origin> outOrigins = new ArrayList<>(points.size());
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      Origin o = origins == null ? single : origins.get(i);
      Key k = new Key(p.attributes(), p.timeUnixNano());
      Integer at = seen.get(k);
      if (at == null && byAttributes != null) {
        List<Integer> same = byAttributes.get(p.attributes());
        if (same != null && same.size() == 1 && !outOrigins.get(same.get(0)).family().equals(o.family())) {
          at = same.get(0);
        }
      }
      if (at == null) {
        seen.put(k, out.size());
        if (byAttributes != null) byAttributes.computeIfAbsent(p.attributes(), a -> new ArrayList<>(1)).add(out.size());
        out.add(p);
        outOrigins.add(o);
        continue;
      }
      Point have = out.get(at);
      Origin first = outOrigins.get(at);
      switch (policy) {
        case SUM -> out.set(at, sum(have, p, o.family()));
        case MAX -> {
          if (p instanceof NumberPoint n && have instanceof NumberPoint h
              && n.value().toDouble() > h.value().toDouble()) {
            out.set(at, p);
          }
        }
        case FIRST -> { }
        case ERROR -> diagnostics.loss("merge-collision", "two source series became one target series"
            + " and no rule of the target declares a merge policy; the first was kept (first: '"
            + first.family() + "' (rule " + first.rule().qualifiedId + ") and '" + o.family() + "' (rule "
            + o.rule().qualifiedId + ") → '" + rule.targetName + p.attributes() + "')");
      }
    }
    return out;
  }

  private Point sum(Point a, Point b, String sourceName) {
    if (a instanceof NumberPoint x && b instanceof NumberPoint y) {
      NumberValue v = x.value().isLong() && y.value().isLong()
          ? NumberValue.ofLong(x.value().longValue() + y.value().longValue())
          : NumberValue.ofDouble(x.value().toDouble() + y.value().toDouble());
      long start = min(x.startTimeUnixNano(), y.startTimeUnixNano());
      List<dev.promotel.model.Exemplar> ex = new ArrayList<>(x.exemplars());
      ex.addAll(y.exemplars());
      return new NumberPoint(x.attributes(), start, x.timeUnixNano(), v, ex, x.flags() & y.flags());
    }
    if (a instanceof HistogramPoint x && b instanceof HistogramPoint y
        && java.util.Arrays.equals(x.explicitBounds(), y.explicitBounds())) {
      long[] counts = x.bucketCounts();
      for (int i = 0; i < counts.length; i++) counts[i] += y.bucketCount(i);
      OptionalDouble sum = x.sum().isPresent() && y.sum().isPresent()
          ? OptionalDouble.of(x.sum().getAsDouble() + y.sum().getAsDouble()) : OptionalDouble.empty();
      return new HistogramPoint(x.attributes(), min(x.startTimeUnixNano(), y.startTimeUnixNano()),
          x.timeUnixNano(), x.count() + y.count(), sum, x.explicitBounds(), counts,
          OptionalDouble.empty(), OptionalDouble.empty(), x.exemplars(), x.flags() & y.flags());
    }
    diagnostics.loss("merge-unsupported", "series that land on one target could not be summed"
        + " (different bucket bounds or point types); the first was kept (first: '" + sourceName + "')");
    return a;
  }

  private static long min(long a, long b) {
    if (a == 0) return b;
    if (b == 0) return a;
    return Math.min(a, b);
  }

  // ---------------------------------------------------------------- helpers

  private static Point withAttributes(Point p, Attributes a) {
    return PointRewriter.withAttributes(p, a);
  }

  private static MetricData withPoints(MetricData data, List<? extends Point> points) {
    return PointRewriter.withPoints(data, points);
  }

  private static List<NumberPoint> numberPoints(List<Point> points) {
    return castList(points);
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> castList(List<? extends Point> points) {
    return (List<T>) points;
  }
}
