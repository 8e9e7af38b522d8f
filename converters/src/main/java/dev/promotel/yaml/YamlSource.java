package dev.promotel.yaml;

import dev.promotel.format.SourcePosition;

/**
 * The text a YAML document came from: its name (as printed in messages) and its lines, kept so
 * that errors can show the offending line and callers can read comments (lint suppressions),
 * which the YAML event stream does not carry.
 */
public final class YamlSource {
  private final String name;
  private final String[] lines;

  YamlSource(String name, String text) {
    this.name = name;
    this.lines = text.split("\r?\n|\r", -1);
  }

  public String name() {
    return name;
  }

  /** Number of lines (a final newline does not start a counted line). */
  public int lineCount() {
    int n = lines.length;
    return n > 0 && lines[n - 1].isEmpty() ? n - 1 : n;
  }

  /** Line {@code number} (1-based) without its terminator; "" outside the text. */
  public String line(long number) {
    return number >= 1 && number <= lines.length ? lines[(int) number - 1] : "";
  }

  SourcePosition position(long line, long column) {
    return SourcePosition.text(name, line, column);
  }

  ConfigException error(SourcePosition position, String reason) {
    return new ConfigException(position, reason, line(position.line()));
  }
}
