package dev.promotel.relabel;

import java.util.Locale;

/**
 * The actions of Prometheus {@code relabel_config}, spelled as in YAML. Parsing is
 * case-insensitive, as Prometheus lower-cases the action before comparing.
 *
 * <p>Example: {@code action: LabelMap} is {@link #LABELMAP}.
 */
public enum RelabelAction {
  REPLACE,
  KEEP,
  DROP,
  KEEPEQUAL,
  DROPEQUAL,
  HASHMOD,
  LABELMAP,
  LABELDROP,
  LABELKEEP,
  LOWERCASE,
  UPPERCASE;

  /** The YAML spelling: {@code replace}, {@code labelmap}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The action for a YAML value, or null when it names none. */
  public static RelabelAction parse(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (RelabelAction a : values()) if (a.id().equals(lower)) return a;
    return null;
  }
}
