package dev.promotel.translate.naming;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How OTLP metric names become Prometheus names (specs/translation.md §4.1; otlptranslator {@code
 * strategy.go}). Each strategy is a pair of switches: escape names to the legacy character set, and
 * append unit and type suffixes.
 *
 * <p>Example: {@code http.server.request.duration} (unit {@code s}, histogram) becomes {@code
 * http_server_request_duration_seconds} under {@link #UNDERSCORE_ESCAPING_WITH_SUFFIXES} and stays
 * {@code http.server.request.duration} under {@link #NO_TRANSLATION}.
 */
public enum TranslationStrategy {
  /** Escape to {@code [a-zA-Z0-9:_]} and add suffixes; the default everywhere. */
  UNDERSCORE_ESCAPING_WITH_SUFFIXES("UnderscoreEscapingWithSuffixes", true, true),
  /** Escape, but never add suffixes. */
  UNDERSCORE_ESCAPING_WITHOUT_SUFFIXES("UnderscoreEscapingWithoutSuffixes", true, false),
  /** Keep UTF-8 names, add suffixes as plain string suffixes. */
  NO_UTF8_ESCAPING_WITH_SUFFIXES("NoUTF8EscapingWithSuffixes", false, true),
  /** The name as given (namespace still prefixed). */
  NO_TRANSLATION("NoTranslation", false, false);

  private final String id;
  private final boolean escapesNames;
  private final boolean addsSuffixes;

  TranslationStrategy(String id, boolean escapesNames, boolean addsSuffixes) {
    this.id = id;
    this.escapesNames = escapesNames;
    this.addsSuffixes = addsSuffixes;
  }

  /** The otlptranslator spelling, also the CLI value ({@code UnderscoreEscapingWithSuffixes}). */
  public String id() {
    return id;
  }

  /** Whether metric and label names are escaped to the legacy character sets. */
  public boolean escapesNames() {
    return escapesNames;
  }

  /** Whether unit, {@code _total} and {@code _ratio} suffixes are appended. */
  public boolean addsSuffixes() {
    return addsSuffixes;
  }

  /**
   * The strategy with this id; the match ignores case so that CLI users need not remember the
   * capitalisation.
   *
   * @throws IllegalArgumentException for an unknown id, listing the valid ones
   */
  public static TranslationStrategy fromId(String id) {
    for (TranslationStrategy s : values()) {
      if (s.id.equalsIgnoreCase(id)) return s;
    }
    throw new IllegalArgumentException(
        "unknown translation strategy '"
            + id
            + "'; expected one of "
            + Arrays.stream(values()).map(TranslationStrategy::id).collect(Collectors.joining(", ")));
  }
}
