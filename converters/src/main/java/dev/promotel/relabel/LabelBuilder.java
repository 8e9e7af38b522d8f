package dev.promotel.relabel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A label set under relabelling, with the semantics of Prometheus' {@code labels.Builder}, which
 * the rules' results depend on: a sorted base set, then an ordered list of added or replaced
 * labels and a list of deleted names. {@link #set} with an empty value deletes; {@link #range}
 * visits a snapshot (base labels neither deleted nor replaced, in name order, then the added ones
 * in the order they were added), so a {@code labelmap} collision resolves as in Prometheus: the
 * last label visited wins.
 *
 * <p>Provenance: behaviour of prometheus/prometheus model/labels (Builder Set/Del/Get/Range/Labels),
 * reimplemented.
 */
final class LabelBuilder {
  private String[] baseNames = new String[0];
  private String[] baseValues = new String[0];
  private final List<String> addNames = new ArrayList<>();
  private final List<String> addValues = new ArrayList<>();
  private final List<String> deleted = new ArrayList<>();

  /** Starts over from a sorted set of names and their values (arrays are taken, not copied). */
  void reset(String[] sortedNames, String[] values) {
    baseNames = sortedNames;
    baseValues = values;
    addNames.clear();
    addValues.clear();
    deleted.clear();
  }

  /** The value of {@code name}, {@code ""} when absent. */
  String get(String name) {
    int a = addNames.indexOf(name);
    if (a >= 0) return addValues.get(a);
    if (deleted.contains(name)) return "";
    int i = Arrays.binarySearch(baseNames, name);
    return i >= 0 ? baseValues[i] : "";
  }

  void set(String name, String value) {
    if (value.isEmpty()) {
      delete(name);
      return;
    }
    int a = addNames.indexOf(name);
    if (a >= 0) {
      addValues.set(a, value);
    } else {
      addNames.add(name);
      addValues.add(value);
    }
  }

  void delete(String name) {
    int a = addNames.indexOf(name);
    if (a >= 0) {
      addNames.remove(a);
      addValues.remove(a);
    }
    deleted.add(name);
  }

  /** Visitor of one label. */
  interface LabelVisitor {
    void visit(String name, String value);
  }

  /** Visits a snapshot of the labels; the visitor may set and delete. */
  void range(LabelVisitor visitor) {
    String[] an = addNames.toArray(new String[0]);
    String[] av = addValues.toArray(new String[0]);
    List<String> del = List.copyOf(deleted);
    List<String> added = Arrays.asList(an);
    String[] bn = baseNames;
    String[] bv = baseValues;
    for (int i = 0; i < bn.length; i++) {
      if (!del.contains(bn[i]) && !added.contains(bn[i])) visitor.visit(bn[i], bv[i]);
    }
    for (int i = 0; i < an.length; i++) visitor.visit(an[i], av[i]);
  }

  /**
   * The current labels as parallel sorted arrays: {@code [names, values]}. Unchanged labels are
   * the base arrays themselves (callers only read them); otherwise the base labels still present
   * are merged with the added ones (few, sorted here) rather than sorted all over again.
   */
  String[][] labels() {
    if (isUnchanged()) return new String[][] {baseNames, baseValues};
    int added = addNames.size();
    int[] order = new int[added];
    for (int i = 0; i < added; i++) {
      // Insertion sort of the added names' positions: there are one or two.
      int k = i;
      while (k > 0 && addNames.get(order[k - 1]).compareTo(addNames.get(i)) > 0) {
        order[k] = order[k - 1];
        k--;
      }
      order[k] = i;
    }
    int kept = 0;
    boolean[] gone = new boolean[baseNames.length];
    for (int i = 0; i < baseNames.length; i++) {
      String n = baseNames[i];
      gone[i] = deleted.contains(n) || addNames.contains(n);
      if (!gone[i]) kept++;
    }
    String[] names = new String[kept + added];
    String[] values = new String[names.length];
    int b = 0;
    int a = 0;
    for (int k = 0; k < names.length; k++) {
      while (b < baseNames.length && gone[b]) b++;
      boolean takeBase = b < baseNames.length
          && (a >= added || baseNames[b].compareTo(addNames.get(order[a])) < 0);
      if (takeBase) {
        names[k] = baseNames[b];
        values[k] = baseValues[b++];
      } else {
        names[k] = addNames.get(order[a]);
        values[k] = addValues.get(order[a++]);
      }
    }
    return new String[][] {names, values};
  }

  /** Whether nothing was set or deleted since {@link #reset}. */
  boolean isUnchanged() {
    return addNames.isEmpty() && deleted.isEmpty();
  }
}
