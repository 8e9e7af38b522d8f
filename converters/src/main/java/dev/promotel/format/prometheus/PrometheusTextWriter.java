package dev.promotel.format.prometheus;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricWriter;
import dev.promotel.format.WriteOptions;
import dev.promotel.model.MetricFamily;
import java.io.IOException;
import java.io.OutputStream;

/** Placeholder replaced by the real writer on its own branch (not to be merged as is). */
public final class PrometheusTextWriter implements MetricWriter {
  public PrometheusTextWriter(OutputStream out, WriteOptions options, Diagnostics diagnostics) {
    throw new UnsupportedOperationException("not written yet");
  }

  @Override
  public void write(MetricFamily family) throws IOException {
    throw new UnsupportedOperationException("not written yet");
  }

  @Override
  public void close() throws IOException {}
}
