package dev.promotel.format.openmetrics;

import dev.promotel.model.Attribute;
import dev.promotel.model.Attributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The labels of one parsed line in text order, reused from line to line so lexing allocates only
 * the name and value strings. {@code offsets} are byte offsets within the line, for error columns.
 */
final class LabelList {
  private String[] names = new String[8];
  private String[] values = new String[8];
  private int[] offsets = new int[8];
  private int size;

  void clear() {
    size = 0;
  }

  int size() {
    return size;
  }

  String name(int i) {
    return names[i];
  }

  String value(int i) {
    return values[i];
  }

  int offset(int i) {
    return offsets[i];
  }

  /** Index of the label named {@code name}, or -1. Linear: label sets are small. */
  int indexOf(String name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) return i;
    }
    return -1;
  }

  String get(String name) {
    int i = indexOf(name);
    return i < 0 ? null : values[i];
  }

  void add(String name, String value, int offset) {
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
      offsets = Arrays.copyOf(offsets, size * 2);
    }
    names[size] = name;
    values[size] = value;
    offsets[size] = offset;
    size++;
  }

  /** Total code points of names and values: the OpenMetrics exemplar size measure. */
  int codePoints() {
    int n = 0;
    for (int i = 0; i < size; i++) {
      n += names[i].codePointCount(0, names[i].length());
      n += values[i].codePointCount(0, values[i].length());
    }
    return n;
  }

  /** Whether these labels, leaving out {@code except} (may be null), are exactly {@code group}. */
  boolean sameAs(Attributes group, String except) {
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (names[i].equals(except)) continue;
      n++;
      String v = group.getString(names[i]);
      if (v == null || !v.equals(values[i])) return false;
    }
    return n == group.size();
  }

  /** The labels without {@code except} (may be null) as sorted attributes. */
  Attributes toAttributes(String except) {
    if (size == 0) return Attributes.EMPTY;
    List<Attribute> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      if (!names[i].equals(except)) list.add(Attribute.of(names[i], values[i]));
    }
    return Attributes.of(list);
  }
}
