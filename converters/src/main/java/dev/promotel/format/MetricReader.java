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

  @Override
  void close() throws IOException;
}
