package dev.promotel.format.openmetrics;

import dev.promotel.format.MetricParseException;
import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Exemplar;
import dev.promotel.model.Gauge;
import dev.promotel.model.MetricData;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.NumberValue;
import dev.promotel.model.PromType;
import dev.promotel.model.Sum;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gauge, unknown, counter, info and stateset families: one {@link NumberPoint} per MetricPoint
 * (per state for statesets).
 *
 * <ul>
 *   <li>counter: {@code foo_total} (non-negative, not NaN, may carry an exemplar) and optional
 *       {@code foo_created} (seconds) → one point with a start time;
 *   <li>info: {@code foo_info{...} 1}, value exactly 1;
 *   <li>stateset: {@code foo{foo="state"} 0|1}, the label named like the family carries the state.
 * </ul>
 */
final class NumberAssembler extends PointAssembler {
  private List<NumberPoint> points = new ArrayList<>();

  // The current counter point.
  private NumberValue total;
  private Exemplar exemplar;
  private boolean hasCreated;
  private long created;
  private boolean pointHasSample;
  private final Set<String> states = new HashSet<>();

  NumberAssembler(String family, PromType type, Times times) {
    super(family, type, times);
  }

  @Override
  String pointLabel(String suffix) {
    return type == PromType.STATESET ? family : null;
  }

  @Override
  void check(String suffix, LineLexer line) throws MetricParseException {
    switch (type) {
      case COUNTER -> {
        if (suffix.equals("_total")) {
          checkCounterLike(suffix, line);
          if (line.hasExemplar) checkExemplarSize(line);
        } else {
          forbidExemplar(suffix, line);
        }
      }
      case INFO -> {
        forbidExemplar(suffix, line);
        NumberValue v = line.value;
        if (!(v.isLong() ? v.longValue() == 1 : v.doubleValue() == 1.0)) {
          throw new InvalidValueException(line.error(line.valueFrom, "expected 1 as the value of"
              + " info sample " + sampleName(suffix) + " (info values are always 1), got "
              + line.describeToken(line.valueFrom)));
        }
      }
      case STATESET -> {
        forbidExemplar(suffix, line);
        if (line.labels.indexOf(family) < 0) {
          throw line.errorInLine(line.relative(line.valueFrom) - 1, "expected a label named '"
              + family + "' carrying the state, as every sample of stateset '" + family
              + "' needs, got none");
        }
        NumberValue v = line.value;
        double d = v.toDouble();
        if (!(d == 0 || d == 1)) {
          throw new InvalidValueException(line.error(line.valueFrom, "expected 0 or 1 as the value"
              + " of a stateset state, got " + line.describeToken(line.valueFrom)));
        }
      }
      case GAUGE, UNKNOWN -> forbidExemplar(suffix, line);
      default -> throw new AssertionError(type);
    }
  }

  @Override
  boolean repeats(String suffix, LineLexer line) {
    return switch (type) {
      case COUNTER -> suffix.equals("_total") ? total != null : hasCreated;
      case STATESET -> states.contains(line.labels.get(family));
      default -> pointHasSample;
    };
  }

  @Override
  void startPoint(dev.promotel.model.Attributes series, long time) {
    super.startPoint(series, time);
    total = null;
    exemplar = null;
    hasCreated = false;
    created = 0;
    pointHasSample = false;
    states.clear();
  }

  @Override
  void add(String suffix, LineLexer line) throws MetricParseException {
    pointHasSample = true;
    switch (type) {
      case COUNTER -> {
        if (suffix.equals("_total")) {
          total = line.value;
          if (line.hasExemplar) exemplar = exemplar(line);
        } else {
          hasCreated = true;
          created = createdTime(line);
        }
      }
      case STATESET -> {
        states.add(line.labels.get(family));
        points.add(new NumberPoint(line.labels.toAttributes(null), 0, timeUnixNano, line.value,
            List.of(), 0));
      }
      default -> points.add(new NumberPoint(group, 0, timeUnixNano, line.value, List.of(), 0));
    }
  }

  @Override
  void finishPoint() throws PointException {
    if (type != PromType.COUNTER || !pointHasSample) return;
    if (total == null) {
      throw new PointException("expected sample " + family + "_total in this MetricPoint of "
          + "counter '" + family + "' (a counter point needs its total), got only "
          + family + "_created");
    }
    points.add(new NumberPoint(group, created, timeUnixNano, total,
        exemplar == null ? List.of() : List.of(exemplar), 0));
  }

  @Override
  int buffered() {
    return points.size();
  }

  @Override
  MetricData drain() {
    List<NumberPoint> out = points;
    points = new ArrayList<>();
    return switch (type) {
      case GAUGE, UNKNOWN -> new Gauge(out);
      case COUNTER -> new Sum(AggregationTemporality.CUMULATIVE, /* monotonic= */ true, out);
      case INFO, STATESET -> new Sum(AggregationTemporality.CUMULATIVE, /* monotonic= */ false, out);
      default -> throw new AssertionError(type);
    };
  }
}
