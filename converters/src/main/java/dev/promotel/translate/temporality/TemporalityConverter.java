package dev.promotel.translate.temporality;

import dev.promotel.format.MetricReader;
import dev.promotel.format.MetricWriter;
import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.ExponentialHistogram;
import dev.promotel.model.ExponentialHistogramPoint;
import dev.promotel.model.Gauge;
import dev.promotel.model.Histogram;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricData;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.Point;
import dev.promotel.model.Sum;
import dev.promotel.model.Summary;
import dev.promotel.model.SummaryPoint;
import dev.promotel.translate.temporality.TemporalityOptions.Emit;
import dev.promotel.translate.temporality.TemporalityOptions.Layout;
import dev.promotel.translate.temporality.TemporalityOptions.Order;
import dev.promotel.translate.temporality.TemporalityOptions.Summaries;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts the temporality of whole inputs: reads families from {@link Source}s, runs the points of
 * the metrics concerned through {@link DeltaToCumulative} or {@link CumulativeToDelta}, and writes
 * the result; every other metric (gauges, summaries, other temporalities) passes through unchanged.
 *
 * <p>Strategies (temporality spec §6.1, §6.4):
 * <ul>
 *   <li>{@code --order=input}: one streaming pass, points accumulated as they arrive.
 *   <li>{@code --order=time}: <b>two passes with an external sort</b>. Pass 1 reads every input and
 *       sorts the points concerned by (time, start, input position) in an {@link ExternalSorter}
 *       that keeps at most {@code sortBufferBytes} of encoded points in memory and spills sorted
 *       runs to temp files beyond that; the runs are merged and accumulated in time order, and
 *       the results are sorted back by input position (same sorter). Pass 2 reads the inputs
 *       again and writes each family with its points replaced by their results, so the layout is
 *       the input's. Sources are therefore opened twice.
 *   <li>{@code --layout=by-time}: every output point in time order (input position breaks ties),
 *       consecutive points of one metric grouped into one family.
 *   <li>{@code --emit=last}: one final point per stream, at the end, in first-seen order.
 * </ul>
 *
 * <p>Example: {@code new TemporalityConverter(Direction.CUMULATIVE, TemporalityOptions.defaults(),
 * report).run(List.of(source), writer)} turns deltas 5, 3, 2 into cumulative 5, 8, 10.
 */
public final class TemporalityConverter {
  /** The target temporality. */
  public enum Direction {
    CUMULATIVE,
    DELTA
  }

  /** An input that can be opened more than once ({@code --order=time} reads it twice). */
  @FunctionalInterface
  public interface Source {
    MetricReader open() throws IOException;
  }

  private final Direction direction;
  private final TemporalityOptions options;
  private final TemporalityReport report;
  private final DeltaToCumulative toCumulative;
  private final CumulativeToDelta toDelta;
  /** Family headers (the family with empty data) by id, for records that carry only the id. */
  private final Map<MetricFamily, Integer> headerIds = new HashMap<>();
  private final List<MetricFamily> headers = new ArrayList<>();
  private final List<StreamKey.Metric> metrics = new ArrayList<>();
  private final Map<StreamKey.Metric, StreamKey.Metric> metricPool = new HashMap<>();
  private final Map<StreamKey, LastPoint> lastPoints = new LinkedHashMap<>();
  private final List<Point> buffer = new ArrayList<>();

  private record LastPoint(int header, Point point) {}

  public TemporalityConverter(
      Direction direction, TemporalityOptions options, TemporalityReport report) {
    this.direction = direction;
    this.options = options;
    this.report = report;
    this.toCumulative = new DeltaToCumulative(options, report);
    this.toDelta = new CumulativeToDelta(options, report);
  }

  /** Whether the points of {@code family} are converted (the rest passes through). */
  public boolean converts(MetricFamily family) {
    MetricData data = family.data();
    AggregationTemporality from = direction == Direction.CUMULATIVE
        ? AggregationTemporality.DELTA : AggregationTemporality.CUMULATIVE;
    return switch (data.kind()) {
      case SUM -> ((Sum) data).temporality() == from
          && (direction == Direction.CUMULATIVE || ((Sum) data).monotonic()
              || options.includeNonMonotonic());
      case HISTOGRAM, EXPONENTIAL_HISTOGRAM -> Temporalities.of(data) == from;
      case SUMMARY -> direction == Direction.CUMULATIVE
          && options.summaries() == Summaries.ACCUMULATE;
      case GAUGE -> false;
    };
  }

  /** Converts every source into {@code out} (not closed). */
  public void run(List<Source> sources, MetricWriter out) throws IOException {
    boolean sortInput = options.order() == Order.TIME;
    boolean byTime = options.layout() == Layout.BY_TIME && options.emit() == Emit.ALL;
    boolean last = options.emit() == Emit.LAST;
    try (ExternalSorter inputs = new ExternalSorter(options.sortBufferBytes(), options.tempDir());
        ExternalSorter results =
            new ExternalSorter(options.sortBufferBytes(), options.tempDir())) {
      long seq = 0;
      for (Source source : sources) {
        try (MetricReader reader = source.open()) {
          for (Optional<MetricFamily> next = reader.read(); next.isPresent();
              next = reader.read()) {
            MetricFamily family = next.get();
            boolean converted = converts(family);
            if (!converted) {
              if (byTime) {
                int header = header(family);
                for (Point p : family.data().points()) {
                  results.add(p.timeUnixNano(), seq++, 0, encode(header, p));
                }
              } else if (!sortInput || last) {
                out.write(family);
              }
              continue;
            }
            int header = header(family);
            if (sortInput) {
              for (Point p : family.data().points()) {
                inputs.add(p.timeUnixNano(), p.startTimeUnixNano(), seq++, encode(header, p));
              }
              continue;
            }
            List<Point> converted1 = new ArrayList<>();
            for (Point p : family.data().points()) {
              long at = seq++;
              accept(header, p);
              if (last) continue;
              if (byTime) {
                for (int i = 0; i < buffer.size(); i++) {
                  Point o = buffer.get(i);
                  results.add(o.timeUnixNano(), at, i, encode(header, o));
                }
              } else {
                converted1.addAll(buffer);
              }
            }
            if (!last && !byTime && !converted1.isEmpty()) {
              out.write(rebuild(family, converted1));
            }
          }
        }
      }
      if (sortInput) {
        inputs.sorted(item -> {
          Record r = decode(item.payload());
          accept(r.header(), r.point(), item.k3());
          if (last) return;
          long superseded = direction == Direction.CUMULATIVE ? toCumulative.superseded() : -1;
          // Pass 2 has not written the superseded results yet: a tombstone after them drops them.
          if (superseded >= 0 && !byTime) results.add(superseded, Long.MAX_VALUE, 0, TOMBSTONE);
          for (int i = 0; i < buffer.size(); i++) {
            Point o = buffer.get(i);
            if (byTime) results.add(o.timeUnixNano(), item.k3(), i, encode(r.header(), o));
            else results.add(item.k3(), i, 0, encode(r.header(), o));
          }
        });
        inputs.close();
        if (!last && !byTime) rewrite(sources, results, out);
      }
      if (byTime) writeGrouped(results, out);
      if (last) writeLast(out);
    }
  }

  private void accept(int header, Point p) {
    accept(header, p, -1);
  }

  private void accept(int header, Point p, long position) {
    buffer.clear();
    StreamKey key = StreamKey.of(metrics.get(header), p.attributes());
    if (direction == Direction.CUMULATIVE) toCumulative.accept(key, p, buffer, position);
    else toDelta.accept(key, p, buffer);
    if (options.emit() == Emit.LAST && !buffer.isEmpty()) {
      lastPoints.put(key.detached(), new LastPoint(header, buffer.get(buffer.size() - 1)));
    }
  }

  /** Pass 2 of {@code --order=time}: the inputs again, each converted point replaced by its result. */
  private void rewrite(List<Source> sources, ExternalSorter results, MetricWriter out)
      throws IOException {
    // The results come back in input order; walk them alongside a second read of the inputs.
    try (ResultCursor cursor = new ResultCursor(results)) {
      rewrite(sources, cursor, out);
    }
  }

  private void rewrite(List<Source> sources, ResultCursor cursor, MetricWriter out)
      throws IOException {
    long seq = 0;
    for (Source source : sources) {
      try (MetricReader reader = source.open()) {
        for (Optional<MetricFamily> next = reader.read(); next.isPresent(); next = reader.read()) {
          MetricFamily family = next.get();
          if (!converts(family)) {
            out.write(family);
            continue;
          }
          List<Point> points = new ArrayList<>();
          for (int i = 0; i < family.data().points().size(); i++) {
            long at = seq++;
            points.addAll(cursor.take(at));
          }
          if (!points.isEmpty()) out.write(rebuild(family, points));
        }
      }
    }
  }

  /** Results sorted by input position, handed out position by position, streamed from the runs. */
  private static final class ResultCursor implements java.io.Closeable {
    private final ExternalSorter.Merge merge;
    private ExternalSorter.Item head;

    ResultCursor(ExternalSorter results) throws IOException {
      merge = results.merge();
      head = merge.next();
    }

    /** The results of input position {@code seq}; none when a tombstone follows them. */
    List<Point> take(long seq) throws IOException {
      List<Point> points = new ArrayList<>(1);
      while (head != null && head.k1() == seq) {
        if (isTombstone(head.payload())) points.clear();
        else points.add(decode(head.payload()).point());
        head = merge.next();
      }
      return points;
    }

    @Override
    public void close() throws IOException {
      merge.close();
    }
  }

  private void writeGrouped(ExternalSorter results, MetricWriter out) throws IOException {
    List<Point> group = new ArrayList<>();
    int[] current = {-1};
    results.sorted(item -> {
      Record r = decode(item.payload());
      if (r.header() != current[0] || group.size() >= 1000) {
        flush(current[0], group, out);
        current[0] = r.header();
      }
      group.add(r.point());
    });
    flush(current[0], group, out);
  }

  private void writeLast(MetricWriter out) throws IOException {
    List<Point> group = new ArrayList<>();
    int current = -1;
    for (LastPoint lp : lastPoints.values()) {
      if (lp.header() != current) {
        flush(current, group, out);
        current = lp.header();
      }
      group.add(lp.point());
    }
    flush(current, group, out);
  }

  private void flush(int header, List<Point> group, MetricWriter out) throws IOException {
    if (group.isEmpty()) return;
    MetricFamily family = headers.get(header);
    out.write(converts(family) ? rebuild(family, group) : family.withData(same(family.data(), group)));
    group.clear();
  }

  // ------------------------------------------------------------------------------ families

  private int header(MetricFamily family) {
    MetricFamily header = family.withData(same(family.data(), List.of()));
    Integer id = headerIds.get(header);
    if (id == null) {
      id = headers.size();
      headerIds.put(header, id);
      headers.add(header);
      // Equal metrics (differing in description only) share one instance: keys compare by identity.
      StreamKey.Metric metric = StreamKey.Metric.of(family);
      metrics.add(metricPool.computeIfAbsent(metric, m -> m));
    }
    return id;
  }

  /** The family with {@code points} in the target temporality. */
  MetricFamily rebuild(MetricFamily family, List<Point> points) {
    AggregationTemporality to = direction == Direction.CUMULATIVE
        ? AggregationTemporality.CUMULATIVE : AggregationTemporality.DELTA;
    MetricData data = family.data();
    return family.withData(switch (data.kind()) {
      case SUM -> new Sum(to, ((Sum) data).monotonic(), cast(points, NumberPoint.class));
      case HISTOGRAM -> new Histogram(to, cast(points, HistogramPoint.class));
      case EXPONENTIAL_HISTOGRAM ->
          new ExponentialHistogram(to, cast(points, ExponentialHistogramPoint.class));
      case SUMMARY -> new Summary(cast(points, SummaryPoint.class));
      case GAUGE -> new Gauge(cast(points, NumberPoint.class));
    });
  }

  /** {@code data}'s kind and temporality with other points. */
  private static MetricData same(MetricData data, List<Point> points) {
    return switch (data.kind()) {
      case SUM -> new Sum(((Sum) data).temporality(), ((Sum) data).monotonic(),
          cast(points, NumberPoint.class));
      case HISTOGRAM -> new Histogram(((Histogram) data).temporality(),
          cast(points, HistogramPoint.class));
      case EXPONENTIAL_HISTOGRAM -> new ExponentialHistogram(
          ((ExponentialHistogram) data).temporality(),
          cast(points, ExponentialHistogramPoint.class));
      case SUMMARY -> new Summary(cast(points, SummaryPoint.class));
      case GAUGE -> new Gauge(cast(points, NumberPoint.class));
    };
  }

  private static <P extends Point> List<P> cast(List<Point> points, Class<P> type) {
    List<P> out = new ArrayList<>(points.size());
    for (Point p : points) out.add(type.cast(p));
    return out;
  }

  // ------------------------------------------------------------------------------ records

  private record Record(int header, Point point) {}

  /** A result record that cancels the results of its input position sorted before it. */
  private static final byte[] TOMBSTONE = {-1, -1, -1, -1};

  private static boolean isTombstone(byte[] payload) {
    return payload.length == TOMBSTONE.length && java.util.Arrays.equals(payload, TOMBSTONE);
  }

  private static byte[] encode(int header, Point p) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(header);
    PointCodec.write(out, p);
    return bytes.toByteArray();
  }

  private static Record decode(byte[] payload) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
    int header = in.readInt();
    return new Record(header, PointCodec.read(in));
  }
}
