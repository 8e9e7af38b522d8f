package dev.promotel.yaml;

import dev.promotel.format.SourcePosition;

/**
 * A node of a loaded YAML document and where it starts. Schema checks throw {@link #error} at the
 * node that is wrong, so a user sees {@code rules.yaml:12:9: expected a mapping, got a sequence}.
 */
public sealed interface YamlNode permits YamlScalar, YamlSequence, YamlMapping {
  /** Start of the node: file, 1-based line and column. */
  SourcePosition position();

  /** The document text this node was read from. */
  YamlSource source();

  /** "a mapping", "a sequence" or "a scalar", for messages. */
  String kind();

  /** A positioned error at this node, with its source line for the caret. */
  default ConfigException error(String reason) {
    return source().error(position(), reason);
  }

  default YamlMapping asMapping() throws ConfigException {
    if (this instanceof YamlMapping m) return m;
    throw error("expected a mapping, got " + kind());
  }

  default YamlSequence asSequence() throws ConfigException {
    if (this instanceof YamlSequence s) return s;
    throw error("expected a sequence, got " + kind());
  }

  default YamlScalar asScalar() throws ConfigException {
    if (this instanceof YamlScalar s) return s;
    throw error("expected a scalar, got " + kind());
  }
}
