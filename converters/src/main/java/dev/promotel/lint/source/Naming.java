package dev.promotel.lint.source;

import java.util.Locale;

/** Label-name normalisations shared by the readers and the rules. */
final class Naming {
  private Naming() {}

  /** An OTLP attribute as a Loki/Prometheus label name: unsupported characters become _ ({@code k8s.namespace.name} → {@code k8s_namespace_name}). */
  static String labelName(String attribute) {
    String s = attribute.replaceAll("[^a-zA-Z0-9_]", "_");
    return !s.isEmpty() && Character.isDigit(s.charAt(0)) ? "key_" + s : s;
  }

  /** The name with case and the separators _ . - removed: {@code statusCode} and {@code status_code} → {@code statuscode}. */
  static String folded(String name) {
    return name.replaceAll("[_.\\-]", "").toLowerCase(Locale.ROOT);
  }
}
