package dev.promotel.translate.semconv;

import dev.promotel.model.AttributeValue;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a rule does to the values of one attribute ({@code labels.values.<key>} of a rule file):
 * a value map (inline or a lookup), what to do with values outside it, case folding, one regex
 * replacement, sentinel values that unset the attribute, and the target type. The result of each
 * distinct input value is cached, so the map, the regex and the parsing run once per value, not
 * once per sample.
 *
 * <p>Example: {@code cpu.mode: { map: {irq: interrupt, softirq: interrupt}, otherwise: keep }}
 * turns {@code softirq} into {@code interrupt} and keeps {@code user}.
 */
final class ValueTransform {
  /** What happens to a value the map does not list. */
  enum Otherwise {
    KEEP,
    DROP_SERIES,
    CONSTANT
  }

  /** Marker result: drop the whole series. */
  static final AttributeValue DROP_SERIES = new AttributeValue.StringValue("\0drop-series");

  private static final int MAX_CACHED = 4096;

  final Map<String, String> map;
  final Otherwise otherwise;
  final String otherwiseValue;
  final String as;
  final String caseFold;
  final Pattern replace;
  final String replaceWith;
  final List<String> unsetIf;
  private final Map<String, AttributeValue> cache = new HashMap<>();

  ValueTransform(Map<String, String> map, Otherwise otherwise, String otherwiseValue, String as,
      String caseFold, Pattern replace, String replaceWith, List<String> unsetIf) {
    this.map = map;
    this.otherwise = otherwise;
    this.otherwiseValue = otherwiseValue;
    this.as = as;
    this.caseFold = caseFold;
    this.replace = replace;
    this.replaceWith = replaceWith;
    this.unsetIf = unsetIf;
  }

  /** Whether two different inputs can give the same output (then series may collide). */
  boolean mayCollide() {
    if (otherwise == Otherwise.CONSTANT || caseFold != null || replace != null || !unsetIf.isEmpty()) {
      return true;
    }
    return map.size() != new java.util.HashSet<>(map.values()).size()
        || (otherwise == Otherwise.KEEP && map.values().stream().anyMatch(v -> !map.containsKey(v)));
  }

  /** The new value; null to unset the attribute; {@link #DROP_SERIES} to drop the series. */
  AttributeValue apply(String value) {
    AttributeValue cached = cache.get(value);
    if (cached != null || cache.containsKey(value)) return cached;
    AttributeValue result = compute(value);
    if (cache.size() >= MAX_CACHED) cache.clear();
    cache.put(value, result);
    return result;
  }

  private AttributeValue compute(String value) {
    if (unsetIf.contains(value)) return null;
    String v = value;
    String mapped = map.get(v);
    if (mapped != null) {
      v = mapped;
    } else {
      switch (otherwise) {
        case DROP_SERIES -> {
          return DROP_SERIES;
        }
        case CONSTANT -> v = otherwiseValue;
        case KEEP -> { }
      }
    }
    if (caseFold != null) {
      v = caseFold.equals("upper") ? v.toUpperCase(Locale.ROOT) : v.toLowerCase(Locale.ROOT);
    }
    if (replace != null) v = replace.matcher(v).replaceAll(replaceWith);
    if (unsetIf.contains(v)) return null;
    return typed(v, as);
  }

  /** {@code v} as the type a rule asks for; a value that does not parse stays a string. */
  static AttributeValue typed(String v, String as) {
    if (as == null || as.equals("string")) return new AttributeValue.StringValue(v);
    try {
      return switch (as) {
        case "int" -> new AttributeValue.LongValue(Long.parseLong(v));
        case "double" -> new AttributeValue.DoubleValue(Double.parseDouble(v));
        case "bool" -> {
          if (v.equalsIgnoreCase("true")) yield new AttributeValue.BoolValue(true);
          if (v.equalsIgnoreCase("false")) yield new AttributeValue.BoolValue(false);
          yield new AttributeValue.StringValue(v);
        }
        default -> new AttributeValue.StringValue(v);
      };
    } catch (NumberFormatException e) {
      return new AttributeValue.StringValue(v);
    }
  }
}
