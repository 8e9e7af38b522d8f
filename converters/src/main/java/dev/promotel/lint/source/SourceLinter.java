package dev.promotel.lint.source;

import dev.promotel.lint.ConfigLinter;
import dev.promotel.lint.DumpLabels;
import dev.promotel.lint.Finding;
import dev.promotel.lint.FindingSink;
import dev.promotel.lint.LintContext;
import dev.promotel.lint.RuleInfo;
import dev.promotel.yaml.YamlLoader;
import dev.promotel.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The configs of the tools that decide which labels metrics and logs carry: prometheus.yml,
 * Prometheus Operator ServiceMonitor/PodMonitor, Promtail, the OpenTelemetry Collector, Loki and
 * Grafana Alloy (specs/lint.md §2), and the rules over them (§6.5 logs/*, §6.6 xsrc/*, cfg/*).
 *
 * <p>How it works. Each file is read into {@link SignalGroup}s, one per scrape job, log scrape
 * config, Collector pipeline or Alloy source, holding the labels every series or stream of the
 * group ends up with after relabelling. Values are literal where the config fixes them and
 * symbolic where discovery provides them ({@code namespace = <namespace>}, {@code app = <pod label
 * app>}); see {@link RelabelEvaluator}. The rules then compare the METRICS and LOGS groups of
 * each service.
 *
 * <p>How services are joined across sources. Two groups (one METRICS, one LOGS) belong to the same
 * service when
 * <ol>
 *   <li>their service keys (the physical names of the identity key {@code service}: by default
 *       {@code job}, {@code app}, {@code service_name}) share a value: the same literal (ServiceMonitor
 *       {@code jobLabel: app} with selector {@code app: payments} and an OTLP {@code
 *       service.name=payments}), or the same discovery symbol ({@code <pod label app>} on both
 *       sides, where a {@code keep} on one side may pin it to {@code checkout}); a {@code job} of
 *       shape {@code <namespace>/<app>} joins through its last segment; or
 *   <li>both discover targets with the same Kubernetes role ({@code pod}) and the values their
 *       selectors and {@code keep} rules pin do not contradict each other: two "every pod" configs
 *       see the same pods, one pinned to {@code app=checkout} still overlaps one that is not, one
 *       pinned to {@code checkout} and one to {@code payments} do not.
 * </ol>
 * A labelmap of every pod label counts as possibly providing the identity names it could produce
 * ({@code app} from {@code __meta_kubernetes_pod_label_app}), for joining and comparing, never as a
 * certain label. A metric dump joins the metrics groups whose identity values it carries, or whose
 * service name is its file name ({@code checkout.prom}); a dump with neither joins every metrics
 * group (it is what those jobs scrape, as far as lint can tell).
 *
 * <p>Example: {@code detect("promtail.yaml", "server: ...\nclients: ...\nscrape_configs: ...")}
 * is {@code Optional.of("promtail")}.
 */
public final class SourceLinter implements ConfigLinter {
  private final SourceModel model = new SourceModel();

  @Override
  public List<String> kinds() {
    return Arrays.stream(SourceKind.values()).map(SourceKind::id).toList();
  }

  @Override
  public Optional<String> detect(String fileName, String text) {
    return SourceKind.detect(fileName, text).map(SourceKind::id);
  }

  @Override
  public void add(String kind, Path file, String text) throws IOException {
    SourceKind k = SourceKind.fromId(kind)
        .orElseThrow(() -> new IllegalArgumentException("unknown config kind \"" + kind + "\"; expected one of " + kinds()));
    String name = file.toString();
    if (k == SourceKind.ALLOY) {
      AlloyReader.read(name, text, model);
      return;
    }
    List<YamlNode> docs = YamlLoader.loadAll(name, text);
    for (YamlNode doc : docs) {
      switch (k) {
        case PROMETHEUS -> PrometheusConfigReader.read(name, doc, model);
        case PROMETHEUS_OPERATOR -> OperatorReader.read(name, doc, model);
        case PROMTAIL -> PromtailReader.read(name, doc, model);
        case OTELCOL -> CollectorReader.read(name, doc, model);
        case LOKI -> LokiReader.read(name, doc, model);
        case ALLOY -> throw new AssertionError("handled above");
      }
    }
  }

  @Override
  public void check(List<DumpLabels> dumps, LintContext context, FindingSink sink) {
    Findings findings = new Findings(context, sink);
    for (Finding f : model.pending) findings.add(f);
    new CrossSourceRules(model, dumps, context, findings).run();
    LogRules.run(model, context, findings);
  }

  @Override
  public List<RuleInfo> rules() {
    return Rules.ALL;
  }

  /** For tests: the groups read so far. */
  List<SignalGroup> groups() {
    return model.groups;
  }
}
