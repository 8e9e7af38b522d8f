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
}
