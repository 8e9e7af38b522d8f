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
}
