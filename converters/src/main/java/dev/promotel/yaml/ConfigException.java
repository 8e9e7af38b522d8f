package dev.promotel.yaml;

import dev.promotel.format.MetricParseException;
import dev.promotel.format.SourcePosition;

/**
 * An invalid promotel configuration: bad YAML, or a rules, relabel or lint file (or a selector)
 * that breaks its schema. Rendered like any positioned input error ({@code
 * relabel.yml:4:13: unknown action "repalce"}), but it is the user's own instruction that is
 * wrong, not the data, so the CLI exits 2 (usage) rather than 3.
 */
public class ConfigException extends MetricParseException {
  public ConfigException(SourcePosition position, String reason, String sourceLine) {
    super(position, reason, sourceLine);
  }

  public ConfigException(SourcePosition position, String reason) {
    super(position, reason);
  }
}
