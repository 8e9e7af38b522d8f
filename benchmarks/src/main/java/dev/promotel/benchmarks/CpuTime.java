package dev.promotel.benchmarks;

import dev.promotel.format.Format;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The conversions of {@link ConvertBenchmark}, timed in CPU time of the converting thread rather
 * than wall time, so that figures stay comparable on a machine shared with other jobs (JMH's wall
 * clock error bars explode there). Prints the median and the best of the measured passes.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.promotel.benchmarks.CpuTime prom otlp-pb 30}
 * (source format, target or "read", passes; the first third are warm-up).
 */
public final class CpuTime {
  private CpuTime() {}

  public static void main(String[] args) throws Exception {
    Format from = Format.fromId(args.length > 0 ? args[0] : "prom");
    String target = args.length > 1 ? args[1] : "otlp-pb";
    int passes = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    byte[] text = Scrapes.nodeExporterText(ConvertBenchmark.MEGABYTES);
    byte[] input = from == Format.PROM ? text : ConvertBenchmark.converted(text, from);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int warmup = passes / 3;
    long[] cpu = new long[passes - warmup];
    for (int i = 0; i < passes; i++) {
      long start = threads.getCurrentThreadCpuTime();
      ConvertBenchmark.convert(input, from, target);
      long used = threads.getCurrentThreadCpuTime() - start;
      if (i >= warmup) cpu[i - warmup] = used;
    }
    Arrays.sort(cpu);
    double mb = input.length / 1e6;
    double median = cpu[cpu.length / 2] / 1e6;
    double best = cpu[0] / 1e6;
    System.out.printf("%s (%.1f MB) -> %s: median %.1f ms CPU (%.0f MB/s), best %.1f ms (%.0f MB/s)%n",
        from.id(), mb, target, median, mb / median * 1000, best, mb / best * 1000);
  }
}
