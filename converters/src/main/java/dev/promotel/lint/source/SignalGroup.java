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

  /** Labels that cannot be listed: every pod label through labelmap, every promoted extracted field. */
  record OpenFamily(String description, SourcePosition at) {}

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
