package dev.promotel.yaml;

import dev.promotel.format.SourcePosition;
import java.util.Locale;

/**
 * A scalar as written: its text, whether it was quoted, whether it is null (plain {@code ~},
 * {@code null} or nothing). Typed accessors convert on demand and fail at the scalar, because a
 * config's schema (not YAML's implicit typing) decides that {@code "0755"} or {@code 1e3} is a
 * string or a number.
 */
public final class YamlScalar implements YamlNode {
  private final String text;
  private final boolean quoted;
  private final boolean isNull;
  private final SourcePosition position;
  private final YamlSource source;

  YamlScalar(String text, boolean quoted, boolean isNull, SourcePosition position, YamlSource source) {
    this.text = text;
    this.quoted = quoted;
    this.isNull = isNull;
    this.position = position;
    this.source = source;
  }

  /** The value; "" for a null scalar. */
  public String text() {
    return text;
  }

  public boolean quoted() {
    return quoted;
  }

  public boolean isNull() {
    return isNull;
  }

  /** The text, or an error if the scalar is null. */
  public String asString() throws ConfigException {
    if (isNull) throw error("expected a string, got null");
    return text;
  }

  /** true/false, also the YAML 1.1 spellings yes/no/on/off that Go's yaml.v2 accepts. */
  public boolean asBoolean() throws ConfigException {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "y":
        return true;
      case "false", "no", "off", "n":
        return false;
      default:
        throw error("expected true or false, got \"" + text + "\"");
    }
  }

  /** A decimal integer (underscores allowed, as YAML 1.1 does); else an error. */
  public long asLong() throws ConfigException {
    try {
      return Long.parseLong(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw error("expected an integer, got \"" + text + "\"");
    }
  }

  /** A number, including .inf/-.inf/.nan; else an error. */
  public double asDouble() throws ConfigException {
    String t = text.replace("_", "").toLowerCase(Locale.ROOT);
    switch (t) {
      case ".inf", "+.inf":
        return Double.POSITIVE_INFINITY;
      case "-.inf":
        return Double.NEGATIVE_INFINITY;
      case ".nan":
        return Double.NaN;
      default:
        break;
    }
    // Java also parses "NaN", "Infinity" and hex floats; YAML does not spell them that way.
    if (t.isEmpty() || t.contains("n") || t.contains("x") || t.contains("p")) {
      throw error("expected a number, got \"" + text + "\"");
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw error("expected a number, got \"" + text + "\"");
    }
  }

  @Override
  public SourcePosition position() {
    return position;
  }

  @Override
  public YamlSource source() {
    return source;
  }

  @Override
  public String kind() {
    return "a scalar";
  }

  @Override
  public String toString() {
    return isNull ? "null" : text;
  }
}
