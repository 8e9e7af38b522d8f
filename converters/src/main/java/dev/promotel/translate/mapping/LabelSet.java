package dev.promotel.translate.mapping;

import dev.promotel.format.Diagnostics;
import dev.promotel.model.Attribute;
import dev.promotel.model.AttributeValue;
import dev.promotel.model.Attributes;
import dev.promotel.translate.naming.LabelNamer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns OTLP attribute keys into Prometheus label names with {@link LabelNamer} and collects the
 * labels of one series. Keys that sanitise to the same name have their values joined with {@code
 * ;} in the order of the original keys (Attributes iterate sorted by key), as Prometheus'
 * otlptranslator does, including its quirk that an empty earlier value is replaced rather than
 * joined.
 *
 * <p>Example: {@code a.b=1, a_b=2} gives {@code a_b="1;2"} and a {@code label-collision} note.
 */
final class LabelSet {
  /** Sanitised names are cached; the cache is cleared when it reaches this size. */
  private static final int CACHE_LIMIT = 1 << 14;

  private static final String UNUSABLE = new String("");

  private final LabelNamer namer;
  private final Diagnostics diagnostics;
  private final Map<String, String> names = new HashMap<>();

  LabelSet(LabelNamer namer, Diagnostics diagnostics) {
    this.namer = namer;
    this.diagnostics = diagnostics;
  }

  /** The label name for {@code key}, or null when it cannot be one (reported as a loss). */
  String name(String key) {
    String name = names.get(key);
    if (name == null) {
      try {
        name = namer.build(key);
      } catch (IllegalArgumentException e) {
        name = UNUSABLE;
      }
      if (names.size() >= CACHE_LIMIT) names.clear();
      names.put(key, name);
    }
    if (name == UNUSABLE) {
      diagnostics.loss("label-dropped", "attributes dropped: their key cannot be a Prometheus "
          + "label name (first: '" + key + "')");
      return null;
    }
    return name;
  }

  /** Adds the attributes to {@code labels} (label name → value), joining collisions. */
  void addAll(Attributes attributes, Map<String, String> labels) {
    for (int i = 0; i < attributes.size(); i++) {
      String key = attributes.key(i);
      if (key.equals("__name__")) {
        diagnostics.loss("label-dropped", "attributes named __name__ dropped: Prometheus "
            + "reserves the name for the metric name");
        continue;
      }
      String name = name(key);
      if (name == null) continue;
      String value = attributes.value(i).asString();
      String old = labels.putIfAbsent(name, value);
      if (old != null && !old.isEmpty()) {
        labels.put(name, old + ";" + value);
        diagnostics.note("label-collision", "attribute values joined with ';': their keys "
            + "collide as label '" + name + "' after sanitising (first: '" + key + "')");
      } else if (old != null) {
        labels.put(name, value);
      }
    }
  }

  /** The labels as a sorted set, leaving out empty values (Prometheus: empty = absent). */
  static Attributes toAttributes(Map<String, String> labels) {
    List<Attribute> list = new ArrayList<>(labels.size());
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (!e.getValue().isEmpty()) {
        list.add(new Attribute(e.getKey(), new AttributeValue.StringValue(e.getValue())));
      }
    }
    return Attributes.of(list);
  }

  static Map<String, String> newMap() {
    return new LinkedHashMap<>();
  }
}
