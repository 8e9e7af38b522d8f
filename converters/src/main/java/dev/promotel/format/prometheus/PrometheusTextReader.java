package dev.promotel.format.prometheus;

import dev.promotel.format.MetricReader;
import dev.promotel.format.ReadOptions;
import dev.promotel.model.MetricFamily;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Placeholder replaced by the real reader on its own branch (not to be merged as is). */
public final class PrometheusTextReader implements MetricReader {
  public PrometheusTextReader(InputStream in, String sourceName, ReadOptions options) {
    throw new UnsupportedOperationException("not written yet");
  }

  @Override
  public Optional<MetricFamily> read() throws IOException {
    throw new UnsupportedOperationException("not written yet");
  }

  @Override
  public void close() throws IOException {}
}
