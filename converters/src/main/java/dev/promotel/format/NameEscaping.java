package dev.promotel.format;

import java.util.Locale;

/**
 * The escaping schemes for UTF-8 metric and label names (prometheus/common {@code
 * model/metric.go}; specs/translation.md §6.1). {@link #ALLOW_UTF8} keeps names and quotes those
 * outside {@code [a-zA-Z_:][a-zA-Z0-9_:]*} ({@code {"my.metric","a.b"="c"}}).
 */
public enum NameEscaping {
  ALLOW_UTF8("allow-utf-8"),
  UNDERSCORES("underscores"),
  DOTS("dots"),
  VALUES("values");

  private final String id;

  NameEscaping(String id) {
    this.id = id;
  }

  /** The content-type parameter value, also the CLI spelling. */
  public String id() {
    return id;
  }

  public static NameEscaping fromId(String id) {
    for (NameEscaping e : values()) {
      if (e.id.equals(id.toLowerCase(Locale.ROOT))) return e;
    }
    throw new IllegalArgumentException(
        "unknown escaping '" + id + "'; expected allow-utf-8, underscores, dots or values");
  }
}
