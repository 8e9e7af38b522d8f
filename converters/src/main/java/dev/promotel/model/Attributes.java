package dev.promotel.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An immutable set of attributes (Prometheus labels are the all-string case), sorted by key, keys
 * unique. Sorting and the uniqueness check happen once, here, so every format can rely on them.
 *
 * <p>Example: the labels of {@code http_requests_total{method="GET",code="200"}} are {@code
 * Attributes.of("method", "GET", "code", "200")}, iterated as code, method.
 */
public final class Attributes implements Iterable<Attribute>, Comparable<Attributes> {
  public static final Attributes EMPTY = new Attributes(new String[0], new AttributeValue[0]);

  private final String[] keys;
  private final AttributeValue[] values;
  private int hash;

  private Attributes(String[] keys, AttributeValue[] values) {
    this.keys = keys;
    this.values = values;
  }

  /** Labels from alternating names and string values: {@code of("job", "node", "env", "prod")}. */
  public static Attributes of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("expected name/value pairs, got an odd number of strings");
    }
    List<Attribute> list = new ArrayList<>(namesAndValues.length / 2);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      list.add(Attribute.of(namesAndValues[i], namesAndValues[i + 1]));
    }
    return of(list);
  }

  /** Sorts by key; rejects duplicate keys (use {@link #with} to replace a value). */
  public static Attributes of(List<Attribute> attributes) {
    int n = attributes.size();
    if (n == 0) return EMPTY;
    if (n > 32) {
      // Large sets take the library sort; the insertion sort below then only checks them.
      Attribute[] sorted = attributes.toArray(new Attribute[0]);
      Arrays.sort(sorted, Comparator.comparing(Attribute::key));
      attributes = Arrays.asList(sorted);
    }
    String[] keys = new String[n];
    AttributeValue[] values = new AttributeValue[n];
    boolean ascending = true;
    int i = 0;
    for (Attribute a : attributes) {
      keys[i] = a.key();
      values[i] = a.value();
      if (i > 0 && ascending && keys[i].compareTo(keys[i - 1]) <= 0) ascending = false;
      i++;
    }
    if (!ascending) sortByKey(keys, values);
    return new Attributes(keys, values);
  }

  /**
   * Takes {@code keys} and their {@code values} as they are, without copying, when the keys are
   * already strictly ascending (a subset of a sorted set is); the caller must not change the
   * arrays afterwards. Throws when the keys are not strictly ascending.
   */
  public static Attributes ofSorted(String[] keys, AttributeValue[] values) {
    if (keys.length != values.length) {
      throw new IllegalArgumentException(keys.length + " keys but " + values.length + " values");
    }
    if (keys.length == 0) return EMPTY;
    for (int i = 1; i < keys.length; i++) {
      if (keys[i].compareTo(keys[i - 1]) <= 0) {
        throw new IllegalArgumentException("keys not strictly ascending at '" + keys[i] + "'");
      }
    }
    return new Attributes(keys, values);
  }

  /**
   * Sorts the parallel arrays by key (an insertion sort: label sets are small and usually nearly
   * sorted) and rejects duplicate keys.
   */
  private static void sortByKey(String[] keys, AttributeValue[] values) {
    int n = keys.length;
    for (int i = 1; i < n; i++) {
      String key = keys[i];
      AttributeValue value = values[i];
      int j = i - 1;
      while (j >= 0 && keys[j].compareTo(key) > 0) {
        keys[j + 1] = keys[j];
        values[j + 1] = values[j];
        j--;
      }
      keys[j + 1] = key;
      values[j + 1] = value;
    }
    for (int i = 1; i < n; i++) {
      if (keys[i].equals(keys[i - 1])) {
        throw new IllegalArgumentException(
            "duplicate attribute '" + keys[i] + "': each key may occur once in a set");
      }
    }
  }

  public int size() {
    return keys.length;
  }

  public boolean isEmpty() {
    return keys.length == 0;
  }

  public String key(int index) {
    return keys[index];
  }

  public AttributeValue value(int index) {
    return values[index];
  }

  /** The value for {@code key}, or null when absent. */
  public AttributeValue get(String key) {
    int i = Arrays.binarySearch(keys, key);
    return i >= 0 ? values[i] : null;
  }

  /** The value for {@code key} as a label string, or null when absent. */
  public String getString(String key) {
    AttributeValue v = get(key);
    return v == null ? null : v.asString();
  }

  public boolean containsKey(String key) {
    return Arrays.binarySearch(keys, key) >= 0;
  }

  /** True when every value is a string, i.e. these are plain Prometheus labels. */
  public boolean isAllStrings() {
    for (AttributeValue v : values) {
      if (!(v instanceof AttributeValue.StringValue)) return false;
    }
    return true;
  }

  /** A copy with {@code key} set to {@code value} (added or replaced). */
  public Attributes with(String key, AttributeValue value) {
    int i = Arrays.binarySearch(keys, key);
    if (i >= 0) {
      AttributeValue[] v = values.clone();
      v[i] = value;
      return new Attributes(keys, v);
    }
    int at = -i - 1;
    String[] k = new String[keys.length + 1];
    AttributeValue[] v = new AttributeValue[keys.length + 1];
    System.arraycopy(keys, 0, k, 0, at);
    System.arraycopy(values, 0, v, 0, at);
    k[at] = key;
    v[at] = value;
    System.arraycopy(keys, at, k, at + 1, keys.length - at);
    System.arraycopy(values, at, v, at + 1, keys.length - at);
    return new Attributes(k, v);
  }

  public Attributes with(String key, String value) {
    return with(key, new AttributeValue.StringValue(value));
  }

  /** A copy without {@code key}; this instance when it is absent. */
  public Attributes without(String key) {
    int i = Arrays.binarySearch(keys, key);
    if (i < 0) return this;
    if (keys.length == 1) return EMPTY;
    String[] k = new String[keys.length - 1];
    AttributeValue[] v = new AttributeValue[keys.length - 1];
    System.arraycopy(keys, 0, k, 0, i);
    System.arraycopy(values, 0, v, 0, i);
    System.arraycopy(keys, i + 1, k, i, keys.length - i - 1);
    System.arraycopy(values, i + 1, v, i, keys.length - i - 1);
    return new Attributes(k, v);
  }

  public List<Attribute> asList() {
    List<Attribute> list = new ArrayList<>(keys.length);
    for (int i = 0; i < keys.length; i++) list.add(new Attribute(keys[i], values[i]));
    return list;
  }

  @Override
  public Iterator<Attribute> iterator() {
    return new Iterator<>() {
      int next;

      @Override
      public boolean hasNext() {
        return next < keys.length;
      }

      @Override
      public Attribute next() {
        if (next >= keys.length) throw new NoSuchElementException();
        Attribute a = new Attribute(keys[next], values[next]);
        next++;
        return a;
      }
    };
  }

  /** Orders by keys then string values, like Prometheus sorts label sets. */
  @Override
  public int compareTo(Attributes other) {
    int n = Math.min(keys.length, other.keys.length);
    for (int i = 0; i < n; i++) {
      int c = keys[i].compareTo(other.keys[i]);
      if (c != 0) return c;
      c = values[i].asString().compareTo(other.values[i].asString());
      if (c != 0) return c;
    }
    return Integer.compare(keys.length, other.keys.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Attributes other
        && Arrays.equals(keys, other.keys)
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = 31 * Arrays.hashCode(keys) + Arrays.hashCode(values);
      hash = h;
    }
    return h;
  }

  /** For debugging only; formats write labels with their own escaping. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < keys.length; i++) {
      if (i > 0) out.append(", ");
      out.append(keys[i]).append('=').append(JsonText.quoteIfString(values[i]));
    }
    return out.append('}').toString();
  }
}
