package dev.promotel.model;

import java.util.Objects;

/**
 * One key and its typed value. equals and hashCode are written out (with the values the record
 * defaults give) because the defaults are bootstrapped through method handles, which costs a cold
 * command-line start several milliseconds.
 */
public record Attribute(String key, AttributeValue value) {
  public Attribute {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Attribute other && key.equals(other.key)
        && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return 31 * key.hashCode() + value.hashCode();
  }

  public static Attribute of(String key, String value) {
    return new Attribute(key, new AttributeValue.StringValue(value));
  }
}
