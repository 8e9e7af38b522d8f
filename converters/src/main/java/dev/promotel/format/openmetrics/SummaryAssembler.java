package dev.promotel.format.openmetrics;

import dev.promotel.format.MetricParseException;
import dev.promotel.model.MetricData;
import dev.promotel.model.PromType;
import dev.promotel.model.Quantile;
import dev.promotel.model.Summary;
import dev.promotel.model.SummaryPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Summary families: quantile samples {@code foo{quantile="0.5"} 0.2} (quantile within [0, 1],
 * value not negative, NaN allowed; any order, sorted into the point), and optional {@code
 * foo_count} (non-negative integer), {@code foo_sum} (non-negative, not NaN) and {@code
 * foo_created} (seconds).
 */
final class SummaryAssembler extends PointAssembler {
  private List<SummaryPoint> points = new ArrayList<>();
  private final List<Quantile> quantiles = new ArrayList<>();
  private boolean hasCount;
  private long count;
  private boolean hasSum;
  private double sum;
  private boolean hasCreated;
  private long created;
  private double pendingQuantile;

  SummaryAssembler(String family, PromType type, Times times) {
    super(family, type, times);
  }

  @Override
  String pointLabel(String suffix) {
    return suffix.isEmpty() ? "quantile" : null;
  }

  @Override
  void check(String suffix, LineLexer line) throws MetricParseException {
    forbidExemplar(suffix, line);
    if (suffix.isEmpty()) {
      int i = line.labels.indexOf("quantile");
      if (i < 0) {
        throw line.errorInLine(line.relative(line.valueFrom) - 1, "expected a 'quantile' label on "
            + "summary sample " + family + " (unsuffixed summary samples are quantiles), got none");
      }
      double q = labelNumber("quantile", line);
      if (!(q >= 0 && q <= 1)) {
        throw new InvalidValueException(line.errorInLine(line.labels.offset(i),
            "expected a quantile within [0, 1], got \"" + line.labels.value(i) + "\""));
      }
      pendingQuantile = q;
      if (isNegative(line.value)) {
        throw new InvalidValueException(line.error(line.valueFrom,
            "expected a non-negative quantile value (or NaN), got " + line.describeToken(line.valueFrom)));
      }
      return;
    }
    forbidLabel("quantile", suffix, line);
    if (suffix.equals("_count")) {
      checkCount(suffix, line);
    } else if (suffix.equals("_sum")) {
      checkCounterLike(suffix, line);
    }
  }

  @Override
  boolean repeats(String suffix, LineLexer line) {
    return switch (suffix) {
      case "" -> {
        for (Quantile q : quantiles) {
          if (q.quantile() == pendingQuantile) yield true;
        }
        yield false;
      }
      case "_count" -> hasCount;
      case "_sum" -> hasSum;
      default -> hasCreated;
    };
  }

  @Override
  void startPoint(dev.promotel.model.Attributes series, long time) {
    super.startPoint(series, time);
    quantiles.clear();
    hasCount = false;
    hasSum = false;
    hasCreated = false;
    created = 0;
  }

  @Override
  void add(String suffix, LineLexer line) throws MetricParseException {
    switch (suffix) {
      case "" -> quantiles.add(new Quantile(pendingQuantile, line.value.toDouble()));
      case "_count" -> {
        hasCount = true;
        count = asCount(line.value);
      }
      case "_sum" -> {
        hasSum = true;
        sum = line.value.toDouble();
      }
      default -> {
        hasCreated = true;
        created = createdTime(line);
      }
    }
  }

  @Override
  void finishPoint() {
    quantiles.sort(Comparator.comparingDouble(Quantile::quantile));
    points.add(new SummaryPoint(group, created, timeUnixNano,
        hasCount ? OptionalLong.of(count) : OptionalLong.empty(),
        hasSum ? OptionalDouble.of(sum) : OptionalDouble.empty(), quantiles, 0));
  }

  @Override
  int buffered() {
    return points.size();
  }

  @Override
  MetricData drain() {
    List<SummaryPoint> out = points;
    points = new ArrayList<>();
    return new Summary(out);
  }
}
