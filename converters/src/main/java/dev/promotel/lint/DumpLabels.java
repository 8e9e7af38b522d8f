package dev.promotel.lint;

import dev.promotel.format.SourcePosition;
import java.util.Map;
import java.util.SortedSet;

/**
 * What a metric dump says about labels, for the cross-source rules: per label name the distinct
 * values seen (at most a bounded number; {@code truncated} says when it stopped collecting) and
 * where the label first appears. Example: {@code namespace → {shop}} first at {@code app.prom:12:27}.
 */
public record DumpLabels(String path, Map<String, LabelValues> labels) {

  public DumpLabels {
    labels = Map.copyOf(labels);
  }

  /** The values of one label in one dump. */
  public record LabelValues(String name, SortedSet<String> values, boolean truncated, SourcePosition firstSeen) {
    public LabelValues {
      values = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(values));
    }
  }
}
