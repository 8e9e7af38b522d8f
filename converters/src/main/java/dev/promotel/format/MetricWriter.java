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

  /**
   * Pushes the families written so far down to the output stream and flushes it, so that a
   * reader at the other end of a pipe sees them now ({@code curl ... | promotel filter ...}).
   * Writers whose output cannot be cut between families (one OTLP request) do nothing.
   */
  default void flush() throws IOException {}

  /** Writes trailers and flushes. Called once, after the last {@link #write}. */
  @Override
  void close() throws IOException;

  /**
   * {@code next} seen by a stage that must not end it: writes and flushes pass through, {@code
   * close()} does nothing, because the owner of {@code next} closes it later (after the stage).
   */
  static MetricWriter keepOpen(MetricWriter next) {
    return new MetricWriter() {
      @Override
      public void write(MetricFamily family) throws IOException {
        next.write(family);
      }

      @Override
      public void flush() throws IOException {
        next.flush();
      }

      @Override
      public void close() {
        // The owner of next closes it.
      }
    };
  }
}
