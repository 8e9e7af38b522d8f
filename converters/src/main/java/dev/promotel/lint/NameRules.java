package dev.promotel.lint;

import static dev.promotel.lint.DumpRuleIds.BASE_UNIT;
import static dev.promotel.lint.DumpRuleIds.CHARSET;
import static dev.promotel.lint.DumpRuleIds.COLON;
import static dev.promotel.lint.DumpRuleIds.COUNTER_TOTAL;
import static dev.promotel.lint.DumpRuleIds.OTEL_DEPRECATED_ATTR;
import static dev.promotel.lint.DumpRuleIds.OTEL_UNIT_IN_NAME;
import static dev.promotel.lint.DumpRuleIds.RESERVED_PREFIX;
import static dev.promotel.lint.DumpRuleIds.RESERVED_SUFFIX;
import static dev.promotel.lint.DumpRuleIds.SNAKE_CASE;
import static dev.promotel.lint.DumpRuleIds.TYPE_IN_NAME;
import static dev.promotel.lint.DumpRuleIds.UNIT_ABBREV;

import dev.promotel.model.Attribute;
import dev.promotel.model.Attributes;
import dev.promotel.model.Point;
import dev.promotel.model.PromType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Naming rules (specs/lint.md §6.2). For Prometheus text dumps they follow promlint
 * (client_golang {@code prometheus/testutil/promlint/validations}) so that {@code promtool check
 * metrics} and {@code promotel lint} report the same problems: one finding per family and problem
 * where promlint prints one line per series. OTLP dumps get the OpenTelemetry rules instead.
 */
final class NameRules implements DumpRule {
  // promlint's units.go: unit → base unit, and the prefixes that make a unit non-base.
  private static final Map<String, String> UNITS = new LinkedHashMap<>();
  private static final List<String> PREFIXES = List.of("pico", "nano", "micro", "milli", "centi",
      "deci", "deca", "hecto", "kilo", "kibi", "mega", "mibi", "giga", "gibi", "tera", "tebi", "peta",
      "pebi");
  private static final List<String> ABBREVIATIONS =
      List.of("s", "ms", "us", "ns", "sec", "b", "kb", "mb", "gb", "tb", "pb", "m", "h", "d");
  private static final List<String> TYPE_NAMES =
      List.of("counter", "gauge", "summary", "histogram", "gauge_histogram");
  private static final Pattern CAMEL = Pattern.compile("[a-z][A-Z]");
  private static final Pattern LEGACY_METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LEGACY_LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  /** Deprecated semantic-convention attributes and their replacements. */
  private static final Map<String, String> DEPRECATED_ATTRIBUTES = Map.ofEntries(
      Map.entry("deployment.environment", "deployment.environment.name"),
      Map.entry("http.method", "http.request.method"),
      Map.entry("http.status_code", "http.response.status_code"),
      Map.entry("http.url", "url.full"),
      Map.entry("http.target", "url.path and url.query"),
      Map.entry("http.scheme", "url.scheme"),
      Map.entry("net.peer.name", "server.address"),
      Map.entry("net.peer.port", "server.port"),
      Map.entry("net.host.name", "server.address"),
      Map.entry("net.host.port", "server.port"),
      Map.entry("db.system", "db.system.name"),
      Map.entry("messaging.kafka.partition", "messaging.destination.partition.id"));
  private static final Set<String> OTEL_UNIT_TOKENS = Set.of("ms", "millis", "milliseconds", "s",
      "sec", "seconds", "us", "ns", "bytes", "kb", "mb", "gb", "total");

  static {
    for (String base : List.of("amperes", "bytes", "celsius", "grams", "joules", "kelvin", "meters",
        "metres", "seconds", "volts")) {
      UNITS.put(base, base);
    }
    for (String t : List.of("minutes", "hours", "days", "weeks")) UNITS.put(t, "seconds");
    UNITS.put("kelvins", "kelvin");
    UNITS.put("fahrenheit", "celsius");
    UNITS.put("rankine", "celsius");
    for (String l : List.of("inches", "yards", "miles")) UNITS.put(l, "meters");
    UNITS.put("bits", "bytes");
    UNITS.put("calories", "joules");
    UNITS.put("pounds", "grams");
    UNITS.put("ounces", "grams");
  }

  private final Checks checks;
  private final boolean legacy;
  // Per family while it streams: label names already judged.
  private final Set<String> labelsSeen = new HashSet<>();
  private final Map<String, Integer> camelCount = new LinkedHashMap<>();
  /** Where each camelCase label name was first seen (a family may come in several chunks). */
  private final Map<String, dev.promotel.format.SourcePosition> camelFirst = new HashMap<>();
  private DumpFamily camelFamily;
  // Per dump: deprecated OTel attributes already reported.
  private final Set<String> deprecatedReported = new HashSet<>();

  NameRules(Checks checks) throws dev.promotel.yaml.ConfigException {
    this.checks = checks;
    this.legacy = checks.stringOption(CHARSET, "scheme", "utf8").equals("legacy");
  }

  @Override
  public void family(DumpFamily f) {
    if (!f.continued()) {
      labelsSeen.clear();
      if (f.isText()) promlintNames(f);
      else otelNames(f);
    }
    List<? extends Point> points = f.family().data().points();
    for (int i = 0; i < points.size(); i++) {
      Attributes labels = points.get(i).attributes();
      for (int k = 0; k < labels.size(); k++) {
        String key = labels.key(k);
        // Judge each label name once per family (a regex per label occurrence would dominate).
        if (labelsSeen.add(key)) {
          firstLabel(f, i, key);
          if (f.isText() && CAMEL.matcher(key).find()) {
            camelFamily = f;
            camelCount.put(key, 0);
            camelFirst.put(key, f.pointAt(i));
          }
        }
        if (!camelCount.isEmpty() && camelCount.containsKey(key)) camelCount.merge(key, 1, Integer::sum);
      }
    }
  }

  @Override
  public void familyEnd() {
    for (Map.Entry<String, Integer> e : camelCount.entrySet()) {
      DumpFamily f = camelFamily;
      checks.report(SNAKE_CASE, camelFirst.get(e.getKey()), f.name() + "/" + e.getKey(),
          "label name " + e.getKey() + " of " + f.name() + " (" + e.getValue() + " series) should be"
              + " written in snake_case, not camelCase: " + snake(e.getKey()));
    }
    camelCount.clear();
    camelFirst.clear();
  }

  private void firstLabel(DumpFamily f, int i, String key) {
    PromType type = f.type();
    if (f.isText() && type != PromType.UNKNOWN) {
      boolean histogram = type == PromType.HISTOGRAM || type == PromType.GAUGEHISTOGRAM;
      if (!histogram && key.equals("le")) {
        checks.report(RESERVED_SUFFIX, f.pointAt(i), f.name() + "/le",
            "non-histogram " + f.name() + " has an \"le\" label, which is reserved for histogram"
                + " buckets; rename the label");
      }
      if (type != PromType.SUMMARY && key.equals("quantile")) {
        checks.report(RESERVED_SUFFIX, f.pointAt(i), f.name() + "/quantile",
            "non-summary " + f.name() + " has a \"quantile\" label, which is reserved for summaries;"
                + " rename the label");
      }
    }
    if (key.startsWith("__") || key.startsWith("exported_")) {
      checks.report(RESERVED_PREFIX, f.pointAt(i), f.name() + "/" + key, key.startsWith("__")
          ? "label " + key + " of " + f.name() + " starts with __, which Prometheus reserves for"
              + " internal use and drops; rename it"
          : "label " + key + " of " + f.name() + " shows that a scraped label collided with a target"
              + " label (honor_labels: false); rename it at the source or set honor_labels");
    }
    if (f.isText() && !LEGACY_LABEL.matcher(key).matches()) {
      checks.report(CHARSET, legacy ? Severity.ERROR : Severity.INFO, f.pointAt(i),
          f.name() + "/" + key, "label name " + key + " of " + f.name() + " is not valid in the"
              + " legacy Prometheus character set [a-zA-Z_][a-zA-Z0-9_]* (Loki and older"
              + " Prometheus reject it); use " + key.replaceAll("[^a-zA-Z0-9_]", "_"), List.of());
    }
  }

  private void promlintNames(DumpFamily f) {
    String n = f.name();
    PromType type = f.type();
    boolean untyped = type == PromType.UNKNOWN;
    if (type == PromType.COUNTER && !n.endsWith("_total")) {
      checks.report(COUNTER_TOTAL, f.at(), n, "counter " + n + " should have the \"_total\" suffix:"
          + " rename it to " + n + "_total");
    }
    if (!untyped && type != PromType.COUNTER && n.endsWith("_total")) {
      checks.report(RESERVED_SUFFIX, f.at(), n + "/_total", type.openMetricsName() + " " + n
          + " should not have the \"_total\" suffix, which is for counters; rename it or make it a"
          + " counter");
    }
    boolean histogram = type == PromType.HISTOGRAM || type == PromType.GAUGEHISTOGRAM;
    if (!untyped && !histogram && n.endsWith("_bucket")) {
      checks.report(RESERVED_SUFFIX, f.at(), n + "/_bucket", "non-histogram " + n
          + " should not have the \"_bucket\" suffix; rename it");
    }
    for (String suffix : List.of("_count", "_sum")) {
      if (!untyped && !histogram && type != PromType.SUMMARY && n.endsWith(suffix)) {
        checks.report(RESERVED_SUFFIX, f.at(), n + "/" + suffix, "non-histogram, non-summary " + n
            + " should not have the \"" + suffix + "\" suffix; rename it");
      }
    }
    String[] unit = metricUnit(n);
    if (unit != null && !unit[0].equals(unit[1])) {
      checks.report(BASE_UNIT, f.at(), n, n + " uses " + unit[0] + "; use the base unit " + unit[1]
          + " instead (and scale the values)");
    }
    String lower = n.toLowerCase(Locale.ROOT);
    for (String a : ABBREVIATIONS) {
      if (lower.contains("_" + a + "_") || lower.endsWith("_" + a)) {
        checks.report(UNIT_ABBREV, f.at(), n, n + " contains the abbreviated unit \"" + a
            + "\"; spell the base unit out (seconds, bytes, meters)");
        break;
      }
    }
    for (String t : TYPE_NAMES) {
      if (lower.contains("_" + t + "_") || lower.endsWith("_" + t)) {
        checks.report(TYPE_IN_NAME, f.at(), n + "/" + t, n + " includes the type '" + t
            + "' in its name; the TYPE line says it, drop it from the name");
      }
    }
    if (n.contains(":")) {
      checks.report(COLON, f.at(), n, n + " contains ':', which is reserved for recording rules;"
          + " use '_'");
    }
    if (CAMEL.matcher(n).find()) {
      checks.report(SNAKE_CASE, f.at(), n, "metric name " + n + " should be written in snake_case,"
          + " not camelCase: " + snake(n));
    }
    if (!LEGACY_METRIC.matcher(n).matches()) {
      checks.report(CHARSET, legacy ? Severity.ERROR : Severity.INFO, f.at(), n, "metric name " + n
          + " is not valid in the legacy Prometheus character set [a-zA-Z_:][a-zA-Z0-9_:]*; use "
          + n.replaceAll("[^a-zA-Z0-9_:]", "_"), List.of());
    }
  }

  private void otelNames(DumpFamily f) {
    String n = f.name();
    String[] tokens = n.split("[._]");
    String last = tokens[tokens.length - 1].toLowerCase(Locale.ROOT);
    if (tokens.length > 1 && OTEL_UNIT_TOKENS.contains(last)) {
      checks.report(OTEL_UNIT_IN_NAME, f.at(), n, "OpenTelemetry metric " + n + " ends in \"" + last
          + "\"; put the unit in the unit field"
          + (last.equals("total") ? " (the Prometheus exporter adds _total to monotonic sums)" : "")
          + " and drop it from the name");
    }
    for (Attribute a : f.family().resource().attributes()) deprecated(f, a.key(), "resource");
    for (Point p : f.family().data().points()) {
      for (Attribute a : p.attributes()) deprecated(f, a.key(), "data point");
    }
  }

  private void deprecated(DumpFamily f, String key, String where) {
    String replacement = DEPRECATED_ATTRIBUTES.get(key);
    if (replacement == null || !deprecatedReported.add(key)) return;
    checks.report(OTEL_DEPRECATED_ATTR, f.at(), key, where + " attribute " + key + " (on " + f.name()
        + ") is deprecated in the semantic conventions; use " + replacement);
  }

  /** promlint's metricUnits: the first name token that is a known unit, and its base unit. */
  static String[] metricUnit(String name) {
    for (String s : name.split("_", -1)) {
      String base = UNITS.get(s);
      if (base != null) return new String[] {s, base};
      for (String p : PREFIXES) {
        if (s.startsWith(p)) {
          base = UNITS.get(s.substring(p.length()));
          if (base != null) return new String[] {s, base};
        }
      }
    }
    return null;
  }

  static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
