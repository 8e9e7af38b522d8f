package dev.promotel.translate.semconv;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricWriter;
import dev.promotel.format.ReadOptions;
import dev.promotel.format.prometheus.PrometheusTextReader;
import dev.promotel.model.Attributes;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.NumberPoint;
import dev.promotel.model.Point;
import dev.promotel.model.SummaryPoint;
import dev.promotel.pipeline.Pipeline;
import dev.promotel.translate.mapping.PrometheusToOtlp;
import dev.promotel.translate.mapping.PrometheusToOtlpOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the {@code examples} of a rule set ({@code promotel rules test}): each example's {@code in}
 * (Prometheus text) goes through the same chain as {@code rename semconv} (the OTLP mapping, then
 * the set's rules and the given label rule sets) and the resulting points, rendered one per line,
 * must equal the example's {@code out} lines as a set. Rendering: {@code name{key=value,...} value};
 * string values quoted, other types bare, keys sorted, resource attributes prefixed with {@code @};
 * histograms as {@code count=N sum=S}; numbers compared with a relative tolerance of 1e-9.
 *
 * <p>Example: in {@code node_cpu_seconds_total{cpu="0",mode="irq"} 5}, out {@code
 * system.cpu.time{cpu.logical_number=0,cpu.mode="interrupt"} 5}.
 */
public final class RuleTester {
  /** The outcome of one example. */
  public record Result(RuleSet.Example example, boolean passed, List<String> expected, List<String> actual) {}

  private final List<RuleSet> labelSets;

  /** @param labelSets {@code kind: labels} sets applied after the tested set's rules */
  public RuleTester(List<RuleSet> labelSets) {
    this.labelSets = List.copyOf(labelSets);
  }

  public List<Result> run(RuleSet set) throws IOException {
    List<Result> results = new ArrayList<>();
    for (RuleSet.Example ex : set.examples()) results.add(run(set, ex));
    return results;
  }

  private Result run(RuleSet set, RuleSet.Example ex) throws IOException {
    List<RuleSet> sets = new ArrayList<>(labelSets);
    if (!sets.contains(set)) sets.add(set);
    List<String> actual = new ArrayList<>();
    MetricWriter collect = new MetricWriter() {
      @Override
      public void write(MetricFamily family) {
        for (Point p : family.data().points()) actual.add(render(family, p));
      }

      @Override
      public void close() {}
    };
    Diagnostics diagnostics = new Diagnostics();
    SemconvRenamer renamer = new SemconvRenamer(collect, new RuleEngine(sets), diagnostics,
        SemconvRenamer.DEFAULT_MAX_BUFFERED_POINTS);
    PrometheusToOtlp toOtlp = new PrometheusToOtlp(renamer,
        PrometheusToOtlpOptions.DEFAULTS.withDefaultTimestamp(1), diagnostics);
    String text = ex.in().endsWith("\n") ? ex.in() : ex.in() + "\n";
    Pipeline.run(new PrometheusTextReader(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        ex.position().toString(), ReadOptions.DEFAULTS, diagnostics), toOtlp);
    toOtlp.close();
    List<String> expected = new ArrayList<>();
    for (String line : ex.out().split("\n")) if (!line.isBlank()) expected.add(line.strip());
    return new Result(ex, sameLines(expected, actual), expected, actual);
  }

  /** One point as the {@code out} notation writes it. */
  static String render(MetricFamily family, Point p) {
    StringBuilder sb = new StringBuilder(family.name()).append('{');
    List<String> parts = new ArrayList<>();
    Attributes r = family.resource().attributes();
    for (int i = 0; i < r.size(); i++) parts.add("@" + r.key(i) + "=" + literal(r.value(i)));
    Attributes a = p.attributes();
    for (int i = 0; i < a.size(); i++) parts.add(a.key(i) + "=" + literal(a.value(i)));
    parts.sort(null);
    sb.append(String.join(",", parts)).append("} ");
    if (p instanceof NumberPoint n) {
      sb.append(n.value());
    } else if (p instanceof HistogramPoint h) {
      sb.append("count=").append(h.count()).append(" sum=").append(h.sum().orElse(0));
    } else if (p instanceof SummaryPoint s) {
      sb.append("count=").append(s.count().orElse(0)).append(" sum=").append(s.sum().orElse(0));
    } else {
      sb.append("count=").append(((dev.promotel.model.ExponentialHistogramPoint) p).count());
    }
    return sb.toString();
  }

  private static String literal(dev.promotel.model.AttributeValue v) {
    return v instanceof dev.promotel.model.AttributeValue.StringValue ? "\"" + v.asString() + "\"" : v.asString();
  }

  private static boolean sameLines(List<String> expected, List<String> actual) {
    if (expected.size() != actual.size()) return false;
    List<String> left = new ArrayList<>(actual);
    for (String e : expected) {
      int hit = -1;
      for (int i = 0; i < left.size() && hit < 0; i++) if (sameLine(e, left.get(i))) hit = i;
      if (hit < 0) return false;
      left.remove(hit);
    }
    return true;
  }

  /** Equal up to spaces after commas, with the numbers after the labels compared numerically. */
  private static boolean sameLine(String expected, String actual) {
    int ei = expected.lastIndexOf("} ");
    int ai = actual.lastIndexOf("} ");
    if (ei < 0 || ai < 0) return expected.equals(actual);
    String eHead = canonicalHead(expected.substring(0, ei));
    String aHead = canonicalHead(actual.substring(0, ai));
    if (!eHead.equals(aHead)) return false;
    String[] ev = expected.substring(ei + 2).trim().split("\\s+");
    String[] av = actual.substring(ai + 2).trim().split("\\s+");
    if (ev.length != av.length) return false;
    for (int i = 0; i < ev.length; i++) if (!sameNumber(ev[i], av[i])) return false;
    return true;
  }

  private static String canonicalHead(String head) {
    int brace = head.indexOf('{');
    if (brace < 0) return head;
    String name = head.substring(0, brace);
    String body = head.substring(brace + 1);
    List<String> parts = new ArrayList<>();
    for (String part : splitTopLevel(body)) if (!part.isBlank()) parts.add(part.strip());
    parts.sort(null);
    return name + "{" + String.join(",", parts);
  }

  /** Splits at commas outside double quotes. */
  private static List<String> splitTopLevel(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (char c : s.toCharArray()) {
      if (c == '"') quoted = !quoted;
      if (c == ',' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  private static boolean sameNumber(String e, String a) {
    int eq = e.indexOf('=');
    int aq = a.indexOf('=');
    if (eq >= 0 || aq >= 0) {
      if (eq < 0 || aq < 0 || !e.substring(0, eq).equals(a.substring(0, aq))) return false;
      e = e.substring(eq + 1);
      a = a.substring(aq + 1);
    }
    try {
      double x = Double.parseDouble(e);
      double y = Double.parseDouble(a);
      return x == y || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
    } catch (NumberFormatException ex) {
      return e.equals(a);
    }
  }
}
