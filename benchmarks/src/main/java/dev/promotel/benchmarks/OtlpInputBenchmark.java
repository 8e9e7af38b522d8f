package dev.promotel.benchmarks;

import dev.promotel.format.Format;
import java.io.IOException;
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
 * OTLP input (the {@value ConvertBenchmark#MEGABYTES} MB scrape converted once to {@code source})
 * read, or converted to Prometheus text 0.0.4. MB/s of input = input size printed at set-up /
 * seconds per op.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar OtlpInputBenchmark -p source=otlp-jsonl}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-XX:+UseSerialGC", "-Xms512m", "-Xmx512m"})
public class OtlpInputBenchmark {
  @Param({"otlp-jsonl", "otlp-pb"})
  public String source;

  @Param({"read", "prom"})
  public String target;

  private byte[] input;
  private Format format;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    format = Format.fromId(source);
    input = ConvertBenchmark.converted(Scrapes.nodeExporterText(ConvertBenchmark.MEGABYTES), format);
    System.out.printf("%n%s input: %.1f MB%n", source, input.length / 1e6);
  }

  @Benchmark
  public long convertOtlp() throws IOException {
    return ConvertBenchmark.convert(input, format, target);
  }
}
