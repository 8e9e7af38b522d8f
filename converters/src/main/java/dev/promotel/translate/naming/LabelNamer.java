package dev.promotel.translate.naming;

/**
 * Turns OTLP attribute keys into Prometheus label names: the otlptranslator label rules
 * (specs/translation.md §4.4).
 *
 * <p>Escaping mode: every character outside {@code [a-zA-Z0-9]} becomes {@code _} and runs of
 * {@code _} collapse into one (unless {@code preserveMultipleUnderscores}); a reserved name ({@code
 * __x__}, at least four characters) keeps its {@code __} wrapping; a leading digit gets {@code
 * key_}; with {@code underscoreKeyPrefix} a name starting with exactly one {@code _} gets {@code
 * key}. UTF-8 mode returns the name unchanged. In both modes an empty name, or a result made only
 * of {@code _}, is an {@link InvalidNameException}. Example: {@code http.request.method} → {@code
 * http_request_method}; {@code 123label} → {@code key_123label}.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>Provenance: prometheus/otlptranslator {@code label_namer.go}, {@code strconv.go} @51da773
 * (re-implemented from specs/translation.md §4.4).
 */
public final class LabelNamer {
  private final boolean utf8Allowed;
  private final boolean underscoreKeyPrefix;
  private final boolean preserveMultipleUnderscores;

  /**
   * @param utf8Allowed keep names unchanged (strategies that do not escape)
   * @param underscoreKeyPrefix otlptranslator's {@code UnderscoreLabelSanitization}: {@code _x} →
   *     {@code key_x} (Prometheus server default; library default off)
   * @param preserveMultipleUnderscores keep runs of {@code _} (Prometheus server default; library
   *     default off)
   */
  public LabelNamer(
      boolean utf8Allowed, boolean underscoreKeyPrefix, boolean preserveMultipleUnderscores) {
    this.utf8Allowed = utf8Allowed;
    this.underscoreKeyPrefix = underscoreKeyPrefix;
    this.preserveMultipleUnderscores = preserveMultipleUnderscores;
  }

  /**
   * The label name for an attribute key.
   *
   * @throws InvalidNameException if {@code label} is empty or the result is only underscores
   */
  public String build(String label) {
    if (label == null || label.isEmpty()) throw new InvalidNameException("label name is empty");
    if (utf8Allowed) {
      if (NameChars.isAllUnderscores(label)) {
        throw new InvalidNameException("label name \"" + label + "\" contains only underscores");
      }
      return label;
    }
    String name = sanitize(label);
    if (NameChars.startsWithDigit(name)) {
      name = "key_" + name;
    } else if (underscoreKeyPrefix && name.startsWith("_") && !name.startsWith("__")) {
      name = "key" + name;
    }
    if (NameChars.isAllUnderscores(name)) {
      throw new InvalidNameException(
          "normalization for label name \"" + label + "\" resulted in invalid name \"" + name
              + "\"");
    }
    return name;
  }

  private String sanitize(String label) {
    if (preserveMultipleUnderscores) return NameChars.replaceInvalid(label, NameChars::isAlnum);
    boolean reserved = label.length() >= 4 && label.startsWith("__") && label.endsWith("__");
    String inner = reserved ? label.substring(2, label.length() - 2) : label;
    // `_` is not in the class, so it merges with neighbouring invalid characters into one `_`.
    String collapsed =
        NameChars.collapseUnderscores(NameChars.replaceInvalid(inner, NameChars::isAlnum));
    return reserved ? "__" + collapsed + "__" : collapsed;
  }
}
