package dev.promotel.lint.source;

import dev.promotel.format.SourcePosition;

/**
 * A label a config gives to every series or stream of a {@link SignalGroup}, with where and how
 * it is set. Example: {@code namespace = <namespace>}, set at {@code prometheus.yml:21:23} by
 * "relabel_configs replace from __meta_kubernetes_namespace".
 */
record DerivedLabel(String name, LabelValue value, SourcePosition at, String how, Origin origin) {

  /** Where a label comes from; external labels are compared once, by xsrc/external-labels. */
  enum Origin {
    /** job_name, static_configs labels, relabel rules, operator defaults. */
    TARGET,
    /** global.external_labels, clients[].external_labels, loki.write external_labels. */
    EXTERNAL,
    /** A log pipeline stage (static_labels, labels, Alloy stage.*). */
    STAGE,
    /** Promoted from OTLP resource attributes or added implicitly by the shipper (filename, service_name). */
    IMPLICIT,
    /** Not set explicitly, but a labelmap of every pod label may produce it: present, value unchecked. */
    POSSIBLE
  }

  DerivedLabel withValue(LabelValue v) {
    return new DerivedLabel(name, v, at, how, origin);
  }

  DerivedLabel renamed(String newName, SourcePosition newAt, String newHow) {
    return new DerivedLabel(newName, value, newAt, newHow, origin);
  }
}
