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
import dev.promotel.model.MetricData;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.Point;
import dev.promotel.model.PromMetadata;
import dev.promotel.model.PromType;
import dev.promotel.model.Sum;
import dev.promotel.model.Summary;
import dev.promotel.translate.naming.InvalidNameException;
import dev.promotel.translate.naming.LabelNamer;
import dev.promotel.translate.naming.MetricKind;
import dev.promotel.translate.naming.TranslationStrategy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rename prometheus} as a transform: OTLP-shaped families with semantic-convention names in,
 * families with Prometheus names and label names out. A family whose name a reversible rule
 * targets (rule sets given with {@code --rules}) goes back to the exporter's name, labels and
 * values, per series (the rule's constants select it: {@code system.memory.usage{
 * system.memory.state="free"}} → {@code node_memory_MemFree_bytes}); any other family gets the
 * name of {@link PrometheusNames} (registry unit and instrument, the chosen strategy) and its
 * attribute keys become label names ({@code cpu.mode} → {@code cpu_mode}; under the UTF-8
 * strategies they stay). Two keys that become one label name are joined with {@code ;} in key
 * order (OTel spec).
 *
 * <p>Example: {@code system.cpu.time{cpu.mode="user"}} (counter, {@code s}) → {@code
 * system_cpu_time_seconds_total{cpu_mode="user"}}.
 */
public final class PrometheusRenamer implements MetricWriter {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_]*)}");

  private final MetricWriter next;
  private final PrometheusNames names;
  private final LabelNamer labels;
  private final Diagnostics diagnostics;
  private final Map<String, List<MetricRule>> reverse = new HashMap<>();
  private final Map<String, String> pointLabelRules = new HashMap<>();

  public PrometheusRenamer(MetricWriter next, RuleEngine engine, PrometheusNames names,
      TranslationStrategy strategy, Diagnostics diagnostics) {
    this.next = next;
    this.names = names;
    this.diagnostics = diagnostics;
    this.labels = new LabelNamer(!strategy.escapesNames(), false, false);
    for (RuleSet set : engine.ruleSets()) {
      for (MetricRule r : set.rules) {
        if (r.reversible()) reverse.computeIfAbsent(r.targetName, k -> new ArrayList<>()).add(r);
      }
      if (set.direction != RuleSet.Direction.TO_OTEL) {
        for (LabelRule l : set.labelRules) if (!l.toResource()) pointLabelRules.putIfAbsent(l.to(), l.from());
      }
    }
  }

  @Override
  public void write(MetricFamily family) throws IOException {
    List<MetricRule> rules = reverse.get(family.name());
    List<Point> rest = family.data().points().isEmpty() ? List.of() : new ArrayList<>();
    if (rules != null) {
      Map<MetricRule, List<Point>> byRule = new LinkedHashMap<>();
      for (Point p : family.data().points()) {
        MetricRule chosen = null;
        for (MetricRule r : rules) {
          if (constantsMatch(r, p.attributes())) {
            chosen = r;
            break;
          }
        }
        if (chosen == null) rest.add(p);
        else byRule.computeIfAbsent(chosen, k -> new ArrayList<>()).add(p);
      }
      for (var e : byRule.entrySet()) reverse(family, e.getKey(), e.getValue());
      if (rest.isEmpty()) return;
    } else {
      rest = castList(family.data().points());
    }
    MetricKind kind = kind(family.data());
    String name;
    try {
      name = names.name(family.name(), family.unit(), kind);
    } catch (InvalidNameException e) {
      diagnostics.loss("invalid-name", "a metric name has no Prometheus form and was dropped (first: '"
          + family.name() + "': " + e.getMessage() + ")");
      return;
    }
    List<Point> out = new ArrayList<>(rest.size());
    for (Point p : rest) out.add(PointRewriter.withAttributes(p, labelNames(p.attributes())));
    next.write(new MetricFamily(name, family.description(), family.unit(), family.resource(),
        family.scope(), PointRewriter.withPoints(family.data(), out), family.metadata(), null));
  }

  @Override
  public void close() throws IOException {
    next.close();
  }

  private static boolean constantsMatch(MetricRule r, Attributes a) {
    for (var e : r.set.entrySet()) {
      String v = a.getString(e.getKey());
      if (v == null || !v.equals(e.getValue().asString())) return false;
    }
    for (String k : r.fromCapture.keySet()) if (!a.containsKey(k)) return false;
    return true;
  }

  private void reverse(MetricFamily family, MetricRule r, List<Point> points) throws IOException {
    Map<String, String> inverseRename = new HashMap<>();
    for (var e : r.rename.entrySet()) inverseRename.put(e.getValue(), e.getKey());
    Map<String, Map<String, String>> inverseValues = new HashMap<>();
    for (var e : r.values.entrySet()) {
      Map<String, String> inv = new HashMap<>();
      for (var m : e.getValue().map.entrySet()) inv.putIfAbsent(m.getValue(), m.getKey());
      Map<String, String> explicit = r.reverse.values().get(e.getKey());
      if (explicit != null) inv.putAll(explicit);
      inverseValues.put(e.getKey(), inv);
    }
    Map<String, List<Point>> byName = new LinkedHashMap<>();
    for (Point p : points) {
      Attributes a = p.attributes();
      String name = r.reverse.name() != null ? r.reverse.name() : r.matchName;
      if (!r.fromCapture.isEmpty()) name = fillCaptures(name, r, a);
      List<Attribute> out = new ArrayList<>(a.size());
      for (int i = 0; i < a.size(); i++) {
        String k = a.key(i);
        if (r.set.containsKey(k) || r.fromCapture.containsKey(k) || r.copy.containsKey(k)) continue;
        String v = a.value(i).asString();
        Map<String, String> inv = inverseValues.get(k);
        if (inv != null) v = inv.getOrDefault(v, v);
        String label = inverseRename.get(k);
        if (label == null) label = pointLabelRules.getOrDefault(k, labels.build(k));
        out.add(new Attribute(label, AttributeValue.of(v)));
      }
      Point q = PointRewriter.scaled(p, attributesJoined(out), inverse(r.scale));
      byName.computeIfAbsent(name, k -> new ArrayList<>()).add(q);
    }
    for (var e : byName.entrySet()) {
      MetricData data = sourceData(r, family.data(), e.getValue());
      next.write(new MetricFamily(e.getKey(), family.description(), "", family.resource(),
          family.scope(), data, family.metadata(), new PromMetadata(sourceType(r, data), e.getKey())));
    }
  }

  /**
   * The factor that undoes {@code scale}; 1/1e-9 is 999999999.9999999 in binary floating point, so
   * a result this close to an integer is rounded to it.
   */
  static double inverse(double scale) {
    if (scale == 0 || scale == 1) return 1;
    double inv = 1 / scale;
    double whole = Math.rint(inv);
    return whole != 0 && Math.abs(inv - whole) <= 1e-9 * Math.abs(whole) ? whole : inv;
  }

  private static String fillCaptures(String template, MetricRule r, Attributes a) {
    Map<String, String> groups = new HashMap<>();
    for (var e : r.fromCapture.entrySet()) {
      String v = a.getString(e.getKey());
      String raw = v;
      for (var m : e.getValue().map().entrySet()) if (m.getValue().equals(v)) raw = m.getKey();
      groups.put(e.getValue().group(), raw);
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(groups.getOrDefault(m.group(1), "")));
    m.appendTail(sb);
    return sb.toString();
  }

  /**
   * The type the rule's source has: its {@code match.type}; else untyped for a counter whose
   * exporter name has no {@code _total} ({@code node_vmstat_pgmajfault}: a counter by meaning,
   * untyped in node_exporter), so the name stays verbatim; else the data's.
   */
  private static PromType sourceType(MetricRule r, MetricData data) {
    PromType named = namedType(r);
    if (named != null) return named;
    if (untypedCounter(r)) return PromType.UNKNOWN;
    return switch (data.kind()) {
      case SUM -> ((Sum) data).monotonic() ? PromType.COUNTER : PromType.GAUGE;
      case HISTOGRAM, EXPONENTIAL_HISTOGRAM -> PromType.HISTOGRAM;
      case SUMMARY -> PromType.SUMMARY;
      default -> PromType.GAUGE;
    };
  }

  private static PromType namedType(MetricRule r) {
    return r.matchTypes != null && !r.matchTypes.isEmpty() ? r.matchTypes.iterator().next() : null;
  }

  private static boolean untypedCounter(MetricRule r) {
    String name = r.reverse.name() != null ? r.reverse.name() : r.matchName;
    return r.instrument == Instrument.COUNTER && name != null && !name.endsWith("_total");
  }

  /**
   * The data shape of the rule's source: its {@code match.type}, else the instrument's (a gauge
   * for an untyped counter, see {@link #sourceType}).
   */
  private static MetricData sourceData(MetricRule r, MetricData data, List<Point> points) {
    PromType type = namedType(r);
    if (type == null && untypedCounter(r)) type = PromType.UNKNOWN;
    AggregationTemporality t = data instanceof Sum s ? s.temporality() : AggregationTemporality.CUMULATIVE;
    if (data instanceof Histogram || data instanceof ExponentialHistogram || data instanceof Summary) {
      return PointRewriter.withPoints(data, points);
    }
    boolean counter = type != null ? type == PromType.COUNTER : r.instrument == Instrument.COUNTER;
    return counter ? new Sum(t, /* monotonic= */ true, castList(points)) : new Gauge(castList(points));
  }

  private Attributes labelNames(Attributes a) {
    List<Attribute> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      String k = a.key(i);
      String label = pointLabelRules.get(k);
      if (label == null) {
        try {
          label = labels.build(k);
        } catch (InvalidNameException e) {
          diagnostics.loss("invalid-label", "an attribute key has no label form and was dropped ('" + k + "')");
          continue;
        }
      }
      out.add(new Attribute(label, a.value(i)));
    }
    return attributesJoined(out);
  }

  /** Attributes from a list whose keys may repeat: values of one key joined with {@code ;}. */
  private static Attributes attributesJoined(List<Attribute> list) {
    try {
      return Attributes.of(list);
    } catch (IllegalArgumentException duplicate) {
      Map<String, StringBuilder> joined = new TreeMap<>();
      for (Attribute a : list) {
        StringBuilder sb = joined.get(a.key());
        if (sb == null) joined.put(a.key(), new StringBuilder(a.value().asString()));
        else sb.append(';').append(a.value().asString());
      }
      List<Attribute> out = new ArrayList<>();
      for (var e : joined.entrySet()) out.add(Attribute.of(e.getKey(), e.getValue().toString()));
      return Attributes.of(out);
    }
  }

  /** The naming kind of OTLP data (it decides {@code _total} and {@code _ratio}). */
  static MetricKind kind(MetricData data) {
    return switch (data.kind()) {
      case GAUGE -> MetricKind.GAUGE;
      case SUM -> ((Sum) data).monotonic() ? MetricKind.MONOTONIC_COUNTER : MetricKind.NON_MONOTONIC_COUNTER;
      case HISTOGRAM -> MetricKind.HISTOGRAM;
      case EXPONENTIAL_HISTOGRAM -> MetricKind.EXPONENTIAL_HISTOGRAM;
      case SUMMARY -> MetricKind.SUMMARY;
    };
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> castList(List<? extends Point> points) {
    return (List<T>) points;
  }

}
