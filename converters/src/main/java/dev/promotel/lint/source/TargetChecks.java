package dev.promotel.lint.source;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * cfg/relabel-invalid-target: a relabel rule writes a label that cannot survive. Either the name
 * is not valid where the label goes (Loki and legacy Prometheus take {@code [a-zA-Z_][a-zA-Z0-9_]*},
 * Prometheus 3 takes any UTF-8 by default), or it starts with {@code __}, is not one of the labels
 * the scraper itself reads, and no later rule reads it, so it is removed with the other {@code __}
 * labels after relabelling.
 *
 * <p>Example: {@code target_label: app.kubernetes.io/name} in a Promtail config.
 */
final class TargetChecks {
  private static final Pattern LEGACY = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Set<String> SPECIAL = Set.of("__address__", "__scheme__", "__metrics_path__",
      "__scrape_interval__", "__scrape_timeout__", "__path__", "__path_exclude__", "__host__", "__tenant_id__",
      "__name__", "__journal__", "__syslog__");

  private TargetChecks() {}

  /** Checks one ordered list of rules; {@code legacyNames} when the labels go to Loki or legacy Prometheus. */
  static void check(List<RelabelRule> rules, boolean legacyNames, String where, SourceModel model) {
    for (int i = 0; i < rules.size(); i++) {
      RelabelRule r = rules.get(i);
      if (r.target().isEmpty() || !Set.of("replace", "lowercase", "uppercase", "hashmod").contains(r.action())) continue;
      String t = r.target().get();
      if (t.contains("$")) continue;
      if (legacyNames && !LEGACY.matcher(t).matches()) {
        model.report(Rules.RELABEL_INVALID_TARGET, r.targetAt(), t,
            "target_label \"" + t + "\" in " + where + " is not a valid label name here ([a-zA-Z_][a-zA-Z0-9_]*); "
                + "rename it to \"" + t.replaceAll("[^a-zA-Z0-9_]", "_") + "\"");
        continue;
      }
      if (t.startsWith("__") && !t.startsWith("__tmp") && !SPECIAL.contains(t) && !t.startsWith("__param_")
          && !readLater(rules, i, t)) {
        model.report(Rules.RELABEL_INVALID_TARGET, r.targetAt(), t,
            "target_label \"" + t + "\" in " + where + " starts with __, so it is removed after relabelling and "
                + "no later rule reads it; name it without __ to keep it, or __tmp_* if it is scratch");
      }
    }
  }

  private static boolean readLater(List<RelabelRule> rules, int from, String label) {
    for (int j = from + 1; j < rules.size(); j++) {
      if (rules.get(j).sources().contains(label)) return true;
      if (rules.get(j).action().equals("labelmap")
          && com.google.re2j.Pattern.compile(rules.get(j).regex()).matcher(label).matches()) {
        return true;
      }
    }
    return false;
  }
}
