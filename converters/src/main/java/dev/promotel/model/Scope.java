package dev.promotel.model;

import java.util.Objects;

/** The instrumentation scope (OTLP {@code InstrumentationScope}); empty name means "no scope". */
public record Scope(String name, String version, Attributes attributes, String schemaUrl) {
  public static final Scope EMPTY = new Scope("", "", Attributes.EMPTY, "");

  public Scope {
    Objects.requireNonNull(name, "name (use \"\" when there is none)");
    Objects.requireNonNull(version, "version (use \"\" when there is none)");
    Objects.requireNonNull(attributes, "attributes (use Attributes.EMPTY)");
    Objects.requireNonNull(schemaUrl, "schemaUrl (use \"\" when there is none)");
  }

  public boolean isEmpty() {
    return name.isEmpty() && version.isEmpty() && attributes.isEmpty() && schemaUrl.isEmpty();
  }

  // Written out (the record defaults' values) for the reason given on Attribute.
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Scope other && name.equals(other.name)
        && version.equals(other.version) && attributes.equals(other.attributes)
        && schemaUrl.equals(other.schemaUrl);
  }

  @Override
  public int hashCode() {
    return ((31 * name.hashCode() + version.hashCode()) * 31 + attributes.hashCode()) * 31
        + schemaUrl.hashCode();
  }
}
