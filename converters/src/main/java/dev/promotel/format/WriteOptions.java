package dev.promotel.format;

/**
 * Choices a writer makes that change its output.
 *
 * @param createdLines OpenMetrics: write {@code _created} lines for points with a start time
 *     ({@code --om-created-lines}); off by default as in prometheus/common
 * @param escaping how text writers spell names outside the legacy character set
 */
public record WriteOptions(boolean createdLines, NameEscaping escaping) {
  public static final WriteOptions DEFAULTS = new WriteOptions(false, NameEscaping.ALLOW_UTF8);

  public WriteOptions withCreatedLines(boolean value) {
    return new WriteOptions(value, escaping);
  }

  public WriteOptions withEscaping(NameEscaping value) {
    return new WriteOptions(createdLines, value);
  }
}
