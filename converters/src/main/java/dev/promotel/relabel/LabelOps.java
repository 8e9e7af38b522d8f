package dev.promotel.relabel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simple label operations of {@code filter}, applied after relabelling in this order: drop
 * labels ({@code --drop-label}), keep only some labels ({@code --keep-label}; {@code __name__}
 * always stays), rename ({@code --rename-label old=new}: the value moves, replacing any value
 * {@code new} had), add ({@code --add-label k=v}: set, replacing any value). None of them may name
 * {@code __name__}; the caller checks that.
 *
 * <p>Example: {@code --drop-label instance --add-label env=prod} turns {@code up{instance="a",
 * job="node"}} into {@code up{env="prod",job="node"}}.
 */
public record LabelOps(
    Set<String> drop, Set<String> keep, Map<String, String> rename, Map<String, String> add) {
  public static final LabelOps NONE = new LabelOps(Set.of(), Set.of(), Map.of(), Map.of());

  public LabelOps {
    drop = Set.copyOf(drop);
    keep = Set.copyOf(keep);
    rename = new LinkedHashMap<>(rename);
    add = new LinkedHashMap<>(add);
  }

  public boolean isEmpty() {
    return drop.isEmpty() && keep.isEmpty() && rename.isEmpty() && add.isEmpty();
  }

  /** The names these operations may not touch, for the caller's validation. */
  public static List<String> reserved() {
    return List.of("__name__");
  }

  void apply(LabelBuilder lb) {
    if (!drop.isEmpty()) lb.range((name, value) -> {
      if (drop.contains(name)) lb.delete(name);
    });
    if (!keep.isEmpty()) lb.range((name, value) -> {
      if (!keep.contains(name) && !name.equals("__name__")) lb.delete(name);
    });
    // Guarded: iterating an empty map still allocates an iterator, once per series.
    if (!rename.isEmpty()) for (Map.Entry<String, String> e : rename.entrySet()) {
      String value = lb.get(e.getKey());
      if (value.isEmpty()) continue;
      lb.delete(e.getKey());
      lb.set(e.getValue(), value);
    }
    if (!add.isEmpty()) for (Map.Entry<String, String> e : add.entrySet()) {
      lb.set(e.getKey(), e.getValue());
    }
  }
}
