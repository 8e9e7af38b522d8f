package dev.promotel.lint.source;

import dev.promotel.format.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The series of one scrape job (or the streams of one log scrape config, Collector pipeline or
 * Alloy source) and the labels they all end up with after relabelling, as {@link DerivedLabel}s.
 * Mutable while a reader builds it; rules only read it.
 *
 * <p>Example: Promtail's {@code job_name: kubernetes-pods} is a LOGS group with labels {@code
 * {app=<pod label app>, job=<pod label app>, cluster="eu-west-1"}} and a drop of {@code namespace}.
 */
final class SignalGroup {
  enum Side {
    METRICS,
    LOGS;

    String word() {
      return this == METRICS ? "metrics" : "logs";
    }
  }

  /** A label that a rule removes, with the value it had (for the messages of the drop rules). */
  record Drop(String label, SourcePosition at, String how, DerivedLabel removed) {}

  /**
   * Labels that cannot be listed: every pod label through labelmap. {@code sourcePrefix} is the
   * discovery prefix a plain {@code prefix(.+)} → {@code $1} labelmap strips ({@code
   * __meta_kubernetes_pod_label_}), so a label {@code app} may come from {@code
   * __meta_kubernetes_pod_label_app}; null for other shapes.
   */
  record OpenFamily(String description, SourcePosition at, String sourcePrefix) {
    /** The label {@code name} as this family would produce it, if the family is a plain prefix map. */
    java.util.Optional<DerivedLabel> possible(String name) {
      if (sourcePrefix == null) return java.util.Optional.empty();
      return java.util.Optional.of(new DerivedLabel(name, LabelValue.symbol(sourcePrefix + name), at,
          "labelmap from " + sourcePrefix + name + " (if the target has it)", DerivedLabel.Origin.POSSIBLE));
    }
  }

  final Side side;
  final SourceKind kind;
  final String name;
  final String file;
  final SourcePosition at;
  final Map<String, DerivedLabel> labels = new LinkedHashMap<>();
  final List<Drop> drops = new ArrayList<>();
  final List<OpenFamily> open = new ArrayList<>();
  /** Labels promoted from a value extracted from the log line (Promtail labels stage, Alloy stage.labels). */
  final List<String> extracted = new ArrayList<>();
  /** OTLP resource attributes of a Collector pipeline to Loki; Loki's otlp_config turns them into labels at check time. */
  final Map<String, DerivedLabel> resource = new LinkedHashMap<>();
  /** Discovery values a selector or keep rule fixes ({@code __meta_kubernetes_pod_label_app → checkout}). */
  final Map<String, String> pins = new LinkedHashMap<>();
  /** The Kubernetes discovery role that finds the targets ({@code pod}, {@code endpoints}), or null. */
  String kubernetesRole;
  boolean honorLabels;
  /** Logs pushed through Loki's push API get service_name from discover_service_name; OTLP ones from service.name. */
  boolean viaOtlp;

  SignalGroup(Side side, SourceKind kind, String name, String file, SourcePosition at) {
    this.side = side;
    this.kind = kind;
    this.name = name;
    this.file = file;
    this.at = at;
  }

  String title() {
    return side.word() + " " + name;
  }

  @Override
  public String toString() {
    return title() + " " + labels.values().stream().map(l -> l.name() + "=" + l.value()).toList();
  }
}
