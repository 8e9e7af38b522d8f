package dev.promotel.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One exemplar: a sampled observation with its trace context. {@code traceId} (32 hex digits) and
 * {@code spanId} (16 hex digits) are lower-case hex or empty; other exemplar labels are {@code
 * filteredAttributes}. {@code timeUnixNano} is 0 when the exemplar has no timestamp.
 *
 * <p>OpenMetrics: {@code # {trace_id="4bf92f3577b34da6a3ce929d0e0e4736"} 0.67 1520879607.789}.
 */
public record Exemplar(
    Attributes filteredAttributes,
    NumberValue value,
    long timeUnixNano,
    String traceId,
    String spanId) {
  private static final Pattern TRACE_ID = Pattern.compile("(?:[0-9a-f]{32})?");
  private static final Pattern SPAN_ID = Pattern.compile("(?:[0-9a-f]{16})?");

  public Exemplar {
    Objects.requireNonNull(filteredAttributes, "filteredAttributes (use Attributes.EMPTY)");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(traceId, "traceId (use \"\" when there is none)");
    Objects.requireNonNull(spanId, "spanId (use \"\" when there is none)");
    if (!TRACE_ID.matcher(traceId).matches()) {
      throw new IllegalArgumentException(
          "traceId must be 32 lower-case hex digits or empty, got '" + traceId + "'");
    }
    if (!SPAN_ID.matcher(spanId).matches()) {
      throw new IllegalArgumentException(
          "spanId must be 16 lower-case hex digits or empty, got '" + spanId + "'");
    }
    if (timeUnixNano < 0) {
      throw new IllegalArgumentException("timeUnixNano must be >= 0 (0 = unset), got " + timeUnixNano);
    }
  }

  /** An exemplar as text formats carry it: labels, value and optional time, no separate ids. */
  public static Exemplar of(Attributes labels, NumberValue value, long timeUnixNano) {
    return new Exemplar(labels, value, timeUnixNano, "", "");
  }
}
