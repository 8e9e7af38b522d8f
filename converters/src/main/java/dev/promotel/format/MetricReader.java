package dev.promotel.format;

import dev.promotel.model.MetricFamily;
import java.io.IOException;
import java.util.Optional;

/**
 * A pull cursor over one input: each {@link #read()} returns the next family (or the next chunk of
 * a very large one), empty at the end. Readers hold one family at a time, never the whole input.
 * Bad input throws {@link MetricParseException} with its position.
 */
public interface MetricReader extends AutoCloseable {
  Optional<MetricFamily> read() throws IOException;

  /**
   * The 1-based line on which the family last returned by {@link #read()} starts in a text input
   * (its first HELP, TYPE, UNIT or sample line; for a later chunk, its first sample line), or 0
   * when the reader does not know lines (binary and JSON formats). For findings such as lint's
   * {@code app.prom:12:1}.
   */
  default long familyLine() {
    return 0;
  }

  /**
   * The 1-based line of the first sample of point {@code index} of the family last returned by
   * {@link #read()}, or 0 when unknown.
   */
  default long pointLine(int index) {
    return 0;
  }

  @Override
  void close() throws IOException;
}
