package dev.promotel.lint;

import dev.promotel.format.Format;
import dev.promotel.format.SourcePosition;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.PromType;
import java.util.function.IntToLongFunction;

/**
 * One family (or one chunk of a large family) of a metric dump as the dump rules see it, with the
 * lines the reader reported. {@code continued} says that the previous chunk had the same name, so
 * per-family rules keep their state across chunks. Example: {@code http_requests_total} of
 * {@code app.prom} starting on line 12.
 */
record DumpFamily(
    MetricFamily family,
    String source,
    Format format,
    long line,
    IntToLongFunction pointLines,
    boolean continued) {

  String name() {
    return family.name();
  }

  PromType type() {
    return family.promType();
  }

  boolean isText() {
    return format == Format.PROM || format == Format.OM;
  }

  boolean isOtlp() {
    return !isText();
  }

  SourcePosition at() {
    return Positions.of(source, line);
  }

  SourcePosition pointAt(int index) {
    long l = pointLines.applyAsLong(index);
    return Positions.of(source, l > 0 ? l : line);
  }
}
