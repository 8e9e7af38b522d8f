package dev.promotel.model;

import java.util.ArrayList;
import java.util.Arrays;
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
    if (attributes.isEmpty()) return EMPTY;
    Attribute[] sorted = attributes.toArray(new Attribute[0]);
    sortByKey(sorted);
    String[] keys = new String[sorted.length];
    AttributeValue[] values = new AttributeValue[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      keys[i] = sorted[i].key();
      values[i] = sorted[i].value();
      if (i > 0 && keys[i].equals(keys[i - 1])) {
        throw new IllegalArgumentException(
            "duplicate attribute '" + keys[i] + "': each key may occur once in a set");
      }
    }
    return new Attributes(keys, values);
  }

  /**
   * Stable sort by key. Sets are small and often sorted already: an insertion sort is a few
   * compares for them, and far less code for the JIT to compile than {@code Arrays.sort}'s TimSort
   * behind a comparator lambda (about 80 ms of C2 time in a 100 MB conversion).
   */
  private static void sortByKey(Attribute[] a) {
    if (a.length > 32) {
      Arrays.sort(a, (x, y) -> x.key().compareTo(y.key()));
      return;
    }
    for (int i = 1; i < a.length; i++) {
      Attribute next = a[i];
      String key = next.key();
      int j = i - 1;
      while (j >= 0 && a[j].key().compareTo(key) > 0) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = next;
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
