package dev.promotel.lint;

import java.util.Locale;

/** How serious a finding is; ordered, so {@code --fail-on warning} means "warning or worse". */
public enum Severity {
  INFO,
  WARNING,
  ERROR;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
