package dev.promotel.translate.mapping;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricWriter;
import dev.promotel.model.Attribute;
import dev.promotel.model.AttributeValue;
import dev.promotel.model.Attributes;
import dev.promotel.model.ExponentialHistogram;
import dev.promotel.model.ExponentialHistogramPoint;
import dev.promotel.model.Gauge;
import dev.promotel.model.Histogram;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricData;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.Point;
import dev.promotel.model.PromMetadata;
import dev.promotel.model.PromType;
import dev.promotel.model.Resource;
import dev.promotel.model.Scope;
import dev.promotel.model.Sum;
import dev.promotel.model.Summary;
import dev.promotel.model.SummaryPoint;
import dev.promotel.translate.naming.UnitNamer;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The Prometheus / OpenMetrics → OTLP mapping of specs/translation.md §2 as a transform: families
 * read from 0.0.4 or OpenMetrics text become OTLP-shaped ones. Series are grouped into resources
 * by (job, instance): {@code service.name} = job, {@code service.instance.id} = instance, a
 * {@code host:port} instance also gives {@code server.address}/{@code server.port}, and the labels
 * of the matching {@code target_info} series are added verbatim ({@code target_info} itself is
 * consumed). {@code job}, {@code instance}, {@code otel_scope_*} and empty-valued labels leave the
 * point attributes; {@code otel_scope_*} labels make the scope (else an empty one). Units become
 * UCUM, sample timestamps missing in the input get the conversion time (or {@code
 * defaultTimestamp}), {@code prometheus.type} stays in {@link PromMetadata}, and gauge histograms
 * are dropped (OTLP has no such type). A family whose series belong to several resources or
 * scopes becomes several families with the same name.
 *
 * <p>Streaming: because {@code target_info} may come after the families it describes (Prometheus
 * sorts it by name), converted families are held in a buffer of at most {@code
 * maxBufferedFamilies} families and {@code maxBufferedPoints} points; a {@code target_info} family
 * releases the whole buffer with its attributes attached. When the buffer is full the oldest
 * family leaves without them, and a later {@code target_info} for its (job, instance) is reported
 * as {@code target-info-unattached}.
 *
 * <p>Example: {@code http_requests_total{job="api",instance="h:80",code="200"} 5} becomes a sum in
 * resource {@code service.name=api, service.instance.id=h:80, server.address=h, server.port=80}
 * with point attributes {@code code=200}.
 */
public final class PrometheusToOtlp implements MetricWriter {
  private static final String TARGET_INFO = "target_info";
  private static final String SCOPE_PREFIX = "otel_scope_";

  private final MetricWriter next;
  private final PrometheusToOtlpOptions options;
  private final Diagnostics diagnostics;
  private final LongSupplier clock;
  private final ArrayDeque<Pending> buffer = new ArrayDeque<>();
  private int bufferedPoints;
  /**
   * Every (job, instance) seen, each once: its state is reached through the family's {@link
   * Pending} without further lookups. Grows with the distinct targets of the input, as the
   * per-target target_info attributes and early-release counts it holds must.
   */
  private final Map<TargetKey, TargetKey> targets = new HashMap<>();
  /** Targets whose resource is cached, so that the cache can be bounded. */
  private final List<TargetKey> cachedResources = new ArrayList<>();
  private static final int MAX_CACHED_RESOURCES = 50_000;
  private boolean closed;
  /** The scope of series without otel_scope_* labels. */
  private final Scope defaultScope;
  private final LabelSplit split = new LabelSplit();
  /** Whether the family being converted had samples without a timestamp. */
  private boolean stamped;

  /**
   * A (job, instance) pair and what is known about it. Interned in {@link #targets} (one lookup per
   * converted family), so buffering and emitting a family need no map lookups; the hash is
   * computed once.
   */
  private static final class TargetKey {
    final String job;
    final String instance;
    private final int hash;
    /** The target_info attributes; null until a target_info series for this target arrived. */
    Attributes targetAttributes;
    /** Families released without target_info while it had none yet. */
    long releasedEarly;
    /** The resource, cached; null when not (yet) built or dropped from the bounded cache. */
    Resource resource;
    /** This target's group of the family being grouped; null outside {@link #group}. */
    Group group;

    TargetKey(String job, String instance) {
      this.job = job;
      this.instance = instance;
      this.hash = 31 * job.hashCode() + instance.hashCode();
    }

    String job() {
      return job;
    }

    String instance() {
      return instance;
    }

    boolean is(String otherJob, String otherInstance) {
      return job.equals(otherJob) && instance.equals(otherInstance);
    }

    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof TargetKey k && k.hash == hash && k.is(job, instance);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private record GroupKey(TargetKey target, Scope scope) {}

  private TargetKey target(String job, String instance) {
    TargetKey probe = new TargetKey(job, instance);
    TargetKey known = targets.putIfAbsent(probe, probe);
    return known != null ? known : probe;
  }

  /** A converted family waiting for its resource. */
  private record Pending(MetricFamily family, TargetKey target) {}

  /** Stamps missing timestamps with the options' default, else the wall clock at conversion. */
  public PrometheusToOtlp(
      MetricWriter next, PrometheusToOtlpOptions options, Diagnostics diagnostics) {
    this(next, options, diagnostics, () -> {
      java.time.Instant now = java.time.Instant.now();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    });
  }

  /** As above, with {@code nowUnixNano} as the clock for missing timestamps. */
  public PrometheusToOtlp(MetricWriter next, PrometheusToOtlpOptions options,
      Diagnostics diagnostics, LongSupplier nowUnixNano) {
    this.next = next;
    this.options = options;
    this.diagnostics = diagnostics;
    this.defaultScope = options.scopeName().isEmpty() ? Scope.EMPTY
        : new Scope(options.scopeName(), options.scopeVersion(), Attributes.EMPTY, "");
    long fixed = options.defaultTimestampUnixNano().orElse(0);
    this.clock = fixed > 0 ? () -> fixed : nowUnixNano;
  }

  @Override
  public void write(MetricFamily family) throws IOException {
    if (closed) throw new IllegalStateException("write() after close()");
    if (family.name().equals(TARGET_INFO) && isInfoLike(family)) {
      consumeTargetInfo(family);
      return;
    }
    if (family.promType() == PromType.GAUGEHISTOGRAM) {
      diagnostics.loss("gaugehistogram-dropped", "gauge histograms dropped: OTLP has no such "
          + "type (first: '" + family.name() + "')", Math.max(1, family.data().points().size()));
      return;
    }
    for (Pending p : convert(family)) {
      if (buffer.isEmpty() && p.target().targetAttributes != null) {
        emit(p);
      } else {
        buffer.add(p);
        bufferedPoints += p.family().data().points().size();
        while (buffer.size() > options.maxBufferedFamilies()
            || (bufferedPoints > options.maxBufferedPoints() && !buffer.isEmpty())) {
          emitOldest();
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    try {
      while (!buffer.isEmpty()) emitOldest();
    } finally {
      next.close();
    }
  }

  private static boolean isInfoLike(MetricFamily family) {
    return family.data() instanceof Gauge || family.data() instanceof Sum;
  }

  // ---------------------------------------------------------------- target_info

  private void consumeTargetInfo(MetricFamily family) throws IOException {
    for (Point p : family.data().points()) {
      Attributes labels = p.attributes();
      TargetKey key = target(nonNull(labels.getString("job")),
          nonNull(labels.getString("instance")));
      List<Attribute> attributes = new ArrayList<>();
      for (Attribute a : labels) {
        if (a.key().equals("job") || a.key().equals("instance") || a.key().equals("__name__")
            || a.value().asString().isEmpty()) {
          continue;
        }
        attributes.add(a);
      }
      Attributes old = key.targetAttributes;
      Attributes merged = Attributes.of(attributes);
      if (old != null) {
        for (Attribute a : old) {
          if (!merged.containsKey(a.key())) merged = merged.with(a.key(), a.value());
        }
      }
      key.targetAttributes = merged;
      key.resource = null;
      long early = key.releasedEarly;
      key.releasedEarly = 0;
      if (early > 0 && !attributes.isEmpty()) {
        diagnostics.loss("target-info-unattached", "target_info attributes not attached: "
            + "families of the same job and instance left the bounded buffer before "
            + "target_info arrived (first: job '" + key.job() + "', instance '" + key.instance()
            + "')", early);
      }
    }
    while (!buffer.isEmpty()) emitOldest();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private void emitOldest() throws IOException {
    Pending p = buffer.poll();
    bufferedPoints -= p.family().data().points().size();
    if (p.target().targetAttributes == null) p.target().releasedEarly++;
    emit(p);
  }

  private void emit(Pending p) throws IOException {
    MetricFamily f = p.family();
    next.write(new MetricFamily(f.name(), f.description(), f.unit(), resource(p.target()),
        f.scope(), f.data(), f.metadata(), f.prom()));
  }

  private Resource resource(TargetKey key) {
    Resource cached = key.resource;
    if (cached != null) return cached;
    Map<String, AttributeValue> attrs = new LinkedHashMap<>();
    Attributes extra = key.targetAttributes;
    if (extra != null) {
      for (Attribute a : extra) attrs.put(a.key(), a.value());
    }
    if (!key.job().isEmpty()) {
      int slash = key.job().indexOf('/');
      if (options.splitJobNamespace() && slash > 0 && slash < key.job().length() - 1) {
        attrs.put("service.namespace", AttributeValue.of(key.job().substring(0, slash)));
        attrs.put("service.name", AttributeValue.of(key.job().substring(slash + 1)));
      } else {
        attrs.put("service.name", AttributeValue.of(key.job()));
      }
    }
    if (!key.instance().isEmpty()) {
      attrs.put("service.instance.id", AttributeValue.of(key.instance()));
      splitHostPort(key.instance(), attrs);
    }
    List<Attribute> list = new ArrayList<>(attrs.size());
    for (Map.Entry<String, AttributeValue> e : attrs.entrySet()) {
      list.add(new Attribute(e.getKey(), e.getValue()));
    }
    Resource resource = Resource.of(Attributes.of(list));
    if (cachedResources.size() > MAX_CACHED_RESOURCES) {
      for (TargetKey t : cachedResources) t.resource = null;
      cachedResources.clear();
    }
    key.resource = resource;
    cachedResources.add(key);
    return resource;
  }

  /** {@code host:port} (or {@code [v6]:port}) → server.address and server.port, when canonical. */
  static void splitHostPort(String instance, Map<String, AttributeValue> attrs) {
    int colon = instance.lastIndexOf(':');
    if (colon <= 0 || colon == instance.length() - 1) return;
    String host = instance.substring(0, colon);
    String port = instance.substring(colon + 1);
    if (host.startsWith("[") && host.endsWith("]") && host.length() > 2) {
      host = host.substring(1, host.length() - 1);
    } else if (host.indexOf(':') >= 0) {
      return;
    }
    if (port.length() > 5 || (port.length() > 1 && port.charAt(0) == '0')) return;
    for (int i = 0; i < port.length(); i++) {
      if (port.charAt(i) < '0' || port.charAt(i) > '9') return;
    }
    int number = Integer.parseInt(port);
    if (number > 65535) return;
    attrs.putIfAbsent("server.address", AttributeValue.of(host));
    attrs.putIfAbsent("server.port", new AttributeValue.LongValue(number));
  }

  // ---------------------------------------------------------------- families

  private List<Pending> convert(MetricFamily family) {
    String name = family.name();
    String unit = family.unit().isEmpty() ? "" : UnitNamer.ucumUnit(family.unit());
    if (options.trimSuffixes()) name = trimmed(family);
    PromMetadata prom = family.prom();
    if (!options.typeMetadata() && prom != null) {
      diagnostics.note("type-metadata-dropped", "Prometheus types not kept as prometheus.type "
          + "(--no-type-metadata)");
      prom = null;
    }
    List<Group> groups = group(family.data().points());
    if (stamped) {
      diagnostics.note("timestamp-added", "samples without a timestamp given the conversion time "
          + "(or --default-timestamp)");
    }
    // Times the text gave are data; conversion-time stamps are not. Marking the first kind lets
    // OtlpToPrometheus write them back (and only them), so text → OTLP → text stays exact.
    Attributes metadata = stamped || family.data().points().isEmpty()
        ? family.metadata()
        : family.metadata().with(OtlpToPrometheus.TIMESTAMP_METADATA, OtlpToPrometheus.EXPLICIT);
    if (groups.isEmpty()) {
      return List.of(new Pending(new MetricFamily(name, family.description(), unit,
          Resource.EMPTY, defaultScope, family.data(), metadata, prom),
          target("", "")));
    }
    List<Pending> out = new ArrayList<>(groups.size());
    for (Group g : groups) {
      MetricData data = withPoints(family.data(), g.points);
      out.add(new Pending(new MetricFamily(name, family.description(), unit, Resource.EMPTY,
          g.scope, data, metadata, prom), g.target));
    }
    return out;
  }

  /** The points of one source family for one (target, scope): one output family. */
  private static final class Group {
    final TargetKey target;
    final Scope scope;
    final List<Point> points = new ArrayList<>();

    Group(TargetKey target, Scope scope) {
      this.target = target;
      this.scope = scope;
    }
  }

  /**
   * Splits points into groups by (job, instance) and scope, in order of first appearance, each
   * point with its OTLP attributes and a timestamp; sets {@link #stamped}. Kept apart from {@link
   * #convert} so that the loop the JIT compiles (and recompiles when the data changes shape) is
   * small.
   */
  private List<Group> group(List<? extends Point> points) {
    stamped = false;
    long now = 0;
    List<Group> groups = new ArrayList<>();
    Map<GroupKey, Group> scoped = null;
    Group last = null;
    LabelSplit split = this.split;
    try {
      for (Point p : points) {
        Attributes attributes = split.split(p.attributes());
        long time = p.timeUnixNano();
        if (time == 0) {
          if (now == 0) now = clock.getAsLong();
          time = now;
          stamped = true;
        }
        Point point = withAttributes(p, attributes, time);
        Scope scope = split.scopeLabels == null ? defaultScope : scope(split.scopeLabels);
        Group group;
        if (scope == defaultScope || scope.equals(defaultScope)) {
          if (last != null && last.scope == defaultScope
              && last.target.is(split.job, split.instance)) {
            group = last;
          } else {
            // A family's groups hang off their (interned) targets: no map lookup per group.
            TargetKey target = target(split.job, split.instance);
            if (target.group == null) {
              target.group = new Group(target, defaultScope);
              groups.add(target.group);
            }
            group = target.group;
          }
        } else {
          if (scoped == null) scoped = new HashMap<>();
          GroupKey key = new GroupKey(target(split.job, split.instance), scope);
          group = scoped.get(key);
          if (group == null) {
            group = new Group(key.target(), key.scope());
            scoped.put(key, group);
            groups.add(group);
          }
        }
        group.points.add(point);
        last = group;
      }
    } finally {
      // Targets live as long as the conversion, this family's points must not.
      for (Group g : groups) g.target.group = null;
    }
    return groups;
  }

  /**
   * Splits a series' labels into job, instance, otel_scope_* labels and the point attributes (the
   * rest, without empty values). One instance is reused for every point; its fields describe the
   * labels given to the last {@link #split} call.
   */
  private final class LabelSplit {
    String job;
    String instance;
    /** The otel_scope_* labels without their prefix; null when there are none. */
    Map<String, String> scopeLabels;
    private boolean[] dropped = new boolean[16];

    Attributes split(Attributes attrs) {
      job = "";
      instance = "";
      scopeLabels = null;
      int size = attrs.size();
      if (dropped.length < size) dropped = new boolean[size];
      boolean keepJobInstance = options.keepJobInstanceLabels();
      int droppedCount = 0;
      for (int i = 0; i < size; i++) {
        String key = attrs.key(i);
        String value = attrs.value(i).asString();
        boolean drop;
        if (value.isEmpty()) {
          drop = true;
        } else if (key.equals("job")) {
          job = value;
          drop = !keepJobInstance;
        } else if (key.equals("instance")) {
          instance = value;
          drop = !keepJobInstance;
        } else if (key.startsWith(SCOPE_PREFIX)) {
          if (scopeLabels == null) scopeLabels = new LinkedHashMap<>();
          scopeLabels.put(key.substring(SCOPE_PREFIX.length()), value);
          drop = true;
        } else {
          drop = false;
        }
        dropped[i] = drop;
        if (drop) droppedCount++;
      }
      return droppedCount == 0 ? attrs : kept(attrs, droppedCount);
    }

    private Attributes kept(Attributes attrs, int droppedCount) {
      int size = attrs.size();
      if (droppedCount == size) return Attributes.EMPTY;
      String[] keys = new String[size - droppedCount];
      AttributeValue[] values = new AttributeValue[keys.length];
      int j = 0;
      for (int i = 0; i < size; i++) {
        if (dropped[i]) continue;
        keys[j] = attrs.key(i);
        values[j] = attrs.value(i);
        j++;
      }
      return Attributes.ofSorted(keys, values);
    }
  }

  private String trimmed(MetricFamily family) {
    String name = family.name();
    if (family.promType() == PromType.COUNTER && name.endsWith("_total")
        && name.length() > "_total".length()) {
      name = name.substring(0, name.length() - "_total".length());
    }
    String unit = family.unit();
    if (!unit.isEmpty() && name.endsWith("_" + unit) && name.length() > unit.length() + 1) {
      name = name.substring(0, name.length() - unit.length() - 1);
    }
    if (!name.equals(family.name())) {
      diagnostics.note("suffix-trimmed", "type and unit suffixes removed from metric names "
          + "(--trim-suffixes)");
    }
    return name;
  }

  private Scope scope(Map<String, String> labels) {
    String name = nonNull(labels.remove("name"));
    String version = nonNull(labels.remove("version"));
    String schemaUrl = nonNull(labels.remove("schema_url"));
    List<Attribute> attrs = new ArrayList<>(labels.size());
    for (Map.Entry<String, String> e : labels.entrySet()) {
      attrs.add(Attribute.of(e.getKey(), e.getValue()));
    }
    return new Scope(name, version, Attributes.of(attrs), schemaUrl);
  }

  private static Point withAttributes(Point p, Attributes attrs, long time) {
    if (attrs == p.attributes() && time == p.timeUnixNano()) return p;
    if (p instanceof NumberPoint n) {
      return new NumberPoint(attrs, n.startTimeUnixNano(), time, n.value(), n.exemplars(),
          n.flags());
    }
    if (p instanceof HistogramPoint h) {
      return new HistogramPoint(attrs, h.startTimeUnixNano(), time, h.count(), h.sum(),
          h.explicitBounds(), h.bucketCounts(), h.min(), h.max(), h.exemplars(), h.flags());
    }
    if (p instanceof ExponentialHistogramPoint e) {
      return new ExponentialHistogramPoint(attrs, e.startTimeUnixNano(), time, e.count(), e.sum(),
          e.scale(), e.zeroCount(), e.zeroThreshold(), e.positive(), e.negative(), e.min(),
          e.max(), e.exemplars(), e.flags());
    }
    SummaryPoint s = (SummaryPoint) p;
    return new SummaryPoint(attrs, s.startTimeUnixNano(), time, s.count(), s.sum(),
        s.quantiles(), s.flags());
  }

  @SuppressWarnings("unchecked")
  private static MetricData withPoints(MetricData data, List<Point> points) {
    List<?> raw = points;
    return switch (data.kind()) {
      case GAUGE -> new Gauge((List<NumberPoint>) raw);
      case SUM -> {
        Sum s = (Sum) data;
        yield new Sum(s.temporality(), s.monotonic(), (List<NumberPoint>) raw);
      }
      case HISTOGRAM -> new Histogram(((Histogram) data).temporality(),
          (List<HistogramPoint>) raw);
      case EXPONENTIAL_HISTOGRAM -> new ExponentialHistogram(
          ((ExponentialHistogram) data).temporality(), (List<ExponentialHistogramPoint>) raw);
      case SUMMARY -> new Summary((List<SummaryPoint>) raw);
    };
  }
}
