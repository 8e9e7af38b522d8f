package dev.promotel.format.internal;

import dev.promotel.format.NameEscaping;
import java.nio.charset.StandardCharsets;

/**
 * Name rules of the text formats: the legacy character sets ({@code [a-zA-Z_:][a-zA-Z0-9_:]*} for
 * metric names, {@code [a-zA-Z_][a-zA-Z0-9_]*} for label names), which decide whether a name must
 * be quoted in Prometheus 3 syntax, and the escaping schemes of prometheus/common {@code
 * model/metric.go} (specs/translation.md §6.1).
 *
 * <p>Internal: public only for the format packages; may change at any time.
 */
public final class MetricNames {
  private MetricNames() {}

  public static boolean isLegacyMetricName(String name) {
    if (name.isEmpty()) return false;
    for (int i = 0; i < name.length(); i++) {
      if (!isLegacyRune(name.charAt(i), i, true)) return false;
    }
    return true;
  }

  public static boolean isLegacyLabelName(String name) {
    if (name.isEmpty()) return false;
    for (int i = 0; i < name.length(); i++) {
      if (!isLegacyRune(name.charAt(i), i, false)) return false;
    }
    return true;
  }

  private static boolean isLegacyRune(int c, int index, boolean allowColon) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '_'
        || (allowColon && c == ':')
        || (c >= '0' && c <= '9' && index > 0);
  }

  /**
   * Escapes a metric or label name for writers that must not emit UTF-8 names. Legacy-valid names
   * are unchanged except under {@link NameEscaping#DOTS}, which doubles every underscore.
   *
   * <ul>
   *   <li>{@code underscores}: each invalid character becomes {@code _};
   *   <li>{@code dots}: {@code _} → {@code __}, {@code .} → {@code _dot_}, others → {@code __};
   *   <li>{@code values}: prefix {@code U__}, {@code _} → {@code __}, invalid characters → {@code
   *       _<hex code point>_}.
   * </ul>
   */
  public static String escape(String name, NameEscaping scheme) {
    return escape(name, scheme, /* allowColon= */ true);
  }

  /**
   * {@link #escape} for label names, where {@code :} is not a legacy character and is escaped like
   * any other ({@code a:b} → {@code a_b}, {@code a__b}, {@code U__a_3a_b}).
   */
  public static String escapeLabelName(String name, NameEscaping scheme) {
    return escape(name, scheme, /* allowColon= */ false);
  }

  private static String escape(String name, NameEscaping scheme, boolean allowColon) {
    if (scheme == NameEscaping.ALLOW_UTF8 || name.isEmpty()) return name;
    boolean legacy = allowColon ? isLegacyMetricName(name) : isLegacyLabelName(name);
    if (scheme != NameEscaping.DOTS && legacy) return name;
    StringBuilder out = new StringBuilder(name.length() + 8);
    if (scheme == NameEscaping.VALUES) out.append("U__");
    int index = 0;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      i += Character.charCount(cp);
      switch (scheme) {
        case UNDERSCORES -> out.append(isLegacyRune(cp, index, allowColon) ? Character.toString(cp) : "_");
        case DOTS -> {
          if (cp == '_') out.append("__");
          else if (cp == '.') out.append("_dot_");
          else if (isLegacyRune(cp, index, allowColon)) out.appendCodePoint(cp);
          else out.append("__");
        }
        case VALUES -> {
          if (cp == '_') out.append("__");
          else if (Character.isSurrogate((char) cp)) out.append("_FFFD_");
          else if (isLegacyRune(cp, index, allowColon)) out.appendCodePoint(cp);
          else out.append('_').append(Integer.toHexString(cp)).append('_');
        }
        default -> throw new AssertionError(scheme);
      }
      index++;
    }
    return out.toString();
  }

  /** True when the bytes are well-formed UTF-8 (see {@link Utf8#firstInvalid}). */
  public static boolean isValidUtf8(byte[] b, int from, int to) {
    return Utf8.firstInvalid(b, from, to) < 0;
  }

  /** Decodes bytes known to be valid UTF-8 (see {@link #isValidUtf8}). */
  public static String decode(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.UTF_8);
  }
}
