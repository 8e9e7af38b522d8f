package dev.promotel.cli;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricWriter;
import dev.promotel.io.PromotelIOException;
import dev.promotel.model.MetricData;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.Point;
import dev.promotel.select.FamilySeries;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The sinks behind {@code filter}'s series transform: routing, {@code --sort}, {@code --head}. */
final class FilterSinks {
  private FilterSinks() {}

  /**
   * Sends families to the sink of the input being read (each input's kind has its own mapping
   * into the output format), flushing the output writer after each family when the output is a
   * pipe or terminal, so downstream commands see whole families at once.
   */
  static final class Router implements MetricWriter {
    private final MetricWriter output;
    private final boolean flushEachFamily;
    private final Closeable closer;
    private MetricWriter current;

    /** {@code closer} ends the conversion: its mappings, then the output writer. */
    Router(MetricWriter output, boolean flushEachFamily, Closeable closer) {
      this.output = output;
      this.flushEachFamily = flushEachFamily;
      this.closer = closer;
    }

    void use(MetricWriter sink) {
      current = sink;
    }

    MetricWriter current() {
      return current;
    }

    @Override
    public void write(MetricFamily family) throws IOException {
      current.write(family);
      if (flushEachFamily) output.flush();
    }

    @Override
    public void close() throws IOException {
      closer.close();
    }
  }

  /**
   * {@code --head N}: passes the first N families (a family's later chunks count with it) and
   * drops the rest; {@link #isFull()} lets the reading loop stop early.
   */
  static final class Head implements MetricWriter {
    private final long limit;
    private final MetricWriter next;
    private long families;
    private String lastName;

    Head(long limit, MetricWriter next) {
      this.limit = limit;
      this.next = next;
    }

    /** Whether a family beyond the limit arrived: nothing more will be written. */
    boolean isFull() {
      return families > limit;
    }

    @Override
    public void write(MetricFamily family) throws IOException {
      if (!family.name().equals(lastName)) {
        lastName = family.name();
        families++;
      }
      if (families <= limit) next.write(family);
    }

    @Override
    public void close() throws IOException {
      next.close();
    }
  }

  /**
   * {@code --sort}: holds every family until the end, merges the chunks and repeats of one family
   * (same name, data kind, resource and scope; a repeated series is kept once, loss {@code
   * relabel-duplicate-series}), then writes the families by name and each family's series by
   * labels (the sort is stable: equal labels keep their input order). It holds the whole (filtered) input, so it is bounded: more than
   * {@code maxSeries} series is an error (exit 3) naming {@code --sort-limit}.
   */
  static final class Sort implements MetricWriter {
    private final Router router;
    private final MetricWriter next;
    private final long maxSeries;
    private final Diagnostics diagnostics;
    private final Map<Key, Held> held = new LinkedHashMap<>();
    private long series;

    private record Key(String name, Object kind, Object resource, Object scope, Object type) {}

    private static final class Held {
      MetricFamily first;
      MetricWriter sink;
      final List<Point> points = new ArrayList<>();
    }

    Sort(Router router, MetricWriter next, long maxSeries, Diagnostics diagnostics) {
      this.router = router;
      this.next = next;
      this.maxSeries = maxSeries;
      this.diagnostics = diagnostics;
    }

    @Override
    public void write(MetricFamily family) throws IOException {
      series += family.data().points().size();
      if (series > maxSeries) {
        throw new PromotelIOException("--sort holds the whole input in memory and stops at "
            + maxSeries + " series; raise --sort-limit, or filter more first",
            PromotelIOException.EXIT_INVALID_INPUT);
      }
      // Gauges and counters of one name are one family (relabelling may rename one into the
      // other): the first one's type wins. Other kinds of one name stay apart.
      boolean number = family.data().kind() == MetricData.Kind.GAUGE
          || family.data().kind() == MetricData.Kind.SUM;
      Key key = new Key(family.name(), number ? "number" : family.data().kind(),
          family.resource(), family.scope(), number ? "number" : family.promType());
      Held h = held.computeIfAbsent(key, k -> new Held());
      if (h.first == null) {
        h.first = family;
        h.sink = router.current();
      } else if (h.first.promType() != family.promType()) {
        diagnostics.note("relabel-type-changed", "series renamed by relabelling into an existing"
            + " family of another type take that family's type");
      }
      h.points.addAll(family.data().points());
    }

    /**
     * Sorted points with each label set once: a family that occurred twice (or that relabelling
     * fed from two families) may repeat a series; the first is kept, as the text formats need.
     */
    private List<Point> withoutRepeats(List<Point> sorted) {
      List<Point> out = new ArrayList<>(sorted.size());
      for (Point p : sorted) {
        if (!out.isEmpty() && out.get(out.size() - 1).attributes().equals(p.attributes())) {
          diagnostics.loss("relabel-duplicate-series", "series dropped after relabelling or label"
              + " operations: an earlier series of the family ended with the same labels");
          continue;
        }
        out.add(p);
      }
      return out;
    }

    @Override
    public void close() throws IOException {
      try {
        List<Held> families = new ArrayList<>(held.values());
        families.sort(Comparator.comparing((Held h) -> h.first.name()));
        for (Held h : families) {
          h.points.sort(Comparator.comparing(Point::attributes));
          router.use(Objects.requireNonNull(h.sink));
          next.write(FamilySeries.withPoints(h.first, withoutRepeats(h.points)));
        }
        held.clear();
      } finally {
        next.close();
      }
    }
  }
}
