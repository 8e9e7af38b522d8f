package dev.promotel.yaml;

import dev.promotel.format.SourcePosition;
import java.util.Iterator;
import java.util.List;

/** A sequence's items in order, and where the sequence starts. */
public final class YamlSequence implements YamlNode, Iterable<YamlNode> {
  private final List<YamlNode> items;
  private final SourcePosition position;
  private final YamlSource source;

  YamlSequence(List<YamlNode> items, SourcePosition position, YamlSource source) {
    this.items = List.copyOf(items);
    this.position = position;
    this.source = source;
  }

  public List<YamlNode> items() {
    return items;
  }

  public int size() {
    return items.size();
  }

  @Override
  public Iterator<YamlNode> iterator() {
    return items.iterator();
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
    return "a sequence";
  }

  @Override
  public String toString() {
    return items.toString();
  }
}
