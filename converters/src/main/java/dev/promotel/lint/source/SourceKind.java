package dev.promotel.lint.source;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The config formats {@link SourceLinter} reads, by their {@code --kind} ids, and how each is
 * recognised by content. Detection looks only at top-level YAML keys (lines that start in column
 * one) or, for Alloy, at block headers, so it never fails on a file it does not claim.
 *
 * <p>Example: a file whose top-level keys are {@code server}, {@code positions}, {@code clients}
 * and {@code scrape_configs} is {@link #PROMTAIL}.
 */
enum SourceKind {
  PROMETHEUS("prometheus"),
  PROMETHEUS_OPERATOR("prometheus-operator"),
  PROMTAIL("promtail"),
  OTELCOL("otelcol"),
  LOKI("loki"),
  ALLOY("alloy");

  private static final Pattern TOP_KEY = Pattern.compile("(?m)^([A-Za-z_][A-Za-z0-9_]*)\\s*:");
  private static final Pattern OPERATOR_API =
      Pattern.compile("(?m)^apiVersion:\\s*[\"']?monitoring\\.coreos\\.com/");
  private static final Pattern OPERATOR_KIND =
      Pattern.compile("(?m)^kind:\\s*[\"']?(ServiceMonitor|PodMonitor)\\b");
  /** An Alloy component block: {@code loki.source.file "x" {} } or {@code prometheus.scrape "x" {}}. */
  private static final Pattern ALLOY_BLOCK = Pattern.compile(
      "(?m)^(loki|prometheus|discovery|otelcol|local|remote|logging|import|declare|mimir|pyroscope|faro|beyla)"
          + "(\\.[A-Za-z_][A-Za-z0-9_]*)*\\s*(\"[^\"\\n]*\"\\s*)?\\{");

  private final String id;

  SourceKind(String id) {
    this.id = id;
  }

  String id() {
    return id;
  }

  static Optional<SourceKind> fromId(String id) {
    for (SourceKind k : values()) {
      if (k.id.equals(id.toLowerCase(Locale.ROOT))) return Optional.of(k);
    }
    return Optional.empty();
  }

  /**
   * The kind of a file by content and name. A kind is claimed only when both fit: Alloy by a
   * {@code .alloy}/{@code .river} name, or by a top-level component block in a file without an
   * extension (or {@code .conf}); the YAML kinds only for {@code .yaml}/{@code .yml} names or names
   * without an extension. So a source file or README that quotes a config is never taken for one.
   */
  static Optional<SourceKind> detect(String fileName, String text) {
    String lower = baseName(fileName).toLowerCase(Locale.ROOT);
    boolean alloyName = lower.endsWith(".alloy") || lower.endsWith(".river");
    if (alloyName) return Optional.of(ALLOY);
    String extension = extension(lower);
    boolean yamlName = extension.isEmpty() || extension.equals("yaml") || extension.equals("yml");
    java.util.Set<String> keys = new java.util.HashSet<>();
    Matcher m = TOP_KEY.matcher(text);
    while (m.find()) keys.add(m.group(1));
    if (keys.isEmpty()) {
      boolean alloyCandidate = extension.isEmpty() || extension.equals("conf");
      return alloyCandidate && ALLOY_BLOCK.matcher(text).find() ? Optional.of(ALLOY) : Optional.empty();
    }
    if (!yamlName) return Optional.empty();
    if (OPERATOR_API.matcher(text).find() && OPERATOR_KIND.matcher(text).find()) {
      return Optional.of(PROMETHEUS_OPERATOR);
    }
    if (keys.contains("receivers") && keys.contains("exporters") && keys.contains("service")) {
      return Optional.of(OTELCOL);
    }
    if (keys.contains("scrape_configs")
        && (keys.contains("clients") || keys.contains("positions") || keys.contains("client")
            || text.contains("__path__") || text.contains("pipeline_stages"))) {
      return Optional.of(PROMTAIL);
    }
    if (keys.contains("scrape_configs")
        || (keys.contains("global") && (text.contains("scrape_interval") || text.contains("external_labels")))
        || keys.contains("remote_write") && keys.contains("global")) {
      return Optional.of(PROMETHEUS);
    }
    // Mimir and Tempo configs also have server/ingester/distributor; only Loki has these sections.
    if (keys.contains("limits_config") || keys.contains("schema_config")
        || (keys.contains("ingester") && (keys.contains("storage_config") || keys.contains("chunk_store_config")))) {
      return Optional.of(LOKI);
    }
    return Optional.empty();
  }

  private static String baseName(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(slash + 1);
  }

  /** The extension without the dot, "" for none (a leading dot, as in .promtail, is no extension). */
  private static String extension(String baseName) {
    int dot = baseName.lastIndexOf('.');
    return dot <= 0 ? "" : baseName.substring(dot + 1);
  }
}
