package dev.promotel.lint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads the configs of other tools (Prometheus, Prometheus Operator, Promtail, OpenTelemetry
 * Collector, Loki, Alloy) and checks them alone and against each other and the metric dumps. The
 * lint engine feeds it every file that {@link #detect} claims, then calls {@link #check} once.
 *
 * <p>Example: {@code detect("promtail.yaml", text)} is {@code Optional.of("promtail")}.
 */
public interface ConfigLinter {
  /** The kinds it reads, as {@code --kind} takes them: prometheus, prometheus-operator, promtail, otelcol, loki, alloy. */
  List<String> kinds();

  /** The kind of this file by its content (the name only breaks ties), or empty if it is not such a config. */
  Optional<String> detect(String fileName, String text);

  /** Reads one file of a kind and keeps what {@link #check} needs; bad YAML is a ConfigException. */
  void add(String kind, Path file, String text) throws IOException;

  /** Runs the per-config and cross-source rules over everything added, with the dumps' labels. */
  void check(List<DumpLabels> dumps, LintContext context, FindingSink sink);

  /** The rules it can report, for the catalog, config validation and SARIF metadata. */
  List<RuleInfo> rules();
}
