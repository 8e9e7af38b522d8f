package dev.promotel.format.prometheus;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricParseException;
import dev.promotel.format.MetricReader;
import dev.promotel.format.ReadOptions;
import dev.promotel.format.internal.LineReader;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.PromType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads the Prometheus text exposition format 0.0.4 (with Prometheus 3 quoted UTF-8 names) as a
 * stream of {@link MetricFamily}, one family or chunk per {@link #read()}. Semantics follow
 * prometheus/common {@code expfmt}'s TextParser, what {@code promtool check metrics} uses
 * (https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format):
 *
 * <ul>
 *   <li>{@code # HELP} and {@code # TYPE} (counter, gauge, histogram, summary, untyped) come at
 *       most once per family and before its samples; other comments and blank lines are ignored;
 *   <li>counter → monotonic cumulative {@code Sum}, gauge → {@code Gauge}, untyped or no TYPE →
 *       {@code Gauge} with {@link PromType#UNKNOWN}; the family name is the sample name;
 *   <li>{@code _bucket}/{@code _sum}/{@code _count} become histogram points and {@code quantile}
 *       samples with {@code _sum}/{@code _count} summary points only when TYPE says so; without it
 *       they are separate unknown families, as in expfmt;
 *   <li>bucket and count values must be non-negative integers, cumulative buckets must not
 *       decrease, and a missing +Inf bucket is taken from {@code _count} (an error without it).
 * </ul>
 *
 * <p>Streaming: a family ends where a sample or metadata line of another name starts, so only one
 * family (at most {@link ReadOptions#maxPointsPerChunk()} series of it) is held at a time. A name
 * that comes back later starts a new family of the same name, which writers report as a
 * duplicate. Bad input throws a {@link MetricParseException} positioned at the offending token:
 * {@code in.prom:3:14: expected '=' after label name, got '}'}.
 *
 * <p>Example input: {@code http_requests_total{method="post",code="200"} 1027 1395066363000}.
 */
public final class PrometheusTextReader implements MetricReader {
  private final InputStream in;
  private final LineReader lines;
  private final PromLineParser parser;
  private final String source;
  private final int maxPointsPerChunk;
  /** Null: invalid values fail the read; else they are reported there and left out (lint). */
  private final dev.promotel.format.ValueProblems valueProblems;
  private final Diagnostics diagnostics;
  private FamilyBuilder current;
  private MetricFamily ready;
  private long readyStart;
  private long[] readyLines;
  private long lastStart;
  private long[] lastLines = new long[0];
  private boolean done;

  /** Reads {@code in} (closed by {@link #close()}); {@code sourceName} prefixes error positions. */
  public PrometheusTextReader(InputStream in, String sourceName, ReadOptions options) {
    this(in, sourceName, options, new Diagnostics());
  }

  /** A reader that counts what the model cannot hold (a timestamp of 0) in {@code diagnostics}. */
  public PrometheusTextReader(
      InputStream in, String sourceName, ReadOptions options, Diagnostics diagnostics) {
    this.in = in;
    this.diagnostics = diagnostics;
    this.source = sourceName;
    this.lines = new LineReader(in, sourceName, options.maxLineBytes());
    this.parser = new PromLineParser(lines, options);
    this.maxPointsPerChunk = options.maxPointsPerChunk();
    this.valueProblems = options.valueProblems();
  }

  @Override
  public Optional<MetricFamily> read() throws IOException {
    try {
      while (ready == null && !done) {
        if (!lines.next()) {
          done = true;
          if (current != null) finished(current);
          current = null;
        } else {
          handleLine();
        }
      }
    } catch (MetricParseException e) {
      done = true;
      current = null;
      throw e;
    }
    MetricFamily family = ready;
    ready = null;
    if (family != null) {
      lastStart = readyStart;
      lastLines = readyLines;
    }
    return Optional.ofNullable(family);
  }

  /** Takes the chunk {@code builder} has assembled (if any) as the next family to return. */
  private void finished(FamilyBuilder builder) throws MetricParseException {
    ready = builder.finish();
    readyStart = builder.finishedStart();
    readyLines = builder.finishedLines();
  }

  /** Remembers the positions of a chunk that {@code add} cut off before it was returned. */
  private void finishedFull(MetricFamily full, FamilyBuilder builder) {
    ready = full;
    readyStart = builder.finishedStart();
    readyLines = builder.finishedLines();
  }

  @Override
  public long familyLine() {
    return lastStart;
  }

  @Override
  public long pointLine(int index) {
    return index >= 0 && index < lastLines.length ? lastLines[index] : 0;
  }

  private void handleLine() throws MetricParseException {
    switch (parser.parse()) {
      case PromLineParser.SKIP -> {}
      case PromLineParser.HELP -> {
        FamilyBuilder family = familyForMetadata();
        if (family.hasHelp()) {
          throw parser.errorAt(parser.keywordAt,
              "expected one HELP line for " + family.name() + ", got a second one");
        }
        if (family.hasSamples()) {
          throw parser.errorAt(parser.keywordAt,
              "expected the HELP line for " + family.name() + " before its samples, got it after");
        }
        family.setHelp(parser.helpText);
      }
      case PromLineParser.TYPE -> {
        FamilyBuilder family = familyForMetadata();
        if (family.hasType()) {
          throw parser.errorAt(parser.keywordAt,
              "expected one TYPE line for " + family.name() + ", got a second one");
        }
        if (family.hasSamples()) {
          throw parser.errorAt(parser.keywordAt,
              "expected the TYPE line for " + family.name() + " before its samples, got it after");
        }
        family.setType(parser.type);
      }
      case PromLineParser.SAMPLE -> {
        if (parser.hasTimestamp && parser.timestampNanos == 0) {
          // The model's time 0 means "no timestamp" (as in OTLP), so the epoch cannot be kept.
          diagnostics.loss("timestamp-zero-dropped", "sample timestamps of 0 (1970-01-01T00:00:00Z)"
              + " dropped: promotel reads a time of 0 as no timestamp");
        }
        FamilyBuilder.Role role = current == null ? null : current.roleOf(parser);
        if (role == null) {
          startFamily();
          role = FamilyBuilder.Role.BASE;
        }
        MetricFamily full = current.add(role, parser, lines.lineNumber());
        if (full != null) finishedFull(full, current);
      }
      default -> throw new AssertionError("unknown entry kind");
    }
  }

  /** The family a HELP or TYPE line is about: the current one if the names match, else a new one. */
  private FamilyBuilder familyForMetadata() throws MetricParseException {
    if (current == null || !parser.nameEquals(current.nameBytes())) startFamily();
    return current;
  }

  private void startFamily() throws MetricParseException {
    if (current != null) finished(current);
    current = new FamilyBuilder(parser.name(), source, maxPointsPerChunk, lines.lineNumber(),
        valueProblems);
  }

  /** Closes the input stream. */
  @Override
  public void close() throws IOException {
    in.close();
  }
}
