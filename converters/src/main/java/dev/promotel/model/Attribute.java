package dev.promotel.model;

import java.util.Objects;

/** One key and its typed value. */
public record Attribute(String key, AttributeValue value) {
  public Attribute {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  public static Attribute of(String key, String value) {
    return new Attribute(key, new AttributeValue.StringValue(value));
  }
}
