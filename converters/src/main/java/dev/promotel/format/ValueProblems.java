package dev.promotel.format;

/**
 * Where a lenient reader sends samples whose values break their type's rules (a quantile outside
 * [0, 1], cumulative buckets that decrease, a count that is no non-negative integer) instead of
 * failing the read: the reader reports the problem, leaves that sample (or series) out and goes on.
 * {@code lint} uses it to report such values as findings and check the rest of the file; convert
 * and validate keep the strict readers. Called on the reader's thread.
 *
 * <p>Example: for {@code s{quantile="1.5"} 1} the Prometheus text reader calls {@code
 * problem("s", <d.prom:3:12: expected a float between 0 and 1 ...>)}.
 */
@FunctionalInterface
public interface ValueProblems {
  void problem(String family, MetricParseException problem);
}
