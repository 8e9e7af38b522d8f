package dev.promotel.pipeline;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.Format;
import dev.promotel.format.MetricParseException;
import dev.promotel.format.MetricReader;
import dev.promotel.format.MetricWriter;
import dev.promotel.format.ReadOptions;
import dev.promotel.format.WriteOptions;
import dev.promotel.format.openmetrics.OpenMetricsReader;
import dev.promotel.format.openmetrics.OpenMetricsWriter;
import dev.promotel.format.otlp.OtlpJsonReader;
import dev.promotel.format.otlp.OtlpJsonWriter;
import dev.promotel.format.otlp.OtlpProtobufReader;
import dev.promotel.format.otlp.OtlpProtobufWriter;
import dev.promotel.format.prometheus.PrometheusTextReader;
import dev.promotel.format.prometheus.PrometheusTextWriter;
import dev.promotel.io.OpenedInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The registry of readers and writers: for each {@link Format}, how to open a {@link MetricReader}
 * over a decompressed input and a {@link MetricWriter} over an output, and which format an opened
 * input holds. The switches are exhaustive over {@code Format}, so adding a format without a codec
 * does not compile.
 *
 * <p>Example: {@code Codecs.reader(Format.OM, in, "scrape.om", ReadOptions.DEFAULTS)} returns the
 * strict OpenMetrics reader for {@code # TYPE up gauge\nup 1\n# EOF\n}.
 */
public final class Codecs {
  private Codecs() {}

  /**
   * The format of {@code input}: {@code explicit} when given ({@code --from}), else guessed from
   * the input's first decompressed bytes by {@link Format#sniff}, where the input's name (a path,
   * or {@code <stdin>}, which has no extension) only breaks ties.
   */
  public static Format detect(OpenedInput input, Format explicit) throws IOException {
    if (explicit != null) return explicit;
    byte[] head = input.head();
    return Format.sniff(head, head.length, input.name(), input.isWhole());
  }

  /**
   * Whether {@code input}'s content alone (not its name, not {@code --from}) makes it OpenMetrics:
   * then a missing {@code # EOF} may mean Prometheus text was taken for OpenMetrics, and {@link
   * #reader(Format, InputStream, String, ReadOptions, Diagnostics, boolean)} says so.
   */
  public static boolean sniffedOpenMetrics(OpenedInput input, Format explicit) throws IOException {
    if (explicit != null) return false;
    byte[] head = input.head();
    return Format.sniff(head, head.length, "", input.isWhole()) == Format.OM;
  }

  /** Opens a reader of {@code format} over an opened input; errors are positioned in its name. */
  public static MetricReader reader(Format format, OpenedInput input, ReadOptions options) {
    return reader(format, input.stream(), input.name(), options);
  }

  /**
   * As {@link #reader(Format, InputStream, String, ReadOptions, Diagnostics)}; when {@code
   * sniffed} (the content was taken for OpenMetrics: {@link #sniffedOpenMetrics}), an OpenMetrics
   * input that lacks its {@code # EOF} line is reported with a hint to read it as Prometheus text.
   */
  public static MetricReader reader(Format format, InputStream in, String sourceName,
      ReadOptions options, Diagnostics diagnostics, boolean sniffed) {
    MetricReader reader = reader(format, in, sourceName, options, diagnostics);
    return sniffed && format == Format.OM ? new SniffedOpenMetrics(reader) : reader;
  }

  /** Adds the "detected as OpenMetrics" hint to a missing-{@code # EOF} error. */
  private static final class SniffedOpenMetrics implements MetricReader {
    private final MetricReader reader;

    SniffedOpenMetrics(MetricReader reader) {
      this.reader = reader;
    }

    @Override
    public java.util.Optional<dev.promotel.model.MetricFamily> read() throws IOException {
      try {
        return reader.read();
      } catch (MetricParseException e) {
        if (!e.reason().startsWith(MISSING_EOF)) throw e;
        throw new MetricParseException(e.position(), e.reason()
            + " (detected as OpenMetrics; use --from prom for Prometheus text)", e.sourceLine());
      }
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }

  private static final String MISSING_EOF = "expected '# EOF'";

  /** Opens a reader of {@code format} over {@code in}; {@code sourceName} prefixes error positions. */
  public static MetricReader reader(
      Format format, InputStream in, String sourceName, ReadOptions options) {
    return reader(format, in, sourceName, options, new Diagnostics());
  }

  /**
   * As {@link #reader(Format, InputStream, String, ReadOptions)}, counting what the model cannot
   * hold (timestamps it cannot represent) into {@code diagnostics}: what a conversion reports.
   */
  public static MetricReader reader(
      Format format,
      InputStream in,
      String sourceName,
      ReadOptions options,
      Diagnostics diagnostics) {
    return switch (format) {
      case PROM -> new PrometheusTextReader(in, sourceName, options, diagnostics);
      case OM -> new OpenMetricsReader(in, sourceName, options, diagnostics);
      // One JSON reader takes both a document and JSON Lines: a stream of top-level objects.
      case OTLP_JSON, OTLP_JSONL -> new OtlpJsonReader(in, sourceName, options, diagnostics);
      case OTLP_PB -> new OtlpProtobufReader(in, sourceName, options, diagnostics);
    };
  }

  /** Opens a writer of {@code format} over {@code out}; losses are counted into {@code diagnostics}. */
  public static MetricWriter writer(
      Format format, OutputStream out, WriteOptions options, Diagnostics diagnostics) {
    return switch (format) {
      case PROM -> new PrometheusTextWriter(out, options, diagnostics);
      case OM -> new OpenMetricsWriter(out, options, diagnostics);
      case OTLP_JSON ->
          new OtlpJsonWriter(out, OtlpJsonWriter.Layout.DOCUMENT, options, diagnostics);
      case OTLP_JSONL -> new OtlpJsonWriter(out, OtlpJsonWriter.Layout.LINES, options, diagnostics);
      case OTLP_PB -> new OtlpProtobufWriter(out, options, diagnostics);
    };
  }
}
