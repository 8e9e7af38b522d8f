package dev.promotel.format;

import dev.promotel.model.MetricFamily;
import java.io.IOException;

/**
 * A push sink: {@link #write} takes one family at a time; {@link #close()} writes trailers ({@code
 * # EOF}, closing JSON) and flushes, but does not close the underlying stream's owner's resources
 * twice. Transforms are sinks that wrap the next sink.
 */
public interface MetricWriter extends AutoCloseable {
  void write(MetricFamily family) throws IOException;

  /** Writes trailers and flushes. Called once, after the last {@link #write}. */
  @Override
  void close() throws IOException;
}
