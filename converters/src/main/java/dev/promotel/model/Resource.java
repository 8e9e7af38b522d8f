package dev.promotel.model;

import java.util.Objects;

/** The entity that produced the metrics (OTLP {@code Resource}); empty for plain Prometheus dumps. */
public record Resource(Attributes attributes, String schemaUrl) {
  public static final Resource EMPTY = new Resource(Attributes.EMPTY, "");

  public Resource {
    Objects.requireNonNull(attributes, "attributes (use Attributes.EMPTY)");
    Objects.requireNonNull(schemaUrl, "schemaUrl (use \"\" when there is none)");
  }

  public static Resource of(Attributes attributes) {
    return attributes.isEmpty() ? EMPTY : new Resource(attributes, "");
  }

  // Written out (the record defaults' values) for the reason given on Attribute: resources are
  // compared and hashed once per family when a dump is split by target.
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Resource other && attributes.equals(other.attributes)
        && schemaUrl.equals(other.schemaUrl);
  }

  @Override
  public int hashCode() {
    return 31 * attributes.hashCode() + schemaUrl.hashCode();
  }
}
