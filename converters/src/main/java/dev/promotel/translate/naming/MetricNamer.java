package dev.promotel.translate.naming;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the Prometheus metric name for an OTLP metric: the otlptranslator algorithm for all four
 * {@link TranslationStrategy strategies} (specs/translation.md §4.2).
 *
 * <p>With {@link TranslationStrategy#UNDERSCORE_ESCAPING_WITH_SUFFIXES} the name is split into
 * tokens at every character outside {@code [a-zA-Z0-9:]}; the unit word and {@code per_} word are
 * added unless a token already equals them; a monotonic counter moves every {@code total} token to
 * the end (adding one if absent), a unit-{@code 1} gauge does the same with {@code ratio}; the
 * namespace goes first; the tokens are joined with {@code _} and a leading digit gets a {@code _}
 * prefix. Example: {@code http.server.request.duration}, unit {@code s}, {@link
 * MetricKind#HISTOGRAM} → {@code http_server_request_duration_seconds}.
 *
 * <p>Deliberate differences from otlptranslator, only where it would emit an unusable name: under
 * the escaping strategies the namespace is always sanitised and a result starting with a digit
 * always gets a {@code _} prefix (otlptranslator leaves an invalid namespace as is in one path and
 * skips the prefix when a namespace is set in the other); under the UTF-8 strategies an empty result
 * is an error too.
 *
 * <p>Thread-safe; its only state is a small cache of recent results (a converter names the same
 * metric once per resource and per chunk).
 *
 * <p>Provenance: prometheus/otlptranslator {@code metric_namer.go} @51da773 (re-implemented from
 * specs/translation.md §4.2).
 */
public final class MetricNamer {
  private final TranslationStrategy strategy;
  private final String namespace;
  private final UnitDialect dialect;
  /**
   * Recent results, direct-mapped by the hash of (name, unit, kind); a collision replaces the
   * older entry. Entries are immutable, so unsynchronised reads and writes are safe: a thread sees
   * either some complete entry or none. Failures are not cached (they end the conversion).
   */
  private final Named[] recent = new Named[CACHE_SLOTS];

  private static final int CACHE_SLOTS = 512;

  private record Named(String otelName, String unit, MetricKind kind, String result) {}

  /**
   * @param namespace prefix joined with {@code _}; {@code null} or empty for none
   */
  public MetricNamer(TranslationStrategy strategy, String namespace, UnitDialect dialect) {
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    String ns = namespace == null ? "" : namespace;
    this.namespace = strategy.escapesNames() ? sanitizeKeepingUnderscores(ns) : ns;
  }

  public TranslationStrategy strategy() {
    return strategy;
  }

  /**
   * The Prometheus name of an OTLP metric.
   *
   * @param otelName the OTLP metric name
   * @param unit the OTLP (UCUM) unit; {@code null} or empty for none
   * @throws InvalidNameException if the result is empty, or (escaping strategies) consists only of
   *     {@code _} while differing from the input
   */
  public String name(String otelName, String unit, MetricKind kind) {
    Objects.requireNonNull(otelName, "otelName");
    Objects.requireNonNull(kind, "kind");
    String u = unit == null ? "" : unit;
    int hash = (otelName.hashCode() * 31 + u.hashCode()) * 31 + kind.ordinal();
    int slot = (hash ^ (hash >>> 16)) & (CACHE_SLOTS - 1);
    Named cached = recent[slot];
    if (cached != null && cached.kind == kind && cached.otelName.equals(otelName)
        && cached.unit.equals(u)) {
      return cached.result;
    }
    String result = compute(otelName, u, kind);
    recent[slot] = new Named(otelName, u, kind, result);
    return result;
  }

  private String compute(String otelName, String u, MetricKind kind) {
    if (!strategy.escapesNames()) {
      String result = utf8Name(otelName, u, kind);
      if (result.isEmpty()) throw new InvalidNameException("metric name is empty");
      return result;
    }
    String result =
        strategy.addsSuffixes() ? escapedWithSuffixes(otelName, u, kind) : escaped(otelName);
    if (NameChars.startsWithDigit(result)) result = "_" + result;
    if (result.isEmpty()) {
      throw new InvalidNameException(
          "normalization for metric \"" + otelName + "\" resulted in an empty name");
    }
    if (!result.equals(otelName) && NameChars.isAllUnderscores(result)) {
      throw new InvalidNameException(
          "normalization for metric \"" + otelName + "\" resulted in invalid name \"" + result
              + "\"");
    }
    return result;
  }

  /** Mode A: tokens, unit tokens, {@code total}/{@code ratio}, namespace. */
  private String escapedWithSuffixes(String name, String unit, MetricKind kind) {
    List<String> tokens = new ArrayList<>(NameChars.fields(name, NameChars::isMetricTokenChar));
    UnitNamer.Suffixes s = UnitNamer.suffixes(unit, dialect);
    addUnitTokens(tokens, UnitNamer.cleanUp(s.main()), UnitNamer.cleanUp(s.per()));
    if (kind == MetricKind.MONOTONIC_COUNTER) moveToEnd(tokens, "total");
    // Gauges only: receivers put unit "1" on counters of objects, where "_ratio" would mislead.
    if (unit.equals("1") && kind == MetricKind.GAUGE) moveToEnd(tokens, "ratio");
    if (!namespace.isEmpty()) tokens.add(0, namespace);
    return String.join("_", tokens);
  }

  private static void addUnitTokens(List<String> tokens, String main, String per) {
    if (tokens.contains(main)) main = "";
    if (per.equals("per_")) {
      per = "";
    } else {
      if (per.endsWith("_")) per = per.substring(0, per.length() - 1);
      if (tokens.contains(per)) per = "";
    }
    if (!per.isEmpty() && main.endsWith("_")) main = main.substring(0, main.length() - 1);
    if (!main.isEmpty()) tokens.add(main);
    if (!per.isEmpty()) tokens.add(per);
  }

  private static void moveToEnd(List<String> tokens, String token) {
    tokens.removeIf(token::equals);
    tokens.add(token);
  }

  /** Mode B: each run of invalid characters becomes one {@code _}; existing runs of {@code _} stay. */
  private String escaped(String name) {
    String sanitized = sanitizeKeepingUnderscores(name);
    return namespace.isEmpty() ? sanitized : namespace + "_" + sanitized;
  }

  private static String sanitizeKeepingUnderscores(String s) {
    return String.join("_", NameChars.fields(s, NameChars::isMetricChar));
  }

  /** Modes C and D: the name unescaped, suffixes handled as plain string suffixes. */
  private String utf8Name(String otelName, String unit, MetricKind kind) {
    String name = namespace.isEmpty() ? otelName : namespace + "_" + otelName;
    if (!strategy.addsSuffixes()) return name;
    boolean ratio = unit.equals("1") && kind == MetricKind.GAUGE;
    if (ratio) name = trimSuffixAndDelimiter(name, "ratio");
    boolean total = kind == MetricKind.MONOTONIC_COUNTER;
    if (total) name = trimSuffixAndDelimiter(name, "total");
    UnitNamer.Suffixes s = UnitNamer.suffixes(unit, dialect);
    if (!s.per().isEmpty()) name = trimSuffixAndDelimiter(name, s.per());
    // The main unit is the innermost suffix, so a plain suffix test suffices.
    if (!s.main().isEmpty() && !name.endsWith(s.main())) name = name + "_" + s.main();
    if (!s.per().isEmpty()) name = name + "_" + s.per();
    if (total) name = name + "_total";
    if (ratio) name = name + "_ratio";
    return name;
  }

  /**
   * Removes {@code suffix} and the one character before it, if the name is longer than both. The
   * length test counts UTF-8 bytes as Go does; the cut removes a whole code point where Go would
   * split a multi-byte one.
   */
  private static String trimSuffixAndDelimiter(String name, String suffix) {
    if (!name.endsWith(suffix) || utf8Length(name) <= utf8Length(suffix) + 1) return name;
    String head = name.substring(0, name.length() - suffix.length());
    return head.substring(0, head.offsetByCodePoints(head.length(), -1));
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  @Override
  public String toString() {
    return "MetricNamer[" + strategy.id() + ", namespace=" + namespace + ", " + dialect.id() + "]";
  }
}
