package dev.promotel.pipeline;

import dev.promotel.format.MetricReader;
import dev.promotel.format.MetricWriter;
import dev.promotel.model.MetricFamily;
import java.io.IOException;
import java.util.Optional;

/**
 * The read/write loop of every data command: pulls each family from a {@link MetricReader} and
 * pushes it into a {@link MetricWriter} (the first transform, or the output writer). It closes
 * neither: several inputs are concatenated by running each reader into the same writer, and the
 * caller closes the writer once, which writes the trailer (one {@code # EOF} for OpenMetrics).
 *
 * <p>Example: {@code Pipeline.run(new PrometheusTextReader(in, "a.prom", ReadOptions.DEFAULTS),
 * writer)} copies {@code up 1} into the writer and returns 1.
 */
public final class Pipeline {
  private Pipeline() {}

  /** Copies every family from {@code reader} to {@code writer}; returns how many were copied. */
  public static long run(MetricReader reader, MetricWriter writer) throws IOException {
    long families = 0;
    for (Optional<MetricFamily> next = reader.read(); next.isPresent(); next = reader.read()) {
      writer.write(next.get());
      families++;
    }
    return families;
  }

  /** Reads {@code reader} to its end, keeping nothing: how {@code validate} checks an input. */
  public static long drain(MetricReader reader) throws IOException {
    long families = 0;
    while (reader.read().isPresent()) families++;
    return families;
  }
}
