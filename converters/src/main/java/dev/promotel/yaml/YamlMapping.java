package dev.promotel.yaml;

import dev.promotel.format.SourcePosition;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A mapping with string keys in file order. Keys are unique (the loader rejects duplicates, which
 * Go's YAML decoder also refuses), so {@link #get} is unambiguous.
 */
public final class YamlMapping implements YamlNode {
  /** One key and its value; the key keeps its own position for "unknown key" errors. */
  public record Entry(YamlScalar key, YamlNode value) {}

  private final List<Entry> entries;
  private final Map<String, Entry> byKey = new LinkedHashMap<>();
  private final SourcePosition position;
  private final YamlSource source;

  YamlMapping(List<Entry> entries, SourcePosition position, YamlSource source) {
    this.entries = List.copyOf(entries);
    for (Entry e : this.entries) byKey.put(e.key().text(), e);
    this.position = position;
    this.source = source;
  }

  public List<Entry> entries() {
    return entries;
  }

  public Set<String> keys() {
    return byKey.keySet();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public Optional<YamlNode> get(String key) {
    Entry e = byKey.get(key);
    return e == null ? Optional.empty() : Optional.of(e.value());
  }

  /** The value of {@code key}, or an error at this mapping naming the missing key. */
  public YamlNode require(String key) throws ConfigException {
    Entry e = byKey.get(key);
    if (e == null) throw error("missing required key \"" + key + "\"");
    return e.value();
  }

  /** The key node itself (its position is where the key is written). */
  public Optional<YamlScalar> key(String key) {
    Entry e = byKey.get(key);
    return e == null ? Optional.empty() : Optional.of(e.key());
  }

  /**
   * Rejects keys outside {@code allowed}, at the key, suggesting the nearest allowed key when one
   * is a likely typo ({@code unknown key "regexp" (did you mean "regex"?)}).
   */
  public void checkKeys(Collection<String> allowed) throws ConfigException {
    for (Entry e : entries) {
      String k = e.key().text();
      if (allowed.contains(k)) continue;
      String hint = nearest(k, allowed);
      throw e.key().error("unknown key \"" + k + "\"" + (hint == null ? "" : " (did you mean \"" + hint + "\"?)"));
    }
  }

  private static String nearest(String key, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = editDistance(key, c);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return bestDistance <= Math.max(1, key.length() / 3) ? best : null;
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  @Override
  public SourcePosition position() {
    return position;
  }

  @Override
  public YamlSource source() {
    return source;
  }

  @Override
  public String kind() {
    return "a mapping";
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("{");
    for (Entry e : entries) {
      if (b.length() > 1) b.append(", ");
      b.append(e.key().text()).append('=').append(e.value());
    }
    return b.append('}').toString();
  }
}
