package dev.promotel.format.openmetrics;

import dev.promotel.model.PromType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sample-name suffixes of each OpenMetrics type and the MetricSet-wide clash rule ("the name of
 * a MetricFamily MUST NOT result in a potential clash for sample metric names ... with another
 * MetricFamily", spec section "Suffixes"), shared by the reader (to reject) and the writer (to
 * never produce) clashing families. Memory grows with families, not samples.
 *
 * <p>Example: after a counter {@code a} ({@code a}, {@code a_total}, {@code a_created} taken), a
 * gauge {@code a_created} clashes.
 */
final class FamilyNames {
  private static final List<String> COUNTER = List.of("", "_total", "_created");
  private static final List<String> SUMMARY = List.of("", "_count", "_sum", "_created");
  private static final List<String> HISTOGRAM = List.of("", "_count", "_sum", "_bucket", "_created");
  private static final List<String> GAUGE_HISTOGRAM = List.of("", "_gcount", "_gsum", "_bucket");
  private static final List<String> INFO = List.of("", "_info");
  private static final List<String> PLAIN = List.of("");

  /** Taken sample names → line of the family that took them (0 for writers). */
  private final Map<String, Long> taken = new HashMap<>();

  /** Family names seen so far, to tell a repeated family from a clash. */
  private final Set<String> families = new HashSet<>();

  /** The suffixes a family of {@code type} may use on its samples ({@code ""} = none). */
  static List<String> sampleSuffixes(PromType type) {
    return switch (type) {
      case COUNTER -> COUNTER.subList(1, 3);
      case SUMMARY -> SUMMARY;
      case HISTOGRAM -> HISTOGRAM.subList(1, 5);
      case GAUGEHISTOGRAM -> GAUGE_HISTOGRAM.subList(1, 4);
      case INFO -> INFO.subList(1, 2);
      case GAUGE, STATESET, UNKNOWN -> PLAIN;
    };
  }

  /** The suffixes a family reserves: its sample suffixes and its bare name. */
  private static List<String> reserved(PromType type) {
    return switch (type) {
      case COUNTER -> COUNTER;
      case SUMMARY -> SUMMARY;
      case HISTOGRAM -> HISTOGRAM;
      case GAUGEHISTOGRAM -> GAUGE_HISTOGRAM;
      case INFO -> INFO;
      case GAUGE, STATESET, UNKNOWN -> PLAIN;
    };
  }

  /** The OpenMetrics type for a TYPE word, or null ({@code untyped} is not one). */
  static PromType parseType(String word) {
    return switch (word) {
      case "counter" -> PromType.COUNTER;
      case "gauge" -> PromType.GAUGE;
      case "histogram" -> PromType.HISTOGRAM;
      case "gaugehistogram" -> PromType.GAUGEHISTOGRAM;
      case "summary" -> PromType.SUMMARY;
      case "info" -> PromType.INFO;
      case "stateset" -> PromType.STATESET;
      case "unknown" -> PromType.UNKNOWN;
      default -> null;
    };
  }

  /**
   * The first sample name of {@code family} of {@code type} already taken by an earlier family, or
   * null when none is (nothing is registered then).
   */
  String clash(String family, PromType type) {
    for (String suffix : reserved(type)) {
      if (taken.containsKey(family + suffix)) return family + suffix;
    }
    return null;
  }

  /** Line of the family that took {@code sampleName} (see {@link #clash}). */
  long takenAt(String sampleName) {
    return taken.getOrDefault(sampleName, 0L);
  }

  /** Whether {@code family} itself was registered before (a repeat, not just a clash). */
  boolean seenFamily(String family) {
    return families.contains(family);
  }

  void register(String family, PromType type, long line) {
    families.add(family);
    for (String suffix : reserved(type)) taken.put(family + suffix, line);
  }
}
