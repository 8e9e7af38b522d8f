package dev.promotel.benchmarks;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.Format;
import dev.promotel.format.MetricReader;
import dev.promotel.format.MetricWriter;
import dev.promotel.format.ReadOptions;
import dev.promotel.format.WriteOptions;
import dev.promotel.pipeline.Codecs;
import dev.promotel.pipeline.Conversion;
import dev.promotel.pipeline.Pipeline;
import dev.promotel.translate.mapping.OtlpToPrometheusOptions;
import dev.promotel.translate.mapping.PrometheusToOtlpOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One pass of a conversion over an in-memory scrape of {@value #MEGABYTES} MB, single-threaded
 * (no read-ahead), into a discarding stream: the per-byte cost of reader + mapping + writer.
 * MB/s = {@value #MEGABYTES} / (seconds per op). Reading alone is the {@code read} case.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar ConvertBenchmark -p target=otlp-pb}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-XX:+UseSerialGC", "-Xms512m", "-Xmx512m"})
public class ConvertBenchmark {
  static final int MEGABYTES = 20;

  @Param({"read", "prom", "om", "otlp-pb", "otlp-jsonl"})
  public String target;

  private byte[] promText;
  private byte[] source;
  private Format sourceFormat;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    promText = Scrapes.nodeExporterText(MEGABYTES);
    source = promText;
    sourceFormat = Format.PROM;
  }

  @Benchmark
  public long convertPromText() throws IOException {
    return convert(source, sourceFormat, target);
  }

  static long convert(byte[] input, Format from, String target) throws IOException {
    Diagnostics diagnostics = new Diagnostics();
    MetricReader reader = Codecs.reader(
        from, new ByteArrayInputStream(input), "bench", ReadOptions.DEFAULTS, diagnostics);
    if (target.equals("read")) return Pipeline.drain(reader);
    Format to = Format.fromId(target);
    OutputStream sink = OutputStream.nullOutputStream();
    MetricWriter writer = Codecs.writer(to, sink, WriteOptions.DEFAULTS, diagnostics);
    Conversion conversion = new Conversion(
        to, writer, OtlpToPrometheusOptions.DEFAULTS, PrometheusToOtlpOptions.DEFAULTS, diagnostics);
    long families = Pipeline.run(reader, conversion.sinkFor(from));
    conversion.close();
    return families;
  }

  /** The input converted once into {@code format}, as the source of the reverse benchmarks. */
  static byte[] converted(byte[] promText, Format format) throws IOException {
    Diagnostics diagnostics = new Diagnostics();
    ByteArrayOutputStream out = new ByteArrayOutputStream(promText.length * 2);
    MetricReader reader = Codecs.reader(
        Format.PROM, new ByteArrayInputStream(promText), "bench", ReadOptions.DEFAULTS, diagnostics);
    MetricWriter writer = Codecs.writer(format, out, WriteOptions.DEFAULTS, diagnostics);
    Conversion conversion = new Conversion(
        format, writer, OtlpToPrometheusOptions.DEFAULTS, PrometheusToOtlpOptions.DEFAULTS, diagnostics);
    Pipeline.run(reader, conversion.sinkFor(Format.PROM));
    conversion.close();
    return out.toByteArray();
  }
}
